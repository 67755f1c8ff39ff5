// "What became of your opinion": the steps of app/domain/fate.ts in words, each linking to the public sheet of the
// summary or proposal, and the ending (or the recorded reason it went no further). Plain HTML: works without JS.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Fate, FateEnding, FateRoute, FateStep } from "../../domain/fate";
import type { MessageKey } from "../../i18n";
import { useFormatDate, useT } from "../../i18n/react";
import { reasonText } from "../../domain/consensus/outcome-words";
import { CommitmentLinks } from "./CommitmentPlace";
import type { FateFollowup } from "../../../db/queries/follow-up.server";
import { FateFollowups } from "./FateFollowup";

const MARK = "\u0000";

/** A translated sentence with `{link}` replaced by a React link. */
function Sentence({ text, link }: { text: string; link: ReactNode }) {
  const [before, after = ""] = text.split(MARK);
  return (
    <>
      {before}
      {link}
      {after}
    </>
  );
}

export const summaryHref = (slug: string, id: string) => `/c/${slug}/resumenes/${id}`;
export const proposalHref = (slug: string, id: string) => `/c/${slug}/propuestas/${id}`;

function Step({ step, slug }: { step: FateStep; slug: string }) {
  const t = useT();
  const date = useFormatDate();
  const href = step.kind === "summary" ? summaryHref(slug, step.id) : proposalHref(slug, step.id);
  const link = <Link to={href}>{`«${step.title}»`}</Link>;
  let text: string;
  switch (step.kind) {
    case "summary":
      text = t("fate.summary", { link: MARK });
      break;
    case "proposal":
      text = t(step.via === "summary" ? "fate.proposal_summary" : "fate.proposal_input", { link: MARK });
      break;
    case "merged_into":
    case "split_into":
      text = t(step.kind === "merged_into" ? "fate.merged_into" : "fate.split_into", { link: MARK, date: date(step.at) });
      break;
    case "commitment":
      text = t(`fate.commitment.${step.place.in}`, { link: MARK, number: step.place.in === "plan" ? step.place.number : "" });
      break;
  }
  return (
    <li className={`fate-step fate-${step.kind}`} data-fate-step={step.kind} data-fate-id={step.id}>
      <Sentence text={text} link={link} />
      {step.kind === "commitment" ? (
        <>
          {" "}
          <CommitmentLinks place={step.place} slug={slug} proposalId={step.id} />
        </>
      ) : null}
    </li>
  );
}

function RouteEnd({ route }: { route: FateRoute }) {
  const t = useT();
  const e = route.ending;
  if ("pending" in e) {
    const last = [...route.steps].reverse().find((s) => s.id === e.id && s.kind !== "summary");
    const stage = last && "stage" in last ? t(`funnel.${last.stage}` as MessageKey) : "";
    return (
      <li className="fate-step fate-pending" data-fate-step="pending">
        {t("fate.route_pending", { stage })}
      </li>
    );
  }
  if (e.ended === "commitment") return null;
  return (
    <li className={`fate-step fate-${e.ended}`} data-fate-step={e.ended}>
      {t(e.ended === "withdrawn" ? "fate.route_withdrawn" : "fate.route_rejected")}
      {e.reason ? <> {t("fate.reason", { reason: reasonText(t, e.reason) })}</> : null}
    </li>
  );
}

function endingKey(e: FateEnding): MessageKey {
  if ("pending" in e) return `fate.pending.${e.waitingFor}`;
  // Adopted, but no published plan holds it yet: it has not "reached the plan".
  if (e.ended === "commitment" && e.numbers.length === 0) return "fate.ending.adopted_awaiting_plan";
  return `fate.ending.${e.ended}`;
}

function endingParams(e: FateEnding): Record<string, string | number> {
  return "ended" in e && e.ended === "commitment" ? { count: e.numbers.length, numbers: e.numbers.join(", ") } : {};
}

/** The routes of a fate (shared steps first), without the heading: used by the receipt, captures and summaries. */
export function FateRoutes({ fate, slug }: { fate: Fate; slug: string }) {
  const t = useT();
  const many = fate.routes.length > 1;
  return (
    <>
      {fate.steps.length ? (
        <ol className="fate-steps">
          {fate.steps.map((s) => (
            <Step key={`${s.kind}-${s.id}`} step={s} slug={slug} />
          ))}
        </ol>
      ) : null}
      {fate.routes.map((route, i) => (
        <section key={route.steps[0]?.id ?? i} className="fate-route" data-testid="fate-route" aria-label={many ? t("fate.route", { n: i + 1 }) : undefined}>
          {many ? <h3>{t("fate.route", { n: i + 1 })}</h3> : null}
          <ol className="fate-steps">
            {route.steps.map((s, j) => (
              <Step key={`${j}-${s.kind}-${s.id}`} step={s} slug={slug} />
            ))}
            <RouteEnd route={route} />
          </ol>
        </section>
      ))}
    </>
  );
}

/** "What became of your opinion" (or of a forum capture), with the ending in one sentence. */
export function FateView({
  fate,
  slug,
  subject = "opinion",
  headingId = "fate-h",
  after,
  followups = [],
}: {
  fate: Fate;
  slug: string;
  subject?: "opinion" | "capture";
  headingId?: string;
  /** Shown after the ending: the place for a link to the consultation's reasoned response, when there is one. */
  after?: ReactNode;
  /** The follow-up of the commitments it reached: the chain's last link. */
  followups?: readonly FateFollowup[];
}) {
  const t = useT();
  const e = fate.ending;
  return (
    <section className="fate" aria-labelledby={headingId} data-testid="fate">
      <h2 id={headingId}>{t(subject === "opinion" ? "fate.title" : "fate.title_capture")}</h2>
      {fate.steps.length || fate.routes.length ? <p className="muted">{t("fate.intro")}</p> : null}
      <FateRoutes fate={fate} slug={slug} />
      <p className={`fate-ending${"pending" in e ? " muted" : ""}`} data-testid="fate-ending">
        <strong>{t(endingKey(e), endingParams(e))}</strong>
        {"reason" in e && e.reason ? <> {t("fate.reason", { reason: e.reason })}</> : null}
      </p>
      <FateFollowups followups={followups} slug={slug} />
      {after ??
        (summaryOf(fate) ? (
          <p data-testid="fate-response-link">
            <Link to={`/c/${slug}/respuesta#item-${summaryOf(fate)}`}>{t("fate.response_link")}</Link>
          </p>
        ) : null)}
    </section>
  );
}

/** The summary that took the input up, if any: the reasoned response answers for it. */
function summaryOf(fate: Fate): string | null {
  const step = fate.steps.find((s) => s.kind === "summary");
  return step && step.kind === "summary" ? step.id : null;
}
