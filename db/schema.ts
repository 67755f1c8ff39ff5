// Kysely table types for the whole pipeline (see docs/decisions/0001-data-model-and-command-path.md).
// Times are ISO-8601 strings; dates are YYYY-MM-DD; booleans are 0/1; JSON columns are TEXT.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

export type StageStatus = "pending" | "open" | "closed";
export type InputStatus = "visible" | "hidden" | "withdrawn";
/** `undone`: the result of a merge or split that the table undid (see app/domain/proposals/states.ts). */
export type ProposalState = "draft" | "active" | "merged" | "split" | "withdrawn" | "rejected" | "adopted" | "undone";

export interface ConsultationTable {
  id: string;
  slug: string;
  title: string;
  description: string;
  methodology: string;
  participation: string;
  ethics_text: string;
  starts_on: string | null;
  ends_on: string | null;
  max_commitments: number;
  max_milestones: number;
  /** Technical roundtable decision settings (0005): see app/domain/consensus/outcome.ts. */
  decision_rule: Generated<string>;
  stand_aside_max_share: Generated<number>;
  supermajority_share: Generated<number>;
  quorum_share: Generated<number>;
  quorum_sector_minimums: Generated<string>; // JSON { sector: minimum }
  private_answers: Generated<number>; // 1: publish only the tally of a closed vote, not who answered what
  funnel_columns: Generated<string>; // 0008: JSON list of the funnel columns this consultation publishes
  created_at: string;
  updated_at: string;
}

export interface StageTable {
  id: string;
  consultation_id: string;
  phase: string;
  name: string;
  description: string;
  position: number;
  starts_on: string | null;
  ends_on: string | null;
  status: StageStatus;
  opened_at: string | null;
  closed_at: string | null;
}

export interface ThemeTable {
  id: string;
  consultation_id: string;
  name: string;
  description: string;
  position: number;
  archived_at: string | null;
}

export interface OrganizationTable {
  id: string;
  name: string;
  acronym: string;
  sector: string;
  created_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  organization_id: string | null;
  is_platform_admin: number;
  created_at: string;
  disabled_at: string | null;
}

export interface MembershipTable {
  id: string;
  consultation_id: string;
  user_id: string;
  role: string;
  granted_at: string;
  revoked_at: string | null;
}

export interface InvitationTable {
  id: string;
  consultation_id: string;
  token_hash: string;
  email: string;
  name: string;
  role: string;
  organization_id: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_user_id: string | null;
  revoked_at: string | null;
}

export interface SessionTable {
  id: string; // sha256 of the cookie token
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  token_hash: string;
  user_id: string;
  name: string;
  created_at: string;
  revoked_at: string | null;
}

export interface EthicsDeclarationTable {
  id: string;
  consultation_id: string;
  user_id: string;
  organization_id: string | null;
  signer_name: string;
  conflicts: string;
  text_sha256: string;
  signed_at: string;
}

export interface ForumTable {
  id: string;
  consultation_id: string;
  department: string;
  municipality: string;
  venue: string;
  held_on: string;
  expected_attendance: number;
  status: StageStatus;
  created_at: string;
  opened_at: string | null;
  closed_at: string | null;
}

export interface WorktableTable {
  id: string;
  forum_id: string;
  theme_id: string;
  number: number;
  short_code: string;
}

export interface WorktableFacilitatorTable {
  worktable_id: string;
  user_id: string;
}

