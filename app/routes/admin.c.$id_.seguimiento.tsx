// The follow-up's staff page (decision 0009). The responsible person of a commitment reports each milestone's
// progress and adds evidence, one labelled form per milestone; the point of contact assigns the responsible person
// per commitment. Plain forms (they post without JavaScript too); every post runs one command on the bus.
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CompletionFigures, EvidenceLink, FollowupHistory, LatenessText, Period, StatusBadge } from "../components/follow-up/FollowupParts";
import { FormBasics, FormError, issuesFor } from "../components/forms";
import { PROGRESS_STATUSES } from "../domain/follow-up";
import { useT } from "../i18n/react";
import type { ActionResult } from "../lib/action-result";
import { handleCommandForm } from "../lib/command-form.server";
import { consultationFollowup, responsibleCandidates, todayInGuatemala } from "../lib/queries.server";
import { requireStaff } from "../lib/read-policy.server";
import { LiveBadge } from "../components/LiveBadge";
import { useLiveConsultation } from "../live/useLive";
import { readForm } from "../lib/read-form.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/followup.css" }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.consultation.title} · Seguimiento · Cocrea` : "Cocrea" }];

/** Each form's intent names its command and the thing it acts on, so errors show next to the right form. */
const COMMAND_OF_INTENT: Array<[RegExp, string]> = [
  [/^assign-[0-9a-f-]{36}$/, "followup.assign_responsible"],
  [/^end-[0-9a-f-]{36}$/, "followup.end_responsibility"],
  [/^update-[0-9a-f-]{36}-\d+$/, "followup.update_milestone"],
  [/^evidence-[0-9a-f-]{36}-\d+$/, "followup.add_evidence"],
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, policy } = await requireStaff(context, request, params.id!);
  const consultation = await context.db.selectFrom("consultations").select(["id", "slug", "title"]).where("id", "=", params.id!).executeTakeFirst();
  if (!consultation) throw new Response("Not found", { status: 404 });
  const followup = await consultationFollowup(context.db, consultation.id, todayInGuatemala());
  const candidates = policy.isContact ? await responsibleCandidates(context.db, consultation.id) : [];
  const commitments = followup.commitments.map(({ responsible, ...c }) => ({
    ...c,
    responsible: responsible ? { name: responsible.name, institution: responsible.institution } : null,
    mine: responsible?.userId === user.id,
    responsibleUserId: policy.isContact ? (responsible?.userId ?? null) : null,
  }));
  return json({ consultation, isContact: policy.isContact, candidates, commitments });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await requireStaff(context, request, params.id!);
  const intent = String((await readForm(request, context.lang)).get("intent") ?? "");
  const type = COMMAND_OF_INTENT.find(([pattern]) => pattern.test(intent))?.[1];
  return handleCommandForm(request, context, type ? { [intent]: type } : {});
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Commitment = Data["commitments"][number];
type Milestone = Commitment["milestones"][number];

function FieldIssues({ result, intent, field }: { result: ActionResult | undefined; intent: string; field: string }) {
  const issues = issuesFor(result, intent, field);
  if (!issues.length) return null;
  return (
    <small className="field-error" id={`${intent}-${field}-error`}>
      {issues.map((i) => i.message).join(" ")}
    </small>
  );
}

function Saved({ result, intent, text }: { result: ActionResult | undefined; intent: string; text: string }) {
  return result?.ok && result.intent === intent ? (
    <p className="form-ok" role="status">
      {text}
    </p>
  ) : null;
}

function MilestoneForms({ c, m }: { c: Commitment; m: Milestone }) {
  const t = useT();
  const result = useActionData<typeof action>();
  const update = `update-${c.id}-${m.position}`;
  const evidence = `evidence-${c.id}-${m.position}`;
  const invalid = (intent: string, field: string) => (issuesFor(result, intent, field).length ? true : undefined);
  return (
    <li className="followup-milestone" data-testid={`milestone-${m.position}`}>
      <h4>
        {t("followup.milestone_n", { n: m.position })}: {m.description}
      </h4>
      <p>
        <StatusBadge status={m.status} /> · <LatenessText lateness={m.lateness} /> · {t("followup.planned")}:{" "}
        <Period start={m.plannedStartOn} end={m.plannedEndOn} />
      </p>
      {m.evidence.length ? (
        <ul className="followup-evidence">
          {m.evidence.map((e) => (
            <li key={`${e.createdAt}-${e.url}`}>
              <EvidenceLink url={e.url} description={e.description} />
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="post" className="stack followup-form">
        <fieldset>
          <legend>{t("followup.staff.update_legend", { n: m.position })}</legend>
          <FormBasics intent={update} />
          <input type="hidden" name="proposalId" value={c.id} />
          <input type="hidden" name="position" value={m.position} />
          <FormError result={result} intent={update} />
          <label htmlFor={`${update}-status`}>{t("followup.staff.status")}</label>
          <select id={`${update}-status`} name="status" defaultValue={m.status} aria-invalid={invalid(update, "status")}>
            {PROGRESS_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`followup.status.${s}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`${update}-start`}>{t("followup.staff.actual_start")}</label>
          <input
            id={`${update}-start`}
            type="date"
            name="actualStartOn"
            defaultValue={m.actualStartOn ?? ""}
            aria-invalid={invalid(update, "actualStartOn")}
            aria-describedby={invalid(update, "actualStartOn") ? `${update}-actualStartOn-error` : undefined}
          />
          <FieldIssues result={result} intent={update} field="actualStartOn" />
          <label htmlFor={`${update}-end`}>{t("followup.staff.actual_end")}</label>
          <input
            id={`${update}-end`}
            type="date"
            name="actualEndOn"
            defaultValue={m.actualEndOn ?? ""}
            aria-invalid={invalid(update, "actualEndOn")}
            aria-describedby={`${update}-end-hint${invalid(update, "actualEndOn") ? ` ${update}-actualEndOn-error` : ""}`}
          />
          <small id={`${update}-end-hint`} className="muted">
            {t("followup.staff.actual_end_hint")}
          </small>
          <FieldIssues result={result} intent={update} field="actualEndOn" />
          <label htmlFor={`${update}-note`}>{t("followup.staff.note")}</label>
          <textarea id={`${update}-note`} name="note" rows={2} />
          <FieldIssues result={result} intent={update} field="note" />
          <Saved result={result} intent={update} text={t("followup.staff.saved")} />
          <button type="submit">{t("followup.staff.save_update")}</button>
        </fieldset>
      </Form>
      <Form method="post" className="stack followup-form">
        <fieldset>
          <legend>{t("followup.staff.evidence_legend", { n: m.position })}</legend>
          <FormBasics intent={evidence} />
          <input type="hidden" name="proposalId" value={c.id} />
          <input type="hidden" name="position" value={m.position} />
          <FormError result={result} intent={evidence} />
          <label htmlFor={`${evidence}-url`}>{t("followup.staff.evidence_url")}</label>
          <input
            id={`${evidence}-url`}
            type="url"
            name="url"
            required
            inputMode="url"
            aria-invalid={invalid(evidence, "url")}
            aria-describedby={invalid(evidence, "url") ? `${evidence}-url-error` : undefined}
          />
          <FieldIssues result={result} intent={evidence} field="url" />
          <label htmlFor={`${evidence}-description`}>{t("followup.staff.evidence_description")}</label>
          <input id={`${evidence}-description`} name="description" required aria-invalid={invalid(evidence, "description")} />
          <FieldIssues result={result} intent={evidence} field="description" />
          <Saved result={result} intent={evidence} text={t("followup.staff.evidence_saved")} />
          <button type="submit">{t("followup.staff.add_evidence")}</button>
        </fieldset>
      </Form>
    </li>
  );
}

