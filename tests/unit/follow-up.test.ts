// The follow-up's pure rules (decision 0009): a milestone's current progress, lateness against its planned end on a
// given day, completion per commitment and in total, and the order of the history. Expectations written by hand.
import { describe, expect, it } from "vitest";
import {
  commitmentFollowup,
  completionOf,
  currentProgress,
  historyOrder,
  isHttpUrl,
  latenessOf,
  levelOf,
  planCompletion,
  type FollowupRecord,
} from "../../app/domain/follow-up";

let seq = 0;
const progress = (
  position: number,
  status: string,
  createdAt: string,
  actualStartOn: string | null = null,
  actualEndOn: string | null = null,
): FollowupRecord => ({
  seq: ++seq,
  position,
  kind: "progress",
  status,
  actualStartOn,
  actualEndOn,
  createdAt,
});
const evidence = (position: number, createdAt: string): FollowupRecord => ({
  seq: ++seq,
  position,
  kind: "evidence",
  status: null,
  actualStartOn: null,
  actualEndOn: null,
  createdAt,
});

describe("current progress of a milestone", () => {
  it("is not started, with no report, when nobody reported", () => {
    expect(currentProgress(1, [])).toEqual({ position: 1, status: "not_started", actualStartOn: null, actualEndOn: null, lastReportedAt: null });
  });

  it("is the newest progress report of that milestone; evidence and other milestones do not count", () => {
    const records = [
      progress(1, "limited", "2019-03-19T20:00:00.000Z", "2019-03-13"),
      progress(1, "substantial", "2019-04-01T18:00:00.000Z", "2019-03-13"),
      evidence(1, "2019-04-02T18:00:00.000Z"),
      progress(2, "complete", "2019-05-01T18:00:00.000Z", "2019-04-01", "2019-04-30"),
    ];
    expect(currentProgress(1, records)).toEqual({
      position: 1,
      status: "substantial",
      actualStartOn: "2019-03-13",
      actualEndOn: null,
      lastReportedAt: "2019-04-01T18:00:00.000Z",
    });
  });

  it("a correction written later wins, even one going back a level", () => {
    const records = [
      progress(1, "complete", "2019-04-01T10:00:00.000Z", "2019-03-01", "2019-03-31"),
      progress(1, "substantial", "2019-04-02T10:00:00.000Z", "2019-03-01"),
    ];
    expect(currentProgress(1, records).status).toBe("substantial");
  });

  it("two reports in the same millisecond: the one stored last wins", () => {
    const a = progress(1, "limited", "2019-04-01T10:00:00.000Z", "2019-03-01");
    const b = progress(1, "substantial", "2019-04-01T10:00:00.000Z", "2019-03-01");
    expect(currentProgress(1, [b, a]).status).toBe("substantial");
  });
});

describe("lateness against the planned end", () => {
  it("not complete after the planned end: late by the days since", () => {
    expect(latenessOf({ endsOn: "2019-03-31" }, { status: "substantial", actualEndOn: null }, "2019-04-10")).toEqual({ kind: "late", days: 10 });
  });
  it("ending today is not late yet; tomorrow it is, by one day", () => {
    expect(latenessOf({ endsOn: "2019-03-31" }, { status: "limited", actualEndOn: null }, "2019-03-31")).toEqual({ kind: "on_track" });
    expect(latenessOf({ endsOn: "2019-03-31" }, { status: "limited", actualEndOn: null }, "2019-04-01")).toEqual({ kind: "late", days: 1 });
  });
  it("not started and its end still ahead: on track", () => {
    expect(latenessOf({ endsOn: "2020-08-31" }, { status: "not_started", actualEndOn: null }, "2019-04-10")).toEqual({ kind: "on_track" });
  });
  it("counts across a leap day (2020-02-29)", () => {
    expect(latenessOf({ endsOn: "2020-02-28" }, { status: "limited", actualEndOn: null }, "2020-03-01")).toEqual({ kind: "late", days: 2 });
  });
  it("complete on or before the planned end: done; after it: done late by the days after", () => {
    expect(latenessOf({ endsOn: "2019-03-31" }, { status: "complete", actualEndOn: "2019-03-19" }, "2019-06-01")).toEqual({ kind: "done" });
    expect(latenessOf({ endsOn: "2019-03-31" }, { status: "complete", actualEndOn: "2019-03-31" }, "2019-06-01")).toEqual({ kind: "done" });
    expect(latenessOf({ endsOn: "2018-12-31" }, { status: "complete", actualEndOn: "2019-03-19" }, "2019-06-01")).toEqual({ kind: "done_late", days: 78 });
  });
  it("no planned end: cannot be late (undated), unless complete", () => {
    expect(latenessOf({ endsOn: null }, { status: "limited", actualEndOn: null }, "2030-01-01")).toEqual({ kind: "undated" });
    expect(latenessOf({ endsOn: null }, { status: "complete", actualEndOn: "2019-01-01" }, "2030-01-01")).toEqual({ kind: "done" });
  });
});

