// What changed between two versions of a proposal's text, for the public sheet: every OGP template field as plain
// text, then a word-level diff of the fields that differ. Pure, no I/O.
//
// Contact details never enter the text: the responsible person reads as name and title only (no e-mail, no phone),
// so a public diff cannot reveal them. Labels inside a field's text (OGP values and challenges, the two kinds of
// other actors) are translated with `translate`, Spanish by default; the field keys themselves are left for the
// page to label.
import { diffWords } from "diff";
import { DEFAULT_LANG, translator, type Translate } from "../../i18n";
import type { ProposalTemplate } from "../schemas/proposal";

export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

export interface FieldChange {
  /** Template field key, e.g. "title", "objective", "milestones". */
  field: string;
  /** The field's exact text in each version. */
  before: string;
  after: string;
  /**
   * Word-level parts (jsdiff's `diffWords`). The "same" and "added" parts rebuild `after` exactly; "same" parts
   * carry the new version's whitespace, so "same" and "removed" rebuild `before` up to whitespace.
   */
  parts: DiffPart[];
}

/** The template's fields in template order (the order of the OGP commitment template). */
export const TEMPLATE_FIELDS = [
  "title",
  "leadAgency",
  "responsiblePerson",
  "otherActors",
  "problem",
  "objective",
  "description",
  "ogpChallenges",
  "relevance",
  "ambition",
  "milestones",
] as const satisfies ReadonlyArray<keyof ProposalTemplate>;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

const OGP_VALUE_KEYS = ["transparency", "accountability", "participation", "technology"] as const;

const clean = (s: string | null | undefined) => (s ?? "").trim();

function milestoneLine(m: ProposalTemplate["milestones"][number], i: number): string {
  let line = `${i + 1}. ${clean(m.description)}`;
  const institution = clean(m.responsibleInstitution);
  if (institution) line += ` — ${institution}`;
  if (m.startsOn || m.endsOn) line += ` (${m.startsOn || "…"} → ${m.endsOn || "…"})`;
  return line;
}

/**
 * Every template field as plain text, keyed by field, in template order. Nested parts are flattened readably:
 * milestones one per line ("1. description — institution (start → end)"), relevance as the ticked values then the
 * reason, other actors one line per kind, the responsible person's name and title only.
 */
export function templateText(t: ProposalTemplate, translate: Translate = translator(DEFAULT_LANG)): Record<string, string> {
  const person = t.responsiblePerson;
  const actors = t.otherActors;
  const relevance = t.relevance;
  const texts: Record<TemplateField, string> = {
    title: clean(t.title),
    leadAgency: clean(t.leadAgency),
    responsiblePerson: [clean(person?.name), clean(person?.title)].filter(Boolean).join(" · "),
    otherActors: [
      [translate("proposal.field.actors_government"), clean(actors?.government)],
      [translate("proposal.field.actors_others"), clean(actors?.others)],
    ]
      .filter(([, value]) => value)
      .map(([label, value]) => `${label}: ${value}`)
      .join("\n"),
    problem: clean(t.problem),
    objective: clean(t.objective),
    description: clean(t.description),
    ogpChallenges: (t.ogpChallenges ?? []).map((c) => translate(`proposal.challenge.${c}`)).join(", "),
    relevance: [
      OGP_VALUE_KEYS.filter((v) => relevance?.[v])
        .map((v) => translate(`proposal.value.${v}`))
        .join(", "),
      clean(relevance?.text),
    ]
      .filter(Boolean)
      .join(" — "),
    ambition: clean(t.ambition),
    milestones: (t.milestones ?? []).map(milestoneLine).join("\n"),
  };
  const out: Record<string, string> = {};
  for (const field of TEMPLATE_FIELDS) out[field] = texts[field];
  return out;
}

/**
 * The fields whose text differs, in template order, each with a word-level diff. A field whose words are all the same
 * (only spacing changed) is not a change.
 */
export function diffTemplates(before: ProposalTemplate, after: ProposalTemplate, translate: Translate = translator(DEFAULT_LANG)): FieldChange[] {
  const a = templateText(before, translate);
  const b = templateText(after, translate);
  const changes: FieldChange[] = [];
  for (const field of TEMPLATE_FIELDS) {
    if (a[field] === b[field]) continue;
    const parts: DiffPart[] = diffWords(a[field], b[field])
      .filter((c) => c.value !== "")
      .map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }));
    if (parts.every((p) => p.kind === "same")) continue;
    changes.push({ field, before: a[field], after: b[field], parts });
  }
  return changes;
}
