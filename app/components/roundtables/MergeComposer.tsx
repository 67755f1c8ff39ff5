// Composing a unified proposal from the selected ones: the form starts from the sources (their objectives and
// milestones listed, editable) and records the table's agreement — who was present and a note.
import { useEffect, useMemo } from "react";
import { mergeDraft } from "../../domain/proposals/template";
import { useT } from "../../i18n/react";
import { useCommandFetcher } from "../admin/CommandForm";
import { FormBasics, FormError } from "../forms";
import { fieldError } from "./issues";
import { TemplateFields } from "./TemplateFields";
import type { Organization, SessionProposal } from "./types";

/** What the composer reads of each source (the thematic session's proposals, or the technical table's). */
export type MergeSource = Pick<SessionProposal, "id" | "title" | "state" | "version" | "template"> & {
  proponent: Pick<SessionProposal["proponent"], "acronym" | "organizationId">;
};

interface Props {
  sources: MergeSource[];
  organizations: Organization[];
  /** Organizations recorded as present at the open round: ticked by default. */
  present: string[];
  maxMilestones: number;
  /** Called with the id of the unified proposal once the merge applied. */
  onDone: (proposalId: string) => void;
  onCancel: () => void;
  /** The table acting, when it is not the sources' own (the technical roundtable merges there). */
  roundtableId?: string;
}

export function MergeComposer({ sources, organizations, present, maxMilestones, onDone, onCancel, roundtableId }: Props) {
  const t = useT();
  const fetcher = useCommandFetcher();
  const result = fetcher.data?.intent === "merge" ? fetcher.data : undefined;
  const busy = fetcher.state !== "idle";
  // The starting point is fixed when the composer opens; live changes to the sources show as warnings below.
  const initial = useMemo(() => mergeDraft(sources.map((s) => ({ title: s.title, template: s.template }))), []); // eslint-disable-line react-hooks/exhaustive-deps
  const changed = sources.filter((s) => s.state !== "active");
  const institutions = organizations.filter((o) => o.sector === "public").map((o) => o.name);
  // Who was present: the round's attendance if recorded, else at least the sources' proponents.
  const ticked = present.length ? present : [...new Set(sources.map((s) => s.proponent.organizationId).filter((o): o is string => Boolean(o)))];

  useEffect(() => {
    if (fetcher.state === "idle" && result?.ok) onDone(String((result.result as { proposalId?: string } | undefined)?.proposalId ?? ""));
  }, [fetcher.state, result]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <section className="composer panel" aria-labelledby="merge-h" data-testid="merge-composer">
      <h2 id="merge-h">{t("merge.title", { count: sources.length })}</h2>
      <p className="hint">{t("merge.hint")}</p>
      <h3>{t("merge.sources")}</h3>
      <ul className="list compact">
        {sources.map((s) => (
          <li key={s.id}>
            <strong>{s.title}</strong> {s.proponent.acronym ? <span className="muted">({s.proponent.acronym})</span> : null}
            {s.template.objective ? <span className="muted"> — {s.template.objective}</span> : null}
          </li>
        ))}
      </ul>
      {changed.map((s) => (
        <p key={s.id} className="form-error" role="alert">
          {t("merge.source_changed", { title: s.title, state: t(`proposal.state.${s.state}` as "proposal.state.active") })}
        </p>
      ))}
      <fetcher.Form method="post" className="stack wide">
        <FormBasics intent="merge" />
        {roundtableId ? <input type="hidden" name="roundtableId" value={roundtableId} /> : null}
        {sources.map((s, i) => (
          <span key={s.id}>
            <input type="hidden" name={`sourceIds.${i}`} value={s.id} />
            <input type="hidden" name={`expectedVersions.${s.id}`} value={s.version} />
          </span>
        ))}
        <FormError result={result} intent="merge" />
        <TemplateFields
          prefix="result."
          initial={initial}
          maxMilestones={maxMilestones}
          intent="merge"
          result={result}
          institutions={institutions}
          withContact={false}
          spareRow={false}
        />
        <fieldset>
          <legend>{t("merge.present")}</legend>
          <div className="org-checks">
            {organizations.map((o, i) => (
              <label key={o.id} className="check">
                <input type="checkbox" name={`present.${i}`} value={o.id} defaultChecked={ticked.includes(o.id)} /> {o.acronym}
              </label>
            ))}
          </div>
          {fieldError(t, result, "merge", "present") ? <small className="field-error">{fieldError(t, result, "merge", "present")}</small> : null}
        </fieldset>
        <label className="check">
          <input type="checkbox" name="agreed" required /> {t("merge.agreed")}
        </label>
        {fieldError(t, result, "merge", "agreed") ? <small className="field-error">{fieldError(t, result, "merge", "agreed")}</small> : null}
        <div className="field">
          <label htmlFor="merge-agreedNote">{t("merge.note")}</label>
          <textarea id="merge-agreedNote" name="agreedNote" rows={2} />
        </div>
        <div className="row">
          <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
            {busy ? t("common.saving") : t("merge.submit")}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t("merge.cancel")}
          </button>
        </div>
      </fetcher.Form>
    </section>
  );
}
