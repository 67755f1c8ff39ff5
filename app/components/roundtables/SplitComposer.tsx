// Splitting a proposal into several, as the table agreed: each part starts as a copy of the original to edit.
import { useState } from "react";
import type { ProposalTemplate } from "../../domain/schemas/proposal";
import { useT } from "../../i18n/react";
import { useCommandFetcher } from "../admin/CommandForm";
import { FormBasics, FormError } from "../forms";
import { fieldError } from "./issues";
import { TemplateFields } from "./TemplateFields";

interface Props {
  source: { id: string; title: string; version: number; template: ProposalTemplate };
  organizations: Array<{ id: string; acronym: string; name: string; sector: string }>;
  present: string[];
  maxMilestones: number;
}

export function SplitComposer({ source, organizations, present, maxMilestones }: Props) {
  const t = useT();
  const fetcher = useCommandFetcher();
  const result = fetcher.data?.intent === "split" ? fetcher.data : undefined;
  const busy = fetcher.state !== "idle";
  const part = (n: number): ProposalTemplate => ({ ...source.template, title: `${source.title} (${n})` });
  const [parts, setParts] = useState<Array<{ key: number; template: ProposalTemplate }>>([
    { key: 1, template: part(1) },
    { key: 2, template: part(2) },
  ]);
  const institutions = organizations.filter((o) => o.sector === "public").map((o) => o.name);
  return (
    <details className="panel composer">
      <summary>{t("split.title", { title: source.title })}</summary>
      <p className="hint">{t("split.hint")}</p>
      <fetcher.Form method="post" className="stack wide">
        <FormBasics intent="split" />
        <input type="hidden" name="sourceId" value={source.id} />
        <input type="hidden" name="expectedVersion" value={source.version} />
        <FormError result={result} intent="split" />
        {parts.map((p, i) => (
          <fieldset key={p.key} className="split-part">
            <legend>{t("split.part", { n: i + 1 })}</legend>
            <TemplateFields
              prefix={`results.${i}.`}
              initial={p.template}
              maxMilestones={maxMilestones}
              intent="split"
              result={result}
              institutions={institutions}
              withContact={false}
              spareRow={false}
            />
            {parts.length > 2 ? (
              <button type="button" className="link" onClick={() => setParts((ps) => ps.filter((x) => x.key !== p.key))}>
                {t("split.remove_part", { n: i + 1 })}
              </button>
            ) : null}
          </fieldset>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => setParts((ps) => [...ps, { key: Math.max(...ps.map((x) => x.key)) + 1, template: part(ps.length + 1) }])}
        >
          {t("split.add_part")}
        </button>
        <fieldset>
          <legend>{t("merge.present")}</legend>
          <div className="org-checks">
            {organizations.map((o, i) => (
              <label key={o.id} className="check">
                <input type="checkbox" name={`present.${i}`} value={o.id} defaultChecked={present.includes(o.id)} /> {o.acronym}
              </label>
            ))}
          </div>
          {fieldError(t, result, "split", "present") ? <small className="field-error">{fieldError(t, result, "split", "present")}</small> : null}
        </fieldset>
        <label className="check">
          <input type="checkbox" name="agreed" required /> {t("split.agreed")}
        </label>
        {fieldError(t, result, "split", "agreed") ? <small className="field-error">{fieldError(t, result, "split", "agreed")}</small> : null}
        <div className="field">
          <label htmlFor="split-agreedNote">{t("merge.note")}</label>
          <textarea id="split-agreedNote" name="agreedNote" rows={2} />
        </div>
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
          {busy ? t("common.saving") : t("split.submit")}
        </button>
      </fetcher.Form>
    </details>
  );
}
