import { describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en";
import { es } from "../../app/i18n/es";
import { pickLang, translate } from "../../app/i18n";

describe("translation layer", () => {
  it("has an English text for every Spanish key, none empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort());
    for (const [key, text] of Object.entries(en)) expect(text, key).not.toBe("");
  });

  it("fills placeholders and translates @key parameters", () => {
    expect(translate("es", "error.stage_closed", { stage: "@phase.public_call", status: "@stage_status.closed" })).toBe(
      "La etapa «Convocatoria pública» no está abierta (Cerrada).",
    );
    expect(translate("en", "error.stage_closed", { stage: "Foros", status: "@stage_status.pending" })).toBe("The stage “Foros” is not open (Pending).");
  });

  it("prefers the remembered cookie, then Accept-Language, then Spanish", () => {
    expect(pickLang("en", "es-GT")).toBe("en");
    expect(pickLang(undefined, "en-US,en;q=0.9")).toBe("en");
    expect(pickLang(undefined, "fr")).toBe("es");
    expect(pickLang("xx", undefined)).toBe("es");
  });

  it("names the funnel's participation figures in the singular for one", () => {
    expect(translate("es", "public_funnel.summaries", { count: 1 })).toBe("resumen de la sistematización");
    expect(translate("es", "public_funnel.summaries", { count: 2 })).toBe("resúmenes de la sistematización");
    expect(translate("en", "public_funnel.forum_attendance", { count: 1 })).toBe("person attended the forums");
  });
});