export interface AttendanceTable {
  id: string;
  forum_id: string;
  head_count: number;
  sector: string | null;
  gender: string | null;
  age_range: string | null;
  department: string | null;
  name: string | null; // private, never published
  recorded_by: string | null;
  created_at: string;
  /** 0009: attendance.remove keeps the entry; counts leave voided ones out. */
  voided_at: ColumnType<string | null, string | null | undefined, string | null>;
  voided_by: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Citizen input from every channel: online opinions and forum captures share ids and lineage. */
export interface CitizenInputTable {
  id: string;
  consultation_id: string;
  channel: "online" | "forum";
  subject: string; // methodology | axis | theme
  theme_id: string | null;
  axis: string | null;
  text: string;
  department: string | null;
  sector: string | null;
  age_range: string | null;
  gender: string | null;
  speaks_indigenous_language: number | null;
  forum_id: string | null;
  worktable_id: string | null;
  captured_by: string | null;
  speaker_sector: string | null;
  tags: string; // JSON array
  receipt_code: string | null;
  client_hash: string | null; // private: salted hash used for duplicate/abuse checks
  text_fingerprint: string | null; // private: hash of consultation, client and normalized text, for the duplicate rule (0002_intake)
  status: InputStatus;
  status_reason: string | null;
  created_at: string;
  updated_at: string;
  captured_at: string | null; // forum captures: the device's clock when captured (may sync later)
}

/** Private contact data, kept apart so no public query can reach it by accident. */
export interface InputContactTable {
  input_id: string;
  email: string;
  consent_at: string;
}

export interface InputReportTable {
  id: string;
  input_id: string;
  reason: string;
  created_at: string;
}

export interface SummaryTable {
  id: string;
  consultation_id: string;
  theme_id: string;
  title: string;
  text: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** 0009: summary.delete keeps the row; every read leaves deleted summaries out. */
  deleted_at: ColumnType<string | null, string | null | undefined, string | null>;
  deleted_by: ColumnType<string | null, string | null | undefined, string | null>;
}

/**
 * Lineage: which citizen inputs a summary took up. A link let go (summary.update, summary.delete) keeps its row with
 * `removed_at` (0009): reads of the live lineage filter `removed_at is null`; at most one live link per input.
 */
export interface SummaryInputTable {
  id: Generated<number>;
  summary_id: string;
  input_id: string;
  linked_at: ColumnType<string | null, string | null | undefined, string | null>;
  removed_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RoundtableTable {
  id: string;
  consultation_id: string;
  theme_id: string | null; // null for the technical roundtable
  kind: "thematic" | "technical";
  name: string;
  chair_user_id: string | null; // 0005: the technical roundtable's chair
}

export interface RoundTable {
  id: string;
  roundtable_id: string;
  number: number;
  held_on: string | null;
  venue: string;
  host_organization_id: string | null;
  status: StageStatus;
  opened_at: string | null; // 0004
  closed_at: string | null; // 0004
  kind: Generated<"round" | "review" | "refinement">; // 0005: thematic rounds; technical-roundtable sessions
  closes_stage: string | null; // 0005: the funnel column closing this session fills (technical | refined)
}

export interface RoundAttendanceTable {
  round_id: string;
  organization_id: string;
  user_id: string | null;
}

export interface ProposalTable {
  id: string;
  consultation_id: string;
  theme_id: string;
  roundtable_id: string | null;
  round_id: string | null;
  proponent_user_id: string | null;
  proponent_organization_id: string | null;
  title: string;
  lead_agency: string;
  responsible_person: string; // JSON {name,title,email,phone}: e-mail and phone are private
  other_actors: string;
  problem: string;
  objective: string;
  description: string;
  ogp_challenge: string;
  relevance: string; // JSON {transparency,accountability,participation,technology}
  ambition: string;
  is_new: number;
  starts_on: string | null;
  ends_on: string | null;
  stage: string; // funnel stage key, see app/domain/funnel.ts
  state: ProposalState;
  state_reason: string | null;
  version: number; // optimistic concurrency for live merging
  created_at: string;
  updated_at: string;
  state_organization_id: string | null; // 0005: the organization a withdrawal was recorded in the name of
  lead_organization_id: string | null; // 0005: the responsible public institution that accepted (criterion a)
}

export interface MilestoneTable {
  id: string;
  proposal_id: string;
  position: number;
  description: string;
  responsible_institution: string;
  is_new: number;
  starts_on: string | null;
  ends_on: string | null;
}

export interface ProposalStageHistoryTable {
  id: Generated<number>;
  proposal_id: string;
  stage: string;
  entered_at: string;
}

/** A merge or split, as agreed by a table; undoing it sets undone_at and restores the sources. */
export interface ProposalOperationTable {
  id: string;
  consultation_id: string;
  kind: "merge" | "split";
  round_id: string | null;
  agreed_note: string;
  present: string; // JSON array of organization ids
  created_by: string | null;
  created_at: string;
  undone_at: string | null;
  undone_by: string | null; // 0004: user id
}

export interface ProposalLineageTable {
  operation_id: string;
  source_id: string;
  result_id: string;
}

/** A proposal responds to citizen input: a summary or a single input. */
export interface ProposalResponseTable {
  proposal_id: string;
  summary_id: string | null;
  input_id: string | null;
}

/** Who was present at a technical-roundtable session (the latest record per person). */
export interface TechnicalAttendanceTable {
  round_id: string;
  user_id: string;
  present: number;
  recorded_by: string | null;
  recorded_at: string;
}

/** The three adoption criteria, recorded (append-only; the latest record per criterion counts). */
export interface ProposalCriterionTable {
  seq: Generated<number>;
  proposal_id: string;
  criterion: "institution" | "legal" | "financial";
  met: number;
  note: string;
  organization_id: string | null;
  recorded_by: string | null;
  recorded_at: string;
}

/** A technical-roundtable member's declared conflict of interest on a proposal: recused from voting on it. */
export interface ConflictDeclarationTable {
  id: string;
  proposal_id: string;
  user_id: string;
  organization_id: string | null;
  reason: string;
  declared_at: string;
}

/** Every text revision of a proposal (revision 1 is the text before the first edit). */
export interface ProposalVersionTable {
  id: string;
  proposal_id: string;
  revision: number;
  template: string; // JSON ProposalTemplate
  note: string;
  edited_by: string | null;
  edited_at: string;
}

/** A consensus vote on one proposal, in one session; `ballot` 2 is the fallback rule's second round. */
export interface ConsensusVoteTable {
  id: string;
  consultation_id: string;
  roundtable_id: string;
  round_id: string;
  proposal_id: string;
  ballot: number;
  status: "open" | "closed";
  settings: string; // JSON DecisionSettings as they were when the vote opened
  opened_by: string | null;
  opened_at: string;
  closed_by: string | null;
  closed_at: string | null;
  /** VOTE_OUTCOMES (app/domain/consensus/outcome.ts); "cancelled" with the chair's reason in outcome_detail. */
  outcome: "adopted" | "rejected" | "not_adopted" | "second_round" | "no_quorum" | "cancelled" | null;
  grade: string | null; // VOTE_GRADES
  outcome_detail: string | null; // JSON Outcome
}

/** A member's answer; changing it supersedes the previous one (history kept). */
export interface VoteAnswerTable {
  seq: Generated<number>;
  vote_id: string;
  user_id: string;
  organization_id: string | null;
  sector: string;
  answer: "agree" | "reservations" | "stand_aside" | "block";
  reason: string;
  answered_at: string;
  superseded_at: string | null;
}

/** A citizen's comment on the draft plan (proposal_id null: on the plan as a whole); 0012 added the receipt and keys. */
export interface PlanCommentTable {
  id: string;
  consultation_id: string;
  proposal_id: string | null;
  text: string;
  status: InputStatus;
  created_at: string;
  plan_id: string | null;
  receipt_code: string | null;
  client_hash: string | null;
  text_fingerprint: string | null;
  status_reason: string | null;
  updated_at: string | null;
}

/** 0012: the consultation's action plan, one per consultation (see app/domain/plan.ts for its statuses). */
export interface PlanTable {
  id: string;
  consultation_id: string;
  status: string;
  introduction: string;
  published_at: string | null;
  review_sent_at: string | null;
  approved_at: string | null;
  approved_by_name: string | null;
  approved_on: string | null;
  approval_reference: string | null;
  submitted_on: string | null;
  submission_link: string | null;
  submission_file: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PlanCommitmentTable {
  id: string;
  plan_id: string;
  proposal_id: string;
  position: number;
  number: string;
  added_at: string;
  removed_at: string | null;
}

export interface PlanCommentAnswerTable {
  id: string;
  comment_id: string;
  verdict: string; // accepted | partly | not_accepted
  reason: string;
  answered_by: string | null;
  answered_at: string;
  superseded_at: string | null;
}

export interface PlanCommentReportTable {
  id: string;
  comment_id: string;
  reason: string;
  created_at: string;
}

export interface PlanRevisionCommentTable {
  proposal_id: string;
  revision: number;
  comment_id: string;
}

export interface PlanObservationTable {
  id: string;
  plan_id: string;
  proposal_id: string | null;
  text: string;
  recorded_by: string | null;
  recorded_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
}

export interface PlanAmendmentTable {
  id: string;
  plan_id: string;
  proposal_id: string;
  revision: number;
  reason: string;
  amended_by: string | null;
  amended_at: string;
}

/** Idempotency: the first answer given to a client-chosen command id. */
export interface CommandLogTable {
  id: string;
  type: string;
  actor_key: string;
  status: number;
  response: string;
  created_at: string;
}

export interface AuditEventTable {
  seq: Generated<number>;
  consultation_id: string | null;
  actor_user_id: string | null;
  actor_label: string;
  command_id: string;
  command_type: string;
  payload: string;
  result: string;
  created_at: string;
}

/** 0006: the funnel when a stage, session or last round closed, with the ids behind every figure. */
export interface FunnelSnapshotTable {
  id: string;
  consultation_id: string;
  stage_id: string | null;
  round_id: string | null;
  command_type: string;
  command_id: string;
  taken_at: string;
  counts: string; // JSON SnapshotCounts (app/domain/snapshots.ts)
  audit_seq: Generated<number>;
}

/** 0006: the point of contact's written response to a summary or a proposal (a new one supersedes the previous). */
export interface WrittenResponseTable {
  id: string;
  consultation_id: string;
  summary_id: string | null;
  proposal_id: string | null;
  text: string;
  written_by: string | null;
  written_at: string;
  superseded_at: string | null;
}

/** 0011: who answers for a commitment's follow-up; reassigning ends the previous row (ended_at), never deletes it. */
export interface CommitmentResponsibleTable {
  id: string;
  consultation_id: string;
  proposal_id: string;
  user_id: string;
  assigned_by: string | null;
  assigned_at: string;
  ended_at: string | null;
  ended_by: string | null;
}

/** 0011: one follow-up report on a commitment's milestone (by number); the newest progress row is the current state. */
export interface FollowupUpdateTable {
  seq: Generated<number>;
  id: string;
  consultation_id: string;
  proposal_id: string;
  milestone_position: number;
  milestone_id: string | null;
  milestone_description: string;
  kind: "progress" | "evidence";
  status: string | null;
  actual_start_on: string | null;
  actual_end_on: string | null;
  evidence_url: string | null;
  note: string;
  author_user_id: string;
  author_name: string;
  author_institution: string;
  command_id: string;
  created_at: string;
}

export interface Database {
  consultations: ConsultationTable;
  stages: StageTable;
  themes: ThemeTable;
  organizations: OrganizationTable;
  users: UserTable;
  memberships: MembershipTable;
  invitations: InvitationTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  ethics_declarations: EthicsDeclarationTable;
  forums: ForumTable;
  worktables: WorktableTable;
  worktable_facilitators: WorktableFacilitatorTable;
  attendance: AttendanceTable;
  citizen_inputs: CitizenInputTable;
  input_contacts: InputContactTable;
  input_reports: InputReportTable;
  summaries: SummaryTable;
  summary_inputs: SummaryInputTable;
  roundtables: RoundtableTable;
  rounds: RoundTable;
  round_attendance: RoundAttendanceTable;
  proposals: ProposalTable;
  milestones: MilestoneTable;
  proposal_stage_history: ProposalStageHistoryTable;
  proposal_operations: ProposalOperationTable;
  proposal_lineage: ProposalLineageTable;
  proposal_responses: ProposalResponseTable;
  technical_attendance: TechnicalAttendanceTable;
  proposal_criteria: ProposalCriterionTable;
  conflict_declarations: ConflictDeclarationTable;
  proposal_versions: ProposalVersionTable;
  consensus_votes: ConsensusVoteTable;
  vote_answers: VoteAnswerTable;
  plan_comments: PlanCommentTable;
  plans: PlanTable;
  plan_commitments: PlanCommitmentTable;
  plan_comment_answers: PlanCommentAnswerTable;
  plan_comment_reports: PlanCommentReportTable;
  plan_revision_comments: PlanRevisionCommentTable;
  plan_observations: PlanObservationTable;
  plan_amendments: PlanAmendmentTable;
  command_log: CommandLogTable;
  audit_events: AuditEventTable;
  funnel_snapshots: FunnelSnapshotTable;
  written_responses: WrittenResponseTable;
  commitment_responsibles: CommitmentResponsibleTable;
  followup_updates: FollowupUpdateTable;
}

export type Consultation = Selectable<ConsultationTable>;
export type Stage = Selectable<StageTable>;
export type Theme = Selectable<ThemeTable>;
export type Organization = Selectable<OrganizationTable>;
export type User = Selectable<UserTable>;
export type Forum = Selectable<ForumTable>;
export type NewConsultation = Insertable<ConsultationTable>;
export type ConsultationUpdate = Updateable<ConsultationTable>;
