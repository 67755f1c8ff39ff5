// The OGP commitment template as form fields (dotted names, so it posts nested data without JavaScript), with
// milestone rows up to the consultation's cap and the SMART checklist computed as the person types.
import { useState } from "react";
import { MILESTONES_HARD_CAP, OGP_CHALLENGES, OGP_VALUES, smartChecklist } from "../../domain/proposal-template";
import type { ProposalTemplate } from "../../domain/schemas/proposal";
import { useT } from "../../i18n/react";
import type { ActionResult } from "../../lib/action-result";
import { fieldError } from "./issues";
import { SmartChecklist } from "./SmartChecklist";

type Milestone = ProposalTemplate["milestones"][number];
type Row = Omit<Milestone, "startsOn" | "endsOn"> & { key: number; startsOn: string; endsOn: string };

const emptyMilestone = (): Omit<Row, "key"> => ({ description: "", responsibleInstitution: "", isNew: true, startsOn: "", endsOn: "" });

export const emptyTemplate = (): ProposalTemplate => ({
  title: "",
  leadAgency: "",
  responsiblePerson: { name: "", title: "", email: "", phone: "" },
  otherActors: { government: "", others: "" },
  problem: "",
  objective: "",
  description: "",
  ogpChallenges: [],
  relevance: { transparency: false, accountability: false, participation: false, technology: false, text: "" },
  ambition: "",
  milestones: [],
});

interface Props {
  /** Prefix of every field name: "" for a proposal, "result." for a merge, "results.1." for a split part. */
  prefix?: string;
  initial: ProposalTemplate;
  maxMilestones: number;
  intent: string;
  result?: ActionResult;
  /** Institutions offered as suggestions for the lead agency and milestone institutions. */
  institutions?: string[];
  /** Shows the contact fields (e-mail, phone) of the responsible person: private, for the proponent's own form. */
  withContact?: boolean;
  /** An always-present empty milestone row when there is room (useful without JavaScript). */
  spareRow?: boolean;
}

