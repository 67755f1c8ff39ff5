// Plurals, numbers and dates through Intl, in the words a reader sees.
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatNumber, formatPercent, translate } from "../../app/i18n";

describe("plurals picked by Intl.PluralRules on `count`", () => {
  it("says one goal, two goals", () => {
    expect(translate("es", "proposal.milestones_count", { count: 1 })).toBe("1 meta");
    expect(translate("es", "proposal.milestones_count", { count: 2 })).toBe("2 metas");
    expect(translate("es", "proposal.milestones_count", { count: 0 })).toBe("0 metas");
    expect(translate("en", "proposal.milestones_count", { count: 1 })).toBe("1 milestone");
    expect(translate("en", "proposal.milestones_count", { count: 2 })).toBe("2 milestones");
  });

  it("responds to one input, or to several", () => {
    expect(translate("es", "proposal.responds_count", { count: 1 })).toBe("Responde a 1 aporte o resumen ciudadano");
    expect(translate("es", "proposal.responds_count", { count: 3 })).toBe("Responde a 3 aportes o resúmenes ciudadanos");
  });

  it("writes a large count with the locale's grouping and keeps the general form", () => {
    expect(translate("es", "forum.people_count", { count: 1 })).toBe("1 persona");
    expect(translate("es", "forum.people_count", { count: 1234 })).toBe("1,234 personas");
    expect(translate("es", "forum.people_count", { count: 1_000_000 })).toBe("1,000,000 personas");
  });

  it("counts what lies behind a proposal one noun at a time", () => {
    const t = (key: "lineage.count_proposals" | "lineage.count_summaries" | "lineage.count_inputs", count: number) => translate("es", key, { count });
    expect(
      translate("es", "lineage.behind_count", {
        proposals: t("lineage.count_proposals", 2),
        summaries: t("lineage.count_summaries", 1),
        inputs: t("lineage.count_inputs", 1),
      }),
    ).toBe("2 propuestas, 1 resumen y 1 aporte ciudadano");
  });
});

describe("numbers and dates through Intl", () => {
  it("writes percentages and numbers as each locale does", () => {
    // Guatemala writes decimals with a point, like the United States (CLDR es-GT).
    expect(formatPercent("es", 0.192)).toBe("19.2%");
    expect(formatPercent("en", 0.192)).toBe("19.2%");
    expect(formatPercent("es", 0.5)).toBe("50%");
    expect(formatNumber("es", 12345.5)).toBe("12,345.5");
  });

  it("writes dates in words", () => {
    expect(formatDate("es", "2026-11-29")).toBe("29 de noviembre de 2026");
    expect(formatDate("en", "2026-11-29")).toBe("November 29, 2026");
    expect(formatDateTime("es", "2026-11-29T18:05:00Z")).toBe("29 de noviembre de 2026 a las 12:05 p. m.");
    expect(formatDateTime("en", "2026-11-29T18:05:00Z")).toBe("November 29, 2026 at 12:05 PM");
  });
});
