// A proponent's form for a commitment proposal: the OGP template, the citizen input it responds to, and either
// "save draft" / "register with the table" (new) or "save changes" (edit). A plain form: works without JavaScript.
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { ProposalTemplate } from "../../domain/schemas/proposal";
import { useT } from "../../i18n/react";
import type { ActionResult } from "../../lib/action-result";
import { FormBasics, FormError } from "../forms";
import { TemplateFields } from "./TemplateFields";
import { channelLabel } from "../input-labels";

interface Props {
  mode: "new" | "edit";
  intent: string;
  initial: ProposalTemplate;
  maxMilestones: number;
  summaries: Array<{ id: string; title: string; inputs: number }>;
  inputs: Array<{ id: string; text: string; channel: string; department: string | null }>;
  respondsTo: { summaryIds: string[]; inputIds: string[] };
  institutions: string[];
  result?: ActionResult;
  expectedVersion?: number;
  withContact: boolean;
  /** Off where the command takes no citizen input (the technical table's refinement). */
  showRespondsTo?: boolean;
  /** More fields after the template (the refinement's note). */
  extra?: ReactNode;
  submitLabel?: string;
}

export function ProposalForm({
  mode,
  intent,
  initial,
  maxMilestones,
  summaries,
  inputs,
  respondsTo,
  institutions,
  result,
  expectedVersion,
  withContact,
  showRespondsTo = true,
  extra,
  submitLabel,
}: Props) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  // Inputs linked earlier that the list no longer offers (moderated, or beyond its length) stay linked.
  const kept = !showRespondsTo ? [] : respondsTo.inputIds.filter((id) => !inputs.some((i) => i.id === id));
  return (
    <Form method="post" className="stack wide proposal-form">
      <FormBasics intent={intent} />
      {expectedVersion ? <input type="hidden" name="expectedVersion" value={expectedVersion} /> : null}
      {kept.map((id, i) => (
        <input key={id} type="hidden" name={`respondsTo.inputIds.${inputs.length + i}`} value={id} />
      ))}
      <FormError result={result} intent={intent} />
      <TemplateFields initial={initial} maxMilestones={maxMilestones} intent={intent} result={result} institutions={institutions} withContact={withContact} />
      {showRespondsTo ? (
        <fieldset>
          <legend>{t("proposal.field.responds_to")}</legend>
          {summaries.length === 0 ? <p className="empty">{t("proposal.none_summaries")}</p> : null}
          {summaries.map((s, i) => (
            <label key={s.id} className="check">
              <input type="checkbox" name={`respondsTo.summaryIds.${i}`} value={s.id} defaultChecked={respondsTo.summaryIds.includes(s.id)} />
              {s.title} <span className="muted">({t("roundtable.summary_inputs", { count: s.inputs })})</span>
            </label>
          ))}
          {inputs.length ? (
            <details>
              <summary>{t("proposal.single_inputs", { count: inputs.length })}</summary>
              <ul className="list compact input-choices">
                {inputs.map((input, i) => (
                  <li key={input.id}>
                    <label className="check">
                      <input type="checkbox" name={`respondsTo.inputIds.${i}`} value={input.id} defaultChecked={respondsTo.inputIds.includes(input.id)} />
                      <q>{input.text.length > 200 ? `${input.text.slice(0, 200)}…` : input.text}</q>
                      <span className="muted">{[input.department, channelLabel(t, input.channel)].filter(Boolean).join(", ")}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </fieldset>
      ) : null}
      {extra}
      <div className="row">
        {mode === "new" ? (
          <>
            <button type="submit" name="draft" value="1" className="secondary" disabled={busy}>
              {t("proposal.save_draft")}
            </button>
            <button type="submit" name="draft" value="0" className="primary" disabled={busy}>
              {t("proposal.register")}
            </button>
          </>
        ) : (
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t("common.saving") : (submitLabel ?? t("proposal.save"))}
          </button>
        )}
      </div>
    </Form>
  );
}
