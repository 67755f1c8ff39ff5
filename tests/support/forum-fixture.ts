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

export async function setupForum(
  server: TestServer,
  admin: ApiClient,
  options: { tables?: number; open?: boolean; forum?: Record<string, unknown> } = {},
): Promise<ForumFixture> {
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
 * What the access specification's test (tests/integration/role-matrix.test.ts) needs at the forums, made through
 * the API as the point of contact and a facilitator would: an open forum with a worktable and its assigned
 * facilitator, three of that facilitator's captures (one taken up by a summary, one left to correct and withdraw,
 * one free for a new summary), a head count at the door; and, to open, close, edit and remove without disturbing
 * the rest, a spare pending forum, a spare worktable and a facilitator assigned to no table.
 */
export async function forumMatrixFixture(server: TestServer, admin: ApiClient, ref: { consultationId: string; themeId: string }) {
  const { forumId } = await admin.ok<{ forumId: string }>("forum.create", factories.forum(ref.consultationId, { venue: "Salón de la matriz" }));
  const { forumId: spareForumId } = await admin.ok<{ forumId: string }>(
    "forum.create",
    factories.forum(ref.consultationId, { department: "Zacapa", municipality: "Zacapa" }),
  );
  const { worktableId } = await admin.ok<{ worktableId: string }>("worktable.create", { forumId, themeId: ref.themeId });
  const { worktableId: spareWorktableId } = await admin.ok<{ worktableId: string }>("worktable.create", { forumId, themeId: ref.themeId });
  const facilitator = await createMember(server, admin, ref.consultationId, "facilitator");
  const spareFacilitator = await createMember(server, admin, ref.consultationId, "facilitator");
  await admin.ok("worktable.assign", { worktableId, userId: facilitator.userId });
  await admin.ok("forum.open", { forumId });
  const capture = async (text: string) => (await facilitator.client.ok<{ inputId: string }>("capture.create", { worktableId, text })).inputId;
  const summarizedInputId = await capture("Que la municipalidad publique sus compras");
  const ownCaptureId = await capture("Que haya mesas de diálogo en cada municipio");
  const freeInputId = await capture("Que el presupuesto se explique en idioma q'eqchi'");
  const { attendanceId } = await admin.ok<{ attendanceId: string }>("attendance.count", { forumId, count: 12 });
  const { summaryId } = await admin.ok<{ summaryId: string }>("summary.create", {
    consultationId: ref.consultationId,
    themeId: ref.themeId,
    title: "Compras públicas",
    text: "Publicar las compras municipales.",
    inputIds: [summarizedInputId],
  });
  return {
    forumId,
    spareForumId,
    worktableId,
    spareWorktableId,
    summarizedInputId,
    ownCaptureId,
    freeInputId,
    attendanceId,
    summaryId,
    facilitator: facilitator.client,
    spareFacilitatorId: spareFacilitator.userId,
  };
}
