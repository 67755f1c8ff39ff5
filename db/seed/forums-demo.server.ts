// The 2016 departmental forums for the demo consultation, built through the command bus (their history is in
// the audit log): five worktables per forum with two facilitators each, the attendance of 2016 (531 people),
// what was said at each table. All three are over (the 2016 archive); the systematization that follows groups
// what was said into summaries (db/seed/systematization-demo.server.ts).
import type { CommandBus } from "../../server/commands/bus.server";
import type { DB } from "../connection.server";
import { demoPerson, runCommand as run, seedActor as system, seedClock } from "./run-command.server";
import { forums2016 as demo } from "../factories/forums-2016";

export interface ForumsDemo {
  forumIds: string[];
  /** Captures by forum (index), then by theme (index in the themes' order), in the order they were said. */
  captures: string[][][];
}

export async function seedForumsDemo(bus: CommandBus, db: DB, consultationId: string): Promise<ForumsDemo> {
  const themes = await db
    .selectFrom("themes")
    .select(["id", "name"])
    .where("consultation_id", "=", consultationId)
    .where("archived_at", "is", null)
    .orderBy("position")
    .execute();
  const forums = await db
    .selectFrom("forums")
    .select(["id", "department", "held_on"])
    .where("consultation_id", "=", consultationId)
    .orderBy("held_on")
    .execute();
  const captures: string[][][] = [];
  let n = 0;
  for (const forum of forums) {
    if (forum.held_on) seedClock.moveTo(forum.held_on);
    const atForum: string[][] = [];
    captures.push(atForum);
    for (const [t, theme] of themes.entries()) {
      const { worktableId } = await run(bus, system, "worktable.create", { forumId: forum.id, themeId: theme.id });
      const pair = [
        await demoPerson(bus, consultationId, "facilitator", `Facilitadora ${++n}`),
        await demoPerson(bus, consultationId, "facilitator", `Facilitador ${++n}`),
      ];
      for (const p of pair) await run(bus, system, "worktable.assign", { worktableId, userId: p.userId });
      if (t === 0) await run(bus, system, "forum.open", { forumId: forum.id });
      for (const [k, c] of (demo.captures[t] ?? []).entries()) {
        const { inputId } = await run<{ inputId: string }>(bus, pair[k % 2], "capture.create", {
          worktableId,
          text: c.text,
          speakerSector: c.sector,
          tags: c.tags,
        });
        (atForum[t] ??= []).push(inputId);
      }
    }
    const people = demo.attendance[forum.department] ?? 150;
    for (const r of demo.registrations) await run(bus, system, "attendance.register", { forumId: forum.id, department: forum.department, ...r });
    await run(bus, system, "attendance.count", { forumId: forum.id, count: people - demo.registrations.length });
    await run(bus, system, "forum.close", { forumId: forum.id });
  }
  return { forumIds: forums.map((f) => f.id), captures };
}
