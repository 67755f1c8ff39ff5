// A closed vote's outcome as a person reads it, in Spanish and English: every outcome and reason code has words, the
// figures of the vote are in them, and a code never reaches the reader (app/domain/consensus/outcome-words.ts).
import { describe, expect, it } from "vitest";
import { outcomeText, reasonText } from "../../app/domain/consensus/outcome-words";
import { NOT_ADOPTED_REASONS, REJECTION_REASONS, VOTE_GRADES, VOTE_OUTCOMES } from "../../app/domain/consensus/outcome";
import { translate, type Lang } from "../../app/i18n";
import type { MessageKey } from "../../app/i18n/es";

const t = (lang: Lang) => (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
const es = t("es");
const en = t("en");

describe("the words of a closed vote", () => {
  it("stand-asides over the share: not adopted, with the vote's figures, and the proposal stays at the table", () => {
    const figures = { standAsides: 3, answered: 8, allowed: 2 };
    expect(outcomeText(es, "not_adopted", "stand_asides", figures)).toBe(
      "No adoptada: más abstenciones de las permitidas: 3 de 8, el máximo es 2. La propuesta sigue en la mesa: puede afinarse y votarse de nuevo",
    );
    expect(outcomeText(en, "not_adopted", "stand_asides", figures)).toBe(
      "Not adopted: more stand-asides than allowed: 3 of 8, the maximum is 2. The proposal stays at the table: it can be refined and voted again",
    );
  });

  it("the plan is full: not adopted, naming the cap and what the vote would have decided", () => {
    expect(outcomeText(es, "not_adopted", "plan_full", { max: 20, wouldBe: "consent" })).toBe(
      "No adoptada: el plan ya tiene sus 20 compromisos (la votación la habría adoptado por consentimiento). La propuesta sigue en la mesa",
    );
    expect(outcomeText(en, "not_adopted", "plan_full", { max: 20, wouldBe: "consent" })).toBe(
      "Not adopted: the plan already has its 20 commitments (the vote would have adopted it by consent). The proposal stays at the table",
    );
  });

  it("a cancelled vote reads with the chair's reason", () => {
    expect(outcomeText(es, "cancelled", null, { cancelReason: "El plan se completó mientras estaba abierta" })).toBe(
      "Votación cancelada: El plan se completó mientras estaba abierta",
    );
    expect(outcomeText(en, "cancelled", null, { cancelReason: "The plan filled up" })).toBe("Vote cancelled: The plan filled up");
  });

  it("a state reason: a code stored before (stand_asides) becomes words, a reason a person wrote stays as written", () => {
    expect(reasonText(es, "stand_asides")).toBe("demasiadas abstenciones");
    expect(reasonText(en, "stand_asides")).toBe("too many stand-asides");
    expect(reasonText(es, "No es financieramente viable")).toBe("No es financieramente viable");
  });

  it("every outcome and every grade or reason has words in both languages, none a code or a key", () => {
    for (const lang of ["es", "en"] as const) {
      for (const outcome of VOTE_OUTCOMES) {
        for (const grade of [null, ...VOTE_GRADES]) {
          const text = outcomeText(t(lang), outcome, grade, { standAsides: 2, answered: 4, allowed: 1, max: 5, wouldBe: "consent", cancelReason: "x" });
          expect(text, `${lang} ${outcome} ${grade}`).not.toBe("");
          expect(text).not.toMatch(/technical\.|_|\{/);
        }
      }
      for (const code of [...REJECTION_REASONS, ...NOT_ADOPTED_REASONS]) {
        expect(reasonText(t(lang), code)).not.toMatch(/technical\.|_/);
        // (In English "blocked" is both the code and the word; the Spanish shows each went through the dictionary.)
        if (lang === "es") expect(reasonText(t(lang), code)).not.toBe(code);
      }
    }
  });
});
