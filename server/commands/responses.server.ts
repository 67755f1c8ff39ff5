// The reasoned response (issue 10, OGP co-creation standards: show how input was considered). The point of contact
// writes one response per summary or proposal; writing again supersedes the previous one, which stays in the history.
import { randomUUID } from "node:crypto";
import { writeResponseSchema } from "../../app/domain/schemas/response";
import { announceChange } from "./lookup.server";
import { notFound } from "./errors";
import { defineCommand, type Trx } from "./types";

async function consultationOfTarget(trx: Trx, p: { summaryId?: string; proposalId?: string }): Promise<string> {
  const row = p.summaryId
    ? await trx.selectFrom("summaries").where("deleted_at", "is", null).select("consultation_id").where("id", "=", p.summaryId).executeTakeFirst()
    : await trx.selectFrom("proposals").select("consultation_id").where("id", "=", p.proposalId!).where("state", "!=", "draft").executeTakeFirst();
  if (!row) throw notFound(p.summaryId ? "summary" : "proposal");
  return row.consultation_id;
}

export const writeResponse = defineCommand({
  type: "response.write",
  summary:
    "Write the consultation's response to a summary or a proposal (how it was considered); it supersedes the previous response, which stays in the history.",
  schema: writeResponseSchema,
  access: { roles: ["point_of_contact"] },
  consultationOf: (trx, p) => consultationOfTarget(trx, p),
  async handle(trx, p, ctx) {
    const target = p.summaryId ? ("summary_id" as const) : ("proposal_id" as const);
    const targetId = (p.summaryId ?? p.proposalId)!;
    await trx.updateTable("written_responses").set({ superseded_at: ctx.now }).where(target, "=", targetId).where("superseded_at", "is", null).execute();
    const id = randomUUID();
    await trx
      .insertInto("written_responses")
      .values({
        id,
        consultation_id: ctx.consultationId!,
        summary_id: p.summaryId ?? null,
        proposal_id: p.proposalId ?? null,
        text: p.text,
        written_by: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        written_at: ctx.now,
        superseded_at: null,
      })
      .execute();
    announceChange(ctx, ctx.consultationId!);
    return { responseId: id };
  },
});

export const responseCommands = [writeResponse];
