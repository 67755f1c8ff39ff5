// The funnel a proposal moves through, one key per column of the 2016 table in docs/domain.md.
// A proposal "enters" a stage at a checkpoint (registration, or the close of the last thematic round) and
// proposal_stage_history records it; each published count is the number of proposals that entered that stage.
export const FUNNEL_STAGES = ["proposed", "unified", "technical", "refined", "plan"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** Where a proposal registered at a thematic roundtable starts. */
export const THEMATIC_ENTRY: FunnelStage = "proposed";
/** The furthest a thematic roundtable can move a proposal; the technical roundtable takes it from there. */
export const THEMATIC_EXIT: FunnelStage = "unified";

export function isFunnelStage(value: string): value is FunnelStage {
  return (FUNNEL_STAGES as readonly string[]).includes(value);
}

export function stageIndex(stage: string): number {
  return (FUNNEL_STAGES as readonly string[]).indexOf(stage);
}

/** The stage after this one, or null at the end of the funnel. */
export function nextStage(stage: string): FunnelStage | null {
  const i = stageIndex(stage);
  return i >= 0 && i < FUNNEL_STAGES.length - 1 ? FUNNEL_STAGES[i + 1] : null;
}

/** The later of two stages (a merge result starts where its most advanced source was). */
export function laterStage(a: string, b: string): string {
  return stageIndex(b) > stageIndex(a) ? b : a;
}

/**
 * Where closing a thematic round sends a live proposal: one step on, but never past the thematic exit.
 * Returns null when the proposal stays where it is.
 */
export function stageAfterThematicRound(stage: string): FunnelStage | null {
  const next = nextStage(stage);
  if (!next || stageIndex(next) > stageIndex(THEMATIC_EXIT)) return null;
  return next;
}

/** The technical roundtable takes proposals unified at their thematic table (or further on). */
export function isAtTechnical(stage: string): boolean {
  return stageIndex(stage) >= stageIndex(THEMATIC_EXIT);
}

/**
 * The stages a proposal enters when it moves from `from` to `to`: every column in between, so a proposal counted
 * in a later column is counted in each earlier one (an adopted proposal passed every checkpoint). Empty when `to`
 * is not further on.
 */
export function stagesBetween(from: string, to: string): FunnelStage[] {
  const a = stageIndex(from);
  const b = stageIndex(to);
  if (b < 0 || b <= a) return [];
  return FUNNEL_STAGES.slice(a + 1, b + 1);
}

/**
 * The columns a consultation publishes, from its stored setting: known keys only, each once, in pipeline order;
 * the 2016 five when the setting is missing or unreadable.
 */
export function funnelColumnsOf(stored: string | null | undefined): FunnelStage[] {
  let keys: unknown = null;
  try {
    keys = stored ? JSON.parse(stored) : null;
  } catch {
    keys = null;
  }
  if (!Array.isArray(keys)) return [...FUNNEL_STAGES];
  const picked = FUNNEL_STAGES.filter((s) => keys.includes(s));
  return picked.length >= 2 ? picked : [...FUNNEL_STAGES];
}
