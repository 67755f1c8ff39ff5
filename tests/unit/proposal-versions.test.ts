// What changed between two versions of a proposal: only the fields that differ, word by word, never contact details.
import { describe, expect, it } from "vitest";
import { diffTemplates, templateText, type DiffPart } from "../../app/domain/proposals/versions";
import type { ProposalTemplate } from "../../app/domain/schemas/proposal";
import { translator } from "../../app/i18n";

const v1: ProposalTemplate = {
  title: "Presupuesto abierto municipal",
  leadAgency: "Ministerio de Finanzas Públicas",
  responsiblePerson: { name: "Ana López", title: "Directora de Transparencia", email: "ana@minfin.gob.gt", phone: "+502 2222 3333" },
  otherActors: { government: "Contraloría General de Cuentas", others: "" },
  problem: "Los municipios no publican su ejecución presupuestaria.",
  objective: "Publicar el presupuesto en datos abiertos",
  description: "Un portal con la ejecución de cada municipio.",
  ogpChallenges: ["public_resources"],
  relevance: { transparency: true, accountability: false, participation: false, technology: true, text: "Datos reutilizables." },
  ambition: "Todos los municipios en 2018.",
  milestones: [
    { description: "Diseñar el portal", responsibleInstitution: "MINFIN", isNew: true, startsOn: "2016-09-01", endsOn: "2016-12-31" },
    { description: "Capacitar a los municipios", responsibleInstitution: "INFOM", isNew: true, startsOn: null, endsOn: null },
  ],
};

const text = (parts: DiffPart[]) => parts.map((p) => `${p.kind === "added" ? "+" : p.kind === "removed" ? "-" : "="}[${p.text}]`).join(" ");

describe("templateText", () => {
  it("gives every template field as plain text, in template order", () => {
    const t = templateText(v1);
    expect(Object.keys(t)).toEqual([
      "title",
      "leadAgency",
      "responsiblePerson",
      "otherActors",
      "problem",
      "objective",
      "description",
      "ogpChallenges",
      "relevance",
      "ambition",
      "milestones",
    ]);
    expect(t).toEqual({
      title: "Presupuesto abierto municipal",
      leadAgency: "Ministerio de Finanzas Públicas",
      responsiblePerson: "Ana López · Directora de Transparencia",
      otherActors: "Entidades públicas, organismos de Estado: Contraloría General de Cuentas",
      problem: "Los municipios no publican su ejecución presupuestaria.",
      objective: "Publicar el presupuesto en datos abiertos",
      description: "Un portal con la ejecución de cada municipio.",
      ogpChallenges: "Gestión más efectiva de los recursos públicos",
      relevance: "Transparencia, Tecnología e innovación — Datos reutilizables.",
      ambition: "Todos los municipios en 2018.",
      milestones: "1. Diseñar el portal — MINFIN (2016-09-01 → 2016-12-31)\n2. Capacitar a los municipios — INFOM",
    });
  });

  it("never includes the responsible person's e-mail or phone", () => {
    const all = Object.values(templateText(v1)).join("\n");
    expect(all).not.toContain("ana@minfin.gob.gt");
    expect(all).not.toContain("2222");
  });

  it("labels nested parts in the language asked for", () => {
    const t = templateText(v1, translator("en"));
    expect(t.relevance).toBe("Transparency, Technology and innovation — Datos reutilizables.");
    expect(t.otherActors).toBe("Government: Contraloría General de Cuentas");
  });

  it("writes a missing date of a milestone as an ellipsis", () => {
    const t = templateText({ ...v1, milestones: [{ description: "Lanzar", responsibleInstitution: "", isNew: false, startsOn: "2017-01-01", endsOn: null }] });
    expect(t.milestones).toBe("1. Lanzar (2017-01-01 → …)");
  });
});

describe("diffTemplates", () => {
  it("is empty for identical versions", () => {
    expect(diffTemplates(v1, structuredClone(v1))).toEqual([]);
  });

  it("lists only the changed fields, in template order, with added and removed words", () => {
    const v2: ProposalTemplate = {
      ...v1,
      objective: "Publicar trimestralmente el presupuesto en formato abierto",
      title: "Presupuesto abierto municipal",
      milestones: [v1.milestones[0]],
      relevance: { ...v1.relevance, participation: true },
    };
    const changes = diffTemplates(v1, v2);
    expect(changes.map((c) => c.field)).toEqual(["objective", "relevance", "milestones"]);

    const [objective, relevance, milestones] = changes;
    expect(objective.before).toBe("Publicar el presupuesto en datos abiertos");
    expect(objective.after).toBe("Publicar trimestralmente el presupuesto en formato abierto");
    expect(text(objective.parts)).toBe("=[Publicar ] +[trimestralmente ] =[el presupuesto en ] -[datos abiertos] +[formato abierto]");

    expect(relevance.after).toBe("Transparencia, Participación ciudadana, Tecnología e innovación — Datos reutilizables.");
    expect(relevance.parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual([expect.stringContaining("Participación ciudadana")]);
    expect(relevance.parts.some((p) => p.kind === "removed")).toBe(false);

    expect(milestones.parts.filter((p) => p.kind !== "same").map((p) => [p.kind, p.text.trim()])).toEqual([
      ["removed", "2. Capacitar a los municipios — INFOM"],
    ]);
  });

  it("shows a new person's name and title but never the contact details, even when only they change", () => {
    const onlyContact = { ...v1, responsiblePerson: { ...v1.responsiblePerson, email: "otra@minfin.gob.gt", phone: "+502 5555 0000" } };
    expect(diffTemplates(v1, onlyContact)).toEqual([]);

    const newPerson = {
      ...v1,
      responsiblePerson: { name: "Luis Pérez", title: "Director de Transparencia", email: "luis@minfin.gob.gt", phone: "+502 4444 1111" },
    };
    const changes = diffTemplates(v1, newPerson);
    expect(changes.map((c) => c.field)).toEqual(["responsiblePerson"]);
    expect(changes[0].after).toBe("Luis Pérez · Director de Transparencia");
    const everything = JSON.stringify(changes);
    for (const secret of ["ana@minfin.gob.gt", "luis@minfin.gob.gt", "2222", "4444"]) expect(everything).not.toContain(secret);
  });

  it("rebuilds the new text exactly from its parts, and the old one up to spacing", () => {
    const v2 = { ...v1, description: "Un portal nuevo con la ejecución mensual de cada municipio y de cada entidad." };
    const [change] = diffTemplates(v1, v2);
    const noSpace = (s: string) => s.replace(/\s+/g, "");
    expect(
      change.parts
        .filter((p) => p.kind !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe(change.after);
    expect(
      noSpace(
        change.parts
          .filter((p) => p.kind !== "added")
          .map((p) => p.text)
          .join(""),
      ),
    ).toBe(noSpace(change.before));
    expect(change.parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["nuevo", "mensual", "y de cada entidad"]);
  });

  it("ignores a change of spacing alone", () => {
    expect(diffTemplates(v1, { ...v1, problem: "Los municipios  no publican su ejecución presupuestaria." })).toEqual([]);
    expect(diffTemplates(v1, { ...v1, title: "  Presupuesto abierto municipal " })).toEqual([]);
  });

  it("treats a field filled in for the first time as all added", () => {
    const blank = { ...v1, ambition: "" };
    const [change] = diffTemplates(blank, v1);
    expect(change).toEqual({
      field: "ambition",
      before: "",
      after: "Todos los municipios en 2018.",
      parts: [{ kind: "added", text: "Todos los municipios en 2018." }],
    });
  });
});
