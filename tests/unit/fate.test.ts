// The fate of one citizen input, case by case, with every expectation written by hand.
import { describe, expect, it } from "vitest";
import { commitmentPlace, fateOfInput, type FateFacts } from "../../app/domain/fate";

const input = { id: "in-1", status: "visible", statusReason: null };
const summary = { id: "s-1", title: "Compras públicas abiertas" };
const p = (id: string, title: string, state: string, stage = "proposed", stateReason: string | null = null) => ({ id, title, state, stage, stateReason });

function facts(over: Partial<FateFacts>): FateFacts {
  return { input, summary: null, responders: [], proposals: {}, operations: [], systematization: "open", ...over };
}

describe("fateOfInput: endings", () => {
  it("a hidden opinion ends with the moderation's reason", () => {
    expect(fateOfInput(facts({ input: { id: "in-1", status: "hidden", statusReason: "Datos personales de un tercero" } }))).toEqual({
      steps: [],
      routes: [],
      ending: { ended: "hidden", reason: "Datos personales de un tercero" },
    });
  });

  it("a withdrawn capture ends as withdrawn, even when no reason was recorded", () => {
    expect(fateOfInput(facts({ input: { id: "in-1", status: "withdrawn", statusReason: null } })).ending).toEqual({ ended: "withdrawn", reason: null });
  });

  it("no summary while systematization is open: waiting for a summary", () => {
    expect(fateOfInput(facts({ systematization: "open" }))).toEqual({ steps: [], routes: [], ending: { pending: true, waitingFor: "summary" } });
    expect(fateOfInput(facts({ systematization: "pending" })).ending).toEqual({ pending: true, waitingFor: "summary" });
    expect(fateOfInput(facts({ systematization: null })).ending).toEqual({ pending: true, waitingFor: "summary" });
  });

  it("no summary once systematization closed: not taken up", () => {
    expect(fateOfInput(facts({ systematization: "closed" }))).toEqual({ steps: [], routes: [], ending: { ended: "not_taken_up" } });
  });

  it("a summary that no proposal answers yet: waiting for a proposal", () => {
    expect(fateOfInput(facts({ summary, systematization: "closed" }))).toEqual({
      steps: [{ kind: "summary", id: "s-1", title: "Compras públicas abiertas" }],
      routes: [],
      ending: { pending: true, waitingFor: "proposal" },
    });
  });
});

