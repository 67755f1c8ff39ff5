// The pure rules of merging, splitting, undoing and withdrawing, lineage walks, stages and counts.
import { describe, expect, it } from "vitest";
import { nextStage, stageAfterThematicRound, laterStage } from "../../app/domain/funnel";
import { tallyFunnel } from "../../app/domain/proposals/counts";
import {
  ancestorIds,
  applyMerge,
  applySplit,
  applyUndo,
  applyWithdraw,
  fateOf,
  findCycle,
  invariantViolations,
  LineageCycleError,
  operationsFrom,
  type LineageGraph,
} from "../../app/domain/proposals/lineage";
import {
  editRefusal,
  isProponentOf,
  isTableOwned,
  mergeRefusal,
  splitRefusal,
  undoRefusal,
  withdrawRefusal,
  type ProposalFacts,
} from "../../app/domain/proposals/rules";
import { mergeDraft, templateFromRow } from "../../app/domain/proposals/template";

const scope = { consultationId: "c1", themeId: "t1" };
const p = (id: string, over: Partial<ProposalFacts> = {}): ProposalFacts => ({ id, title: `Propuesta ${id}`, state: "active", version: 1, ...scope, ...over });
const ok = <T>(step: { ok: true; graph: T } | { ok: false }) => {
  if (!step.ok) throw new Error("refused");
  return step.graph;
};

describe("merge rules", () => {
  it("accepts two or more active proposals of one consultation and theme", () => {
    expect(mergeRefusal([p("a"), p("b"), p("c")], scope)).toBeNull();
  });
  it("refuses fewer than two, or the same one twice (400)", () => {
    expect(mergeRefusal([p("a")], scope)).toMatchObject({ code: "too_few_sources", status: 400, min: 2 });
    expect(mergeRefusal([p("a"), p("a")], scope)).toMatchObject({ code: "duplicate_source", status: 400 });
  });
  it("refuses another consultation's or theme's proposal (400) before any state conflict", () => {
    expect(mergeRefusal([p("a", { state: "merged" }), p("b", { consultationId: "c2" })], scope)).toMatchObject({
      code: "other_consultation",
      status: 400,
      proposalId: "b",
    });
    expect(mergeRefusal([p("a"), p("b", { themeId: "t2" })], scope)).toMatchObject({ code: "other_theme", status: 400 });
  });
  it.each(["merged", "split", "withdrawn", "rejected", "draft", "undone", "adopted"])("refuses a %s source (409)", (state) => {
    expect(mergeRefusal([p("a"), p("b", { state })], scope)).toMatchObject({ code: "not_active", status: 409, proposalId: "b", state });
  });
  it("refuses a source edited since the merge was composed (409 naming both versions)", () => {
    expect(mergeRefusal([p("a"), p("b", { version: 3 })], scope, { a: 1, b: 2 })).toMatchObject({ code: "stale", expected: 2, actual: 3 });
  });
});

describe("split, undo, withdraw and edit rules", () => {
  it("splits an active proposal into two or more", () => {
    expect(splitRefusal(p("a"), 2, scope)).toBeNull();
    expect(splitRefusal(p("a"), 1, scope)).toMatchObject({ code: "too_few_sources", min: 2 });
    expect(splitRefusal(p("a", { state: "withdrawn" }), 2, scope)).toMatchObject({ code: "not_active" });
    expect(splitRefusal(p("a", { version: 2 }), 2, scope, 1)).toMatchObject({ code: "stale" });
  });
  it("undoes only during the round, once, while every result is still active", () => {
    expect(undoRefusal({ undone: false, roundOpen: true }, [p("r")])).toBeNull();
    expect(undoRefusal({ undone: true, roundOpen: true }, [p("r")])).toMatchObject({ code: "already_undone" });
    expect(undoRefusal({ undone: false, roundOpen: false }, [p("r")])).toMatchObject({ code: "round_closed" });
    expect(undoRefusal({ undone: false, roundOpen: true }, [p("r", { state: "merged" })])).toMatchObject({ code: "result_moved_on", proposalId: "r" });
  });
  it("withdraws drafts and active proposals only", () => {
    expect(withdrawRefusal(p("a", { state: "draft" }))).toBeNull();
    expect(withdrawRefusal(p("a"))).toBeNull();
    expect(withdrawRefusal(p("a", { state: "merged" }))).toMatchObject({ code: "not_active" });
  });
  it("edits drafts and active proposals while their round is not closed", () => {
    expect(editRefusal(p("a"), false)).toBeNull();
    expect(editRefusal(p("a"), true)).toMatchObject({ code: "round_closed" });
    expect(editRefusal(p("a", { state: "split" }), false)).toMatchObject({ code: "not_editable" });
    expect(editRefusal(p("a", { version: 4 }), false, 3)).toMatchObject({ code: "stale", expected: 3, actual: 4 });
  });
  it("a proponent is the delegate who registered it or a colleague of the same organization", () => {
    const proposal = { proponentUserId: "u1", proponentOrganizationId: "icefi" };
    expect(isProponentOf(proposal, { userId: "u1", organizationId: null })).toBe(true);
    expect(isProponentOf(proposal, { userId: "u2", organizationId: "icefi" })).toBe(true);
    expect(isProponentOf(proposal, { userId: "u3", organizationId: "ciidh" })).toBe(false);
    expect(isProponentOf({ proponentUserId: "u1", proponentOrganizationId: null }, { userId: "u2", organizationId: null })).toBe(false);
    expect(isProponentOf({ proponentUserId: null, proponentOrganizationId: null }, { userId: "u1", organizationId: null })).toBe(false);
    expect(isTableOwned({ proponentUserId: null, proponentOrganizationId: null })).toBe(true);
  });
});

