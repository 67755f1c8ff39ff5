// Every command the app knows, in one list: the JSON API, socket.io and Remix actions all dispatch from here.
import { createConsultation, updateConsultation } from "./consultations.server";
import { signEthics } from "./ethics.server";
import { addHeadCount, registerAttendee, removeAttendance } from "./attendance.server";
import { createCapture, updateCapture, withdrawCapture } from "./captures.server";
import { closeForum, createForum, openForum, updateForum } from "./forums.server";
import { createSummary, deleteSummary, updateSummary } from "./summaries.server";
import { assignFacilitator, createWorktable, removeWorktable, unassignFacilitator, updateWorktable } from "./worktables.server";
import { acceptInvitation, createInvitation, grantRole, revokeInvitation, revokeRole } from "./memberships.server";
import { hideOpinion, reportOpinion, restoreOpinion, submitOpinion } from "./opinions.server";
import { createOrganization, updateOrganization } from "./organizations.server";
import { proposalOperationCommands } from "./proposal-operations.server";
import { proposalCommands } from "./proposals.server";
import { responseCommands } from "./responses.server";
import { roundtableCommands } from "./roundtables.server";
import { addStage, closeStageCommand, moveStage, openStageCommand, updateStage } from "./stages.server";
import { createAdmin, createApiToken, fixImpossibleDates } from "./system.server";
import { archiveTheme, createTheme, moveTheme, restoreTheme, updateTheme } from "./themes.server";
import { setFunnelColumns } from "./funnel-settings.server";
import { technicalCommands } from "./technical.server";
import { technicalReviewCommands } from "./technical-review.server";
import { voteCommands } from "./votes.server";
import { followUpCommands } from "./follow-up.server";
import { planCommands } from "./plan.server";
import { planCommentCommands } from "./plan-comments.server";
import { planTextCommands } from "./plan-texts.server";
import { planAmendAddCommands } from "./plan-amend-add.server";
import type { CommandDefinition } from "./types";

export const commands: readonly CommandDefinition<any, any>[] = [
  createConsultation,
  updateConsultation,
  addStage,
  updateStage,
  moveStage,
  openStageCommand,
  closeStageCommand,
  createTheme,
  updateTheme,
  moveTheme,
  archiveTheme,
  restoreTheme,
  createOrganization,
  updateOrganization,
  createInvitation,
  revokeInvitation,
  acceptInvitation,
  grantRole,
  revokeRole,
  signEthics,
  createForum,
  updateForum,
  openForum,
  closeForum,
  createWorktable,
  updateWorktable,
  removeWorktable,
  assignFacilitator,
  unassignFacilitator,
  registerAttendee,
  addHeadCount,
  removeAttendance,
  createCapture,
  updateCapture,
  withdrawCapture,
  createSummary,
  updateSummary,
  deleteSummary,
  submitOpinion,
  reportOpinion,
  hideOpinion,
  restoreOpinion,
  ...roundtableCommands,
  ...proposalCommands,
  ...proposalOperationCommands,
  ...technicalCommands,
  ...technicalReviewCommands,
  ...voteCommands,
  setFunnelColumns,
  ...responseCommands,
  ...followUpCommands,
  ...planCommands,
  ...planCommentCommands,
  ...planTextCommands,
  ...planAmendAddCommands,
  createAdmin,
  createApiToken,
  fixImpossibleDates,
];
