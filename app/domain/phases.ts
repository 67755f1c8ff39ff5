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
 * The stage the public sees as "now": the latest open stage; with none open, the first pending stage
 * after the last closed one; with everything closed, the last stage.
 */
export function currentStage<S extends StageLike>(stages: readonly S[]): S | null {
  const ordered = [...stages].sort((a, b) => a.position - b.position);
  const open = ordered.filter((s) => s.status === "open");
  if (open.length > 0) return open[open.length - 1];
  let lastClosed = -1;
  ordered.forEach((s, i) => {
    if (s.status === "closed") lastClosed = i;
  });
  const next = ordered.slice(lastClosed + 1).find((s) => s.status === "pending");
  return next ?? ordered[ordered.length - 1] ?? null;
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
