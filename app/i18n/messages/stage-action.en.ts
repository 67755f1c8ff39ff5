// English for messages/stage-action.ts (Spanish, the source). A separate module so a browser loads one language only.
import type { stageActionEs } from "./stage-action";

export const stageActionEn: Record<keyof typeof stageActionEs, string> = {
  "stage_action.title": "Take part now",
  "stage_action.comment_plan": "Comment on the draft action plan",
  "stage_action.forums": "See where and when the departmental forums are held",
  "stage_action.technical": "Follow the technical roundtable's session live",
  "stage_action.funnel": "See which proposals are still standing",
  "stage_action.plan": "Read the action plan",
  "stage_action.follow_up": "See how the commitments are progressing",
  "stage_action.none": "No stage is open for participation right now.",
};
