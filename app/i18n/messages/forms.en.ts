// English for messages/forms.ts (Spanish, the source). A separate module so a browser loads one language only.
import type { formsEs } from "./forms";

export const formsEn: Record<keyof typeof formsEs, string> = {
  "form.issue.required": "This field is required.",
  "form.issue.text_min": "Write at least {count} characters.",
  "form.issue.text_min_one": "Write at least {count} character.",
  "form.issue.text_max": "Write at most {count} characters.",
  "form.issue.text_max_one": "Write at most {count} character.",
  "form.issue.number_min": "Enter a number of at least {count}.",
  "form.issue.number_min_exclusive": "Enter a number greater than {count}.",
  "form.issue.number_max": "Enter a number of at most {count}.",
  "form.issue.number_max_exclusive": "Enter a number less than {count}.",
  "form.issue.items_min": "Choose at least {count} options.",
  "form.issue.items_min_one": "Choose at least {count} option.",
  "form.issue.items_max": "Choose at most {count} options.",
  "form.issue.items_max_one": "Choose at most {count} option.",
  "form.issue.number": "Enter a number.",
  "form.issue.integer": "Enter a whole number.",
  "form.issue.email": "Enter a valid e-mail address, for example name@domain.org.",
  "form.issue.url": "Enter a full web address, for example https://example.org.",
  "form.issue.date": "Enter a valid date.",
  "form.issue.choice": "Choose one of the options.",
  "form.issue.invalid": "Check this value.",
};
