// Funnel snapshots (issue 10): the published figures of a moment, kept with the ids behind each one, so a figure can
// be reproduced later and compared with today's. Pure: no I/O.
import { FUNNEL_STAGES, type FunnelStage } from "./funnel";
import type { FunnelCounts } from "./proposals/counts";

export type StageIds = Record<FunnelStage, string[]>;

/** What a snapshot stores: the ids that entered each column, for all themes and per theme. */
export interface SnapshotCounts {
  total: StageIds;
  byTheme: Record<string, StageIds>;
}

function idsOf(f: FunnelCounts["total"]): StageIds {
  return Object.fromEntries(FUNNEL_STAGES.map((s) => [s, [...f[s].enteredIds].sort()])) as StageIds;
}

export function snapshotCounts(counts: FunnelCounts): SnapshotCounts {
  return {
    total: idsOf(counts.total),
    byTheme: Object.fromEntries(Object.entries(counts.byTheme).map(([theme, f]) => [theme, idsOf(f)])),
  };
}

export function emptyStageIds(): StageIds {
  return Object.fromEntries(FUNNEL_STAGES.map((s) => [s, []])) as unknown as StageIds;
}

/** One figure then and now, and which proposals entered or left it since. */
export interface CellChange {
  then: number;
  now: number;
  entered: string[];
  left: string[];
}

export type StageChanges = Record<FunnelStage, CellChange>;

export interface SnapshotComparison {
  total: StageChanges;
  byTheme: Record<string, StageChanges>;
  /** Every proposal that entered or left some figure since the snapshot. */
  changedIds: string[];
}

function compareCell(then: readonly string[], now: readonly string[]): CellChange {
  const a = new Set(then);
  const b = new Set(now);
  return { then: a.size, now: b.size, entered: [...b].filter((id) => !a.has(id)).sort(), left: [...a].filter((id) => !b.has(id)).sort() };
}

function compareStages(then: StageIds | undefined, now: StageIds | undefined): StageChanges {
  return Object.fromEntries(FUNNEL_STAGES.map((s) => [s, compareCell(then?.[s] ?? [], now?.[s] ?? [])])) as StageChanges;
}

/** A snapshot's figures next to today's, per column and theme (themes of either side). */
export function compareSnapshot(then: SnapshotCounts, now: SnapshotCounts): SnapshotComparison {
  const themes = [...new Set([...Object.keys(then.byTheme), ...Object.keys(now.byTheme)])];
  const byTheme = Object.fromEntries(themes.map((th) => [th, compareStages(then.byTheme[th], now.byTheme[th])]));
  const total = compareStages(then.total, now.total);
  const changed = new Set<string>();
  for (const s of FUNNEL_STAGES) for (const id of [...total[s].entered, ...total[s].left]) changed.add(id);
  return { total, byTheme, changedIds: [...changed].sort() };
}

/** The figures of a snapshot (how many ids per column). */
export function figures(ids: StageIds): Record<FunnelStage, number> {
  return Object.fromEntries(FUNNEL_STAGES.map((s) => [s, ids[s]?.length ?? 0])) as Record<FunnelStage, number>;
}
