// The demo's action plan (issue 9): from the commitments the Mesa Técnica adopted to a published draft, citizens'
// comments answered (one led to a revision), the support unit's observation answered, then the approved and
// submitted plan — all through the commands, like any other history.
import type { CommandBus } from "../../server/commands/bus.server";
import type { Actor } from "../../server/commands/types";
import type { DB } from "../connection.server";
import { plan2016 } from "../factories/plan-2016";
import { runCommand, seedActor } from "./run-command.server";

const citizen: Actor = { kind: "anonymous", clientKey: "demo-seed-citizen" };
const run = <T = Record<string, string>>(bus: CommandBus, actor: Actor, type: string, payload: unknown) => runCommand<T>(bus, actor, type, payload);

async function personOf(db: DB, consultationId: string, role: string): Promise<Actor> {
  const row = await db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.name", "u.is_platform_admin"])
    .where("m.consultation_id", "=", consultationId)
    .where("m.role", "=", role)
    .where("m.revoked_at", "is", null)
    .orderBy("m.granted_at")
    .executeTakeFirst();
  return row ? { kind: "user", userId: row.id, name: row.name, isPlatformAdmin: Boolean(row.is_platform_admin) } : seedActor;
}

export async function seedPlanDemo(bus: CommandBus, db: DB, consultationId: string) {
  const adopted = await db
    .selectFrom("proposals")
    .select(["id", "objective"])
    .where("consultation_id", "=", consultationId)
    .where("state", "=", "adopted")
    .orderBy("created_at")
    .execute();
  if (adopted.length === 0) return null;
  const contact = await personOf(db, consultationId, "point_of_contact");
  const member = await personOf(db, consultationId, "technical_member");
  const stages = await db.selectFrom("stages").select(["id", "phase", "status"]).where("consultation_id", "=", consultationId).execute();
  const stageOf = (phase: string) => stages.find((s) => s.phase === phase)!;
  const stage = stageOf("draft_plan");
  // Each of stages 8 to 10 is opened for its step and closed once the plan records it, in order, so the timeline
  // reads like the plan: reviewed, approved, submitted (closing also records the funnel, as for any stage).
  const during = async (phase: string, step: () => Promise<unknown>) => {
    const s = stageOf(phase);
    if (s.status !== "open") await run(bus, contact, "stage.open", { stageId: s.id });
    await step();
    await run(bus, contact, "stage.close", { stageId: s.id });
  };

  const { planId } = await run<{ planId: string }>(bus, contact, "plan.assemble", {
    consultationId,
    introduction: plan2016.introduction,
    proposalIds: adopted.map((p) => p.id),
  });
  await run(bus, contact, "plan.publish", { planId });
  if (stage.status !== "open") await run(bus, contact, "stage.open", { stageId: stage.id });

  for (const c of plan2016.comments) {
    const proposal = c.commitment === null ? null : adopted[c.commitment];
    const { commentId } = await run<{ commentId: string }>(bus, citizen, "plan.comment", { planId, proposalId: proposal?.id ?? null, text: c.text });
    await run(bus, member, "plan.comment_answer", { commentId, ...c.answer });
    if ("revision" in c && c.revision && proposal) {
      await run(bus, member, "plan.revise", {
        planId,
        proposalId: proposal.id,
        objective: `${proposal.objective}${c.revision.objectiveSuffix}`,
        note: c.revision.note,
        commentIds: [commentId],
      });
    }
  }

  await run(bus, contact, "stage.close", { stageId: stage.id });
  await during("ogp_review", async () => {
    await run(bus, contact, "plan.send_review", { planId });
    const { observationId } = await run<{ observationId: string }>(bus, contact, "plan.observe", { planId, text: plan2016.observation.text });
    await run(bus, member, "plan.observation_answer", { observationId, answer: plan2016.observation.answer });
  });
  await during("approval", () => run(bus, contact, "plan.approve", { planId, ...plan2016.approval }));
  await during("submission", () => run(bus, contact, "plan.submit", { planId, ...plan2016.submission }));
  return { planId, commitments: adopted.map((p) => p.id) };
}