describe("the lineage graph", () => {
  const start: LineageGraph = { states: { a: "active", b: "active", c: "active", d: "active" }, operations: [] };

  it("a merge supersedes its sources; the result stands for them", () => {
    const g = ok(applyMerge(start, ["a", "b", "c"], "abc", "op1"));
    expect(g.states).toMatchObject({ a: "merged", b: "merged", c: "merged", abc: "active", d: "active" });
    expect(fateOf(g, "a")).toEqual({ kind: "current", ids: ["abc"] });
    expect(ancestorIds(g, "abc").sort()).toEqual(["a", "b", "c"]);
    expect(invariantViolations(g)).toEqual([]);
  });

  it("chains: a merge of a merge reaches every original", () => {
    const g1 = ok(applyMerge(start, ["a", "b"], "ab", "op1"));
    const g2 = ok(applyMerge(g1, ["ab", "c"], "abc", "op2"));
    expect(ancestorIds(g2, "abc").sort()).toEqual(["a", "ab", "b", "c"]);
    expect(fateOf(g2, "a")).toEqual({ kind: "current", ids: ["abc"] });
  });

  it("a split gives several successors; a withdrawn successor is an ending", () => {
    const g1 = ok(applySplit(start, "a", ["a1", "a2"], "op1"));
    expect(fateOf(g1, "a")).toEqual({ kind: "current", ids: ["a1", "a2"] });
    const g2 = ok(applyWithdraw(ok(applyWithdraw(g1, "a1")), "a2"));
    expect(fateOf(g2, "a")).toEqual({
      kind: "ended",
      endings: [
        { id: "a1", state: "withdrawn" },
        { id: "a2", state: "withdrawn" },
      ],
    });
  });

  it("undo restores the sources and sets the result aside; the undone operation drops out of the lineage", () => {
    const g1 = ok(applyMerge(start, ["a", "b"], "ab", "op1"));
    const g2 = ok(applyUndo(g1, "op1"));
    expect(g2.states).toMatchObject({ a: "active", b: "active", ab: "undone" });
    expect(ancestorIds(g2, "ab")).toEqual([]);
    expect(fateOf(g2, "a")).toEqual({ kind: "current", ids: ["a"] });
    expect(invariantViolations(g2)).toEqual([]);
    expect(applyUndo(g2, "op1")).toMatchObject({ ok: false, refusal: { code: "already_undone" } });
  });

  it("undo is refused once a result moved on", () => {
    const g1 = ok(applyMerge(start, ["a", "b"], "ab", "op1"));
    const g2 = ok(applyMerge(g1, ["ab", "c"], "abc", "op2"));
    expect(applyUndo(g2, "op1")).toMatchObject({ ok: false, refusal: { code: "result_moved_on", proposalId: "ab" } });
  });

  it("detects cycles and broken invariants in hand-made (corrupt) graphs", () => {
    const corrupt: LineageGraph = {
      states: { a: "merged", b: "merged" },
      operations: [
        { id: "x", kind: "merge", sourceIds: ["a"], resultIds: ["b"], undone: false },
        { id: "y", kind: "merge", sourceIds: ["b"], resultIds: ["a"], undone: false },
      ],
    };
    expect(findCycle(corrupt)).not.toBeNull();
    expect(() => fateOf(corrupt, "a")).toThrow(LineageCycleError);
    expect(invariantViolations(corrupt)[0]).toMatch(/^cycle/);
    expect(invariantViolations({ states: { a: "merged" }, operations: [] })).toEqual(["a is merged without one consuming operation"]);
  });

  it("groups database rows into operations", () => {
    const ops = operationsFrom(
      [
        { id: "op1", kind: "merge", undone_at: null },
        { id: "op2", kind: "split", undone_at: "2016-07-01" },
      ],
      [
        { operation_id: "op1", source_id: "a", result_id: "ab" },
        { operation_id: "op1", source_id: "b", result_id: "ab" },
        { operation_id: "op2", source_id: "c", result_id: "c1" },
        { operation_id: "op2", source_id: "c", result_id: "c2" },
      ],
    );
    expect(ops).toEqual([
      { id: "op1", kind: "merge", sourceIds: ["a", "b"], resultIds: ["ab"], undone: false },
      { id: "op2", kind: "split", sourceIds: ["c"], resultIds: ["c1", "c2"], undone: true },
    ]);
  });
});

