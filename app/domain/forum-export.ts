// A forum's captures as CSV for spreadsheets (UTF-8 with BOM, so Excel reads accents right).

/**
 * One CSV cell: quoted when needed, and a leading = + - @ (or tab/CR) is prefixed with an apostrophe so a
 * spreadsheet shows citizen text as text instead of running it as a formula (CSV injection).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = Array.isArray(value) ? value.join("; ") : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  const lines = [header.map(csvCell).join(","), ...rows.map((r) => r.map(csvCell).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export const CAPTURE_CSV_HEADER = [
  "id",
  "forum_department",
  "forum_municipality",
  "forum_date",
  "table",
  "theme",
  "text",
  "speaker_sector",
  "tags",
  "status",
  "captured_by",
  "captured_at_device",
  "received_at",
  "updated_at",
  "summary_id",
  "summary_title",
] as const;

export interface CaptureExportRow {
  id: string;
  department: string;
  municipality: string;
  heldOn: string;
  tableNumber: number;
  themeName: string | null;
  text: string;
  speakerSector: string | null;
  tags: string[];
  status: string;
  capturedByName: string | null;
  capturedAt: string | null;
  createdAt: string;
  updatedAt: string;
  summaryId: string | null;
  summaryTitle: string | null;
}

export function capturesCsv(rows: readonly CaptureExportRow[]): string {
  return toCsv(
    CAPTURE_CSV_HEADER,
    rows.map((r) => [
      r.id,
      r.department,
      r.municipality,
      r.heldOn,
      r.tableNumber,
      r.themeName,
      r.text,
      r.speakerSector,
      r.tags,
      r.status,
      r.capturedByName,
      r.capturedAt,
      r.createdAt,
      r.updatedAt,
      r.summaryId,
      r.summaryTitle,
    ]),
  );
}
