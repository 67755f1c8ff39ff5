import { describe, expect, it } from "vitest";
import { closeStage, currentStage, defaultStages, openStage, PHASES, reorder, type StageLike } from "../../app/domain/phases";

const stage = (position: number, status: StageLike["status"], phase = PHASES[position - 1] ?? "custom"): StageLike => ({
  id: `s${position}`,
  phase,
  name: "",
  position,
  status,
  starts_on: null,
  ends_on: null,
});

describe("stage transitions", () => {
  it("opens a pending or closed stage, refuses an open one", () => {
    expect(openStage({ status: "pending" })).toEqual({ ok: true, status: "open" });
    expect(openStage({ status: "closed" })).toEqual({ ok: true, status: "open" });
    expect(openStage({ status: "open" })).toEqual({ ok: false, reason: "already_open" });
  });

  it("closes only an open stage", () => {
    expect(closeStage({ status: "open" })).toEqual({ ok: true, status: "closed" });
    expect(closeStage({ status: "closed" })).toEqual({ ok: false, reason: "already_closed" });
    expect(closeStage({ status: "pending" })).toEqual({ ok: false, reason: "not_open" });
  });
});

describe("current stage", () => {
  it("is the latest open stage when several are open", () => {
    expect(currentStage([stage(1, "closed"), stage(2, "open"), stage(3, "open"), stage(4, "pending")])?.id).toBe("s3");
  });
  it("is the next pending stage after the last closed one when none is open", () => {
    expect(currentStage([stage(1, "closed"), stage(2, "closed"), stage(3, "pending")])?.id).toBe("s3");
  });
  it("is the first stage before anything opens, and the last one when all are closed", () => {
    expect(currentStage([stage(2, "pending"), stage(1, "pending")])?.id).toBe("s1");
    expect(currentStage([stage(1, "closed"), stage(2, "closed")])?.id).toBe("s2");
  });
  it("is null without stages", () => {
    expect(currentStage([])).toBeNull();
  });
});

describe("reorder", () => {
  const items = [1, 2, 3, 4].map((p) => ({ id: `s${p}`, position: p }));
  it("moves an item up and renumbers from 1", () => {
    expect(reorder(items, "s3", 1)).toEqual([
      { id: "s3", position: 1 },
      { id: "s1", position: 2 },
      { id: "s2", position: 3 },
      { id: "s4", position: 4 },
    ]);
  });
  it("clamps positions past the end", () => {
    expect(reorder(items, "s1", 99).map((s) => s.id)).toEqual(["s2", "s3", "s4", "s1"]);
  });
});

it("a consultation starts with the ten phases of docs/domain.md, in order", () => {
  expect(defaultStages().map((s) => s.phase)).toEqual([...PHASES]);
  expect(PHASES).toHaveLength(10);
});
