// English for messages/plan-moderation.ts (Spanish, the source). A separate module so a browser loads one language only.
import type { planModerationEs } from "./plan-moderation";

export const planModerationEn: Record<keyof typeof planModerationEs, string> = {
  "planmod.queue_title": "Moderation of opinions and comments on the plan",
  "planmod.queue_intro":
    "New opinions and comments on the draft plan appear here live, with their reports. Hiding deletes nothing: the text stays in the audit log, is counted separately and can be restored.",
  "planmod.queue_empty": "No opinions or comments on the plan in this view.",
  "planmod.hide_reason": "Reason for hiding it",
  "planmod.amend_title": "Amend commitment {number}",
  "planmod.amend_intro":
    "The plan is approved: every change is recorded as an amendment, with its reason, and the previous text stays readable on the public sheet. Change the fields that need it, milestones included.",
  "planmod.amend_not_frozen": "The plan is not approved yet: texts are revised in the technical roundtable's comments view, not amended.",
  "planmod.amend_reason": "Reason for the amendment",
  "planmod.amend_reason_hint": "Published with the change.",
  "planmod.amend_submit": "Record the amendment",
  "planmod.amend_open": "Amend any field…",
  "planmod.back": "Back to the plan",
  "planmod.comment_on_plan": "Comment on the action plan",
  "planmod.comment_on_commitment": "Comment on the plan · commitment {number}: {title}",
  "planmod.counts": "Comments on the plan: {visible} visible, {hidden} hidden, {reported} reported.",
  "planmod.comments_view": "Technical roundtable's comments view",
};
