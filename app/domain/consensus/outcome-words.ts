// The one place a consensus vote's outcome, grade or reason becomes words (es/en): the staff session, the public
// technical page and a proposal's sheet all call these, keyed by the codes in app/domain/consensus/outcome.ts, so
// no reader ever sees a code such as `stand_asides`.
import { REJECTION_REASONS, VOTE_GRADES, VOTE_OUTCOMES, type ReasonFigures } from "./outcome";
import type { MessageKey, Translate } from "../../i18n";

const isIn = <T extends string>(list: readonly T[], value: string | null | undefined): value is T =>
  value != null && (list as readonly string[]).includes(value);

/** A grade or reason code in short words ("por consentimiento", "demasiadas abstenciones"); any other text as written. */
export function gradeText(t: Translate, code: string | null | undefined): string {
  if (!code) return "";
  return isIn(VOTE_GRADES, code) ? t(`technical.grade.${code}` as MessageKey) : code;
}

/**
 * Why a vote did not adopt, in full when the vote's figures are known ("más abstenciones de las permitidas: 3 de 8,
 * el máximo es 2…"), in short words otherwise (records made before the figures were kept). A proposal's state
 * reason goes through here too: a code becomes words, a reason a person wrote stays as written.
 */
export function reasonText(t: Translate, code: string | null | undefined, figures: Partial<ReasonFigures> = {}): string {
  if (!code) return "";
  if (code === "stand_asides" && figures.standAsides != null && figures.answered != null && figures.allowed != null)
    return t("technical.reason.stand_asides", { standAsides: figures.standAsides, answered: figures.answered, allowed: figures.allowed });
  if (code === "plan_full" && figures.max != null)
    return t("technical.reason.plan_full", { max: figures.max, wouldBe: figures.wouldBe ? gradeText(t, figures.wouldBe) : "" });
  if (isIn(REJECTION_REASONS, code)) return t(`technical.reason.${code}`);
  return gradeText(t, code);
}

/** A closed vote's outcome as one sentence ("Adoptada por consentimiento", "Votación cancelada: …"). */
export function outcomeText(t: Translate, outcome: string | null, grade: string | null, figures: Partial<ReasonFigures> = {}): string {
  if (!isIn(VOTE_OUTCOMES, outcome)) return "";
  switch (outcome) {
    case "adopted":
      return t("technical.outcome.adopted", { grade: gradeText(t, grade) });
    case "rejected":
    case "not_adopted":
      return t(`technical.outcome.${outcome}`, { reason: reasonText(t, grade, figures) });
    case "cancelled":
      return t("technical.outcome.cancelled", { reason: figures.cancelReason ?? "" });
    default:
      return t(`technical.outcome.${outcome}`);
  }
}