function AssignForm({ c, candidates }: { c: Commitment; candidates: Data["candidates"] }) {
  const t = useT();
  const result = useActionData<typeof action>();
  const intent = `assign-${c.id}`;
  return (
    <li data-testid={`assign-${c.id}`}>
      <Form method="post" className="inline-form">
        <FormBasics intent={intent} />
        <input type="hidden" name="proposalId" value={c.id} />
        <label htmlFor={`${intent}-user`}>{t("followup.staff.assign_person", { title: c.title })}</label>{" "}
        <select id={`${intent}-user`} name="userId" required defaultValue={c.responsibleUserId ?? ""}>
          <option value="">{t("followup.staff.choose")}</option>
          {candidates.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.acronym ? ` (${p.acronym})` : ""}
            </option>
          ))}
        </select>{" "}
        <button type="submit">{t("followup.staff.assign")}</button>
        <FormError result={result} intent={intent} />
        <Saved result={result} intent={intent} text={t("followup.staff.assigned")} />
      </Form>
      {c.responsible ? (
        <Form method="post" className="inline-form">
          <FormBasics intent={`end-${c.id}`} />
          <input type="hidden" name="proposalId" value={c.id} />
          <small className="muted">{t("followup.staff.current", { name: c.responsible.name })}</small>{" "}
          <button type="submit" className="link">
            {t("followup.staff.end")}
          </button>
          <FormError result={result} intent={`end-${c.id}`} />
        </Form>
      ) : (
        <small className="muted">{t("followup.no_responsible")}</small>
      )}
      <Saved result={result} intent={`end-${c.id}`} text={t("followup.staff.ended")} />
    </li>
  );
}

