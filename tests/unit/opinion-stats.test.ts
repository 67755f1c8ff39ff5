// Opinion statistics: every dimension the methodology asks for, hidden opinions apart, days without gaps.
import { describe, expect, it } from "vitest";
import { DEPARTMENTS } from "../../app/domain/guatemala";
import { maxCount, tallyOpinions, type OpinionFacet } from "../../app/domain/opinion-stats";

const facet = (over: Partial<OpinionFacet> = {}): OpinionFacet => ({
  status: "visible",
  subject: "methodology",
  themeId: null,
  axis: null,
  department: null,
  sector: null,
  ageRange: null,
  gender: null,
  language: null,
  day: "2018-04-10",
  n: 1,
  ...over,
});

const count = (tallies: Array<{ key: string | null; count: number }>, key: string | null) => tallies.find((t) => t.key === key)?.count;

describe("tallyOpinions", () => {
  it("is all zeros with no opinions, every theme and department still listed", () => {
    const stats = tallyOpinions([], ["t1", "t2"]);
    expect(stats.visible).toBe(0);
    expect(stats.hidden).toBe(0);
    expect(stats.bySubject.map((t) => t.key)).toEqual([
      "methodology",
      "axis:transparency",
      "axis:access_to_information",
      "axis:participation",
      "axis:accountability",
      "axis:open_data",
      "theme:t1",
      "theme:t2",
    ]);
    expect(stats.byDepartment).toHaveLength(DEPARTMENTS.length + 1); // the 22 and "not said"
    expect(stats.byDay).toEqual([]);
    expect(stats.bySubject.every((t) => t.share === 0)).toBe(true);
  });

  it("counts by theme, department, sector, gender, age, language and day", () => {
    const stats = tallyOpinions(
      [
        facet({ subject: "theme", themeId: "t1", department: "Petén", sector: "citizen", gender: "woman", ageRange: "18_29", language: 1, n: 3 }),
        facet({
          subject: "axis",
          axis: "open_data",
          department: "Petén",
          sector: "academia",
          gender: "man",
          ageRange: "30_44",
          language: 0,
          day: "2018-04-11",
        }),
        facet({ department: "Zacapa", n: 2, day: "2018-04-11" }),
      ],
      ["t1"],
    );
    expect(stats.visible).toBe(6);
    expect(count(stats.bySubject, "theme:t1")).toBe(3);
    expect(count(stats.bySubject, "axis:open_data")).toBe(1);
    expect(count(stats.bySubject, "methodology")).toBe(2);
    expect(count(stats.byDepartment, "Petén")).toBe(4);
    expect(count(stats.byDepartment, "Zacapa")).toBe(2);
    expect(count(stats.byDepartment, "Izabal")).toBe(0);
    expect(count(stats.bySector, "citizen")).toBe(3);
    expect(count(stats.bySector, null)).toBe(2);
    expect(count(stats.byGender, "woman")).toBe(3);
    expect(count(stats.byAge, "30_44")).toBe(1);
    expect(count(stats.byLanguage, "yes")).toBe(3);
    expect(count(stats.byLanguage, "no")).toBe(1);
    expect(count(stats.byLanguage, null)).toBe(2);
    expect(stats.byDay).toEqual([
      { key: "2018-04-10", count: 3, share: 0.5 },
      { key: "2018-04-11", count: 3, share: 0.5 },
    ]);
  });

  it("keeps hidden opinions out of the charts and counts them apart", () => {
    const stats = tallyOpinions([facet({ n: 4 }), facet({ status: "hidden", subject: "theme", themeId: "t1", department: "Petén", n: 2 })], ["t1"]);
    expect(stats.visible).toBe(4);
    expect(stats.hidden).toBe(2);
    expect(count(stats.byDepartment, "Petén")).toBe(0);
    expect(stats.hiddenBySubject).toEqual([{ key: "theme:t1", count: 2, share: 1 }]);
    expect(stats.bySubject.reduce((sum, t) => sum + t.count, 0)).toBe(4);
  });

  it("fills days without opinions so the chart has no gaps", () => {
    const stats = tallyOpinions([facet({ day: "2018-04-29" }), facet({ day: "2018-05-02" })]);
    expect(stats.byDay.map((d) => [d.key, d.count])).toEqual([
      ["2018-04-29", 1],
      ["2018-04-30", 0],
      ["2018-05-01", 0],
      ["2018-05-02", 1],
    ]);
  });

  it("draws at most the last 120 days", () => {
    const stats = tallyOpinions([facet({ day: "2018-01-01" }), facet({ day: "2018-12-31" })]);
    expect(stats.byDay).toHaveLength(120);
    expect(stats.byDay.at(-1)).toMatchObject({ key: "2018-12-31", count: 1 });
  });

  it("keeps values it does not know (an archived theme) instead of dropping them", () => {
    const stats = tallyOpinions([facet({ subject: "theme", themeId: "archived" })], ["t1"]);
    expect(count(stats.bySubject, "theme:archived")).toBe(1);
    expect(count(stats.bySubject, "theme:t1")).toBe(0);
  });

  it("shares add up to one over the known answers and 'not said'", () => {
    const stats = tallyOpinions([facet({ gender: "woman", n: 1 }), facet({ gender: "man", n: 2 }), facet({ n: 1 })]);
    expect(stats.byGender.reduce((s, t) => s + t.share, 0)).toBeCloseTo(1);
    expect(maxCount(stats.byGender)).toBe(2);
    expect(maxCount([])).toBe(1);
  });
});