describe("completion", () => {
  it("the OGP level from the weights in thirds: none 0, limited under half, substantial from half, complete only at all", () => {
    // Three milestones weigh 9 thirds when complete; half is 4.5.
    expect(levelOf(0, 3)).toBe("not_started");
    expect(levelOf(1, 3)).toBe("limited");
    expect(levelOf(4, 3)).toBe("limited");
    expect(levelOf(5, 3)).toBe("substantial");
    expect(levelOf(8, 3)).toBe("substantial");
    expect(levelOf(9, 3)).toBe("complete");
    // Four milestones: 6 thirds is exactly half.
    expect(levelOf(6, 4)).toBe("substantial");
    expect(levelOf(0, 0)).toBe("not_started");
  });

  it("of one commitment: share complete, weighted progress, level and late milestones", () => {
    const onTrack = { kind: "on_track" } as const;
    const c = completionOf([
      { status: "complete", lateness: { kind: "done" } },
      { status: "substantial", lateness: { kind: "late", days: 3 } },
      { status: "limited", lateness: onTrack },
      { status: "not_started", lateness: onTrack },
    ]);
    // (1 + 2/3 + 1/3 + 0) / 4 = 0.5
    expect(c).toEqual({
      milestones: 4,
      complete: 1,
      late: 1,
      shareComplete: 0.25,
      progress: 0.5,
      level: "substantial",
      byStatus: { not_started: 1, limited: 1, substantial: 1, complete: 1 },
    });
  });

  it("of no milestones: zero, not started", () => {
    expect(completionOf([])).toEqual({
      milestones: 0,
      complete: 0,
      late: 0,
      shareComplete: 0,
      progress: 0,
      level: "not_started",
      byStatus: { not_started: 0, limited: 0, substantial: 0, complete: 0 },
    });
  });

  it("a commitment's milestones, in order, with reports and lateness on the day", () => {
    const planned = [
      { position: 2, startsOn: "2019-04-01", endsOn: "2019-04-30" },
      { position: 1, startsOn: "2018-12-01", endsOn: "2018-12-31" },
      { position: 3, startsOn: "2019-05-01", endsOn: "2020-08-31" },
    ];
    const records = [
      progress(1, "complete", "2019-03-20T00:00:00.000Z", "2019-03-13", "2019-03-19"),
      progress(2, "limited", "2019-04-02T00:00:00.000Z", "2019-04-01"),
      progress(7, "limited", "2019-04-02T00:00:00.000Z", "2019-04-01"),
    ];
    const f = commitmentFollowup(planned, records, "2019-06-01");
    expect(f.milestones.map((m) => [m.position, m.status, m.lateness])).toEqual([
      [1, "complete", { kind: "done_late", days: 78 }],
      [2, "limited", { kind: "late", days: 32 }],
      [3, "not_started", { kind: "on_track" }],
    ]);
    // (1 + 1/3 + 0) / 3 = 0.444…: limited; one of three complete; one late (done late is not "late").
    expect(f.completion.level).toBe("limited");
    expect(f.completion.complete).toBe(1);
    expect(f.completion.late).toBe(1);
    expect(f.completion.progress).toBeCloseTo(4 / 9, 10);
    // A report on milestone 7, which the text no longer has, is kept aside.
    expect(f.orphanPositions).toEqual([7]);
  });

  it("of the plan in total: every milestone counted together, and commitments per level", () => {
    const a = commitmentFollowup(
      [{ position: 1, startsOn: null, endsOn: "2019-12-31" }],
      [progress(1, "complete", "2019-05-01T00:00:00.000Z", "2019-01-01", "2019-04-30")],
      "2020-01-10",
    );
    const b = commitmentFollowup(
      [
        { position: 1, startsOn: null, endsOn: "2019-12-31" },
        { position: 2, startsOn: null, endsOn: "2020-06-30" },
        { position: 3, startsOn: null, endsOn: null },
      ],
      [],
      "2020-01-10",
    );
    const total = planCompletion([a, b]);
    expect(total.commitments).toBe(2);
    expect(total.milestones).toBe(4);
    expect(total.complete).toBe(1);
    expect(total.late).toBe(1); // b's milestone 1 ended 2019-12-31 and was never reported
    expect(total.progress).toBe(0.25);
    expect(total.level).toBe("limited");
    expect(total.commitmentsByLevel).toEqual({ not_started: 1, limited: 0, substantial: 0, complete: 1 });
  });
});

describe("history", () => {
  it("newest first; the same millisecond by the order stored", () => {
    const r1 = { seq: 1, createdAt: "2019-03-13T10:00:00.000Z" };
    const r2 = { seq: 2, createdAt: "2019-03-19T10:00:00.000Z" };
    const r3 = { seq: 3, createdAt: "2019-03-19T10:00:00.000Z" };
    const r4 = { seq: 4, createdAt: "2019-04-01T10:00:00.000Z" };
    expect(historyOrder([r2, r4, r1, r3]).map((r) => r.seq)).toEqual([4, 3, 2, 1]);
  });
});

describe("evidence links", () => {
  it("only http and https addresses", () => {
    expect(isHttpUrl("https://www.infom.gob.gt/gobierno-abierto/reunion-19-marzo-2019.pdf")).toBe(true);
    expect(isHttpUrl("http://gobiernoabierto.gob.gt/")).toBe(true);
    expect(isHttpUrl("javascript:alert(1)")).toBe(false);
    expect(isHttpUrl("ftp://infom.gob.gt/acta.pdf")).toBe(false);
    expect(isHttpUrl("file:///etc/passwd")).toBe(false);
    expect(isHttpUrl("www.infom.gob.gt")).toBe(false);
    expect(isHttpUrl("")).toBe(false);
  });
});
