// The plan's pure rules (app/domain/plan.ts): statuses and moves, freezing, the comment window, numbering, evidence
// links, and a commitment's text history with the comments behind each change. Expectations written by hand.
import { describe, expect, it } from "vitest";
import {
  commentRefusal,
  commitmentNumbers,
  isFrozen,
  isHttpLink,
  moveRefusal,
  revisionHistory,
  statusAfter,
  textChangeRefusal,
  type VersionFact,
} from "../../app/domain/plan";
import type { ProposalTemplate } from "../../app/domain/schemas/proposal";

describe("moves between statuses", () => {
  it("publishes only an assembled plan with commitments", () => {
    expect(moveRefusal("assembling", "publish", { commitments: 2 })).toBeNull();
    expect(moveRefusal("assembling", "publish", { commitments: 0 })).toBe("empty");
    expect(moveRefusal("draft", "publish", { commitments: 2 })).toBe("wrong_status");
    expect(moveRefusal("approved", "publish", { commitments: 2 })).toBe("frozen");
  });

  it("sends a published draft for review, approves a draft or a reviewed plan, submits an approved one", () => {
    expect(moveRefusal("draft", "send_review")).toBeNull();
    expect(moveRefusal("assembling", "send_review")).toBe("wrong_status");
    expect(moveRefusal("in_review", "send_review")).toBe("wrong_status");
    expect(moveRefusal("draft", "approve")).toBeNull();
    expect(moveRefusal("in_review", "approve")).toBeNull();
    expect(moveRefusal("assembling", "approve")).toBe("wrong_status");
    expect(moveRefusal("approved", "approve")).toBe("frozen");
    expect(moveRefusal("approved", "submit")).toBeNull();
    expect(moveRefusal("in_review", "submit")).toBe("wrong_status");
    expect(moveRefusal("submitted", "submit")).toBe("wrong_status");
  });

  it("assembles (order, numbers, introduction) until approval", () => {
    expect(moveRefusal("assembling", "assemble")).toBeNull();
    expect(moveRefusal("draft", "assemble")).toBeNull();
    expect(moveRefusal("in_review", "assemble")).toBeNull();
    expect(moveRefusal("approved", "assemble")).toBe("frozen");
    expect(moveRefusal("submitted", "assemble")).toBe("frozen");
  });

  it("leads to the next status", () => {
    expect(statusAfter("assembling", "publish")).toBe("draft");
    expect(statusAfter("draft", "send_review")).toBe("in_review");
    expect(statusAfter("in_review", "approve")).toBe("approved");
    expect(statusAfter("approved", "submit")).toBe("submitted");
    expect(statusAfter("draft", "assemble")).toBe("draft");
    expect(statusAfter("submitted", "amend")).toBe("submitted");
  });
});

describe("freezing", () => {
  it("freezes the plan from approval on", () => {
    expect([isFrozen("assembling"), isFrozen("draft"), isFrozen("in_review"), isFrozen("approved"), isFrozen("submitted")]).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });

  it("revises texts before approval and only amends them after", () => {
    expect(textChangeRefusal("draft", "revision")).toBeNull();
    expect(textChangeRefusal("in_review", "revision")).toBeNull();
    expect(textChangeRefusal("approved", "revision")).toBe("frozen");
    expect(textChangeRefusal("submitted", "revision")).toBe("frozen");
    expect(textChangeRefusal("draft", "amendment")).toBe("not_frozen");
    expect(textChangeRefusal("approved", "amendment")).toBeNull();
    expect(textChangeRefusal("submitted", "amendment")).toBeNull();
    expect(moveRefusal("in_review", "amend")).toBe("not_frozen");
    expect(moveRefusal("approved", "amend")).toBeNull();
  });
});

describe("the comment window", () => {
  it("takes comments on a published, unapproved plan while the draft-plan stage is open", () => {
    expect(commentRefusal("draft", true)).toBeNull();
    expect(commentRefusal("in_review", true)).toBeNull();
    expect(commentRefusal("draft", false)).toBe("stage");
    expect(commentRefusal("assembling", true)).toBe("not_published");
    expect(commentRefusal("approved", true)).toBe("frozen");
    expect(commentRefusal("submitted", false)).toBe("frozen");
  });
});

describe("numbering and links", () => {
  it("keeps typed numbers and numbers the rest by position", () => {
    expect(commitmentNumbers([{ number: "" }, { number: " 2.a " }, {}, { number: null }])).toEqual(["1", "2.a", "3", "4"]);
  });

  it("accepts only http and https links", () => {
    expect(isHttpLink("https://www.opengovpartnership.org/plan.pdf")).toBe(true);
    expect(isHttpLink("http://gobiernoabierto.gob.gt")).toBe(true);
    expect(isHttpLink("javascript:alert(1)")).toBe(false);
    expect(isHttpLink("ftp://example.org/plan.pdf")).toBe(false);
    expect(isHttpLink("file:///etc/passwd")).toBe(false);
    expect(isHttpLink("plan.pdf")).toBe(false);
    expect(isHttpLink("https://")).toBe(false);
  });
});

describe("a commitment's text history", () => {
  const base: ProposalTemplate = {
    title: "Presupuesto abierto",
    leadAgency: "MINFIN",
    responsiblePerson: { name: "Ana Pérez", title: "Directora", email: "ana@example.org", phone: "5555" },
    otherActors: { government: "", others: "" },
    problem: "Nadie sigue el gasto.",
    objective: "Publicar la ejecución mensual.",
    description: "Portal.",
    ogpChallenges: [],
    relevance: { transparency: true, accountability: false, participation: false, technology: false, text: "" },
    ambition: "",
    milestones: [],
  };
  const versions: VersionFact[] = [
    {
      revision: 3,
      template: { ...base, objective: "Publicar la ejecución mensual y municipal.", title: "Presupuesto abierto municipal" },
      note: "",
      editedAt: "2016-11-20T10:00:00Z",
    },
    { revision: 1, template: base, note: "", editedAt: "2016-09-01T10:00:00Z" },
    { revision: 2, template: { ...base, objective: "Publicar la ejecución mensual y municipal." }, note: "Pedido ciudadano", editedAt: "2016-10-10T10:00:00Z" },
  ];

  it("orders the versions, diffs each against the one before and names the comments and amendments", () => {
    const history = revisionHistory(
      versions,
      [
        { revision: 2, commentId: "c1" },
        { revision: 2, commentId: "c2" },
      ],
      [{ revision: 3, reason: "Acuerdo de la Mesa de Alto Nivel" }],
    );
    expect(history.map((h) => [h.revision, h.commentIds, h.amendmentReason, h.note])).toEqual([
      [1, [], null, ""],
      [2, ["c1", "c2"], null, "Pedido ciudadano"],
      [3, [], "Acuerdo de la Mesa de Alto Nivel", ""],
    ]);
    expect(history[0].changes).toEqual([]);
    expect(history[1].changes).toEqual([
      {
        field: "objective",
        before: "Publicar la ejecución mensual.",
        after: "Publicar la ejecución mensual y municipal.",
        // Punctuation is a token of its own: the words are inserted before the full stop.
        parts: [
          { kind: "same", text: "Publicar la ejecución mensual " },
          { kind: "added", text: "y municipal" },
          { kind: "same", text: "." },
        ],
      },
    ]);
    expect(history[2].changes.map((c) => [c.field, c.before, c.after])).toEqual([["title", "Presupuesto abierto", "Presupuesto abierto municipal"]]);
  });
});