describe("funnel stages and counts", () => {
  it("closing a thematic round moves «proposed» to «unified» and no further", () => {
    expect(nextStage("proposed")).toBe("unified");
    expect(stageAfterThematicRound("proposed")).toBe("unified");
    expect(stageAfterThematicRound("unified")).toBeNull();
    expect(stageAfterThematicRound("technical")).toBeNull();
    expect(nextStage("plan")).toBeNull();
    expect(laterStage("proposed", "unified")).toBe("unified");
  });

  it("counts what entered each stage (once per proposal) and what sits at the table now", () => {
    const entries = [
      ...["a", "b", "c", "d"].map((id) => ({ proposalId: id, themeId: "fiscal", stage: "proposed" })),
      { proposalId: "a", themeId: "fiscal", stage: "proposed" }, // a duplicate row counts once
      { proposalId: "ab", themeId: "fiscal", stage: "unified" },
      { proposalId: "x", themeId: "access", stage: "proposed" },
    ];
    const now = [
      { id: "ab", themeId: "fiscal", stage: "unified", state: "active" },
      { id: "c", themeId: "fiscal", stage: "proposed", state: "active" },
      { id: "d", themeId: "fiscal", stage: "proposed", state: "withdrawn" },
    ];
    const counts = tallyFunnel(entries, now, ["participation"]);
    expect(counts.byTheme.fiscal.proposed).toEqual({ entered: 4, enteredIds: ["a", "b", "c", "d"], now: 1 });
    expect(counts.byTheme.fiscal.unified).toMatchObject({ entered: 1, now: 1 });
    expect(counts.byTheme.participation.proposed.entered).toBe(0);
    expect(counts.total.proposed.entered).toBe(5);
  });
});

describe("the merge composer's starting point", () => {
  const row = (title: string, objective: string, agency: string) =>
    templateFromRow(
      {
        title,
        lead_agency: agency,
        responsible_person: "{}",
        other_actors: "not json",
        problem: "",
        objective,
        description: `Descripción de ${title}`,
        ogp_challenge: '["public_integrity"]',
        relevance: '{"transparency":true,"text":"x"}',
        ambition: "",
      },
      [{ description: `Meta de ${title}`, responsible_institution: agency, is_new: 1, starts_on: "2016-09-01", ends_on: null }],
    );

  it("reads stored rows back into the template (tolerating bad JSON)", () => {
    const t = row("A", "Objetivo A", "MINFIN");
    expect(t.otherActors).toEqual({ government: "", others: "" });
    expect(t.ogpChallenges).toEqual(["public_integrity"]);
    expect(t.relevance).toMatchObject({ transparency: true, accountability: false, text: "x" });
    expect(t.milestones[0]).toEqual({ description: "Meta de A", responsibleInstitution: "MINFIN", isNew: true, startsOn: "2016-09-01", endsOn: null });
  });

  it("lists every source's objective and milestones, and their lead agencies once", () => {
    const draft = mergeDraft([
      { title: "A", template: row("A", "Objetivo A", "MINFIN") },
      { title: "B", template: row("B", "Objetivo B", "MINFIN") },
      { title: "C", template: row("C", "", "SAT") },
    ]);
    expect(draft.title).toBe("A");
    expect(draft.objective).toBe("• Objetivo A\n• Objetivo B");
    expect(draft.leadAgency).toBe("MINFIN / SAT");
    expect(draft.milestones.map((m) => m.description)).toEqual(["Meta de A", "Meta de B", "Meta de C"]);
    expect(draft.relevance.transparency).toBe(true);
  });
});
