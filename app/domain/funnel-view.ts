// The public funnel of a consultation, shaped from plain facts (no I/O): the participation figures first, then each
// funnel column with, per theme and in total, how many proposals entered it (the published figure, as in the 2016
// table) and how many are alive there now, each figure with the ids behind it, and the state of whatever fills the
// column (the thematic tables' rounds, the technical session that closes it, the consensus votes).
import { FUNNEL_STAGES } from "./funnel";

export type FillStatus = "none" | "scheduled" | "open" | "closed";

/** Participation before the proposals: visible online opinions, forum attendance, forum captures, summaries. */
export interface Participation {
  opinionsOnline: number;
  forumAttendance: number;
  forumCaptures: number;
  summaries: number;
}

export interface FunnelFacts {
  /** The consultation's funnel columns, in pipeline order (the 2016 five by default). */
  columns?: readonly string[];
  themes: ReadonlyArray<{ id: string; name: string }>;
  /** Stage entries (proposal_stage_history), results of undone operations left out. */
  entries: ReadonlyArray<{ proposalId: string; themeId: string; stage: string }>;
  /**
   * Or the same figures already counted (distinct proposals per stage and theme), when the ids behind them are not
   * needed: on a large consultation counting in SQL is most of the read's time saved. Cells then carry no ids.
   */
  counted?: { entered: ReadonlyArray<{ stage: string; themeId: string; n: number }>; now: ReadonlyArray<{ stage: string; themeId: string; n: number }> };
  /** Every public proposal as it is now (no drafts, no undone results). */
  proposals: ReadonlyArray<{ id: string; themeId: string; stage: string; state: string }>;
  participation: Participation;
  /** The rounds of the thematic tables. */
  thematicRounds: ReadonlyArray<{ themeId: string; number: number; status: string }>;
  /** The technical roundtable's sessions that close a column. */
  technicalSessions: ReadonlyArray<{ number: number; status: string; closesStage: string | null }>;
  /** Consensus votes (any ballot). */
  votes: ReadonlyArray<{ status: string }>;
}

/** What fills a column and how far it is. */
export type ColumnState =
  | { by: "thematic_rounds"; status: FillStatus; tables: number; open: number; closed: number }
  | { by: "technical_session"; status: FillStatus; session: number | null }
  | { by: "votes"; status: FillStatus; open: number; closed: number }
  | { by: "none"; status: "none" };

/** One theme's thematic table: which round is open, or the next one, or that all closed. */
export interface ThemeRounds {
  status: FillStatus;
  round: number | null;
  rounds: number;
}

export interface FunnelCell {
  entered: number;
  now: number;
  enteredIds: string[];
  nowIds: string[];
}

export interface FunnelColumn extends FunnelCell {
  key: string;
  state: ColumnState;
  byTheme: Record<string, FunnelCell>;
}

export interface FunnelView {
  participation: Participation;
  themes: Array<{ id: string; name: string; rounds: ThemeRounds }>;
  stages: FunnelColumn[];
}

const ALIVE = new Set(["active", "adopted"]);
const THEMATIC = new Set(["proposed", "unified"]);
const TECHNICAL = new Set(["technical", "refined"]);

function cell(): FunnelCell {
  return { entered: 0, now: 0, enteredIds: [], nowIds: [] };
}

/** A thematic table's state from its rounds: open (which), closed (all of them), scheduled (the next one) or none. */
export function themeRounds(rounds: ReadonlyArray<{ number: number; status: string }>): ThemeRounds {
  const sorted = [...rounds].sort((a, b) => a.number - b.number);
  const open = sorted.find((r) => r.status === "open");
  if (open) return { status: "open", round: open.number, rounds: sorted.length };
  const pending = sorted.find((r) => r.status === "pending");
  if (pending) return { status: "scheduled", round: pending.number, rounds: sorted.length };
  if (sorted.length > 0) return { status: "closed", round: sorted[sorted.length - 1].number, rounds: sorted.length };
  return { status: "none", round: null, rounds: 0 };
}

function thematicState(perTheme: ThemeRounds[]): ColumnState {
  const tables = perTheme.filter((r) => r.status !== "none");
  const open = tables.filter((r) => r.status === "open").length;
  const closed = tables.filter((r) => r.status === "closed").length;
  const status: FillStatus = open > 0 ? "open" : tables.length === 0 ? "none" : closed === tables.length ? "closed" : "scheduled";
  return { by: "thematic_rounds", status, tables: tables.length, open, closed };
}

