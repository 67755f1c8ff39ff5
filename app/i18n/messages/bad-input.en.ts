import type { badInputEs } from "./bad-input";

export const badInputEn: Record<keyof typeof badInputEs, string> = {
  "badinput.form_title": "The form could not be read",
  "badinput.form_body": "What arrived is not a form (bad encoding or body). Nothing was saved.",
  "badinput.back": "Back to the page, to send it again",
  "badinput.invalid_date": "invalid date ({value})",
  "activity.cmd.dates.fix_impossible": "Impossible dates emptied (check-dates --fix)",
};
