// The ten phases of a co-creation (docs/domain.md) and the pure rules for opening and closing stages.
export const PHASES = [
  "public_call",
  "opinion_intake",
  "forums",
  "systematization",
  "thematic_roundtables",
  "technical_roundtable",
  "draft_plan",
  "ogp_review",
  "approval",
  "submission",
] as const;
export type Phase = (typeof PHASES)[number] | "custom";

export const STAGE_STATUSES = ["pending", "open", "closed"] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

export interface StageLike {
  id: string;
  phase: string;
  name: string;
  position: number;
  status: StageStatus;
  starts_on: string | null;
  ends_on: string | null;
}

export type TransitionResult = { ok: true; status: StageStatus } | { ok: false; reason: "already_open" | "already_closed" | "not_open" };

/** Opening is allowed from pending or closed (a stage may be reopened); several stages may be open at once. */
export function openStage(stage: Pick<StageLike, "status">): TransitionResult {
  if (stage.status === "open") return { ok: false, reason: "already_open" };
  return { ok: true, status: "open" };
}

export function closeStage(stage: Pick<StageLike, "status">): TransitionResult {
  if (stage.status === "closed") return { ok: false, reason: "already_closed" };
  if (stage.status !== "open") return { ok: false, reason: "not_open" };
  return { ok: true, status: "closed" };
}

/**
 * A stage as the public sees it on a given day (YYYY-MM-DD where the consultation happens). A stage is open only
 * while it was opened AND the day is within its dates, when it has them: an opened stage whose end date has passed
 * reads "closed" (on its end date), one opened before its start date reads "pending" (opens on its start date).
 * `on` is the date a reader is told: when it closed, or when it opens, or until when it is open.
 */
export interface StageStateOn {
  status: StageStatus;
  /** Why: "manual" — the point of contact opened or closed it; "dates" — its dates decide today. */
  by: "manual" | "dates";
  on: string | null;
}

export function stageStateOn(stage: Pick<StageLike, "status" | "starts_on" | "ends_on"> & { closed_at?: string | null }, today: string): StageStateOn {
  if (stage.status === "closed") return { status: "closed", by: "manual", on: stage.closed_at ? stage.closed_at.slice(0, 10) : stage.ends_on };
  if (stage.status === "pending") return { status: "pending", by: "manual", on: stage.starts_on };
  if (stage.starts_on && today < stage.starts_on) return { status: "pending", by: "dates", on: stage.starts_on };
  if (stage.ends_on && today > stage.ends_on) return { status: "closed", by: "dates", on: stage.ends_on };
  return { status: "open", by: "manual", on: stage.ends_on };
}

/** Whether a public form of this stage takes a post today (the same rule the commands and the pages apply). */
export function stageAccepts(stage: Pick<StageLike, "status" | "starts_on" | "ends_on">, today: string): boolean {
  return stageStateOn(stage, today).status === "open";
}

/**
 * The stage the public sees as "now", from the stages' states on `today` (stageStateOn): the latest open stage;
 * with none open, the first pending stage after the last closed one; with everything closed, the last stage.
 * Without `today`, the stored states alone (staff views that show what was set).
 */
export function currentStage<S extends StageLike>(stages: readonly S[], today?: string): S | null {
  const ordered = [...stages].sort((a, b) => a.position - b.position);
  const status = (s: S) => (today ? stageStateOn(s, today).status : s.status);
  const open = ordered.filter((s) => status(s) === "open");
  if (open.length > 0) return open[open.length - 1];
  let lastClosed = -1;
  ordered.forEach((s, i) => {
    if (status(s) === "closed") lastClosed = i;
  });
  const next = ordered.slice(lastClosed + 1).find((s) => status(s) === "pending");
  return next ?? ordered[ordered.length - 1] ?? null;
}

// Built once: making an Intl.DateTimeFormat costs about 120 µs, and every opinion and plan comment asks for today.
const guatemalaDay = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Guatemala", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date where the consultation happens (Guatemala), as YYYY-MM-DD: the day stage dates are read against. */
export function todayInGuatemala(now: Date | string = new Date()): string {
  return guatemalaDay.format(typeof now === "string" ? new Date(now) : now);
}

/** Positions 1..n after moving one stage to a new 1-based position. */
export function reorder<T extends { id: string; position: number }>(
  items: readonly T[],
  id: string,
  position: number,
): Array<{ id: string; position: number }> {
  const ordered = [...items].sort((a, b) => a.position - b.position);
  const from = ordered.findIndex((s) => s.id === id);
  if (from < 0) return ordered.map((s, i) => ({ id: s.id, position: i + 1 }));
  const [moved] = ordered.splice(from, 1);
  const to = Math.max(0, Math.min(ordered.length, position - 1));
  ordered.splice(to, 0, moved);
  return ordered.map((s, i) => ({ id: s.id, position: i + 1 }));
}

/** Default dates are left empty: the point of contact sets them. */
export function defaultStages(): Array<{ phase: Phase; position: number }> {
  return PHASES.map((phase, i) => ({ phase, position: i + 1 }));
}
