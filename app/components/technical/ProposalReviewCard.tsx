// A proposal at the technical roundtable, for its staff: state, the three adoption criteria (and a form to record
// one), recusals, and what the viewer may do with it — declare a conflict of interest (members), reject or open
// the vote (the chair or the point of contact), withdraw (the organizations behind it).
import { CRITERIA } from "../../domain/consensus/criteria";
import { useT } from "../../i18n/react";
import { CommandButton, CommandForm } from "../admin/CommandForm";
import { Field } from "../forms";
import { CriteriaList, RecusalList } from "./CriteriaList";
import type { Can, Institution, TechnicalProposal } from "./types";
import { reasonText } from "../../domain/consensus/outcome-words";

interface Props {
  proposal: TechnicalProposal;
  can: Can;
  viewerId: string;
  institutions: Institution[];
  sessionOpen: boolean;
  voteOpen: boolean;
  sheetHref: string;
  /** The refine page's address, when the viewer may refine the text now (open session, no vote open on it). */
  refineHref?: string | null;
  /** Offered for a merge at the table (active, of the selection's theme). */
  selectable?: boolean;
  selected?: boolean;
  onToggle?: (id: string) => void;
}

export function ProposalReviewCard({
  proposal: p,
  can,
  viewerId,
  institutions,
  sessionOpen,
  voteOpen,
  sheetHref,
  refineHref,
  selectable,
  selected,
  onToggle,
}: Props) {
  const t = useT();
  const active = p.state === "active";
  const recused = p.recusals.some((r) => r.userId === viewerId);
  const fid = (name: string) => `p-${p.id}-${name}`;
  return (
    <article className={`proposal-card tech-card state-${p.state}`} data-testid="tech-proposal" data-state={p.state} aria-labelledby={fid("h")}>
      <div className="row spread">
        {selectable || selected ? (
          <input
            type="checkbox"
            className="select"
            checked={Boolean(selected)}
            onChange={() => onToggle?.(p.id)}
            aria-label={t("roundtable.select", { title: p.title })}
          />
        ) : null}
        <h3 id={fid("h")}>
          <a href={sheetHref}>{p.title}</a>
        </h3>
        <span className={`badge badge-${p.state}`}>{t(`proposal.state.${p.state}` as "proposal.state.active")}</span>
      </div>
      <p className="muted small">
        {t(`funnel.${p.stage}` as "funnel.unified")}
        {p.proponentAcronym ? ` · ${p.proponentAcronym}` : ""}
        {p.leadOrganization ? ` · ${t("technical_page.lead", { name: p.leadOrganization.acronym })}` : ""}
      </p>
      {p.sources.length ? <p className="small muted">{t("technical_page.unifies", { titles: p.sources.map((s) => `«${s.title}»`).join(", ") })}</p> : null}
      {p.stateReason ? (
        <p className="small" data-testid="state-reason">
          {t("technical_page.reason", { reason: reasonText(t, p.stateReason) })}
        </p>
      ) : null}
      {p.stateOrganization && p.state === "withdrawn" ? (
        <p className="small muted">{t("technical_page.withdrawn_for", { organization: p.stateOrganization.acronym })}</p>
      ) : null}
      <h4 className="small-heading">{t("technical_page.criteria")}</h4>
      <CriteriaList criteria={p.criteria} />
      <RecusalList recusals={p.recusals} />
      {recused ? <p className="hint">{t("technical_page.you_recused")}</p> : null}

      {active ? (
        <div className="tech-actions">
          {refineHref ? (
            <p>
              <a href={refineHref} data-testid="refine-link">
                {t("technical_page.refine")}
              </a>
            </p>
          ) : null}
          {can.run && !voteOpen ? (
            <div className="actions" data-testid="open-vote">
              <CommandButton intent="vote_open" hidden={{ proposalId: p.id }} label={t("technical_page.open_vote")} />
              {!sessionOpen ? <small className="hint">{t("technical_page.no_open_session")}</small> : null}
            </div>
          ) : null}
          {can.review ? (
            <details>
              <summary>{t("technical_page.record_criterion")}</summary>
              <CommandForm intent="criterion" hidden={{ proposalId: p.id }} submitLabel={t("technical_page.record")} resetOnSuccess>
                {(res) => (
                  <>
                    <Field name="criterion" label={t("technical_page.criterion_field")} intent="criterion" result={res} id={fid("criterion")}>
                      <select id={fid("criterion")} name="criterion" defaultValue="institution">
                        {CRITERIA.map((c) => (
                          <option key={c} value={c}>
                            {t(`technical_page.criterion.${c}`)}
                          </option>
                        ))}
                      </select>
                    </Field>
                    <input type="hidden" name="met" value="0" />
                    <label className="check">
                      <input type="checkbox" name="met" value="on" defaultChecked /> {t("technical_page.met")}
                    </label>
                    <Field name="note" label={t("technical_page.note")} intent="criterion" result={res} id={fid("note")} multiline optional />
                    {can.contact ? (
                      <Field
                        name="organizationId"
                        label={t("technical_page.institution")}
                        intent="criterion"
                        result={res}
                        id={fid("org")}
                        hint={t("technical_page.institution_hint")}
                        optional
                      >
                        <select id={fid("org")} name="organizationId" defaultValue="">
                          <option value="">—</option>
                          {institutions.map((o) => (
                            <option key={o.id} value={o.id}>
                              {o.acronym} — {o.name}
                            </option>
                          ))}
                        </select>
                      </Field>
                    ) : null}
                  </>
                )}
              </CommandForm>
            </details>
          ) : null}
          {can.member && !recused ? (
            <details>
              <summary>{t("technical_page.declare_conflict")}</summary>
              <CommandForm intent="conflict" hidden={{ proposalId: p.id }} submitLabel={t("technical_page.declare")}>
                {(res) => (
                  <Field name="reason" label={t("technical_page.conflict_reason")} intent="conflict" result={res} id={fid("conflict")} multiline required />
                )}
              </CommandForm>
            </details>
          ) : null}
          {can.run ? (
            <details>
              <summary>{t("technical_page.reject")}</summary>
              <CommandForm intent="reject" hidden={{ proposalId: p.id }} submitLabel={t("technical_page.reject_do")}>
                {(res) => <Field name="reason" label={t("technical_page.reject_reason")} intent="reject" result={res} id={fid("reject")} multiline required />}
              </CommandForm>
            </details>
          ) : null}
          {can.withdraws && p.withdrawable ? (
            <details>
              <summary>{t("technical_page.withdraw")}</summary>
              <CommandForm intent="withdraw" hidden={{ proposalId: p.id }} submitLabel={t("technical_page.withdraw_do")}>
                {(res) => (
                  <Field name="reason" label={t("technical_page.withdraw_reason")} intent="withdraw" result={res} id={fid("withdraw")} multiline required />
                )}
              </CommandForm>
            </details>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
