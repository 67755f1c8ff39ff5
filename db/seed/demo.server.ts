// The demo consultation, built through the command bus (so its history is in the audit log like any other).
import type { CommandBus } from "../../server/commands/bus.server";
import { demo2016 } from "../factories/guatemala-2016";
import type { DB } from "../connection.server";
import { seedForumsDemo } from "./forums-demo.server";
import { seedIntakeDemo } from "./intake-demo.server";
import { seedRoundtablesDemo } from "./roundtables-demo.server";
import { seedPlanDemo } from "./plan-demo.server";
import { seedTechnicalDemo } from "./technical-demo.server";
import { runCommand, seedActor } from "./run-command.server";

const run = <T = Record<string, string>>(bus: CommandBus, type: string, payload: unknown) => runCommand<T>(bus, seedActor, type, payload);

export const DEMO_ADMIN_EMAIL = "admin@demo.cocrea.gt";

export async function isEmpty(db: DB): Promise<boolean> {
  const row = await db
    .selectFrom("consultations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

/** Seeds the 2016 Guatemala consultation and its admin; answers the admin's credentials. */
export async function seedDemo(bus: CommandBus, db: DB, password: string) {
  const { userId } = await run(bus, "admin.create", { email: DEMO_ADMIN_EMAIL, name: "Punto de Contacto (demo)", password });
  const { consultationId, slug } = await run(bus, "consultation.create", demo2016.consultation);
  await run(bus, "role.grant", { consultationId, userId, role: "point_of_contact" });
  for (const theme of demo2016.themes) await run(bus, "theme.create", { consultationId, ...theme });
  for (const org of demo2016.organizations) await run(bus, "organization.create", { consultationId, ...org });
  for (const forum of demo2016.forums) await run(bus, "forum.create", { consultationId, ...forum });
  const stages = await db.selectFrom("stages").select(["id", "phase"]).where("consultation_id", "=", consultationId).execute();
  const dates: Record<string, [string, string]> = {
    public_call: ["2016-03-01", "2016-03-15"],
    opinion_intake: ["2016-03-15", "2016-05-15"],
    forums: ["2016-04-26", "2016-05-10"],
    systematization: ["2016-05-11", "2016-05-31"],
    thematic_roundtables: ["2016-06-01", "2016-07-15"],
    technical_roundtable: ["2016-07-20", "2016-07-29"],
    draft_plan: ["2016-08-01", "2016-08-31"],
    ogp_review: ["2016-08-15", "2016-09-15"],
    approval: ["2016-10-15", "2016-10-20"],
    submission: ["2016-10-31", "2016-10-31"],
  };
  const publicCall = stages.find((s) => s.phase === "public_call");
  if (publicCall) await run(bus, "stage.open", { stageId: publicCall.id });
  // The rest of the pipeline, so a newcomer sees every capability with data in it.
  const intake = await seedIntakeDemo(bus, db, consultationId);
  const forums = await seedForumsDemo(bus, db, consultationId);
  const roundtables = await seedRoundtablesDemo(bus, db, consultationId);
  await seedTechnicalDemo(bus, db, consultationId);
  const plan = await seedPlanDemo(bus, db, consultationId);
  // The 2016 dates last: a citizen's form is open only within its stage's dates (issue 17), and the demo's opinions
  // and comments are replayed today.
  for (const s of stages) {
    const [startsOn, endsOn] = dates[s.phase] ?? [null, null];
    await run(bus, "stage.update", { stageId: s.id, name: "", description: "", startsOn, endsOn });
  }
  return { email: DEMO_ADMIN_EMAIL, password, slug, consultationId, intake, forums, roundtables, plan };
}
