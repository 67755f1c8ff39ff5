// English for messages/funnel-settings.ts (Spanish, the source). A separate module so a browser loads one language only.
import type { funnelSettingsEs } from "./funnel-settings";

export const funnelSettingsEn: Record<keyof typeof funnelSettingsEs, string> = {
  "funnel_settings.title": "Funnel columns",
  "funnel_settings.intro":
    "The stages the consultation publishes under “Proposals by stage” (the 2016 plan's five by default). Counts do not change: only which columns are shown.",
  "funnel_settings.legend": "Published columns",
  "funnel_settings.save": "Save the columns",
  "funnel_settings.read_only": "Published columns: {columns}.",
  "funnel_settings.issue.at_least_two": "Choose at least two columns.",
  "funnel_settings.issue.plan_required": "The “In the plan” column is always published.",
};