describe("fateOfInput: steps", () => {
  it("summary → proposal → merged into → commitment", () => {
    const fate = fateOfInput(
      facts({
        summary,
        responders: [{ proposalId: "p-1", via: "summary" }],
        proposals: {
          "p-1": p("p-1", "Portal de compras", "merged", "proposed"),
          "p-9": p("p-9", "Compras abiertas (unificada)", "adopted", "plan"),
        },
        operations: [{ id: "op-1", kind: "merge", at: "2016-07-07T15:00:00.000Z", sourceIds: ["p-1", "p-2"], resultIds: ["p-9"] }],
      }),
    );
    expect(fate).toEqual({
      steps: [{ kind: "summary", id: "s-1", title: "Compras públicas abiertas" }],
      routes: [
        {
          steps: [
            { kind: "proposal", id: "p-1", title: "Portal de compras", state: "merged", stage: "proposed", via: "summary" },
            {
              kind: "merged_into",
              id: "p-9",
              title: "Compras abiertas (unificada)",
              state: "adopted",
              stage: "plan",
              fromId: "p-1",
              at: "2016-07-07T15:00:00.000Z",
            },
            { kind: "commitment", id: "p-9", title: "Compras abiertas (unificada)", stage: "plan", place: { in: "awaiting_plan" } },
          ],
          ending: { ended: "commitment", id: "p-9" },
        },
      ],
      ending: { ended: "commitment", ids: ["p-9"], numbers: [] },
    });
  });

  it("a proposal answering the input directly, still at the table: pending decision", () => {
    const fate = fateOfInput(
      facts({ responders: [{ proposalId: "p-1", via: "input" }], proposals: { "p-1": p("p-1", "Datos de salud", "active", "unified") } }),
    );
    expect(fate).toEqual({
      steps: [],
      routes: [
        {
          steps: [{ kind: "proposal", id: "p-1", title: "Datos de salud", state: "active", stage: "unified", via: "input" }],
          ending: { pending: true, id: "p-1" },
        },
      ],
      ending: { pending: true, waitingFor: "decision" },
    });
  });

  it("every route rejected or withdrawn, with their reasons: not adopted", () => {
    const fate = fateOfInput(
      facts({
        summary,
        responders: [
          { proposalId: "p-1", via: "summary" },
          { proposalId: "p-2", via: "summary" },
        ],
        proposals: {
          "p-1": p("p-1", "Observatorio", "rejected", "technical", "Sin financiamiento"),
          "p-2": p("p-2", "Auditoría social", "withdrawn", "refined", "Retirada por Guatecívica"),
        },
      }),
    );
    expect(fate.routes.map((r) => r.ending)).toEqual([
      { ended: "rejected", id: "p-1", reason: "Sin financiamiento" },
      { ended: "withdrawn", id: "p-2", reason: "Retirada por Guatecívica" },
    ]);
    expect(fate.ending).toEqual({ ended: "not_adopted" });
  });

  it("a split makes two routes: one adopted, one still discussed — the input reached the plan", () => {
    const fate = fateOfInput(
      facts({
        summary,
        responders: [{ proposalId: "p-1", via: "summary" }],
        proposals: {
          "p-1": p("p-1", "Transparencia fiscal", "split"),
          "p-a": p("p-a", "Presupuesto abierto", "adopted", "plan"),
          "p-b": p("p-b", "Deuda pública abierta", "active", "technical"),
        },
        operations: [{ id: "op-1", kind: "split", at: "2016-07-15T10:00:00.000Z", sourceIds: ["p-1"], resultIds: ["p-a", "p-b"] }],
      }),
    );
    expect(fate.routes.map((r) => r.steps.map((s) => `${s.kind}:${s.id}`))).toEqual([
      ["proposal:p-1", "split_into:p-a", "commitment:p-a"],
      ["proposal:p-1", "split_into:p-b"],
    ]);
    expect(fate.routes[1].ending).toEqual({ pending: true, id: "p-b" });
    expect(fate.ending).toEqual({ ended: "commitment", ids: ["p-a"], numbers: [] });
  });

  it("an undone merge is not followed: the source stands again", () => {
    const fate = fateOfInput(
      facts({
        summary,
        responders: [{ proposalId: "p-1", via: "summary" }],
        proposals: { "p-1": p("p-1", "Portal de compras", "active"), "p-u": p("p-u", "Unificada deshecha", "undone") },
        operations: [{ id: "op-1", kind: "merge", at: "2016-07-07T15:00:00.000Z", sourceIds: ["p-1", "p-2"], resultIds: ["p-u"], undone: true }],
      }),
    );
    expect(fate.routes).toEqual([
      {
        steps: [{ kind: "proposal", id: "p-1", title: "Portal de compras", state: "active", stage: "proposed", via: "summary" }],
        ending: { pending: true, id: "p-1" },
      },
    ]);
  });

  it("a merge result that also names the summary is not a second route; drafts and undone results start none", () => {
    const fate = fateOfInput(
      facts({
        summary,
        responders: [
          { proposalId: "p-1", via: "summary" },
          { proposalId: "p-9", via: "summary" },
          { proposalId: "p-d", via: "summary" },
          { proposalId: "p-u", via: "input" },
        ],
        proposals: {
          "p-1": p("p-1", "Portal de compras", "merged"),
          "p-9": p("p-9", "Compras abiertas", "active", "unified"),
          "p-d": p("p-d", "Borrador", "draft"),
          "p-u": p("p-u", "Deshecha", "undone"),
        },
        operations: [{ id: "op-1", kind: "merge", at: "2016-07-07T15:00:00.000Z", sourceIds: ["p-1"], resultIds: ["p-9"] }],
      }),
    );
    expect(fate.routes.map((r) => r.steps.map((s) => `${s.kind}:${s.id}`))).toEqual([["proposal:p-1", "merged_into:p-9"]]);
    expect(fate.ending).toEqual({ pending: true, waitingFor: "decision" });
  });

  it("a hidden opinion that a summary had already taken up keeps its steps but ends as hidden", () => {
    const fate = fateOfInput(facts({ input: { id: "in-1", status: "hidden", statusReason: "Insultos" }, summary }));
    expect(fate.steps).toEqual([{ kind: "summary", id: "s-1", title: "Compras públicas abiertas" }]);
    expect(fate.ending).toEqual({ ended: "hidden", reason: "Insultos" });
  });
});

describe("commitmentPlace: an adopted proposal is commitment N of the published plan, or awaits the plan", () => {
  // Commitment 3 of the plan is p-3; p-late was adopted and is in no plan.
  const numbers = { "p-1": "1", "p-3": "3" };

  it("no plan assembled yet: adopted by the technical roundtable, awaiting the plan", () => {
    expect(commitmentPlace("p-3", null)).toEqual({ in: "awaiting_plan" });
  });

  it("in a plan still being assembled (not public): still awaiting the plan", () => {
    expect(commitmentPlace("p-3", { status: "assembling", numbers })).toEqual({ in: "awaiting_plan" });
  });

  it.each(["draft", "in_review", "approved", "submitted"] as const)("in a %s plan: commitment 3", (status) => {
    expect(commitmentPlace("p-3", { status, numbers })).toEqual({ in: "plan", number: "3" });
  });

  it("adopted while the draft is out, not yet added: awaiting the plan", () => {
    expect(commitmentPlace("p-late", { status: "draft", numbers })).toEqual({ in: "awaiting_plan" });
  });

  it("adopted after approval and not in the frozen plan: says so", () => {
    expect(commitmentPlace("p-late", { status: "approved", numbers })).toEqual({ in: "outside_frozen_plan" });
    expect(commitmentPlace("p-late", { status: "submitted", numbers })).toEqual({ in: "outside_frozen_plan" });
  });

  it("the input's fate names the numbers of the published plan's commitments it reached", () => {
    const fate = fateOfInput(
      facts({
        responders: [{ proposalId: "p-3", via: "input" }],
        proposals: { "p-3": p("p-3", "Datos abiertos de compras", "adopted", "plan") },
        plan: { status: "approved", numbers },
      }),
    );
    expect(fate.routes[0].steps.at(-1)).toEqual({
      kind: "commitment",
      id: "p-3",
      title: "Datos abiertos de compras",
      stage: "plan",
      place: { in: "plan", number: "3" },
    });
    expect(fate.ending).toEqual({ ended: "commitment", ids: ["p-3"], numbers: ["3"] });
  });
});
