// Online opinions for the demo consultation, through the command bus like every other change: the intake stage
// opened, citizens' opinions from across the country, one reported and hidden by the point of contact. The 2016
// archive closes the stage afterwards (db/seed/demo.server.ts); the demo in progress takes today's opinions.
import type { CommandBus } from "../../server/commands/bus.server";
import type { Actor } from "../../server/commands/types";
import type { DB } from "../connection.server";
import { runCommand as run, seedActor as system } from "./run-command.server";
import { intake2016 as demo } from "../factories/intake-2016";

export async function seedIntakeDemo(bus: CommandBus, db: DB, consultationId: string): Promise<{ inputIds: string[]; hiddenId: string }> {
  const stage = await db
    .selectFrom("stages")
    .select(["id", "status"])
    .where("consultation_id", "=", consultationId)
    .where("phase", "=", "opinion_intake")
    .executeTakeFirstOrThrow();
  if (stage.status !== "open") await run(bus, system, "stage.open", { stageId: stage.id });
  const themes = await db
    .selectFrom("themes")
    .select("id")
    .where("consultation_id", "=", consultationId)
    .where("archived_at", "is", null)
    .orderBy("position")
    .execute();
  const inputIds: string[] = [];
  for (const [i, o] of demo.opinions.entries()) {
    const about = o.on.about === "theme" ? `theme:${themes[o.on.theme].id}` : o.on.about === "axis" ? `axis:${o.on.axis}` : "methodology";
    // Each citizen is a different (pretend) client, as they would be: the rate limit is per client.
    const citizen: Actor = { kind: "anonymous", clientKey: `demo-citizen-${i}` };
    const { on: _on, ...fields } = o;
    const { inputId } = await run<{ inputId: string }>(bus, citizen, "opinion.submit", { consultationId, about, ...fields });
    inputIds.push(inputId);
  }
  const hiddenId = inputIds[demo.hidden.index];
  await run(bus, { kind: "anonymous", clientKey: "demo-reporter" }, "opinion.report", { inputId: inputIds[demo.reported], reason: "Insultos y publicidad" });
  await run(bus, system, "opinion.hide", { inputId: hiddenId, reason: demo.hidden.reason });
  return { inputIds, hiddenId };
}
