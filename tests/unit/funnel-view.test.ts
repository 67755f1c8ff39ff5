// The funnel view from hand-written facts: entered and now per theme and in total, in the consultation's column
// order, with the ids behind every figure and the state of what fills each column.
import { describe, expect, it } from "vitest";
import { funnelView, themeRounds } from "../../app/domain/funnel-view";

const themes = [
  { id: "fiscal", name: "Transparencia fiscal" },
  { id: "acceso", name: "Acceso a la información" },
];
const participation = { opinionsOnline: 12, forumAttendance: 531, forumCaptures: 40, summaries: 3 };

describe("funnelView", () => {
  it("counts who entered each column and who is alive there now, per theme and in total", () => {
    const view = funnelView({
      themes,
      // Fiscal: p1..p4 registered; p1+p2 merged into m1; the last round closed, so m1, p3 and p4 entered "unified"; p4
      // was then withdrawn. Acceso: a1 registered, its table still in round 1.
      entries: [
        { proposalId: "p1", themeId: "fiscal", stage: "proposed" },
        { proposalId: "p2", themeId: "fiscal", stage: "proposed" },
        { proposalId: "p3", themeId: "fiscal", stage: "proposed" },
        { proposalId: "p4", themeId: "fiscal", stage: "proposed" },
        { proposalId: "a1", themeId: "acceso", stage: "proposed" },
        { proposalId: "m1", themeId: "fiscal", stage: "unified" },
        { proposalId: "p3", themeId: "fiscal", stage: "unified" },
        { proposalId: "p4", themeId: "fiscal", stage: "unified" },
        { proposalId: "p3", themeId: "fiscal", stage: "unified" }, // a duplicate row counts once
      ],
      proposals: [
        { id: "p1", themeId: "fiscal", stage: "proposed", state: "merged" },
        { id: "p2", themeId: "fiscal", stage: "proposed", state: "merged" },
        { id: "p3", themeId: "fiscal", stage: "unified", state: "active" },
        { id: "p4", themeId: "fiscal", stage: "unified", state: "withdrawn" },
        { id: "m1", themeId: "fiscal", stage: "unified", state: "active" },
        { id: "a1", themeId: "acceso", stage: "proposed", state: "active" },
      ],
      participation,
      thematicRounds: [
        { themeId: "fiscal", number: 1, status: "closed" },
        { themeId: "fiscal", number: 2, status: "closed" },
        { themeId: "acceso", number: 1, status: "open" },
        { themeId: "acceso", number: 2, status: "pending" },
      ],
      technicalSessions: [{ number: 1, status: "pending", closesStage: "technical" }],
      votes: [],
    });

    expect(view.participation).toEqual(participation);
    expect(view.stages.map((s) => s.key)).toEqual(["proposed", "unified", "technical", "refined", "plan"]);
    const [proposed, unified, technical, refined, plan] = view.stages;

    expect(proposed.entered).toBe(5);
    expect(proposed.now).toBe(1);
    expect(proposed.enteredIds).toEqual(["p1", "p2", "p3", "p4", "a1"]);
    expect(proposed.nowIds).toEqual(["a1"]);
    expect(proposed.byTheme.fiscal).toEqual({ entered: 4, now: 0, enteredIds: ["p1", "p2", "p3", "p4"], nowIds: [] });
    expect(proposed.byTheme.acceso).toEqual({ entered: 1, now: 1, enteredIds: ["a1"], nowIds: ["a1"] });

    expect(unified.entered).toBe(3);
    expect(unified.now).toBe(2);
    expect(unified.byTheme.fiscal).toEqual({ entered: 3, now: 2, enteredIds: ["m1", "p3", "p4"], nowIds: ["p3", "m1"] });
    expect(unified.byTheme.acceso).toEqual({ entered: 0, now: 0, enteredIds: [], nowIds: [] });

    expect(proposed.state).toEqual({ by: "thematic_rounds", status: "open", tables: 2, open: 1, closed: 1 });
    expect(unified.state).toEqual({ by: "thematic_rounds", status: "open", tables: 2, open: 1, closed: 1 });
    expect(technical.state).toEqual({ by: "technical_session", status: "scheduled", session: 1 });
    expect(refined.state).toEqual({ by: "technical_session", status: "none", session: null });
    expect(plan.state).toEqual({ by: "votes", status: "none", open: 0, closed: 0 });
    expect(plan.entered).toBe(0);

    expect(view.themes).toEqual([
      { id: "fiscal", name: "Transparencia fiscal", rounds: { status: "closed", round: 2, rounds: 2 } },
      { id: "acceso", name: "Acceso a la información", rounds: { status: "open", round: 1, rounds: 2 } },
    ]);
  });

  it("takes the columns from the consultation's settings, and an adopted proposal is alive in the plan", () => {
    const view = funnelView({
      columns: ["unified", "plan"],
      themes: [{ id: "fiscal", name: "Transparencia fiscal" }],
      entries: [
        { proposalId: "x", themeId: "fiscal", stage: "proposed" },
        { proposalId: "x", themeId: "fiscal", stage: "unified" },
        { proposalId: "x", themeId: "fiscal", stage: "plan" },
        { proposalId: "y", themeId: "fiscal", stage: "unified" },
      ],
      proposals: [
        { id: "x", themeId: "fiscal", stage: "plan", state: "adopted" },
        { id: "y", themeId: "fiscal", stage: "unified", state: "rejected" },
      ],
      participation: { opinionsOnline: 0, forumAttendance: 0, forumCaptures: 0, summaries: 0 },
      thematicRounds: [{ themeId: "fiscal", number: 1, status: "closed" }],
      technicalSessions: [],
      votes: [{ status: "closed" }, { status: "closed" }, { status: "open" }],
    });
    expect(view.stages.map((s) => [s.key, s.entered, s.now])).toEqual([
      ["unified", 2, 0],
      ["plan", 1, 1],
    ]);
    expect(view.stages[0].state).toEqual({ by: "thematic_rounds", status: "closed", tables: 1, open: 0, closed: 1 });
    expect(view.stages[1].state).toEqual({ by: "votes", status: "open", open: 1, closed: 2 });
  });

  it("says which round of a table is open, scheduled next, or that all closed", () => {
    expect(themeRounds([])).toEqual({ status: "none", round: null, rounds: 0 });
    expect(
      themeRounds([
        { number: 2, status: "pending" },
        { number: 1, status: "closed" },
      ]),
    ).toEqual({ status: "scheduled", round: 2, rounds: 2 });
    expect(
      themeRounds([
        { number: 1, status: "closed" },
        { number: 2, status: "open" },
        { number: 3, status: "pending" },
      ]),
    ).toEqual({ status: "open", round: 2, rounds: 3 });
    expect(
      themeRounds([
        { number: 1, status: "closed" },
        { number: 2, status: "closed" },
      ]),
    ).toEqual({ status: "closed", round: 2, rounds: 2 });
  });

  it("takes figures already counted by the database, without ids", () => {
    const view = funnelView({
      themes,
      entries: [],
      proposals: [],
      counted: {
        entered: [
          { stage: "proposed", themeId: "fiscal", n: 4 },
          { stage: "proposed", themeId: "acceso", n: 1 },
          { stage: "unified", themeId: "fiscal", n: 3 },
        ],
        now: [
          { stage: "proposed", themeId: "acceso", n: 1 },
          { stage: "unified", themeId: "fiscal", n: 2 },
        ],
      },
      participation,
      thematicRounds: [],
      technicalSessions: [],
      votes: [],
    });
    const proposed = view.stages.find((c) => c.key === "proposed")!;
    const unified = view.stages.find((c) => c.key === "unified")!;
    expect([proposed.entered, proposed.now, unified.entered, unified.now]).toEqual([5, 1, 3, 2]);
    expect(proposed.byTheme.fiscal).toMatchObject({ entered: 4, now: 0 });
    expect(unified.byTheme.fiscal).toMatchObject({ entered: 3, now: 2 });
    expect(proposed.enteredIds).toEqual([]);
  });
});
