// The demo consultations, built through the command bus (so its history is in the audit log like any other).
import type { CommandBus } from "../../server/commands/bus.server";
import { demo2016 } from "../factories/guatemala-2016";
import type { DB } from "../connection.server";
import { seedForumsDemo } from "./forums-demo.server";
import { seedIntakeDemo } from "./intake-demo.server";
import { seedRoundtablesDemo } from "./roundtables-demo.server";
import { seedPlanDemo } from "./plan-demo.server";
import { pointOfContact, seedAccessRoundtableDemo, seedTechnicalDemo, seedTechnicalPeople } from "./technical-demo.server";
import { seedFollowupDemo } from "./follow-up-demo.server";
import { seedInProgressDemo } from "./in-progress-demo.server";
import { seedSystematizationDemo } from "./systematization-demo.server";
import { stageRunner } from "./stages-demo.server";
import { followup2016 } from "../factories/follow-up-2016";
import { story2016 } from "../factories/story-2016";
import { runCommand, seedActor, seedClock } from "./run-command.server";

const run = <T = Record<string, string>>(bus: CommandBus, type: string, payload: unknown) => runCommand<T>(bus, seedActor, type, payload);

export const DEMO_ADMIN_EMAIL = "admin@demo.cocrea.gt";

export async function isEmpty(db: DB): Promise<boolean> {
  const row = await db
    .selectFrom("consultations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

/**
 * Seeds the demo: the 2016 Guatemala consultation as an archive — every stage opened, worked and closed in the
 * order of the pipeline, dated in 2016 — whose opinions and forum captures can be followed to a commitment and its
 * follow-up; and beside it a consultation in progress today. Answers the admin's credentials and example receipts.
 */
export async function seedDemo(bus: CommandBus, db: DB, password: string) {
  const { userId } = await run(bus, "admin.create", { email: DEMO_ADMIN_EMAIL, name: "Punto de Contacto (demo)", password });
  // The 2016 record is written at the dates it happened (the seed's clock); the consultation in progress, around today.
  seedClock.start(`${story2016.setUpAt}T15:00:00.000Z`);
  try {
    return { ...(await seed2016(bus, db, userId)), email: DEMO_ADMIN_EMAIL, password };
  } finally {
    seedClock.stop();
  }
}

async function seed2016(bus: CommandBus, db: DB, userId: string) {
  const { consultationId, slug } = await run(bus, "consultation.create", demo2016.consultation);
  await run(bus, "role.grant", { consultationId, userId, role: "point_of_contact" });
  for (const theme of demo2016.themes) await run(bus, "theme.create", { consultationId, ...theme });
  for (const org of demo2016.organizations) await run(bus, "organization.create", { consultationId, ...org });
  for (const forum of demo2016.forums) await run(bus, "forum.create", { consultationId, ...forum });
  const stages = await stageRunner(bus, db, consultationId);
  const during = <T>(phase: string, work: () => Promise<T>) => stages.during(phase, story2016.stageDates[phase], work);

  const people = await during("public_call", () => seedTechnicalPeople(bus, db, consultationId));
  const intake = await during("opinion_intake", () => seedIntakeDemo(bus, db, consultationId));
  const forums = await during("forums", () => seedForumsDemo(bus, db, consultationId));
  const systematization = await during("systematization", () => seedSystematizationDemo(bus, db, consultationId, intake.inputIds, forums));
  const summaryIds = Object.fromEntries(Object.entries(systematization.story).map(([key, s]) => [key, s.summaryId]));
  const { roundtables, access } = await during("thematic_roundtables", async () => ({
    roundtables: await seedRoundtablesDemo(bus, db, consultationId),
    access: await seedAccessRoundtableDemo(bus, db, consultationId, summaryIds),
  }));
  const technical = await during("technical_roundtable", () => seedTechnicalDemo(bus, db, consultationId, people, access));
  const plan = await seedPlanDemo(bus, db, consultationId, during);
  // After the plan was submitted: the training commitment's follow-up, like the report of commitment 10 of the 4th plan.
  const contact = await pointOfContact(db, consultationId);
  seedClock.moveTo(story2016.followupAssignedOn);
  await seedFollowupDemo(bus, db, consultationId, contact, technical.proposalIds[followup2016.commitmentKey], () =>
    seedClock.moveTo(story2016.followupReportedOn),
  );

  // The story's opinions, whose receipts show the whole chain (printed by `npm start`, linked from the call page).
  const story = systematization.story[followup2016.commitmentKey];
  const receipts = await db.selectFrom("citizen_inputs").select(["id", "receipt_code"]).where("id", "in", story.opinionIds).execute();
  const exampleReceipts = story.opinionIds.map((id) => receipts.find((r) => r.id === id)?.receipt_code ?? "");
  const exampleCaptures = story.captureIds.map((inputId, f) => ({ forumId: forums.forumIds[f], inputId }));

  seedClock.stop();
  const inProgress = await seedInProgressDemo(bus, db, { kind: "user", userId, name: "Punto de Contacto (demo)", isPlatformAdmin: true });
  return {
    slug,
    consultationId,
    intake,
    forums: { forumIds: forums.forumIds, summaryIds: systematization.summaryIds },
    systematization,
    roundtables,
    technical,
    plan,
    exampleReceipts,
    exampleCaptures,
    inProgress,
  };
}
