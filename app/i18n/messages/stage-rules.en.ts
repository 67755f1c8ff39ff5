// English for messages/stage-rules.ts (Spanish, the source). A separate module so a browser loads one language only.
import type { stageRulesEs } from "./stage-rules";

export const stageRulesEn: Record<keyof typeof stageRulesEs, string> = {
  "stage.closed_on": "The “{stage}” stage closed on {date}.",
  "stage.opens_on": "The “{stage}” stage opens on {date}.",
  "stage.closed_on_opinion_intake": "Opinion intake closed on {date}.",
  "stage.opens_on_opinion_intake": "Opinion intake opens on {date}.",
  "stage.closed_on_draft_plan": "Comments on the draft plan were received until {date}.",
  "stage.opens_on_draft_plan": "Comments on the draft plan are received from {date}.",
  "stage.open_until": "open until {date}",
  "stage.closed_on_short": "closed on {date}",
  "stage.opens_on_short": "opens on {date}",
  "plan.error.adoption_frozen":
    "The plan is already {status} and frozen: “{title}” cannot be adopted by vote. A commitment enters the approved plan only through an amendment that records it, with its reason.",
  "plan.error.vote_open": "A vote on “{title}” is open: close it before approving the plan, which is then frozen.",
  "plan.error.add_not_frozen":
    "The plan is {status}: before approval a commitment enters by assembling the plan again; the amendment is for the approved plan.",
  "plan.error.already_in_plan": "“{title}” is already a commitment of the plan.",
  "plan.amendment_added": "Added to the approved plan by amendment. Reason: {reason}",
  "plan.commitments_count": "The plan has {count} commitments.",
  "plan.commitments_count_one": "The plan has {count} commitment.",
  "plan.amend_add.title": "Add a commitment by amendment",
  "plan.amend_add.help":
    "The approved plan is frozen: a proposal that meets the three criteria at the technical roundtable (or was adopted and left out) enters only through this amendment, with its reason, which is published.",
  "plan.amend_add.proposal": "Proposal",
  "plan.amend_add.reason": "Reason for the amendment",
  "plan.amend_add.number": "Number (empty: the next one)",
  "plan.amend_add.submit": "Add to the plan",
  "plan.amend_add.none": "No proposal at the technical roundtable can be added.",
};
