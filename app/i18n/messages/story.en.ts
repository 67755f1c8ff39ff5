import type { storyEs } from "./story";

export const storyEn: Record<keyof typeof storyEs, string> = {
  "story.ended": "This consultation has ended: all its stages are closed. What stays open to the public is the plan's follow-up.",
  "story.example_title": "Follow an example opinion",
  "story.example_intro": "Receipts of opinions that reached a commitment of the plan: each shows the whole way.",
  "story.example_receipt": "Receipt {code}",
  "story.followup_title": "Follow-up of the commitment",
  "story.followup_progress": "“{title}”: {complete} of {count} milestones complete.",
  "story.followup_progress_one": "“{title}”: {complete} of {count} milestone complete.",
  "story.followup_latest": "Latest progress reported: milestone {position}, {status} ({date}).",
  "story.followup_none": "No progress reported yet.",
  "story.followup_link": "See this commitment's follow-up",
};
