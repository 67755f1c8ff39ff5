// What the forum boards show, as pure functions over captures: the live list (events applied once, in any
// order), counts per worktable and theme, and the grouping by theme.

/** A forum capture as boards, the capture screen and socket events carry it. */
export interface BoardCapture {
  id: string;
  forumId: string;
  worktableId: string;
  tableNumber: number;
  themeId: string | null;
  text: string;
  speakerSector: string | null;
  tags: string[];
  capturedBy: string | null;
  capturedByName: string | null;
  status: "visible" | "hidden" | "withdrawn";
  createdAt: string;
  updatedAt: string;
  summaryId: string | null;
}

/**
 * Applies a capture (new or changed) to a list kept newest first. Applying the same capture twice, or an
 * older version after a newer one, changes nothing: a board that gets an event again after reconnecting,
 * or from both a snapshot and an event, still shows each capture exactly once.
 */
export function applyCapture(list: readonly BoardCapture[], capture: BoardCapture): BoardCapture[] {
  const i = list.findIndex((c) => c.id === capture.id);
  if (i >= 0) {
    if (list[i].updatedAt > capture.updatedAt) return list as BoardCapture[];
    const next = [...list];
    next[i] = capture;
    return next;
  }
  const next = [capture, ...list];
  return next.sort(newestFirst);
}

/** Merges a fresh snapshot from the server into what a page already holds (newer versions win). */
export function mergeCaptures(list: readonly BoardCapture[], snapshot: readonly BoardCapture[]): BoardCapture[] {
  return snapshot.reduce<BoardCapture[]>((acc, c) => applyCapture(acc, c), [...list]);
}

function newestFirst(a: BoardCapture, b: BoardCapture): number {
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1;
}

/** Boards show what citizens said: withdrawn (and moderated) captures leave the board and the counts. */
export function visibleCaptures(list: readonly BoardCapture[]): BoardCapture[] {
  return list.filter((c) => c.status === "visible");
}

export interface BoardCounts {
  total: number;
  byTable: Record<string, number>;
  byTheme: Record<string, number>;
  /** worktableId → themeId → count: a table's theme is preselected, but a speaker may raise another one. */
  byTableAndTheme: Record<string, Record<string, number>>;
  summarized: number;
}

export const NO_THEME = "none";

export function boardCounts(list: readonly BoardCapture[], worktableIds: readonly string[] = [], themeIds: readonly string[] = []): BoardCounts {
  const byTable: Record<string, number> = Object.fromEntries(worktableIds.map((id) => [id, 0]));
  const byTheme: Record<string, number> = Object.fromEntries(themeIds.map((id) => [id, 0]));
  const byTableAndTheme: Record<string, Record<string, number>> = {};
  let summarized = 0;
  const visible = visibleCaptures(list);
  for (const c of visible) {
    const theme = c.themeId ?? NO_THEME;
    byTable[c.worktableId] = (byTable[c.worktableId] ?? 0) + 1;
    byTheme[theme] = (byTheme[theme] ?? 0) + 1;
    byTableAndTheme[c.worktableId] ??= {};
    byTableAndTheme[c.worktableId][theme] = (byTableAndTheme[c.worktableId][theme] ?? 0) + 1;
    if (c.summaryId) summarized++;
  }
  return { total: visible.length, byTable, byTheme, byTableAndTheme, summarized };
}

/** Visible captures grouped by theme, in the themes' order; captures of an unknown theme come last. */
export function groupByTheme<T extends { id: string }>(
  list: readonly BoardCapture[],
  themes: readonly T[],
): Array<{ theme: T | null; captures: BoardCapture[] }> {
  const groups = new Map<string, BoardCapture[]>(themes.map((t) => [t.id, []]));
  const other: BoardCapture[] = [];
  for (const c of visibleCaptures(list)) {
    const group = c.themeId ? groups.get(c.themeId) : undefined;
    if (group) group.push(c);
    else other.push(c);
  }
  const result: Array<{ theme: T | null; captures: BoardCapture[] }> = themes.map((t) => ({ theme: t, captures: groups.get(t.id)! }));
  if (other.length) result.push({ theme: null, captures: other });
  return result;
}
