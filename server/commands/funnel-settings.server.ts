// The funnel columns a consultation publishes: a setting of the point of contact. Counts never change with it —
// stage entries are recorded for every column — only which columns the funnel, its API and exports show.
import { FUNNEL_STAGES } from "../../app/domain/funnel";
import { funnelColumnsSchema } from "../../app/domain/schemas/funnel-settings";
import { announceChange, requireConsultation } from "./lookup.server";
import { defineCommand } from "./types";

export const setFunnelColumns = defineCommand({
  type: "consultation.funnel_columns",
  summary: "Choose the funnel columns the consultation publishes (at least two, always «in the plan»; the 2016 five by default).",
  schema: funnelColumnsSchema,
  access: { roles: ["point_of_contact"] },
  consultationOf: (trx, p) => requireConsultation(trx, p.consultationId),
  async handle(trx, p, ctx) {
    const columns = FUNNEL_STAGES.filter((s) => p.columns.includes(s));
    await trx
      .updateTable("consultations")
      .set({ funnel_columns: JSON.stringify(columns), updated_at: ctx.now })
      .where("id", "=", p.consultationId)
      .execute();
    announceChange(ctx, p.consultationId);
    return { consultationId: p.consultationId, columns };
  },
});
