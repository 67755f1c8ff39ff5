// The OGP template schemas (shared by forms and commands), the SMART checklist, completeness, the milestone cap
// and the dotted form fields that carry nested data without JavaScript.
import { describe, expect, it } from "vitest";
import {
  completenessIssues,
  createProposalSchema,
  mergeProposalsSchema,
  milestoneCapIssue,
  proposalPeriod,
  proposalTemplateSchema,
  smartChecklist,
} from "../../app/domain/schemas/proposal";
import { closeRoundSchema, scheduleRoundSchema } from "../../app/domain/schemas/roundtable";
import { nestFormFields } from "../../app/domain/schemas/nested-form";

const uuid = (n: number) => `6f1c1f4e-8a64-4c39-9d5f-6a3c2b6e8f${String(n).padStart(2, "0")}`;

describe("the proposal template", () => {
  it("a draft needs only a title; everything else has a sensible default", () => {
    const parsed = createProposalSchema.parse({ roundtableId: uuid(1), title: "  Datos abiertos  ", draft: "1" });
    expect(parsed).toMatchObject({
      title: "Datos abiertos",
      draft: true,
      leadAgency: "",
      milestones: [],
      ogpChallenges: [],
      respondsTo: { summaryIds: [], inputIds: [] },
    });
  });

  it("reads form values: checkboxes, new/ongoing, empty dates", () => {
    const parsed = proposalTemplateSchema.parse({
      title: "X",
      relevance: { transparency: "on", text: "Porque sí" },
      milestones: [{ description: "Publicar datos", responsibleInstitution: "MINFIN", isNew: "ongoing", startsOn: "", endsOn: "2017-06-30" }],
    });
    expect(parsed.relevance).toEqual({ transparency: true, accountability: false, participation: false, technology: false, text: "Porque sí" });
    expect(parsed.milestones[0]).toEqual({
      description: "Publicar datos",
      responsibleInstitution: "MINFIN",
      isNew: false,
      startsOn: null,
      endsOn: "2017-06-30",
    });
  });

  it("refuses a milestone ending before it starts, a bad e-mail and an unknown OGP challenge", () => {
    const r = proposalTemplateSchema.safeParse({
      title: "X",
      responsiblePerson: { email: "no-es-correo" },
      ogpChallenges: ["world_peace"],
      milestones: [{ description: "Meta", responsibleInstitution: "INAP", startsOn: "2017-06-01", endsOn: "2017-01-01" }],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["responsiblePerson.email", "ogpChallenges.0", "milestones.0.endsOn"]));
  });

  it("a merge needs the table's agreement ticked and someone present", () => {
    const base = { sourceIds: [uuid(1), uuid(2)], result: { title: "Unificada" }, present: [uuid(3)] };
    expect(mergeProposalsSchema.safeParse({ ...base, agreed: "on" }).success).toBe(true);
    expect(mergeProposalsSchema.safeParse({ ...base, agreed: "" }).success).toBe(false);
    expect(mergeProposalsSchema.safeParse({ ...base, agreed: true, present: [] }).success).toBe(false);
  });

  it("rounds: optional date and host, advance as a checkbox", () => {
    expect(scheduleRoundSchema.parse({ roundtableId: uuid(1), heldOn: "", hostOrganizationId: "" })).toEqual({
      roundtableId: uuid(1),
      heldOn: null,
      venue: "",
      hostOrganizationId: null,
    });
    expect(closeRoundSchema.parse({ roundId: uuid(1), advance: "on" }).advance).toBe(true);
    expect(closeRoundSchema.parse({ roundId: uuid(1) }).advance).toBeUndefined();
  });
});

describe("rules the form shows before posting", () => {
  const milestone = {
    description: "Publicar el presupuesto en datos abiertos",
    responsibleInstitution: "MINFIN",
    isNew: true,
    startsOn: "2016-09-01",
    endsOn: "2016-12-31",
  };
  const full = proposalTemplateSchema.parse({
    title: "Presupuesto abierto",
    leadAgency: "MINFIN",
    problem: "Nadie entiende el presupuesto.",
    objective: "Publicar la ejecución presupuestaria en datos abiertos.",
    description: "Portal de presupuesto abierto con datos mensuales.",
    relevance: { transparency: true, text: "Abre datos fiscales." },
    milestones: [milestone, { ...milestone, startsOn: "2017-01-01", endsOn: "2017-06-30" }],
  });

  it("completeness: what registration needs", () => {
    expect(completenessIssues(full)).toEqual([]);
    expect(completenessIssues({ ...full, objective: " ", milestones: [] }).map((i) => i.path[0])).toEqual(["objective", "milestones"]);
  });

  it("the milestone cap names the limit", () => {
    expect(milestoneCapIssue(5, 5)).toBeNull();
    expect(milestoneCapIssue(6, 5)).toEqual({ path: ["milestones"], key: "proposal.issue.too_many_milestones", params: { max: 5, count: 6 } });
  });

  it("SMART: every criterion from the template as filled in", () => {
    expect(smartChecklist(full)).toEqual({ specific: true, measurable: true, attainable: true, relevant: true, time_bound: true });
    const weak = smartChecklist({ ...full, leadAgency: "", relevance: { ...full.relevance, text: "" }, milestones: [{ ...milestone, endsOn: null }] });
    expect(weak).toEqual({ specific: true, measurable: true, attainable: false, relevant: false, time_bound: false });
  });

  it("the proposal's period spans its milestones", () => {
    expect(proposalPeriod(full.milestones)).toEqual({ startsOn: "2016-09-01", endsOn: "2017-06-30" });
    expect(proposalPeriod([])).toEqual({ startsOn: null, endsOn: null });
  });
});

describe("dotted form fields", () => {
  it("nest into objects and lists, closing gaps and dropping blank rows", () => {
    const nested = nestFormFields(
      {
        title: "ignored: not dotted",
        "relevance.transparency": "on",
        "relevance.text": "Razón",
        "milestones.0.description": "Primera",
        "milestones.0.isNew": "new",
        "milestones.1.description": "",
        "milestones.1.responsibleInstitution": " ",
        "milestones.1.isNew": "new",
        "milestones.10.description": "Undécima",
        "present.0": uuid(1),
        "present.3": uuid(3),
        "result.milestones.0.description": "Dentro del resultado",
        "expectedVersions.abc": "2",
      },
      { ignoreInBlankRows: ["isNew"] },
    );
    expect(nested).toEqual({
      relevance: { transparency: "on", text: "Razón" },
      milestones: [{ description: "Primera", isNew: "new" }, { description: "Undécima" }],
      present: [uuid(1), uuid(3)],
      result: { milestones: [{ description: "Dentro del resultado" }] },
      expectedVersions: { abc: "2" },
    });
  });
});
