// Every code a reader can see has its words, in Spanish and in English: each command type of the registry (the
// activity feed names what happened), and every outcome, reason, state and level the pages show. The lists are
// the domain's exported code arrays, so a code added there (a new vote outcome, a new proposal state) is walked
// here without touching this file; the message key each list is worded with is written out below, by hand, as the
// pages call it. A missing wording fails with the code and the language.
import { describe, expect, it } from "vitest";
import { CRITERIA, CRITERION_STATUSES } from "../../app/domain/consensus/criteria";
import { ADOPTION_GRADES, ANSWERS, DECISION_RULES, NOT_ADOPTED_REASONS, REJECTION_REASONS, VOTE_OUTCOMES } from "../../app/domain/consensus/outcome";
import { reasonText } from "../../app/domain/consensus/outcome-words";
import { COMMITMENT_PLACES, FATE_ENDINGS, FATE_WAITS } from "../../app/domain/fate";
import { LATENESS_KINDS, PROGRESS_STATUSES } from "../../app/domain/follow-up";
import { FORUM_STATUSES } from "../../app/domain/forum";
import { FUNNEL_STAGES } from "../../app/domain/funnel";
import { TEXT_STATUSES } from "../../app/domain/moderation";
import { PHASES, STAGE_STATUSES } from "../../app/domain/phases";
import { COMMENT_VERDICTS, PLAN_STATUSES } from "../../app/domain/plan";
import { PROPOSAL_STATES } from "../../app/domain/proposals/states";
import { RESPONSE_FATES } from "../../app/domain/reasoned-response";
import { ROLES } from "../../app/domain/roles";
import { SESSION_KINDS } from "../../app/domain/technical-sessions";
import { en } from "../../app/i18n/en";
import { es } from "../../app/i18n/es";
import { translate } from "../../app/i18n";
import { commands } from "../../server/commands/registry";

const dictionaries = { es: es as Record<string, string>, en: en as Record<string, string> };

/** The keys of a list that have no wording (missing or empty) in a language. */
function missing(codes: readonly string[], keyOf: (code: string) => string[]): string[] {
  const out: string[] = [];
  for (const code of codes)
    for (const key of keyOf(code))
      for (const [lang, dict] of Object.entries(dictionaries)) if (!dict[key]?.trim()) out.push(`${lang}: ${key} (code "${code}")`);
  return out;
}

// Each code list a reader sees, with the keys the pages word it with.
const CODE_SETS: Array<[string, readonly string[], (code: string) => string[]]> = [
  ["vote outcomes", VOTE_OUTCOMES, (c) => [`technical.outcome.${c}`, `technical.feed.vote_${c}`]],
  ["grades of adoption", ADOPTION_GRADES, (c) => [`technical.grade.${c}`]],
  ["reasons of a vote's rejection", REJECTION_REASONS, (c) => [`technical.grade.${c}`, `technical.reason.${c}`]],
  ["reasons a vote did not adopt", NOT_ADOPTED_REASONS, (c) => [`technical.grade.${c}`, `technical.reason.${c}`]],
  ["consensus answers", ANSWERS, (c) => [`technical_page.answer.${c}`, `review.answer.${c}`]],
  ["decision rules", DECISION_RULES, (c) => [`review.rule.${c}`, `technical_page.rule.${c}`, `review.rule_hint.${c}`]],
  ["adoption criteria", CRITERIA, (c) => [`technical_page.criterion.${c}`, `review.criterion.${c}`, `technical.criterion.${c}`]],
  ["criterion statuses", CRITERION_STATUSES, (c) => [`technical_page.criterion_status.${c}`, `review.status.${c}`]],
  ["proposal states", PROPOSAL_STATES, (c) => [`proposal.state.${c}`]],
  ["funnel stages", FUNNEL_STAGES, (c) => [`funnel.${c}`]],
  ["phases", PHASES, (c) => [`phase.${c}`]],
  ["stage statuses", STAGE_STATUSES, (c) => [`stage_status.${c}`, `roundtable.round_status.${c}`]],
  ["forum statuses", FORUM_STATUSES, (c) => [`forum.status.${c}`]],
  ["technical session kinds", SESSION_KINDS, (c) => [`technical_page.kind.${c}`]],
  ["plan statuses", PLAN_STATUSES, (c) => [`plan.status.${c}`]],
  ["answers to plan comments", COMMENT_VERDICTS, (c) => [`plan.verdict.${c}`]],
  ["follow-up levels", PROGRESS_STATUSES, (c) => [`followup.status.${c}`]],
  ["follow-up lateness", LATENESS_KINDS, (c) => [`followup.lateness.${c}`]],
  ["citizen text statuses (moderation)", TEXT_STATUSES, (c) => [`intake.status.${c}`]],
  ["fates of an input: endings", FATE_ENDINGS, (c) => [`fate.ending.${c}`]],
  ["fates of an input: waits", FATE_WAITS, (c) => [`fate.pending.${c}`]],
  ["an adopted proposal's place", COMMITMENT_PLACES, (c) => [`fate.place.${c}`, `fate.commitment.${c}`]],
  // A summary's fate is worded without its prefix; an adopted proposal's is its place (the list above).
  ["reasoned response fates", RESPONSE_FATES, (c) => (c === "adopted" ? [] : [`response.fate.${c.replace(/^summary_/, "")}`])],
  ["roles", ROLES, (c) => [`role.${c}`]],
];

describe("every code a reader can see has its words in Spanish and English", () => {
  it("every command type of the registry has its wording in the activity feed", () => {
    const types = commands.map((c) => c.type);
    expect(types.length).toBeGreaterThan(80); // the registry, not an empty import
    expect(missing(types, (type) => [`activity.cmd.${type}`])).toEqual([]);
  });

  it.each(CODE_SETS)("%s", (_name, codes, keyOf) => {
    expect(codes.length).toBeGreaterThan(0);
    expect(missing(codes, keyOf)).toEqual([]);
  });

  it("a vote's rejection reason recorded as a code reads in words, and a written reason as written", () => {
    const t = (lang: "es" | "en") => (key: string) => translate(lang, key);
    expect(reasonText(t("es"), "stand_asides")).toBe("demasiadas abstenciones");
    expect(reasonText(t("en"), "stand_asides")).toBe("too many stand-asides");
    expect(reasonText(t("es"), "El ministerio no tiene presupuesto")).toBe("El ministerio no tiene presupuesto");
  });

  it("the activity feed names plan.submit in words", () => {
    expect(translate("es", "activity.cmd.plan.submit")).toBe("Plan enviado a la AGA");
    expect(translate("en", "activity.cmd.plan.submit")).toBe("Plan submitted to OGP");
  });
});
