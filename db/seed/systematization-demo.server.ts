// The 2016 systematization for the demo, through the command bus: a systematizer groups what the forums' tables
// and the portal collected into summaries per theme — the fiscal-transparency summary of the forums, and the
// access-to-information summaries the access roundtable's proposals will cite (db/factories/story-2016.ts).
import type { CommandBus } from "../../server/commands/bus.server";
import type { DB } from "../connection.server";
import { forums2016 } from "../factories/forums-2016";
import { story2016 } from "../factories/story-2016";
import type { ForumsDemo } from "./forums-demo.server";
import { demoPerson, runCommand as run } from "./run-command.server";

export interface SystematizationDemo {
  summaryIds: string[];
  /** The access-to-information summaries of the story, by key. */
  story: Record<string, { summaryId: string; opinionIds: string[]; captureIds: string[] }>;
}

export async function seedSystematizationDemo(
  bus: CommandBus,
  db: DB,
  consultationId: string,
  opinionIds: readonly string[],
  forums: ForumsDemo,
): Promise<SystematizationDemo> {
  const themes = await db
    .selectFrom("themes")
    .select(["id"])
    .where("consultation_id", "=", consultationId)
    .where("archived_at", "is", null)
    .orderBy("position")
    .execute();
  const systematizer = await demoPerson(bus, consultationId, "systematizer", "Sistematización (demo)");
  const summaryIds: string[] = [];
  // What the forums said on fiscal transparency, every table of the theme.
  for (const s of forums2016.summaries) {
    const inputIds = forums.captures.flatMap((atForum) => atForum[s.theme] ?? []);
    if (!themes[s.theme] || inputIds.length === 0) continue;
    const { summaryId } = await run<{ summaryId: string }>(bus, systematizer, "summary.create", {
      consultationId,
      themeId: themes[s.theme].id,
      title: s.title,
      text: s.text,
      inputIds,
    });
    summaryIds.push(summaryId);
  }
  // The access-to-information summaries: opinions and captures together.
  const story: SystematizationDemo["story"] = {};
  for (const s of story2016.summaries) {
    const chosenOpinions = s.opinions.map((i) => opinionIds[i]);
    const captureIds = s.captures.map(([f, k]) => forums.captures[f][0][k]);
    const { summaryId } = await run<{ summaryId: string }>(bus, systematizer, "summary.create", {
      consultationId,
      themeId: themes[0].id,
      title: s.title,
      text: s.text,
      inputIds: [...chosenOpinions, ...captureIds],
    });
    summaryIds.push(summaryId);
    story[s.key] = { summaryId, opinionIds: chosenOpinions, captureIds };
  }
  return { summaryIds, story };
}
