// Which funnel columns a consultation publishes (the 2016 table's five by default). One schema for the dashboard's
// form and the command.
import { z } from "zod";
import { FUNNEL_STAGES } from "../funnel";
import { id } from "./fields";

export const funnelColumnsSchema = z.object({
  consultationId: id,
  /** At least two columns, and always "in the plan": the funnel ends where the plan begins. */
  columns: z
    .union([z.array(z.enum(FUNNEL_STAGES)), z.enum(FUNNEL_STAGES)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(
      z
        .array(z.enum(FUNNEL_STAGES))
        .refine((cols) => new Set(cols).size >= 2, { message: "funnel_settings.issue.at_least_two" })
        .refine((cols) => cols.includes("plan"), { message: "funnel_settings.issue.plan_required" }),
    ),
});
