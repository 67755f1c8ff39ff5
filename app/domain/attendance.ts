// Forum attendance: who came (sector, gender, age range, department; a name only if given, never published)
// or just a head count, and the live totals per forum and for the whole consultation.
import { PARTICIPANT_SECTORS } from "./guatemala";
import { AGE_RANGES, GENDERS } from "./opinion";

// The same lists as online opinions, so forum and online participation can be compared.
export { AGE_RANGES, GENDERS, PARTICIPANT_SECTORS };

export interface AttendanceRow {
  forum_id: string;
  head_count: number;
  sector: string | null;
  gender: string | null;
  age_range: string | null;
  department: string | null;
}

export interface AttendanceTotals {
  total: number;
  /** People registered with at least one detail (the rest came in as a plain head count). */
  registered: number;
  bySector: Record<string, number>;
  byGender: Record<string, number>;
  byAgeRange: Record<string, number>;
  byDepartment: Record<string, number>;
}

export const NOT_SAID = "not_said";

export function attendanceTotals(rows: readonly AttendanceRow[]): AttendanceTotals {
  const totals: AttendanceTotals = { total: 0, registered: 0, bySector: {}, byGender: {}, byAgeRange: {}, byDepartment: {} };
  const add = (bucket: Record<string, number>, key: string | null, n: number) => {
    const k = key ?? NOT_SAID;
    bucket[k] = (bucket[k] ?? 0) + n;
  };
  for (const r of rows) {
    totals.total += r.head_count;
    // A plain head count says nothing about who came: it shows up as "not said" in every breakdown,
    // so each breakdown still adds up to the total.
    if (r.sector !== null || r.gender !== null || r.age_range !== null || r.department !== null) totals.registered += r.head_count;
    add(totals.bySector, r.sector, r.head_count);
    add(totals.byGender, r.gender, r.head_count);
    add(totals.byAgeRange, r.age_range, r.head_count);
    add(totals.byDepartment, r.department, r.head_count);
  }
  return totals;
}
