// The read policy (app/lib/read-policy.server.ts) as a table a person can read: who holds what in a consultation, and
// what each question answers for them. A platform admin counts as the point of contact anywhere — and only as that,
// like the command bus. The last block checks the questions that mirror a command against that command's access rule.
import { describe, expect, it } from "vitest";
import type { Role } from "../../app/domain/roles";
import { hasAnyRole } from "../../app/domain/roles";
import {
  canCreateConsultations,
  canExportUnpublishedPlan,
  canSeeDraft,
  canSeeProposalContact,
  inputText,
  ownsProposal,
  policyOf,
  seesEveryConsultation,
  type ReadPolicy,
  type Reader,
} from "../../app/lib/read-policy.server";
import { commands } from "../../server/commands/registry";

type Question = Exclude<keyof ReadPolicy, "isPlatformAdmin">;

/** Column headings of the table below, in order. */
const COLUMNS: Record<string, Question> = {
  staff: "isStaff",
  contact: "isContact",
  moderate: "canModerate",
  emails: "canSeeEmails",
  systematize: "canSystematize",
  attendance: "canRecordAttendance",
  capture: "canCapture",
  ethics: "canSignEthics",
  register: "canRegisterProposals",
  merge: "canMergeAtTable",
  technical: "isTechnicalMember",
  observer: "isObserver",
  withdraw: "canWithdrawForOrganization",
};

// Who (roles held in the consultation, joined by +; "admin" is a platform admin; "public" is nobody signed in;
// "signed in" a user with no role there) → each question's answer (✓ yes, · no).
const TABLE = `
| who                  | staff | contact | moderate | emails | systematize | attendance | capture | ethics | register | merge | technical | observer | withdraw |
| public               |   ·   |    ·    |    ·     |   ·    |      ·      |     ·      |    ·    |   ·    |    ·     |   ·   |     ·     |    ·     |    ·     |
| signed in            |   ·   |    ·    |    ·     |   ·    |      ·      |     ·      |    ·    |   ·    |    ·     |   ·   |     ·     |    ·     |    ·     |
| point_of_contact     |   ✓   |    ✓    |    ✓     |   ✓    |      ✓      |     ✓      |    ·    |   ·    |    ·     |   ✓   |     ·     |    ·     |    ·     |
| facilitator          |   ✓   |    ·    |    ·     |   ·    |      ·      |     ✓      |    ✓    |   ·    |    ·     |   ·   |     ·     |    ·     |    ·     |
| systematizer         |   ✓   |    ·    |    ✓     |   ·    |      ✓      |     ·      |    ·    |   ·    |    ·     |   ·   |     ·     |    ·     |    ·     |
| proponent            |   ✓   |    ·    |    ·     |   ·    |      ·      |     ·      |    ·    |   ·    |    ✓     |   ·   |     ·     |    ·     |    ✓     |
| roundtable_member    |   ✓   |    ·    |    ·     |   ·    |      ·      |     ·      |    ·    |   ·    |    ·     |   ✓   |     ·     |    ·     |    ·     |
| technical_member     |   ✓   |    ·    |    ·     |   ·    |      ·      |     ·      |    ·    |   ✓    |    ·     |   ·   |     ✓     |    ·     |    ✓     |
| observer             |   ✓   |    ·    |    ·     |   ·    |      ·      |     ·      |    ·    |   ·    |    ·     |   ·   |     ·     |    ✓     |    ·     |
| admin                |   ✓   |    ✓    |    ✓     |   ✓    |      ✓      |     ✓      |    ·    |   ·    |    ·     |   ✓   |     ·     |    ·     |    ·     |
| admin + facilitator  |   ✓   |    ✓    |    ✓     |   ✓    |      ✓      |     ✓      |    ✓    |   ·    |    ·     |   ✓   |     ·     |    ·     |    ·     |
| observer + proponent |   ✓   |    ·    |    ·     |   ·    |      ·      |     ·      |    ·    |   ·    |    ✓     |   ·   |     ·     |    ✓     |    ✓     |
`;

interface Row {
  who: string;
  reader: Reader | null;
  roles: Role[];
  answers: Record<Question, boolean>;
}

function cells(line: string): string[] {
  return line
    .split("|")
    .slice(1, -1)
    .map((c) => c.trim());
}

function parse(table: string): Row[] {
  const [head, ...lines] = table.trim().split("\n");
  const columns = cells(head).slice(1);
  return lines.map((line) => {
    const [who, ...marks] = cells(line);
    const parts = who.split(" + ");
    const reader = who === "public" ? null : { id: "u-1", isPlatformAdmin: parts.includes("admin") };
    const roles = parts.filter((p) => p !== "admin" && p !== "public" && p !== "signed in") as Role[];
    const answers = Object.fromEntries(columns.map((c, i) => [COLUMNS[c], marks[i] === "✓"])) as Record<Question, boolean>;
    return { who, reader, roles, answers };
  });
}

const ROWS = parse(TABLE);

