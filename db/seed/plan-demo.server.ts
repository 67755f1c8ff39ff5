// The demo's action plan (issue 9): from the commitments the Mesa Técnica adopted to a published draft, citizens'
// comments answered (one led to a revision), the support unit's observation answered, then the approved and
// submitted plan — all through the commands, like any other history.
import type { CommandBus } from "../../server/commands/bus.server";
import type { Actor } from "../../server/commands/types";
import type { DB } from "../connection.server";
import { plan2016 } from "../factories/plan-2016";
import { runCommand, seedActor, seedClock } from "./run-command.server";

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

/** Runs one stage: opens it, does its work, closes it (db/seed/stages-demo.server.ts). */
type During = (phase: string, work: () => Promise<unknown>) => Promise<unknown>;

export async function seedPlanDemo(bus: CommandBus, db: DB, consultationId: string, during: During) {
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
  // Stages 7 to 10, each opened for its step and closed once the plan records it, in order, so the timeline reads
  // like the plan: published for comment, reviewed, approved, submitted (closing also records the funnel).
  let planId = "";
  await during("draft_plan", async () => {
    planId = (
      await run<{ planId: string }>(bus, contact, "plan.assemble", {
        consultationId,
        introduction: plan2016.introduction,
        proposalIds: adopted.map((p) => p.id),
      })
    ).planId;
    await run(bus, contact, "plan.publish", { planId });
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
  });
  await during("ogp_review", async () => {
    await run(bus, contact, "plan.send_review", { planId });
    const { observationId } = await run<{ observationId: string }>(bus, contact, "plan.observe", { planId, text: plan2016.observation.text });
    await run(bus, member, "plan.observation_answer", { observationId, answer: plan2016.observation.answer });
  });
  await during("approval", () => {
    seedClock.moveTo(plan2016.approval.approvedOn);
    return run(bus, contact, "plan.approve", { planId, ...plan2016.approval });
  });
  await during("submission", () => run(bus, contact, "plan.submit", { planId, ...plan2016.submission }));
  return { planId, commitments: adopted.map((p) => p.id) };
}
