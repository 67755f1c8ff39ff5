// The reasoned response (issue 10; OGP co-creation standards: show how input was considered): what became of every
// summary and proposal, in words, with the reason recorded at each decision. Pure: facts in, a fate out; the pages
// and the CSV put it in words with the same translator.
import { reasonText } from "./consensus/outcome-words";
import type { CommitmentPlace } from "./fate";

export interface Ref {
  id: string;
  title: string;
}

export type Fate =
  | { kind: "summary_taken_up"; proposals: Ref[] }
  | { kind: "summary_not_taken_up" }
  | { kind: "merged"; into: Ref[]; note: string }
  | { kind: "split"; into: Ref[]; note: string }
  | { kind: "adopted"; place: CommitmentPlace }
  | { kind: "rejected"; reason: string }
  | { kind: "withdrawn"; by: string; reason: string }
  | { kind: "undone" }
  | { kind: "active"; stage: string };

export const RESPONSE_FATES = [
  "summary_taken_up",
  "summary_not_taken_up",
  "merged",
  "split",
  "adopted",
  "rejected",
  "withdrawn",
  "undone",
  "active",
] as const satisfies ReadonlyArray<Fate["kind"]>;

export interface ProposalFacts {
  state: string;
  stage: string;
  stateReason: string | null;
  /** The organization a withdrawal was recorded in the name of (or the proponent's). */
  withdrawnBy: string | null;
  /** Results of the merge or split (not undone) this proposal was a source of, with the table's agreement note. */
  successors: Ref[];
  operationNote: string;
  /** An adopted proposal's place (app/domain/fate.ts, commitmentPlace); awaiting the plan when not given. */
  place?: CommitmentPlace;
}

export function proposalFate(f: ProposalFacts): Fate {
  switch (f.state) {
    case "merged":
      return { kind: "merged", into: f.successors, note: f.operationNote };
    case "split":
      return { kind: "split", into: f.successors, note: f.operationNote };
    case "adopted":
      return { kind: "adopted", place: f.place ?? { in: "awaiting_plan" } };
    case "rejected":
      return { kind: "rejected", reason: f.stateReason ?? "" };
    case "withdrawn":
      return { kind: "withdrawn", by: f.withdrawnBy ?? "", reason: f.stateReason ?? "" };
    case "undone":
      return { kind: "undone" };
    default:
      return { kind: "active", stage: f.stage };
  }
}

export function summaryFate(proposals: readonly Ref[]): Fate {
  return proposals.length ? { kind: "summary_taken_up", proposals: [...proposals] } : { kind: "summary_not_taken_up" };
}

// Any translator taking a key and params (app/i18n translator, or translate bound to a language).
type Translate = (key: any, params?: Record<string, string | number>) => string;

const titles = (refs: readonly Ref[]) => refs.map((r) => `«${r.title}»`).join(", ");

/** The fate in one sentence, in the reader's language. */
export function fateInWords(t: Translate, fate: Fate): string {
  switch (fate.kind) {
    case "summary_taken_up":
      return t("response.fate.taken_up", { proposals: titles(fate.proposals) });
    case "summary_not_taken_up":
      return t("response.fate.not_taken_up");
    case "merged":
      return t(fate.note ? "response.fate.merged_note" : "response.fate.merged", { into: titles(fate.into), note: fate.note });
    case "split":
      return t(fate.note ? "response.fate.split_note" : "response.fate.split", { into: titles(fate.into), note: fate.note });
    case "adopted":
      // "Compromiso 3 del plan." — or adopted and awaiting the plan: never "still at the table".
      return fate.place.in === "plan" ? t("fate.place.plan", { number: fate.place.number }) : t(`fate.place.${fate.place.in}`);
    case "rejected":
      return t("response.fate.rejected", { reason: reasonText(t, fate.reason) });
    case "withdrawn":
      return t(fate.by ? "response.fate.withdrawn_by" : "response.fate.withdrawn", { by: fate.by, reason: fate.reason });
    case "undone":
      return t("response.fate.undone");
    case "active":
      return t("response.fate.active", { stage: `@funnel.${fate.stage}` });
  }
}

/** Columns of the reasoned response's CSV, in order. */
export const RESPONSE_CSV_COLUMNS = ["kind", "id", "theme", "title", "state", "fate", "reason", "response", "response_written_at"] as const;