export function TemplateFields({ prefix = "", initial, maxMilestones, intent, result, institutions = [], withContact = true, spareRow = true }: Props) {
  const t = useT();
  const [values, setValues] = useState<ProposalTemplate>(initial);
  const [rows, setRows] = useState<Row[]>(() => {
    const start = initial.milestones.map((m, i) => ({ ...m, startsOn: m.startsOn ?? "", endsOn: m.endsOn ?? "", key: i }));
    return spareRow && start.length < maxMilestones ? [...start, { ...emptyMilestone(), key: start.length }] : start;
  });
  const [nextKey, setNextKey] = useState(initial.milestones.length + 1);
  const id = (name: string) => `${intent}-${prefix}${name}`.replace(/\./g, "-");
  const err = (name: string) => fieldError(t, result, intent, `${prefix}${name}`);
  const set = <K extends keyof ProposalTemplate>(key: K, value: ProposalTemplate[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setRow = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const filled = rows.filter((r) => r.description.trim() || r.responsibleInstitution.trim());
  const listId = `${id("institutions")}`;

  const text = (name: "title" | "leadAgency" | "problem" | "objective" | "description" | "ambition", label: string, multiline = false, required = false) => {
    const error = err(name);
    const common = {
      id: id(name),
      name: `${prefix}${name}`,
      value: values[name],
      required,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": error ? `${id(name)}-error` : undefined,
      onChange: (e: { target: { value: string } }) => set(name, e.target.value),
    };
    return (
      <div className="field">
        <label htmlFor={id(name)}>{label}</label>
        {multiline ? <textarea {...common} rows={3} /> : <input {...common} type="text" list={name === "leadAgency" ? listId : undefined} />}
        {error ? (
          <small className="field-error" id={`${id(name)}-error`}>
            {error}
          </small>
        ) : null}
      </div>
    );
  };

  return (
    <div className="template-fields">
      <datalist id={listId}>
        {institutions.map((i) => (
          <option key={i} value={i} />
        ))}
      </datalist>
      {text("title", t("proposal.field.title"), false, true)}
      {text("leadAgency", t("proposal.field.lead_agency"))}
      <fieldset>
        <legend>{t("proposal.field.responsible_person")}</legend>
        <div className="row">
          {(["name", "title", ...(withContact ? (["email", "phone"] as const) : [])] as const).map((k) => (
            <div className="field" key={k}>
              <label htmlFor={id(`responsiblePerson.${k}`)}>{t(`proposal.field.person_${k}`)}</label>
              <input
                id={id(`responsiblePerson.${k}`)}
                name={`${prefix}responsiblePerson.${k}`}
                type={k === "email" ? "email" : k === "phone" ? "tel" : "text"}
                value={values.responsiblePerson[k]}
                onChange={(e) => set("responsiblePerson", { ...values.responsiblePerson, [k]: e.target.value })}
              />
              {err(`responsiblePerson.${k}`) ? <small className="field-error">{err(`responsiblePerson.${k}`)}</small> : null}
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("proposal.field.other_actors")}</legend>
        {(["government", "others"] as const).map((k) => (
          <div className="field" key={k}>
            <label htmlFor={id(`otherActors.${k}`)}>{t(k === "government" ? "proposal.field.actors_government" : "proposal.field.actors_others")}</label>
            <textarea
              id={id(`otherActors.${k}`)}
              name={`${prefix}otherActors.${k}`}
              rows={2}
              value={values.otherActors[k]}
              onChange={(e) => set("otherActors", { ...values.otherActors, [k]: e.target.value })}
            />
          </div>
        ))}
      </fieldset>
      {text("problem", t("proposal.field.problem"), true)}
      {text("objective", t("proposal.field.objective"), true)}
      {text("description", t("proposal.field.description"), true)}
      <fieldset>
        <legend>{t("proposal.field.ogp_challenges")}</legend>
        {OGP_CHALLENGES.map((c, i) => (
          <label key={c} className="check">
            <input
              type="checkbox"
              name={`${prefix}ogpChallenges.${i}`}
              value={c}
              checked={values.ogpChallenges.includes(c)}
              onChange={(e) => set("ogpChallenges", e.target.checked ? [...values.ogpChallenges, c] : values.ogpChallenges.filter((x) => x !== c))}
            />
            {t(`proposal.challenge.${c}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("proposal.field.relevance")}</legend>
        <div className="row">
          {OGP_VALUES.map((v) => (
            <label key={v} className="check">
              <input
                type="checkbox"
                name={`${prefix}relevance.${v}`}
                checked={values.relevance[v]}
                onChange={(e) => set("relevance", { ...values.relevance, [v]: e.target.checked })}
              />
              {t(`proposal.value.${v}`)}
            </label>
          ))}
        </div>
        <div className="field">
          <label htmlFor={id("relevance.text")}>{t("proposal.field.relevance_text")}</label>
          <textarea
            id={id("relevance.text")}
            name={`${prefix}relevance.text`}
            rows={2}
            value={values.relevance.text}
            onChange={(e) => set("relevance", { ...values.relevance, text: e.target.value })}
          />
        </div>
      </fieldset>
      {text("ambition", t("proposal.field.ambition"), true)}

      <fieldset className="milestones">
        <legend>{t("proposal.field.milestones")}</legend>
        <p className={filled.length > maxMilestones ? "form-error" : "hint"} data-testid={`${intent}-${prefix}milestone-count`}>
          {t("proposal.milestone_cap", { count: filled.length, max: maxMilestones })}
        </p>
        {err("milestones") ? (
          <p className="field-error" role="alert">
            {err("milestones")}
          </p>
        ) : null}
        <ol className="milestone-rows">
          {rows.map((r, i) => {
            const name = (k: string) => `${prefix}milestones.${i}.${k}`;
            const rid = (k: string) => id(`milestones.${r.key}.${k}`);
            return (
              <li key={r.key} className="milestone-row">
                <div className="row spread">
                  <strong>{t("proposal.field.milestone", { n: i + 1 })}</strong>
                  <button type="button" className="link" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                    {t("proposal.milestone_remove", { n: i + 1 })}
                  </button>
                </div>
                <div className="field">
                  <label htmlFor={rid("description")}>{t("proposal.field.milestone_description")}</label>
                  <textarea
                    id={rid("description")}
                    name={name("description")}
                    rows={2}
                    value={r.description}
                    onChange={(e) => setRow(r.key, { description: e.target.value })}
                  />
                  {err(`milestones.${i}.description`) ? <small className="field-error">{err(`milestones.${i}.description`)}</small> : null}
                </div>
                <div className="row">
                  <div className="field">
                    <label htmlFor={rid("responsibleInstitution")}>{t("proposal.field.milestone_institution")}</label>
                    <input
                      id={rid("responsibleInstitution")}
                      name={name("responsibleInstitution")}
                      list={listId}
                      value={r.responsibleInstitution}
                      onChange={(e) => setRow(r.key, { responsibleInstitution: e.target.value })}
                    />
                    {err(`milestones.${i}.responsibleInstitution`) ? (
                      <small className="field-error">{err(`milestones.${i}.responsibleInstitution`)}</small>
                    ) : null}
                  </div>
                  <div className="field">
                    <label htmlFor={rid("isNew")}>{t("proposal.field.milestone_is_new")}</label>
                    <select
                      id={rid("isNew")}
                      name={name("isNew")}
                      value={r.isNew ? "new" : "ongoing"}
                      onChange={(e) => setRow(r.key, { isNew: e.target.value === "new" })}
                    >
                      <option value="new">{t("proposal.field.milestone_new")}</option>
                      <option value="ongoing">{t("proposal.field.milestone_ongoing")}</option>
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={rid("startsOn")}>{t("proposal.field.starts_on")}</label>
                    <input
                      id={rid("startsOn")}
                      name={name("startsOn")}
                      type="date"
                      value={r.startsOn}
                      onChange={(e) => setRow(r.key, { startsOn: e.target.value })}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={rid("endsOn")}>{t("proposal.field.ends_on")}</label>
                    <input id={rid("endsOn")} name={name("endsOn")} type="date" value={r.endsOn} onChange={(e) => setRow(r.key, { endsOn: e.target.value })} />
                    {err(`milestones.${i}.endsOn`) ? <small className="field-error">{err(`milestones.${i}.endsOn`)}</small> : null}
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          className="secondary"
          disabled={rows.length >= Math.min(maxMilestones, MILESTONES_HARD_CAP)}
          onClick={() => {
            setRows((rs) => [...rs, { ...emptyMilestone(), key: nextKey }]);
            setNextKey((k) => k + 1);
          }}
        >
          {t("proposal.milestone_add")}
        </button>
      </fieldset>
      <SmartChecklist checks={smartChecklist({ ...values, milestones: filled })} />
    </div>
  );
}
