// The technical roundtable's review on a proposal's sheet (public and staff): the three adoption criteria, recusals,
// consensus votes, the state reason, and the text versions with what changed. Plain HTML (no script needed); the
// page's live hook reloads the data. People appear by name and organization only.
import type { ProposalReview } from "../../../db/queries/proposal-review.server";
import { useFormatDate, useT } from "../../i18n/react";
import type { MessageKey } from "../../i18n";
import { outcomeText, reasonText } from "../../domain/consensus/outcome-words";
import { VersionDiff } from "./VersionDiff";

type Person = { name: string; organization: string } | null;

export function who(p: Person, fallback: string): string {
  if (!p) return fallback;
  return p.organization ? `${p.name} (${p.organization})` : p.name;
}

const ANSWER_KEYS = ["agree", "reservations", "stand_aside", "block"] as const;

export function TechnicalReview({ review }: { review: ProposalReview }) {
  const t = useT();
  const date = useFormatDate();
  if (!review.visible) return null;
  const someone = t("review.someone");
  const anyCriterion = review.criteria.some((c) => c.status !== "pending");
  return (
    <section className="technical-review" aria-labelledby="review-h" data-testid="technical-review">
      <h2 id="review-h">{t("review.title")}</h2>

      {review.state ? (
        <p className="review-state" data-testid="review-state">
          {review.state.state === "withdrawn"
            ? review.state.organization
              ? t("review.state.withdrawn_by", { organization: review.state.organization, reason: review.state.reason })
              : t("review.state.withdrawn", { reason: review.state.reason })
            : t("review.state.rejected", { reason: reasonText(t, review.state.reason) })}
        </p>
      ) : null}

      {anyCriterion || !review.state ? (
        <section aria-labelledby="review-criteria-h">
          <h3 id="review-criteria-h">{t("review.criteria")}</h3>
          <ul className="review-criteria" data-testid="review-criteria">
            {review.criteria.map((c) => (
              <li key={c.criterion} className={`review-criterion criterion-${c.status}`} data-criterion={c.criterion}>
                <span className="criterion-name">{t(`review.criterion.${c.criterion}` as MessageKey)}</span>{" "}
                <span className={`review-status status-${c.status}`}>
                  <span aria-hidden="true">{c.status === "met" ? "✓ " : c.status === "not_met" ? "✗ " : "… "}</span>
                  {t(`review.status.${c.status}` as MessageKey)}
                </span>
                {c.recordedAt ? (
                  <small className="muted review-meta">{t("review.recorded", { who: who(c.recordedBy, someone), date: date(c.recordedAt) })}</small>
                ) : null}
                {c.institution ? <small className="review-meta">{t("review.institution", { name: c.institution })}</small> : null}
                {c.note ? <p className="review-note prose">{c.note}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {review.recusals.length > 0 ? (
        <section aria-labelledby="review-recusals-h">
          <h3 id="review-recusals-h">{t("review.recusals")}</h3>
          <p className="hint">{t("review.recusals_hint")}</p>
          <ul className="list compact" data-testid="review-recusals">
            {review.recusals.map((r, i) => (
              <li key={i}>
                <strong>{t("review.recusal", { who: who(r, someone), date: date(r.declaredAt) })}</strong>
                <p className="review-note prose">{t("review.reason", { reason: r.reason })}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {review.votes.length > 0 ? (
        <section aria-labelledby="review-votes-h">
          <h3 id="review-votes-h">{t("review.votes")}</h3>
          <ol className="review-votes" data-testid="review-votes">
            {review.votes.map((v) => (
              <li key={v.id} className={`review-vote vote-${v.status}`} data-vote-id={v.id}>
                <p className="review-vote-head">
                  <strong>{t(v.ballot > 1 ? "review.ballot_second" : "review.ballot", { ballot: v.ballot })}</strong>
                  {" · "}
                  <span className="muted">
                    {t("review.opened", { date: date(v.openedAt) })}
                    {v.closedAt ? ` · ${t("review.closed", { date: date(v.closedAt) })}` : ""}
                  </span>
                </p>
                <p className="review-outcome" data-testid="vote-outcome">
                  {v.status === "open" ? t("review.in_progress") : outcomeText(t, v.outcome, v.grade, v.figures) || null}
                </p>
                <table className="table review-tally">
                  <caption className="review-sr">{t("review.tally")}</caption>
                  <tbody>
                    {ANSWER_KEYS.map((k) => (
                      <tr key={k}>
                        <th scope="row">{t(`review.answer.${k}` as MessageKey)}</th>
                        <td data-testid={`tally-${k}`}>{v.tally[k]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p className="muted">
                  {v.tally.eligible !== null
                    ? t("review.answered", { answered: v.tally.answered, eligible: v.tally.eligible })
                    : t("review.answered_count", { answered: v.tally.answered })}
                </p>
                {v.blockReasons.length > 0 ? (
                  <>
                    <h4>{t("review.block_reasons")}</h4>
                    <ul className="list compact">
                      {v.blockReasons.map((reason, i) => (
                        <li key={i} className="prose">
                          {reason}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {v.answers ? (
                  <details>
                    <summary>{t("review.answers")}</summary>
                    <ul className="list compact" data-testid="vote-answers">
                      {v.answers.map((a, i) => (
                        <li key={i}>
                          {who(a, someone)}: <strong>{t(`review.answer.${a.answer}` as MessageKey)}</strong>
                          {a.reason ? <span className="prose"> — {a.reason}</span> : null}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : (
                  <p className="hint">{v.status === "open" ? t("review.answers_after_close") : v.answersPrivate ? t("review.answers_private") : null}</p>
                )}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {review.versions.length > 0 ? (
        <section aria-labelledby="review-versions-h">
          <h3 id="review-versions-h">{t("review.versions")}</h3>
          <p className="hint">{t("review.diff_legend")}</p>
          <ol className="review-versions" data-testid="review-versions">
            {review.versions.map((v, i) => (
              <li key={v.revision} data-revision={v.revision}>
                <h4>{t("review.revision", { revision: v.revision })}</h4>
                <p className="muted">{t("review.revision_meta", { date: date(v.editedAt), who: who(v.editedBy, someone) })}</p>
                {v.note ? <p className="review-note prose">{t("review.note", { note: v.note })}</p> : null}
                {i === 0 ? <p className="hint">{t("review.original")}</p> : <VersionDiff changes={v.changes} previous={review.versions[i - 1].revision} />}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </section>
  );
}
