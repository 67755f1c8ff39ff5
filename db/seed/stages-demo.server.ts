// Runs a demo consultation's stages in the order of the pipeline, through the stage commands: each stage is opened,
// its work done, and closed before the next one opens, so the timeline, the current stage and what each public form
// accepts tell the same story as the records.
import type { CommandBus } from "../../server/commands/bus.server";
import type { Actor } from "../../server/commands/types";
import type { DB } from "../connection.server";
import { runCommand, seedActor, seedClock } from "./run-command.server";

export type StageDates = Record<string, [string, string]>;

export async function stageRunner(bus: CommandBus, db: DB, consultationId: string, actor: Actor = seedActor) {
  const stages = await db.selectFrom("stages").select(["id", "phase"]).where("consultation_id", "=", consultationId).orderBy("position").execute();
  const idOf = (phase: string) => {
    const found = stages.find((s) => s.phase === phase);
    if (!found) throw new Error(`demo seed: the consultation has no ${phase} stage`);
    return found.id;
  };
  const setDates = (phase: string, dates: [string, string]) =>
    runCommand(bus, actor, "stage.update", { stageId: idOf(phase), name: "", description: "", startsOn: dates[0], endsOn: dates[1] });
  return {
    setDates,
    open: (phase: string) => runCommand(bus, actor, "stage.open", { stageId: idOf(phase) }),
    close: (phase: string) => runCommand(bus, actor, "stage.close", { stageId: idOf(phase) }),
    /**
     * Opens the stage, runs its work, closes it; then writes its dates. A record of the past is written after the
     * fact: the dates go on once the stage has run, so no date rule can refuse today's seeding of a 2016 stage.
     */
    async during<T>(phase: string, dates: [string, string], work: () => Promise<T>): Promise<T> {
      // With the seed's clock running, the stage opens on its first day and closes at the end of its last.
      seedClock.moveTo(dates[0]);
      await runCommand(bus, actor, "stage.open", { stageId: idOf(phase) });
      const result = await work();
      seedClock.moveTo(`${dates[1]}T23:00:00.000Z`);
      await runCommand(bus, actor, "stage.close", { stageId: idOf(phase) });
      await setDates(phase, dates);
      return result;
    },
  };
}