describe("the read policy, role by role", () => {
  it("the table has a column for every question", () => {
    const asked = Object.keys(policyOf(null, [])).filter((k) => k !== "isPlatformAdmin");
    expect(Object.values(COLUMNS).sort()).toEqual(asked.sort());
    for (const row of ROWS) expect(Object.keys(row.answers).sort()).toEqual(asked.sort());
  });

  it.each(ROWS.map((r) => [r.who, r] as const))("%s", (_who, row) => {
    const { isPlatformAdmin: _admin, ...answers } = policyOf(row.reader, row.roles);
    expect(answers).toEqual(row.answers);
  });

  it("a platform admin lists and creates consultations; anyone else only sees their own", () => {
    const admin = { id: "a", isPlatformAdmin: true };
    const user = { id: "u", isPlatformAdmin: false };
    expect([seesEveryConsultation(admin), canCreateConsultations(admin)]).toEqual([true, true]);
    expect([seesEveryConsultation(user), canCreateConsultations(user)]).toEqual([false, false]);
  });
});

describe("a citizen input's text", () => {
  const hidden = { text: "Texto ocultado por moderación", status: "hidden" };
  const visible = { text: "Texto visible", status: "visible" };
  it.each(ROWS.map((r) => [r.who, r] as const))("%s", (_who, row) => {
    const policy = policyOf(row.reader, row.roles);
    expect(inputText(policy, visible)).toBe(visible.text);
    // Hidden text: the moderators (point of contact, systematizers, platform admins) only.
    expect(inputText(policy, hidden)).toBe(row.answers.canModerate ? hidden.text : null);
  });
});

describe("whose proposal it is", () => {
  const me = { userId: "me", organizationId: "org-a" };
  const unaffiliated = { userId: "me", organizationId: null };
  // proposal → [owns (me, of org-a), owns (me, no organization), contact seen by a non-contact of org-a, by the point of contact]
  const cases: [string, { userId: string | null; organizationId: string | null }, [boolean, boolean, boolean, boolean]][] = [
    ["mine", { userId: "me", organizationId: "org-a" }, [true, true, true, true]],
    ["a colleague's (same organization)", { userId: "colleague", organizationId: "org-a" }, [true, false, true, true]],
    ["another organization's", { userId: "other", organizationId: "org-b" }, [false, false, false, true]],
    ["the table's (no proponent)", { userId: null, organizationId: null }, [false, false, false, true]],
  ];
  const proponent = policyOf({ id: "me", isPlatformAdmin: false }, ["proponent"]);
  const contact = policyOf({ id: "me", isPlatformAdmin: false }, ["point_of_contact"]);

  it.each(cases)("%s", (_what, owner, [owns, ownsUnaffiliated, contactForProponent, contactForContact]) => {
    const proposal = { proponent: owner };
    expect(ownsProposal(me, proposal)).toBe(owns);
    expect(ownsProposal(unaffiliated, proposal)).toBe(ownsUnaffiliated);
    // A draft: its organization only — not the point of contact, not a platform admin (0004).
    expect(canSeeDraft(me, proposal)).toBe(owns);
    expect(canSeeProposalContact(proponent, me, proposal)).toBe(contactForProponent);
    expect(canSeeProposalContact(contact, me, proposal)).toBe(contactForContact);
  });
});

describe("questions that mirror a command answer as its access rule does", () => {
  const MIRRORS: [Question, string][] = [
    ["canModerate", "opinion.hide"],
    ["canSystematize", "summary.create"],
    ["canRecordAttendance", "attendance.register"],
    ["canCapture", "capture.create"],
    ["canSignEthics", "ethics.sign"],
    ["canRegisterProposals", "proposal.create"],
    ["canWithdrawForOrganization", "proposal.withdraw"],
    ["canMergeAtTable", "round.attendance"],
    ["isContact", "response.write"],
  ];
  it.each(MIRRORS)("%s ↔ %s", (question, type) => {
    const access = commands.find((c) => c.type === type)!.access;
    if (typeof access === "string") throw new Error(`${type} has no roles`);
    for (const row of ROWS.filter((r) => r.reader)) {
      // The bus's rule: a platform admin acts as point of contact.
      const effective = row.reader!.isPlatformAdmin ? [...row.roles, "point_of_contact"] : row.roles;
      expect(policyOf(row.reader, row.roles)[question], row.who).toBe(hasAnyRole(effective, access.roles));
    }
  });
  it("canCreateConsultations ↔ consultation.create (platform_admin)", () => {
    expect(commands.find((c) => c.type === "consultation.create")!.access).toBe("platform_admin");
  });
});

// Issue 17, decision 0008's addendum: before the draft is published, the plan is exported by the people who write it.
describe("who exports a plan that is not published yet", () => {
  const EXPORTS: Record<string, boolean> = {
    public: false,
    "signed in": false,
    point_of_contact: true,
    facilitator: false,
    systematizer: false,
    proponent: false,
    roundtable_member: false,
    technical_member: true,
    observer: false,
    admin: true,
    "admin + facilitator": true,
    "observer + proponent": false,
  };
  it.each(ROWS.map((r) => [r.who, r] as const))("%s", (who, row) => {
    expect(canExportUnpublishedPlan(policyOf(row.reader, row.roles))).toBe(EXPORTS[who]);
  });
  it("the same people as plan.revise, the command that writes the plan's texts", () => {
    const access = commands.find((c) => c.type === "plan.revise")!.access;
    if (typeof access === "string") throw new Error("plan.revise has no roles");
    for (const row of ROWS.filter((r) => r.reader)) {
      const effective = row.reader!.isPlatformAdmin ? [...row.roles, "point_of_contact"] : row.roles;
      expect(canExportUnpublishedPlan(policyOf(row.reader, row.roles)), row.who).toBe(hasAnyRole(effective, access.roles));
    }
  });
});