function technicalState(key: string, sessions: FunnelFacts["technicalSessions"]): ColumnState {
  const s = sessions.find((x) => x.closesStage === key);
  if (!s) return { by: "technical_session", status: "none", session: null };
  const status: FillStatus = s.status === "open" ? "open" : s.status === "closed" ? "closed" : "scheduled";
  return { by: "technical_session", status, session: s.number };
}

function votesState(votes: FunnelFacts["votes"]): ColumnState {
  const open = votes.filter((v) => v.status === "open").length;
  const closed = votes.length - open;
  return { by: "votes", status: open > 0 ? "open" : closed > 0 ? "closed" : "none", open, closed };
}

export function funnelView(facts: FunnelFacts): FunnelView {
  const columns = facts.columns && facts.columns.length > 0 ? facts.columns : FUNNEL_STAGES;
  const themeIds = facts.themes.map((th) => th.id);
  const rounds = new Map(facts.themes.map((th) => [th.id, themeRounds(facts.thematicRounds.filter((r) => r.themeId === th.id))]));
  const thematic = thematicState([...rounds.values()]);

  const stages: FunnelColumn[] = columns.map((key) => ({
    key,
    ...cell(),
    state: THEMATIC.has(key)
      ? thematic
      : TECHNICAL.has(key)
        ? technicalState(key, facts.technicalSessions)
        : key === "plan"
          ? votesState(facts.votes)
          : { by: "none", status: "none" },
    byTheme: Object.fromEntries(themeIds.map((id) => [id, cell()])),
  }));
  const column = new Map(stages.map((s) => [s.key, s]));
  // A stage-history row can repeat; a Set per column and field keeps each id once without scanning the lists.
  const seen = new Map<string, Set<string>>();
  const add = (c: FunnelColumn, themeId: string, id: string, field: "entered" | "now") => {
    const th = (c.byTheme[themeId] ??= cell());
    const ids = field === "entered" ? "enteredIds" : "nowIds";
    const key = `${c.key}|${field}`;
    const once = seen.get(key) ?? seen.set(key, new Set()).get(key)!;
    if (once.has(id)) return;
    once.add(id);
    th[field] += 1;
    th[ids].push(id);
    c[field] += 1;
    c[ids].push(id);
  };
  for (const e of facts.entries) {
    const c = column.get(e.stage);
    if (c) add(c, e.themeId, e.proposalId, "entered");
  }
  for (const p of facts.proposals) {
    const c = column.get(p.stage);
    if (c && ALIVE.has(p.state)) add(c, p.themeId, p.id, "now");
  }
  for (const field of ["entered", "now"] as const) {
    for (const row of facts.counted?.[field] ?? []) {
      const c = column.get(row.stage);
      if (!c) continue;
      (c.byTheme[row.themeId] ??= cell())[field] += row.n;
      c[field] += row.n;
    }
  }
  return {
    participation: { ...facts.participation },
    themes: facts.themes.map((th) => ({ id: th.id, name: th.name, rounds: rounds.get(th.id)! })),
    stages,
  };
}

/**
 * The "in the plan" column is the plan's commitments (one definition, db/queries/in-the-plan.server.ts), not the
 * stage entries: entered and there now are the same set. `withIds`: the cells carry the ids behind them.
 */
export function withPlanCommitments(view: FunnelView, inPlan: ReadonlyArray<{ proposalId: string; themeId: string }>, withIds: boolean): FunnelView {
  const stages = view.stages.map((column) => {
    if (column.key !== "plan") return column;
    const byTheme: Record<string, FunnelCell> = Object.fromEntries(Object.keys(column.byTheme).map((id) => [id, cell()]));
    const next: FunnelColumn = { ...column, ...cell(), byTheme };
    for (const c of inPlan) {
      for (const target of [next, (byTheme[c.themeId] ??= cell())]) {
        target.entered += 1;
        target.now += 1;
        if (withIds) {
          target.enteredIds.push(c.proposalId);
          target.nowIds.push(c.proposalId);
        }
      }
    }
    return next;
  });
  return { ...view, stages };
}
