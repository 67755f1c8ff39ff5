// One consensus vote: the live tally while open (the viewer's own answer and, for an eligible member, the answer
// form; for the chair, the close button and the cancel form with its reason), and once closed its outcome, the reasons of the blocks and — when the
// consultation publishes them — who answered what.
import { ANSWERS } from "../../domain/consensus/outcome";
import { useT } from "../../i18n/react";
import { CommandButton, CommandForm, useCommandFetcher } from "../admin/CommandForm";
import { Field, FormBasics, FormError, issuesFor } from "../forms";
import { outcomeText } from "../../domain/consensus/outcome-words";
import { Tally } from "./Tally";
import type { TechnicalVote } from "./types";

interface StaffProps {
  /** The viewer may answer (a member present at the session, not recused). */
  canAnswer: boolean;
  /** Why the viewer does not vote, when they are at the table but cannot. */
  cannotReason: string | null;
  canClose: boolean;
}

export function VoteCard({ vote, staff, sheetHref }: { vote: TechnicalVote; staff?: StaffProps; sheetHref?: string }) {
  const t = useT();
  const open = vote.status === "open";
  return (
    <article
      className={`vote-card vote-${vote.status}`}
      data-testid="vote"
      data-vote-id={vote.id}
      data-status={vote.status}
      aria-labelledby={`vote-${vote.id}-h`}
    >
      <h3 id={`vote-${vote.id}-h`}>
        {sheetHref ? (
          <a href={sheetHref}>{t("technical_page.vote_heading", { title: vote.title })}</a>
        ) : (
          t("technical_page.vote_heading", { title: vote.title })
        )}
      </h3>
      <p className="muted small">{t("technical_page.vote_meta", { session: vote.sessionNumber, ballot: vote.ballot })}</p>
      <Tally tally={vote.tally} />
      {!open ? <ClosedDetails vote={vote} /> : null}
      {open && staff ? (
        <>
          {vote.ownAnswer ? (
            <p data-testid="own-answer">
              {t("technical_page.your_answer", { answer: t(`technical_page.answer.${vote.ownAnswer.answer}` as "technical_page.answer.agree") })}
              {vote.ownAnswer.reason ? <span className="muted"> — {vote.ownAnswer.reason}</span> : null}
            </p>
          ) : staff.canAnswer ? (
            <p className="muted" data-testid="own-answer">
              {t("technical_page.your_answer_none")}
            </p>
          ) : null}
          {staff.canAnswer ? (
            <AnswerForm vote={vote} />
          ) : staff.cannotReason ? (
            <p className="hint" data-testid="cannot-vote">
              {t("technical_page.cannot_vote", { reason: staff.cannotReason })}
            </p>
          ) : null}
          {staff.canClose ? (
            <>
              <div className="actions">
                <CommandButton intent="vote_close" hidden={{ voteId: vote.id }} label={t("technical_page.close_vote")} />
              </div>
              {/* The way out of a vote that cannot go on: cancelled with a reason that is published. */}
              <details className="cancel-vote" data-testid="cancel-vote">
                <summary>{t("technical_page.cancel_vote")}</summary>
                <p className="hint">{t("technical_page.cancel_vote_hint")}</p>
                <CommandForm intent="vote_cancel" hidden={{ voteId: vote.id }} submitLabel={t("technical_page.cancel_vote_do")}>
                  {(res) => (
                    <Field
                      name="reason"
                      label={t("technical_page.cancel_vote_reason")}
                      intent="vote_cancel"
                      result={res}
                      id={`vote-${vote.id}-cancel-reason`}
                      multiline
                      required
                    />
                  )}
                </CommandForm>
              </details>
            </>
          ) : null}
        </>
      ) : null}
    </article>
  );
}

