// Impossible calendar dates (issue 17, "bad input and leaks" 2a): one strict schema for every date of every command.
// The test walks every command of the registry, finds every field whose name says it is a date (…On, …At) and every
// string field checked as a date, and holds that each is the one calendar-date (or date-time) schema of
// app/domain/schemas/fields.ts, refusing 2027-02-30, 2027-13-45 and 0000-00-00 with an issue a person can read.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { calendarDate, dateTime, isCalendarDate } from "../../app/domain/schemas/fields";
import { formatDate, formatDateTime } from "../../app/i18n";
import { zodErrorMap } from "../../app/i18n/zod.server";
import { commands } from "../../server/commands/registry";

const IMPOSSIBLE = ["2027-13-45", "0000-00-00", "2027-02-30", "2027-02-29", "2027-04-31", "2016-8-11", "11/08/2016", ""];

interface Leaf {
  command: string;
  path: string;
  schema: z.ZodType;
  /** The schema as the object holds it (with its optional/preprocess wrappers). */
  field: z.ZodType;
}

type Def = { type: string; [k: string]: any };
const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def: Def } })?._zod?.def;

/** Every leaf schema of a command's payload, with the path to it and the field that wraps it. */
function leaves(command: string, schema: z.ZodType): Leaf[] {
  const out: Leaf[] = [];
  const walk = (s: z.ZodType, path: string, field: z.ZodType) => {
    const def = defOf(s);
    if (!def) return;
    switch (def.type) {
      case "object":
        for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) walk(v, path ? `${path}.${k}` : k, v);
        return;
      case "optional":
      case "nullable":
      case "default":
      case "prefault":
      case "catch":
      case "readonly":
      case "nonoptional":
        return walk(def.innerType, path, field);
      case "pipe":
        walk(def.in, path, field);
        return walk(def.out, path, field);
      case "array":
        return walk(def.element, `${path}.0`, def.element);
      case "union":
        for (const o of def.options) walk(o, path, field);
        return;
      case "intersection":
        walk(def.left, path, field);
        return walk(def.right, path, field);
      case "lazy":
        return walk(def.getter(), path, field);
      case "record":
        return walk(def.valueType, `${path}.*`, def.valueType);
      default:
        out.push({ command, path, schema: s, field });
    }
  };
  walk(schema, "", schema);
  return out;
}

const all = commands.flatMap((c) => leaves(c.type, c.schema));
const isDateName = (path: string) => /(On|At|Date)$/.test(path.split(".").pop() ?? "");
const formatOf = (s: z.ZodType) => defOf(s)?.format as string | undefined;
const dateLeaves = all.filter(
  (l) => defOf(l.schema)?.type === "string" && (isDateName(l.path) || formatOf(l.schema) === "date" || formatOf(l.schema) === "datetime"),
);

describe("one calendar-date schema for every date of every command", () => {
  it("finds the dates the story needs: follow-up reports, proposal templates and merges, plan approval and submission", () => {
    const found = new Set(dateLeaves.map((l) => `${l.command} ${l.path}`));
    for (const expected of [
      "followup.update_milestone actualStartOn",
      "followup.update_milestone actualEndOn",
      "proposal.create milestones.0.startsOn",
      "proposal.create milestones.0.endsOn",
      "proposal.merge result.milestones.0.endsOn",
      "proposal.split results.0.milestones.0.startsOn",
      "proposal.revise milestones.0.endsOn",
      "plan.amend milestones.0.endsOn",
      "plan.approve approvedOn",
      "plan.submit submittedOn",
      "consultation.update startsOn",
      "stage.update endsOn",
      "forum.create heldOn",
      "round.schedule heldOn",
      "technical.session.schedule heldOn",
      "capture.create capturedAt",
    ]) {
      expect(found, expected).toContain(expected);
    }
  });

  it("every date field is the one strict schema (a day, or a moment with its offset)", () => {
    const stray = dateLeaves.filter((l) => l.schema !== calendarDate && l.schema !== dateTime).map((l) => `${l.command} ${l.path}`);
    expect(stray).toEqual([]);
  });

  it("every date field refuses impossible days, with an issue a person reads, in both languages", () => {
    for (const leaf of dateLeaves.filter((l) => l.schema === calendarDate)) {
      for (const value of ["2027-13-45", "0000-00-00", "2027-02-30"]) {
        const es = leaf.field.safeParse(value, { error: zodErrorMap("es") });
        expect(es.success, `${leaf.command} ${leaf.path} = ${value}`).toBe(false);
        expect(es.error!.issues[0].message, `${leaf.command} ${leaf.path}`).toBe("Escriba una fecha válida.");
        const en = leaf.field.safeParse(value, { error: zodErrorMap("en") });
        expect(en.error!.issues[0].message).toBe("Enter a valid date.");
      }
      // A day that exists passes; 2028 is a leap year.
      expect(leaf.field.safeParse("2028-02-29").success, `${leaf.command} ${leaf.path}`).toBe(true);
    }
    for (const leaf of dateLeaves.filter((l) => l.schema === dateTime)) {
      expect(leaf.field.safeParse("2027-02-30T10:00:00-06:00").success, `${leaf.command} ${leaf.path}`).toBe(false);
      expect(leaf.field.safeParse("2016-08-11T10:00:00-06:00").success).toBe(true);
    }
  });

  it("a whole command payload with 2027-02-30 is refused on that field (plan approval)", () => {
    const approve = commands.find((c) => c.type === "plan.approve")!;
    const res = approve.schema.safeParse(
      { planId: "6f1d2c1e-8a4b-4c3d-9e2f-0a1b2c3d4e5f", approvedBy: "Mesa de Alto Nivel", approvedOn: "2027-02-30", reference: "Acta 1-2016" },
      { error: zodErrorMap("es") },
    );
    expect(res.success).toBe(false);
    expect(res.error!.issues).toEqual([expect.objectContaining({ path: ["approvedOn"], message: "Escriba una fecha válida." })]);
  });
});

describe("isCalendarDate judges stored values", () => {
  it("knows the days that exist", () => {
    for (const value of IMPOSSIBLE) expect(isCalendarDate(value), value).toBe(false);
    for (const value of [null, undefined, 20160811]) expect(isCalendarDate(value)).toBe(false);
    for (const value of ["2016-08-11", "2028-02-29", "2027-12-31"]) expect(isCalendarDate(value), value).toBe(true);
  });
});

describe("a stored value that is not a date fails no page", () => {
  it("formatDate and formatDateTime read it as what it is, in both languages, instead of throwing", () => {
    expect(formatDate("es", "2027-13-45")).toBe("fecha no válida (2027-13-45)");
    // Date would roll 30 February into 2 March: still not a date.
    expect(formatDate("es", "2027-02-30")).toBe("fecha no válida (2027-02-30)");
    expect(formatDate("en", "0000-00-00")).toBe("invalid date (0000-00-00)");
    expect(formatDateTime("es", "2027-13-45T10:00:00Z")).toBe("fecha no válida (2027-13-45T10:00:00Z)");
    expect(formatDate("es", "2016-08-11")).toBe("11 de agosto de 2016");
    expect(formatDate("en", "2028-02-29")).toBe("February 29, 2028");
  });
});
