// A valid payload for every command, so the role matrix tests authorization rather than validation.
// Add one line here with each new command.
export interface Fixture {
  consultationId: string;
  themeId: string;
  stageId: string;
  forumId: string;
  invitationId: string;
  organizationId: string;
  userId: string;
  // Forums (tests/support/forum-fixture.ts)
  worktableId: string;
  inputId: string;
  attendanceId: string;
  summaryId: string;
  // Thematic roundtables (tests/support/roundtable-fixture.ts)
  roundtableId: string;
  roundId: string;
  proposalId: string;
  operationId: string;
}

type Sample = (f: Fixture) => unknown;

export const samplePayloads: Record<string, Sample> = {
  "consultation.create": () => ({ title: "Otra consulta" }),
  "consultation.update": (f) => ({ consultationId: f.consultationId, title: "Nuevo título" }),
  "stage.add": (f) => ({ consultationId: f.consultationId, name: "Taller de refinamiento" }),
  "stage.update": (f) => ({ stageId: f.stageId, name: "Foros" }),
  "stage.move": (f) => ({ stageId: f.stageId, position: 1 }),
  "stage.open": (f) => ({ stageId: f.stageId }),
  "stage.close": (f) => ({ stageId: f.stageId }),
  "theme.create": (f) => ({ consultationId: f.consultationId, name: "Eje nuevo" }),
  "theme.update": (f) => ({ themeId: f.themeId, name: "Eje renombrado" }),
  "theme.move": (f) => ({ themeId: f.themeId, position: 2 }),
  "theme.archive": (f) => ({ themeId: f.themeId }),
  "theme.restore": (f) => ({ themeId: f.themeId }),
  "organization.create": (f) => ({ consultationId: f.consultationId, name: "Otra", acronym: "OTRA", sector: "academia" }),
  "organization.update": (f) => ({ consultationId: f.consultationId, organizationId: f.organizationId, name: "Acción Ciudadana", acronym: "AC", sector: "civil_society" }),
  "invitation.create": (f) => ({ consultationId: f.consultationId, email: "x@example.org", name: "X", role: "observer" }),
  "invitation.revoke": (f) => ({ invitationId: f.invitationId }),
  "invitation.accept": () => ({ token: "t".repeat(43), name: "X", password: "contraseña-segura-123" }),
  "role.grant": (f) => ({ consultationId: f.consultationId, userId: f.userId, role: "observer" }),
  "role.revoke": (f) => ({ consultationId: f.consultationId, userId: f.userId, role: "observer" }),
  "ethics.sign": (f) => ({ consultationId: f.consultationId, conflicts: "", accept: true }),
  "forum.create": (f) => ({ consultationId: f.consultationId, department: "Zacapa", municipality: "Zacapa", venue: "Salón", heldOn: "2016-05-20" }),
  "forum.update": (f) => ({ forumId: f.forumId, department: "Zacapa", municipality: "Zacapa", venue: "Salón", heldOn: "2016-05-20" }),
  "forum.open": (f) => ({ forumId: f.forumId }),
  "forum.close": (f) => ({ forumId: f.forumId }),
  "worktable.create": (f) => ({ forumId: f.forumId, themeId: f.themeId }),
  "worktable.update": (f) => ({ worktableId: f.worktableId, themeId: f.themeId }),
  "worktable.remove": (f) => ({ worktableId: f.worktableId }),
  "worktable.assign": (f) => ({ worktableId: f.worktableId, userId: f.userId }),
  "worktable.unassign": (f) => ({ worktableId: f.worktableId, userId: f.userId }),
  "attendance.register": (f) => ({ forumId: f.forumId, sector: "citizen" }),
  "attendance.count": (f) => ({ forumId: f.forumId, count: 3 }),
  "attendance.remove": (f) => ({ attendanceId: f.attendanceId }),
  "capture.create": (f) => ({ worktableId: f.worktableId, text: "Aporte" }),
  "capture.update": (f) => ({ inputId: f.inputId, text: "Aporte corregido" }),
  "capture.withdraw": (f) => ({ inputId: f.inputId }),
  "summary.create": (f) => ({ consultationId: f.consultationId, themeId: f.themeId, title: "Resumen", text: "Texto", inputIds: [f.inputId] }),
  "summary.update": (f) => ({ summaryId: f.summaryId, title: "Resumen", text: "Texto", inputIds: [f.inputId] }),
  "summary.delete": (f) => ({ summaryId: f.summaryId }),
  "opinion.submit": (f) => ({ consultationId: f.consultationId, subject: "methodology", text: "Una opinión de prueba sobre la metodología." }),
  "opinion.report": (f) => ({ inputId: f.inputId, reason: "Ofensiva" }),
  "opinion.hide": (f) => ({ inputId: f.inputId, reason: "Ofensiva" }),
  "opinion.restore": (f) => ({ inputId: f.inputId }),
  "admin.create": () => ({ email: "otro-admin@example.org", name: "Otro", password: "contraseña-segura-123" }),
  "api_token.create": (f) => ({ userId: f.userId, name: "token" }),
  "roundtable.create": (f) => ({ consultationId: f.consultationId, themeId: f.themeId }),
  "round.schedule": (f) => ({ roundtableId: f.roundtableId, venue: "Salón" }),
  "round.update": (f) => ({ roundId: f.roundId, venue: "Otro salón" }),
  "round.open": (f) => ({ roundId: f.roundId }),
  "round.close": (f) => ({ roundId: f.roundId }),
  "round.attendance": (f) => ({ roundId: f.roundId, organizationIds: [f.organizationId] }),
  "proposal.create": (f) => ({ roundtableId: f.roundtableId, title: "Propuesta", draft: true }),
  "proposal.update": (f) => ({ proposalId: f.proposalId, title: "Propuesta editada" }),
  "proposal.submit": (f) => ({ proposalId: f.proposalId }),
  "proposal.withdraw": (f) => ({ proposalId: f.proposalId, reason: "Motivo" }),
  "proposal.merge": (f) => ({ sourceIds: [f.proposalId, f.proposalId], result: { title: "Unificada" }, present: [f.organizationId], agreed: true }),
  "proposal.split": (f) => ({ sourceId: f.proposalId, results: [{ title: "Parte 1" }, { title: "Parte 2" }], present: [f.organizationId], agreed: true }),
  "proposal.undo": (f) => ({ operationId: f.operationId }),
};