export default function FollowupStaff() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  // Follow-up commands announce on the consultation's public room: a report, an evidence or an assignment made in
  // another tab or by someone else shows here without a reload.
  const live = useLiveConsultation(data.consultation.id);
  const mine = data.commitments.filter((c) => c.mine);
  return (
    <div className="followup-staff">
      <header className="page-head">
        <p className="muted">
          <Link to={`/admin/c/${data.consultation.id}`}>{data.consultation.title}</Link>
        </p>
        <h1>{t("followup.staff.title")}</h1>
        <LiveBadge status={live} />
        <p className="muted">{t("followup.staff.intro")}</p>
        <p>
          <Link to={`/c/${data.consultation.slug}/plan/seguimiento`}>{t("followup.staff.public_link")}</Link>
        </p>
      </header>
      {data.isContact ? (
        <section aria-labelledby="assign-title" className="card">
          <h2 id="assign-title">{t("followup.staff.assign_title")}</h2>
          <p className="muted">{t("followup.staff.assign_intro")}</p>
          {data.commitments.length === 0 ? <p className="empty">{t("followup.no_commitments")}</p> : null}
          {data.candidates.length === 0 ? <p className="empty">{t("followup.staff.no_candidates")}</p> : null}
          <ul className="list">
            {data.commitments.map((c) => (
              <AssignForm key={c.id} c={c} candidates={data.candidates} />
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="mine-title">
        <h2 id="mine-title">{t("followup.staff.yours")}</h2>
        {mine.length === 0 ? <p className="empty">{t("followup.staff.none_yours")}</p> : null}
        {mine.map((c) => (
          <section key={c.id} className="card followup-commitment" aria-labelledby={`mine-${c.id}`} data-testid={`mine-${c.id}`}>
            <h3 id={`mine-${c.id}`}>{c.title}</h3>
            <CompletionFigures completion={c.completion} label={c.title} />
            <ol className="list">
              {c.milestones.map((m) => (
                <MilestoneForms key={m.position} c={c} m={m} />
              ))}
            </ol>
            <details>
              <summary>{t("followup.history_count", { count: c.history.length })}</summary>
              <FollowupHistory entries={c.history} currentText={(n) => c.milestones.find((m) => m.position === n)?.description ?? null} />
            </details>
          </section>
        ))}
      </section>
    </div>
  );
}
