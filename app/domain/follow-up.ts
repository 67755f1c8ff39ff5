// Follow-up of the plan's commitments (decision 0009), as pure rules: a milestone's current progress from its
// reports, how late it is against its planned dates on a given day, each commitment's completion and the plan's.
// No I/O: "today" is a parameter, so pages, the API, the export and the tests agree on one day.

/** The OGP's completion levels, in order. */
export const PROGRESS_STATUSES = ["not_started", "limited", "substantial", "complete"] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export function isProgressStatus(value: unknown): value is ProgressStatus {
  return typeof value === "string" && (PROGRESS_STATUSES as readonly string[]).includes(value);
}

/**
 * How far each level goes towards done, in thirds: not started 0, limited 1/3, substantial 2/3, complete 1.
 * Counted in whole thirds so that the level is decided on integers (1/3 + 2/3 in floating point is under 1).
 */
const THIRDS: Record<ProgressStatus, number> = { not_started: 0, limited: 1, substantial: 2, complete: 3 };

/** One stored report on a milestone: progress (status and actual dates) or evidence (a link). */
export interface FollowupRecord {
  seq: number;
  position: number;
  kind: "progress" | "evidence";
  status: string | null;
  actualStartOn: string | null;
  actualEndOn: string | null;
  createdAt: string;
}

/** A milestone as the commitment's text has it now. */
export interface PlannedMilestone {
  position: number;
  startsOn: string | null;
  endsOn: string | null;
}

export interface MilestoneProgress {
  position: number;
  status: ProgressStatus;
  actualStartOn: string | null;
  actualEndOn: string | null;
  /** The newest progress report (null: nobody reported yet, the milestone counts as not started). */
  lastReportedAt: string | null;
}

/** Newest first: by time written, then by the order the database stored them (two reports in one millisecond). */
export function historyOrder<T extends { seq: number; createdAt: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => (a.createdAt === b.createdAt ? b.seq - a.seq : a.createdAt < b.createdAt ? 1 : -1));
}

/** The current progress of one milestone: its newest progress report, or "not started" when none. */
export function currentProgress(position: number, records: readonly FollowupRecord[]): MilestoneProgress {
  const latest = historyOrder(records.filter((r) => r.position === position && r.kind === "progress" && isProgressStatus(r.status)))[0];
  if (!latest) return { position, status: "not_started", actualStartOn: null, actualEndOn: null, lastReportedAt: null };
  return {
    position,
    status: latest.status as ProgressStatus,
    actualStartOn: latest.actualStartOn,
    actualEndOn: latest.actualEndOn,
    lastReportedAt: latest.createdAt,
  };
}

export type Lateness =
  /** No planned end date: lateness cannot be told. */
  | { kind: "undated" }
  /** Not complete, and the planned end is today or later. */
  | { kind: "on_track" }
  /** Not complete, and the planned end has passed: days since the planned end. */
  | { kind: "late"; days: number }
  /** Complete on or before the planned end (or complete without an actual date). */
  | { kind: "done" }
  /** Complete after the planned end: days after it. */
  | { kind: "done_late"; days: number };

export const LATENESS_KINDS = ["undated", "on_track", "late", "done", "done_late"] as const satisfies ReadonlyArray<Lateness["kind"]>;

const DAY = 86_400_000;
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** Lateness against the milestone's planned end, on `today` (YYYY-MM-DD). A milestone ending today is not late yet. */
export function latenessOf(planned: Pick<PlannedMilestone, "endsOn">, progress: Pick<MilestoneProgress, "status" | "actualEndOn">, today: string): Lateness {
  if (progress.status === "complete") {
    if (planned.endsOn && progress.actualEndOn && progress.actualEndOn > planned.endsOn)
      return { kind: "done_late", days: daysBetween(planned.endsOn, progress.actualEndOn) };
    return { kind: "done" };
  }
  if (!planned.endsOn) return { kind: "undated" };
  if (today > planned.endsOn) return { kind: "late", days: daysBetween(planned.endsOn, today) };
  return { kind: "on_track" };
}

export interface Completion {
  milestones: number;
  complete: number;
  /** Milestones not complete whose planned end has passed. */
  late: number;
  /** complete / milestones (0 when there are none). */
  shareComplete: number;
  /** The mean of the milestones' weights (not started 0, limited 1/3, substantial 2/3, complete 1). */
  progress: number;
  /** The OGP level of the whole: complete when every milestone is; not started when none has begun; substantial from half way. */
  level: ProgressStatus;
  /** How many milestones are at each level. */
  byStatus: Record<ProgressStatus, number>;
}

/** The level of `milestones` milestones whose weights add up to `thirds` thirds. */
export function levelOf(thirds: number, milestones: number): ProgressStatus {
  if (milestones === 0 || thirds === 0) return "not_started";
  if (thirds >= 3 * milestones) return "complete";
  return 2 * thirds >= 3 * milestones ? "substantial" : "limited";
}

/** Completion of a set of milestones (one commitment's, or every commitment's for the plan in total). */
export function completionOf(items: ReadonlyArray<{ status: ProgressStatus; lateness: Lateness }>): Completion {
  const byStatus: Record<ProgressStatus, number> = { not_started: 0, limited: 0, substantial: 0, complete: 0 };
  let thirds = 0;
  let late = 0;
  for (const item of items) {
    byStatus[item.status]++;
    thirds += THIRDS[item.status];
    if (item.lateness.kind === "late") late++;
  }
  const n = items.length;
  const progress = n === 0 ? 0 : thirds / (3 * n);
  return {
    milestones: n,
    complete: byStatus.complete,
    late,
    shareComplete: n === 0 ? 0 : byStatus.complete / n,
    progress,
    level: levelOf(thirds, n),
    byStatus,
  };
}

export interface MilestoneFollowup extends MilestoneProgress {
  lateness: Lateness;
}

/** Every milestone of one commitment with its progress and lateness, and the commitment's completion. */
export function commitmentFollowup(milestones: readonly PlannedMilestone[], records: readonly FollowupRecord[], today: string) {
  const items: MilestoneFollowup[] = [...milestones]
    .sort((a, b) => a.position - b.position)
    .map((m) => {
      const progress = currentProgress(m.position, records);
      return { ...progress, lateness: latenessOf(m, progress, today) };
    });
  // Reports on a milestone number the text no longer has (a later amendment dropped it) stay in the history only.
  const numbers = new Set(milestones.map((m) => m.position));
  const orphanPositions = [...new Set(records.map((r) => r.position))].filter((p) => !numbers.has(p)).sort((a, b) => a - b);
  return { milestones: items, completion: completionOf(items), orphanPositions };
}

/** The plan in total: every commitment's milestones counted together, and how many commitments are at each level. */
export function planCompletion(commitments: ReadonlyArray<{ milestones: readonly MilestoneFollowup[]; completion: Completion }>) {
  const total = completionOf(commitments.flatMap((c) => c.milestones));
  const commitmentsByLevel: Record<ProgressStatus, number> = { not_started: 0, limited: 0, substantial: 0, complete: 0 };
  for (const c of commitments) commitmentsByLevel[c.completion.level]++;
  return { ...total, commitments: commitments.length, commitmentsByLevel };
}

/** Evidence links are public: only http(s) addresses, never javascript:, data: or file:. */
export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === "http:" || u.protocol === "https:") && Boolean(u.hostname);
  } catch {
    return false;
  }
}
