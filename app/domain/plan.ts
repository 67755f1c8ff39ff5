// The action plan's pure rules (issue 9, stages 7–10): its statuses and the moves between them, when citizens may
// comment, when a commitment's text may change and how (a revision before approval, an amendment after), the
// numbering of commitments, and the history of a commitment's text with the comments behind each change. No I/O.
import type { ProposalTemplate } from "./schemas/proposal";
import { diffTemplates, type FieldChange } from "./proposals/versions";
import type { Translate } from "../i18n";

/** assembling: being put together, not public; draft: published for comment; then review, approval, submission. */
export const PLAN_STATUSES = ["assembling", "draft", "in_review", "approved", "submitted"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** How the technical roundtable answers a citizen's comment. */
export const COMMENT_VERDICTS = ["accepted", "partly", "not_accepted"] as const;
export type CommentVerdict = (typeof COMMENT_VERDICTS)[number];

export const PLAN_COMMENT_MIN = 10;
export const PLAN_COMMENT_MAX = 2_000;

/** The stage (app/domain/phases.ts) during which citizens comment on the draft. */
export const COMMENT_PHASE = "draft_plan";

export type PlanMove = "assemble" | "publish" | "send_review" | "approve" | "submit" | "amend";

/** After approval the plan and its commitments are frozen: only a recorded amendment changes a text. */
export function isFrozen(status: PlanStatus): boolean {
  return status === "approved" || status === "submitted";
}

export function isPublic(status: PlanStatus): boolean {
  return status !== "assembling";
}

/** Why a move is refused in this status (null: allowed). */
export function moveRefusal(
  status: PlanStatus,
  move: PlanMove,
  facts: { commitments?: number } = {},
): "frozen" | "not_frozen" | "wrong_status" | "empty" | null {
  switch (move) {
    case "assemble":
      return isFrozen(status) ? "frozen" : null;
    case "publish":
      if (isFrozen(status)) return "frozen";
      if (status !== "assembling") return "wrong_status";
      return (facts.commitments ?? 0) > 0 ? null : "empty";
    case "send_review":
      if (isFrozen(status)) return "frozen";
      return status === "draft" ? null : "wrong_status";
    case "approve":
      if (isFrozen(status)) return "frozen";
      return status === "draft" || status === "in_review" ? null : "wrong_status";
    case "submit":
      return status === "approved" ? null : "wrong_status";
    case "amend":
      return isFrozen(status) ? null : "not_frozen";
  }
}

/** The status a move leads to (the same status for moves that do not change it). */
export function statusAfter(status: PlanStatus, move: PlanMove): PlanStatus {
  switch (move) {
    case "publish":
      return "draft";
    case "send_review":
      return "in_review";
    case "approve":
      return "approved";
    case "submit":
      return "submitted";
    default:
      return status;
  }
}

/**
 * Once the plan is approved it is frozen, its commitments too: an adoption (a vote closing as adopted, or a vote
 * opened to that end) is refused, and a proposal enters the plan only through an amendment that records it
 * (`plan.amend_add`). Before approval the plan is reassembled instead. Null when no plan exists yet.
 */
export function adoptionRefusal(status: PlanStatus | null): "frozen" | null {
  return status && isFrozen(status) ? "frozen" : null;
}

/** An amendment that adds a commitment is for the approved plan only; before approval the plan is reassembled. */
export function addByAmendmentRefusal(
  status: PlanStatus,
  facts: { state: string; atTechnical: boolean; inPlan: boolean; missingCriteria: number; commitments: number; maxCommitments: number },
): "not_frozen" | "already_in_plan" | "not_at_technical" | "not_active" | "criteria_missing" | "commitment_cap" | null {
  if (!isFrozen(status)) return "not_frozen";
  if (facts.inPlan) return "already_in_plan";
  if (facts.state !== "active" && facts.state !== "adopted") return "not_active";
  if (!facts.atTechnical) return "not_at_technical";
  if (facts.missingCriteria > 0) return "criteria_missing";
  if (facts.commitments >= facts.maxCommitments) return "commitment_cap";
  return null;
}

/** A commitment's text may be revised before approval; after it, only amended (with a reason). */
export function textChangeRefusal(status: PlanStatus, how: "revision" | "amendment"): "frozen" | "not_frozen" | null {
  if (how === "revision") return isFrozen(status) ? "frozen" : null;
  return isFrozen(status) ? null : "not_frozen";
}

/**
 * Citizens comment while the plan is published and not yet approved, and only while the draft-plan stage is open.
 * "stage" means the stage is the reason (the 409 names it).
 */
export function commentRefusal(status: PlanStatus, stageOpen: boolean): "not_published" | "frozen" | "stage" | null {
  if (status === "assembling") return "not_published";
  if (isFrozen(status)) return "frozen";
  return stageOpen ? null : "stage";
}

/** Numbers shown for the commitments in order: a typed number is kept, an empty one is the position ("1", "2"…). */
export function commitmentNumbers(items: ReadonlyArray<{ number?: string | null }>): string[] {
  return items.map((item, i) => (item.number && item.number.trim() ? item.number.trim() : String(i + 1)));
}

/** Only http(s) links are evidence a reader can open; anything else (javascript:, file:, ftp:) is refused. */
export function isHttpLink(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export interface VersionFact {
  revision: number;
  template: ProposalTemplate;
  note: string;
  editedAt: string;
}

export interface RevisionStep {
  revision: number;
  editedAt: string;
  note: string;
  /** What changed from the revision before (empty for the first). */
  changes: FieldChange[];
  /** The citizens' comments that led to this change. */
  commentIds: string[];
  /** Set when the change is an amendment after approval: its reason. */
  amendmentReason: string | null;
}

/**
 * A commitment's text history, oldest first: each revision with what changed from the one before, the comments that
 * led to it and, for an amendment, its reason. Versions may come in any order; the previous text stays readable in
 * `changes[].before`.
 */
export function revisionHistory(
  versions: readonly VersionFact[],
  links: ReadonlyArray<{ revision: number; commentId: string }>,
  amendments: ReadonlyArray<{ revision: number; reason: string }>,
  translate?: Translate,
): RevisionStep[] {
  const ordered = [...versions].sort((a, b) => a.revision - b.revision);
  return ordered.map((v, i) => ({
    revision: v.revision,
    editedAt: v.editedAt,
    note: v.note,
    changes: i === 0 ? [] : diffTemplates(ordered[i - 1].template, v.template, translate),
    commentIds: links.filter((l) => l.revision === v.revision).map((l) => l.commentId),
    amendmentReason: amendments.find((a) => a.revision === v.revision)?.reason ?? null,
  }));
}
