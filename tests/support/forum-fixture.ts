// A consultation with one forum, its worktables and two facilitators per table, set up through the API
// exactly as the point of contact would.
import { factories } from "../../db/factories";
import { ApiClient, createConsultation, createMember, type TestServer } from "./server";

export interface Member {
  userId: string;
  email: string;
  client: ApiClient;
}

export interface ForumFixture {
  consultationId: string;
  themeIds: string[];
  forumId: string;
  tables: Array<{ worktableId: string; number: number; shortCode: string; themeId: string; facilitators: Member[] }>;
}

export async function setupForum(server: TestServer, admin: ApiClient, options: { tables?: number; open?: boolean; forum?: Record<string, unknown> } = {}): Promise<ForumFixture> {
  const { consultationId, themeIds } = await createConsultation(admin);
  const { forumId } = await admin.ok<{ forumId: string }>("forum.create", factories.forum(consultationId, options.forum));
  const tables: ForumFixture["tables"] = [];
  for (let i = 0; i < (options.tables ?? 2); i++) {
    const themeId = themeIds[i % themeIds.length];
    const table = await admin.ok<{ worktableId: string; number: number; shortCode: string }>("worktable.create", { forumId, themeId });
    const facilitators: Member[] = [];
    for (let k = 0; k < 2; k++) {
      const member = await createMember(server, admin, consultationId, "facilitator");
      await admin.ok("worktable.assign", { worktableId: table.worktableId, userId: member.userId });
      facilitators.push(member);
    }
    tables.push({ ...table, themeId, facilitators });
  }
  if (options.open !== false) await admin.ok("forum.open", { forumId });
  return { consultationId, themeIds, forumId, tables };
}

/**
 * References the role × command matrix needs for the forum commands: a worktable with an assigned
 * facilitator in an open forum, a capture, an attendance entry and a summary taking the capture up.
 */
export async function forumMatrixFixture(server: TestServer, admin: ApiClient, ref: { consultationId: string; themeId: string; forumId: string }) {
  const { worktableId } = await admin.ok<{ worktableId: string }>("worktable.create", { forumId: ref.forumId, themeId: ref.themeId });
  const facilitator = await createMember(server, admin, ref.consultationId, "facilitator");
  await admin.ok("worktable.assign", { worktableId, userId: facilitator.userId });
  await admin.ok("forum.open", { forumId: ref.forumId });
  const { inputId } = await facilitator.client.ok<{ inputId: string }>("capture.create", { worktableId, text: "Aporte de la matriz de roles" });
  const { attendanceId } = await admin.ok<{ attendanceId: string }>("attendance.count", { forumId: ref.forumId, count: 1 });
  const { summaryId } = await admin.ok<{ summaryId: string }>("summary.create", { consultationId: ref.consultationId, themeId: ref.themeId, title: "Resumen", text: "Resumen de la matriz", inputIds: [inputId] });
  return { worktableId, inputId, attendanceId, summaryId };
}
