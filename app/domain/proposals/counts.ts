// Counts per funnel stage and theme, derived from the records (never typed in), so each figure can be traced to
// the proposals behind it.
import { FUNNEL_STAGES, type FunnelStage } from "../funnel";
import { isAlive } from "./states";

/** One row of proposal_stage_history, with the proposal's theme. */
export interface StageEntry {
  proposalId: string;
  themeId: string;
  stage: string;
}

/** A proposal as it is now. */
export interface ProposalNow {
  id: string;
  themeId: string;
  stage: string;
  state: string;
}

export interface StageCount {
  /** Proposals that entered the stage (the published figure). */
  entered: number;
  /** Which ones: the figure traced to its items. */
  enteredIds: string[];
  /** Alive proposals sitting at this stage right now (drops live as the table merges). */
  now: number;
}

export type ThemeFunnel = Record<FunnelStage, StageCount>;

export interface FunnelCounts {
  byTheme: Record<string, ThemeFunnel>;
  total: ThemeFunnel;
}

function emptyFunnel(): ThemeFunnel {
  return Object.fromEntries(FUNNEL_STAGES.map((s) => [s, { entered: 0, enteredIds: [], now: 0 }])) as unknown as ThemeFunnel;
}

export function tallyFunnel(entries: readonly StageEntry[], proposals: readonly ProposalNow[], themeIds: readonly string[] = []): FunnelCounts {
  const byTheme: Record<string, ThemeFunnel> = {};
  const total = emptyFunnel();
  const theme = (id: string) => (byTheme[id] ??= emptyFunnel());
  for (const id of themeIds) theme(id);
  const seen = new Set<string>();
  for (const e of entries) {
    const key = `${e.themeId}|${e.stage}|${e.proposalId}`;
    if (seen.has(key) || !(FUNNEL_STAGES as readonly string[]).includes(e.stage)) continue;
    seen.add(key);
    const stage = e.stage as FunnelStage;
    const cell = theme(e.themeId)[stage];
    cell.entered += 1;
    cell.enteredIds.push(e.proposalId);
    total[stage].entered += 1;
    total[stage].enteredIds.push(e.proposalId);
  }
  for (const p of proposals) {
    if (!isAlive(p.state) || !(FUNNEL_STAGES as readonly string[]).includes(p.stage)) continue;
    theme(p.themeId)[p.stage as FunnelStage].now += 1;
    total[p.stage as FunnelStage].now += 1;
  }
  return { byTheme, total };
}

/**
 * The "in the plan" column is the plan's commitments (one definition, db/queries/in-the-plan.server.ts), not the
 * stage entries: a commitment taken out of the draft leaves it, one added by amendment enters it. Entered and there
 * now are the same set.
 */
export function withPlanColumn(counts: FunnelCounts, inPlan: ReadonlyArray<{ proposalId: string; themeId: string }>): FunnelCounts {
  const byTheme: Record<string, ThemeFunnel> = {};
  for (const [id, funnel] of Object.entries(counts.byTheme)) byTheme[id] = { ...funnel, plan: { entered: 0, enteredIds: [], now: 0 } };
  const total: ThemeFunnel = { ...counts.total, plan: { entered: inPlan.length, enteredIds: inPlan.map((c) => c.proposalId), now: inPlan.length } };
  for (const c of inPlan) {
    const cell = (byTheme[c.themeId] ??= { ...emptyFunnel() }).plan;
    cell.entered += 1;
    cell.enteredIds.push(c.proposalId);
    cell.now += 1;
  }
  return { byTheme, total };
}
