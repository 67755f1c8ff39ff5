// Issue 17: a stage is open only while it was opened AND today is within its dates; the current stage is derived
// from the stages' states on a day; once the plan is approved an adoption is refused and only an amendment adds a
// commitment. Expected values from the 2016 demo's calendar (docs/domain.md), written by hand.
import { describe, expect, it } from "vitest";
import { currentStage, stageAccepts, stageStateOn, todayInGuatemala, type StageLike } from "../../app/domain/phases";
import { addByAmendmentRefusal, adoptionRefusal } from "../../app/domain/plan";

const s = (position: number, phase: string, status: StageLike["status"], starts_on: string | null = null, ends_on: string | null = null): StageLike => ({
  id: phase,
  phase,
  name: "",
  position,
  status,
  starts_on,
  ends_on,
});

describe("a stage on a day", () => {
  const intake = s(2, "opinion_intake", "open", "2016-03-15", "2016-05-15");
  it("is open on its first and its last day, and reads closed on its end date the day after", () => {
    expect(stageStateOn(intake, "2016-03-15")).toEqual({ status: "open", by: "manual", on: "2016-05-15" });
    expect(stageStateOn(intake, "2016-05-15").status).toBe("open");
    expect(stageStateOn(intake, "2016-05-16")).toEqual({ status: "closed", by: "dates", on: "2016-05-15" });
    expect(stageAccepts(intake, "2026-12-08")).toBe(false);
  });
  it("reads pending until its start date when opened early", () => {
    expect(stageStateOn(intake, "2016-03-14")).toEqual({ status: "pending", by: "dates", on: "2016-03-15" });
    expect(stageAccepts(intake, "2016-03-14")).toBe(false);
  });
  it("without dates, is what the point of contact set", () => {
    expect(stageStateOn(s(1, "public_call", "open"), "2030-01-01")).toEqual({ status: "open", by: "manual", on: null });
    expect(stageAccepts(s(1, "public_call", "pending"), "2030-01-01")).toBe(false);
  });
  it("closed by hand reads closed on the day it was closed, even within its dates", () => {
    const closed = { ...s(3, "forums", "closed", "2016-04-26", "2016-05-10"), closed_at: "2016-05-08T22:00:00.000Z" };
    expect(stageStateOn(closed, "2016-05-09")).toEqual({ status: "closed", by: "manual", on: "2016-05-08" });
  });
});

describe("the current stage on a day", () => {
  // The demo's shape before issue 17: the public call and the technical roundtable left open, 2016 dates.
  const stages = [
    s(1, "public_call", "open", "2016-03-01", "2016-03-15"),
    s(2, "opinion_intake", "open", "2016-03-15", "2016-05-15"),
    s(3, "forums", "pending", "2016-04-26", "2016-05-10"),
    s(6, "technical_roundtable", "open", "2016-07-20", "2016-07-29"),
    s(7, "draft_plan", "closed", "2016-08-01", "2016-08-31"),
    s(10, "submission", "closed", "2016-10-31", "2016-10-31"),
  ];
  it("after the plan was submitted is not the technical roundtable: every stage's dates have passed", () => {
    expect(currentStage(stages)?.phase).toBe("technical_roundtable"); // the stored states alone said so
    expect(currentStage(stages, "2026-12-08")?.phase).toBe("submission");
  });
  it("during the intake is the intake: the public call's dates are over, the technical roundtable opened early is not yet", () => {
    expect(currentStage(stages, "2016-04-01")?.phase).toBe("opinion_intake");
  });
});

it("today is read where the consultation happens (Guatemala, UTC−6)", () => {
  expect(todayInGuatemala("2016-05-16T05:59:00.000Z")).toBe("2016-05-15");
  expect(todayInGuatemala("2016-05-16T06:00:00.000Z")).toBe("2016-05-16");
});

describe("the frozen plan", () => {
  it("refuses an adoption once approved or submitted, not before, nor without a plan", () => {
    expect(adoptionRefusal(null)).toBeNull();
    expect(adoptionRefusal("draft")).toBeNull();
    expect(adoptionRefusal("in_review")).toBeNull();
    expect(adoptionRefusal("approved")).toBe("frozen");
    expect(adoptionRefusal("submitted")).toBe("frozen");
  });
  const facts = { state: "active", atTechnical: true, inPlan: false, missingCriteria: 0, commitments: 4, maxCommitments: 20 };
  it("adds a commitment by amendment only to the approved plan, for a proposal meeting the criteria, under the cap", () => {
    expect(addByAmendmentRefusal("approved", facts)).toBeNull();
    expect(addByAmendmentRefusal("submitted", { ...facts, state: "adopted" })).toBeNull();
    expect(addByAmendmentRefusal("draft", facts)).toBe("not_frozen");
    expect(addByAmendmentRefusal("approved", { ...facts, inPlan: true })).toBe("already_in_plan");
    expect(addByAmendmentRefusal("approved", { ...facts, state: "rejected" })).toBe("not_active");
    expect(addByAmendmentRefusal("approved", { ...facts, atTechnical: false })).toBe("not_at_technical");
    expect(addByAmendmentRefusal("approved", { ...facts, missingCriteria: 1 })).toBe("criteria_missing");
    expect(addByAmendmentRefusal("approved", { ...facts, commitments: 20 })).toBe("commitment_cap");
  });
});
