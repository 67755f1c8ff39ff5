// WHO MAY RUN WHICH COMMAND — the specification, written by hand from docs/domain.md ("Who uses the app", the
// stages, the rules the methodology sets) and docs/decisions/0001–0004. It is deliberately NOT read from the
// commands' `access` fields: role-matrix.test.ts runs every line below against the real server, so a role the code
// grants by mistake, or refuses by mistake, fails a line a person can read.
//
// How to read a line:
//   "anyone"              everyone: citizens without an account, and every signed-in person;
//   "facilitator"         any person holding that role in the consultation;
//   "facilitator (…)"     holders of that role, but only in the case the brackets name; in any other case a holder of
//                         the role is refused like everybody else (the test checks both sides);
//   "platform_admin"      an admin of the whole installation (created with `npm run cocrea -- create-admin`);
//   "system"              the command line and the demo seed only, never over the API.
// A platform admin acts as point of contact anywhere (docs/decisions/0001): it may run every line that names
// "point_of_contact", with the same brackets, and nothing else unless the line names "platform_admin".
// Everyone not named is refused: 403, or 401 without an account — and nothing is written.
import type { Role } from "../../app/domain/roles";

export type Who = "anyone" | "platform_admin" | "system" | Role | `${Role} (${string})`;

export const ACCESS_SPEC = {
  // ── Setting up a consultation. The point of contact "creates the consultation, defines its stages, themes, forums
  //    and roundtables, invites people, opens and closes stages" (docs/domain.md). ──
  "consultation.create": ["platform_admin"], // who creates it becomes its point of contact
  "consultation.update": ["point_of_contact"],
  "consultation.decision_settings": ["point_of_contact"], // how the technical roundtable decides: part of the methodology
  "consultation.funnel_columns": ["point_of_contact"], // which funnel columns the consultation publishes: the point of contact sets up the consultation
  "stage.add": ["point_of_contact"],
  "stage.update": ["point_of_contact"],
  "stage.move": ["point_of_contact"],
  "stage.open": ["point_of_contact"],
  "stage.close": ["point_of_contact"],
  "theme.create": ["point_of_contact"],
  "theme.update": ["point_of_contact"],
  "theme.move": ["point_of_contact"],
  "theme.archive": ["point_of_contact"],
  "theme.restore": ["point_of_contact"],
  "organization.create": ["point_of_contact"],
  "organization.update": ["point_of_contact"],
  "invitation.create": ["point_of_contact"],
  "invitation.revoke": ["point_of_contact"],
  "invitation.accept": ["anyone"], // whoever holds the link: the one-time token is the credential
  "role.grant": ["point_of_contact"],
  "role.revoke": ["point_of_contact"],

  // ── Public call: technical-roundtable members sign the ethics and conflict-of-interest declaration, each for
  //    themself (the payload names no one else). ──
  "ethics.sign": ["technical_member"],

  // ── Online opinion (docs/decisions/0002): citizens without an account; the point of contact and systematizers
  //    moderate. ──
  "opinion.submit": ["anyone"],
  "opinion.report": ["anyone"],
  "opinion.hide": ["point_of_contact", "systematizer"],
  "opinion.restore": ["point_of_contact", "systematizer"],

  // ── Departmental forums (docs/decisions/0003). The point of contact sets them up; facilitators work the door and
  //    type what is said at their own table — a capture names who took it, so no one else captures. ──
  "forum.create": ["point_of_contact"],
  "forum.update": ["point_of_contact"],
  "forum.open": ["point_of_contact"],
  "forum.close": ["point_of_contact"],
  "worktable.create": ["point_of_contact"],
  "worktable.update": ["point_of_contact"],
  "worktable.assign": ["point_of_contact"],
  "worktable.unassign": ["point_of_contact"],
  "worktable.remove": ["point_of_contact"],
  "attendance.register": ["point_of_contact", "facilitator"],
  "attendance.count": ["point_of_contact", "facilitator"],
  "attendance.remove": ["point_of_contact", "facilitator"],
  "capture.create": ["facilitator (assigned to that worktable)"],
  "capture.update": ["facilitator (their own capture)"],
  "capture.withdraw": ["facilitator (their own capture)"],

  // ── Systematization: systematizers (and the point of contact) condense the input into summaries per theme. ──
  "summary.create": ["systematizer", "point_of_contact"],
  "summary.update": ["systematizer", "point_of_contact"],
  "summary.delete": ["systematizer", "point_of_contact"],

  // ── Thematic roundtables (docs/decisions/0004). Proponents register and withdraw their organization's proposals;
  //    the members present merge, split and refine them by consensus; the point of contact runs the rounds. ──
  "roundtable.create": ["point_of_contact"],
  "round.schedule": ["point_of_contact"],
  "round.update": ["point_of_contact"],
  "round.open": ["point_of_contact"],
  "round.close": ["point_of_contact"],
  "round.attendance": ["point_of_contact", "roundtable_member"],
  "proposal.create": ["proponent"],
  "proposal.submit": ["proponent (a draft of their own organization)"],
  "proposal.update": [
    "proponent (a proposal of their own organization)",
    "roundtable_member (a proposal the thematic table unified, until it reaches the technical roundtable)",
    "point_of_contact (a proposal a table unified)",
  ],
  "proposal.withdraw": [
    "proponent (a proposal of their own organization, or one unified from it)",
    "technical_member (likewise: only when their organization is behind the proposal)",
  ],
  "proposal.merge": ["roundtable_member (at a thematic roundtable)", "technical_member (at the technical roundtable)", "point_of_contact"],
  "proposal.split": ["roundtable_member (at a thematic roundtable)", "technical_member (at the technical roundtable)", "point_of_contact"],
  "proposal.undo": ["roundtable_member (at a thematic roundtable)", "technical_member (at the technical roundtable)", "point_of_contact"],

  // ── The technical roundtable (MTGA). The point of contact sets it up and names its chair; the chair runs its
  //    sessions and votes; every member reviews the proposals against the three adoption criteria, refines them and
  //    declares their own conflicts of interest; only members present and not recused answer a vote. Observers
  //    attend and decide nothing. ──
  "technical.create": ["point_of_contact"],
  "technical.chair": ["point_of_contact"],
  "technical.session.schedule": ["point_of_contact", "technical_member (the chair only)"],
  "technical.session.open": ["point_of_contact", "technical_member (the chair only)"],
  "technical.session.close": ["point_of_contact", "technical_member (the chair only)"],
  "technical.attendance": ["point_of_contact", "technical_member (the chair, for anyone; a member, for themself)", "observer (for themself)"],
  // Criterion (a), "the responsible institution accepts", is recorded by that institution's own delegate (or by the
  // point of contact on its written behalf): a member cannot accept for another institution.
  "proposal.criterion": ["point_of_contact", "technical_member"],
  "proposal.declare_conflict": ["technical_member"],
  "proposal.reject": ["point_of_contact", "technical_member (the chair only)"],
  "proposal.revise": ["point_of_contact", "technical_member"],
  "vote.open": ["point_of_contact", "technical_member (the chair only)"],
  "vote.answer": ["technical_member (present at the vote's session and not recused)"],
  "vote.close": ["point_of_contact", "technical_member (the chair only)"],
  // The way out of a vote that cannot go on, with a reason that is published: whoever runs the session.
  "vote.cancel": ["point_of_contact", "technical_member (the chair only)"],

  // ── The reasoned response (issue 10): the point of contact answers, in writing, how each summary and proposal was
  //    considered (OGP co-creation standards). ──
  "response.write": ["point_of_contact"],

  // ── Follow-up of the plan's commitments (decision 0009). The person the point of contact names for a commitment —
  //    of its responsible institution — reports its milestones' progress and evidence, and nobody else: not the
  //    point of contact, not another commitment's responsible person. The point of contact names that person. ──
  "followup.update_milestone": ["commitment_responsible (the person assigned to that commitment)"],
  "followup.add_evidence": ["commitment_responsible (the person assigned to that commitment)"],
  "followup.assign_responsible": ["point_of_contact"],
  "followup.end_responsibility": ["point_of_contact"], // the one who names the person also ends the assignment
  // ── The action plan (issue 9, docs/decisions/0008). The point of contact assembles it from the adopted commitments,
  //    publishes the draft, sends it for review and records the OGP support unit's observations, records the
  //    approval and the submission, and amends commitments after approval. Citizens comment without an account (like
  //    opinions) and report comments; the point of contact and systematizers moderate them, as they moderate
  //    opinions. The technical roundtable (its members, and the point of contact) answers comments and observations
  //    and revises the commitments' texts before approval; observers decide nothing. ──
  "plan.assemble": ["point_of_contact"],
  "plan.publish": ["point_of_contact"],
  "plan.comment": ["anyone"],
  "plan.comment_report": ["anyone"],
  "plan.comment_hide": ["point_of_contact", "systematizer"],
  "plan.comment_restore": ["point_of_contact", "systematizer"],
  "plan.comment_answer": ["point_of_contact", "technical_member"],
  "plan.revise": ["point_of_contact", "technical_member"],
  "plan.send_review": ["point_of_contact"],
  "plan.observe": ["point_of_contact"], // the support unit has no account: the point of contact records what it sent
  "plan.observation_answer": ["point_of_contact", "technical_member"],
  "plan.approve": ["point_of_contact"],
  "plan.submit": ["point_of_contact"],
  "plan.amend": ["point_of_contact"], // after approval a change is the institution's act, recorded with its reason
  "plan.amend_add": ["point_of_contact"], // so is a commitment added to the approved plan (issue 17: the only way in once frozen)

  // ── The installation: accounts of admins and API tokens are made from the command line. ──
  "admin.create": ["system"],
  "api_token.create": ["system"],
  "dates.fix_impossible": ["system"],
} as const satisfies Record<string, readonly Who[]>;

export type CommandType = keyof typeof ACCESS_SPEC;