function ClosedDetails({ vote }: { vote: TechnicalVote }) {
  const t = useT();
  const answer = (a: string) => t(`technical_page.answer.${a}` as "technical_page.answer.agree");
  return (
    <>
      <p className={`vote-outcome outcome-${vote.outcome ?? "none"}`} data-testid="vote-outcome">
        <strong>{outcomeText(t, vote.outcome, vote.grade, vote.figures)}</strong>
      </p>
      {vote.blocks.length ? (
        <div data-testid="block-reasons">
          <h4>{t("technical_page.block_reasons")}</h4>
          <ul className="list compact">
            {vote.blocks.map((b, i) => (
              <li key={i}>
                {b.name ? `${b.name}: ` : ""}
                {b.reason || "—"}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {vote.answersPublic ? (
        vote.answers.length ? (
          <details data-testid="vote-answers">
            <summary>{t("technical_page.answers")}</summary>
            <ul className="list compact">
              {vote.answers.map((a, i) => (
                <li key={i}>
                  {t("technical_page.answer_line", { name: a.acronym ? `${a.name} (${a.acronym})` : a.name, answer: answer(a.answer) })}
                  {a.reason ? <span className="muted"> — {a.reason}</span> : null}
                </li>
              ))}
            </ul>
          </details>
        ) : null
      ) : (
        <p className="muted small" data-testid="answers-private">
          {t("technical_page.answers_private")}
        </p>
      )}
    </>
  );
}

/** The four answers as four submit buttons sharing one text field (reservations and blocks need it). */
function AnswerForm({ vote }: { vote: TechnicalVote }) {
  const t = useT();
  const fetcher = useCommandFetcher(`answer-${vote.id}`);
  const busy = fetcher.state !== "idle";
  const result = fetcher.data;
  const reasonId = `answer-${vote.id}-reason`;
  const issues = issuesFor(result, "vote_answer", "reason");
  return (
    <fetcher.Form method="post" className="stack answer-form" data-testid="answer-form">
      <FormBasics intent="vote_answer" />
      <input type="hidden" name="voteId" value={vote.id} />
      <FormError result={result} intent="vote_answer" />
      <div className="field">
        <label htmlFor={reasonId}>{t("technical_page.answer_reason")}</label>
        <textarea
          id={reasonId}
          name="reason"
          rows={2}
          defaultValue={vote.ownAnswer?.reason ?? ""}
          aria-describedby={`${reasonId}-hint`}
          aria-invalid={issues.length ? true : undefined}
        />
        <small className="hint" id={`${reasonId}-hint`}>
          {t("technical_page.answer_reason_hint")}
        </small>
        {issues.length ? <small className="field-error">{issues.map((i) => i.message).join(" ")}</small> : null}
      </div>
      <fieldset className="answer-buttons">
        <legend className="visually-hidden">{t("technical_page.answer_legend")}</legend>
        {ANSWERS.map((a) => (
          <button
            key={a}
            type="submit"
            name="answer"
            value={a}
            className={`answer-${a}${vote.ownAnswer?.answer === a ? " chosen" : ""}`}
            aria-pressed={vote.ownAnswer?.answer === a}
            disabled={busy}
            aria-busy={busy}
          >
            {t(`technical_page.answer.${a}`)}
          </button>
        ))}
      </fieldset>
    </fetcher.Form>
  );
}

/** Closed votes with their outcome, as the staff session and the public page both list them. */
export function ClosedVotes({ votes, sheet }: { votes: TechnicalVote[]; sheet: (proposalId: string) => string }) {
  const t = useT();
  return (
    <section className="panel votes-closed" aria-labelledby="votes-closed-h">
      <h2 id="votes-closed-h">{t("technical_page.votes_closed")}</h2>
      {votes.length === 0 ? <p className="empty">{t("technical_page.votes_closed_none")}</p> : null}
      <div className="vote-grid" data-testid="closed-votes">
        {votes.map((v) => (
          <VoteCard key={v.id} vote={v} sheetHref={sheet(v.proposalId)} />
        ))}
      </div>
    </section>
  );
}
