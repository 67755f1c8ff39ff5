// Routes reach the database only through `app/**/*.server.ts` modules, which Remix keeps out of the browser bundle.
export { listConsultations, publicConsultation } from "../../db/queries/consultations.server";
export { adminOverview, consultationsOfUser } from "../../db/queries/admin.server";
export { emailOfUser, pendingInvitation } from "../../db/queries/invitations.server";
export {
  funnelCounts,
  organizationOfUser,
  proposalDetail,
  roundtableHeader,
  roundtableSession,
  roundtablesOverview,
  themeInputs,
  themeSummaries,
} from "../../db/queries/roundtables.server";
export { proposalLineage } from "../../db/queries/lineage.server";
export { exampleReceipts, inputFate, summarySheet } from "../../db/queries/fate.server";
export {
  attendanceCounts,
  captureScreen,
  forumAttendance,
  forumBoard,
  forumById,
  forumCaptures,
  forumCsvRows,
  forumReport,
  forumsPanel,
} from "../../db/queries/forums.server";
export { systematization } from "../../db/queries/systematization.server";
export {
  intakeContext,
  moderationCounts,
  moderationQueue,
  opinionReceipt,
  opinionStatsFacets,
  recentOpinions,
  themeNames,
} from "../../db/queries/opinions.server";
export { publicProposals } from "../../db/queries/public-proposals.server";
export { consultationFunnel, funnelForums, funnelSummaries } from "../../db/queries/funnel.server";
export { technicalPublic, technicalSession, technicalTableId, technicalTemplates } from "../../db/queries/technical.server";
export { proposalReview, technicalPanel } from "../../db/queries/proposal-review.server";
export { funnelSnapshots, reasonedResponse, snapshotComparison } from "../../db/queries/traceability.server";
export { planCommentCounts, planCommentQueue } from "../../db/queries/plan-moderation.server";
export { consultationFollowup, fateFollowups, responsibleCandidates, todayInGuatemala } from "../../db/queries/follow-up.server";
