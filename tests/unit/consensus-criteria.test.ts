// The three adoption criteria: the latest record of each decides; without a record a criterion is pending.
import { describe, expect, it } from "vitest";
import { CRITERIA, criteriaStatus, missingCriteria, type CriterionRecord } from "../../app/domain/consensus/criteria";

let seq = 0;
const rec = (criterion: CriterionRecord["criterion"], met: boolean, recordedAt: string, note = ""): CriterionRecord => ({
  criterion,
  met,
  note,
  recordedAt,
  seq: ++seq,
});

describe("adoption criteria", () => {
  it("are the institution's acceptance, legal and financial viability, in that order", () => {
    expect(CRITERIA).toEqual(["institution", "legal", "financial"]);
  });

  it("are all pending without records, and all missing", () => {
    expect(criteriaStatus([])).toEqual([
      { criterion: "institution", status: "pending", latest: null },
      { criterion: "legal", status: "pending", latest: null },
      { criterion: "financial", status: "pending", latest: null },
    ]);
    expect(missingCriteria([])).toEqual(["institution", "legal", "financial"]);
  });

  it("not met, then met after a change → met (whatever order the records come in)", () => {
    const notMet = rec("legal", false, "2026-03-01T10:00:00.000Z", "falta dictamen jurídico");
    const met = rec("legal", true, "2026-03-08T10:00:00.000Z", "dictamen favorable");
    for (const records of [
      [notMet, met],
      [met, notMet],
    ]) {
      const legal = criteriaStatus(records)[1];
      expect(legal).toEqual({ criterion: "legal", status: "met", latest: met });
    }
  });

  it("met, then not met → not met (the latest record wins)", () => {
    const met = rec("financial", true, "2026-03-01T10:00:00.000Z");
    const notMet = rec("financial", false, "2026-03-02T09:00:00.000Z", "recorte presupuestario");
    expect(criteriaStatus([notMet, met])[2]).toMatchObject({ status: "not_met", latest: { note: "recorte presupuestario" } });
  });

  it("records at the same instant are ordered by insertion (seq)", () => {
    const at = "2026-03-01T10:00:00.000Z";
    const first: CriterionRecord = { criterion: "institution", met: false, note: "primero", recordedAt: at, seq: 7 };
    const second: CriterionRecord = { criterion: "institution", met: true, note: "segundo", recordedAt: at, seq: 8 };
    expect(criteriaStatus([second, first])[0]).toMatchObject({ status: "met", latest: { note: "segundo" } });
  });

  it("compares timestamps as instants, not as text", () => {
    // 10:00 in Guatemala (UTC−6) is 16:00 UTC: later than 12:00 UTC although it sorts first as text.
    const utc = rec("institution", false, "2026-03-01T12:00:00Z");
    const guatemala = rec("institution", true, "2026-03-01T10:00:00-06:00");
    expect(criteriaStatus([guatemala, utc])[0].status).toBe("met");
  });

  it("lists what is missing in criteria order: not met and pending alike", () => {
    const records = [rec("financial", false, "2026-03-02T10:00:00Z"), rec("institution", true, "2026-03-01T10:00:00Z")];
    expect(criteriaStatus(records).map((s) => s.status)).toEqual(["met", "pending", "not_met"]);
    expect(missingCriteria(records)).toEqual(["legal", "financial"]);
    expect(missingCriteria([...records, rec("legal", true, "2026-03-03T10:00:00Z"), rec("financial", true, "2026-03-04T10:00:00Z")])).toEqual([]);
  });
});
