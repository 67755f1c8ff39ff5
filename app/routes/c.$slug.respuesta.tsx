// The reasoned response (issue 10; OGP co-creation standards: show how input was considered): every summary of
// citizen input and every proposal, per theme, with what was done with it in words (the reason recorded at each
// decision) and the point of contact's written response, which they write here when signed in. Public, printable
// (print stylesheet), also as CSV; works without JavaScript.
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormBasics, FormError, issuesFor } from "../components/forms";
import { fateInWords } from "../domain/reasoned-response";
import { useFormatDate, useT } from "../i18n/react";
import { handleCommandForm } from "../lib/command-form.server";
import { publicConsultation, reasonedResponse } from "../lib/queries.server";
import { readPolicy } from "../lib/read-policy.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/response-print.css", media: "print" }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.consultation.title} · Cocrea` : "Cocrea" }];

async function load(slug: string, context: LoaderFunctionArgs["context"]) {
  const view = await publicConsultation(context.db, slug);
  if (!view) throw new Response("Not found", { status: 404 });
  const report = await reasonedResponse(context.db, view.consultation.id);
  return { view, report };
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  const { view, report } = await load(params.slug!, context);
  const policy = await readPolicy(context.db, context.user, view.consultation.id);
  return json({
    consultation: { id: view.consultation.id, slug: view.consultation.slug, title: view.consultation.title },
    canWrite: policy.isContact,
    themes: report.themes,
  });
}

const intentOf = (kind: string, id: string) => `respond-${kind}-${id}`;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { report } = await load(params.slug!, context);
  const intents: Record<string, string> = {};
  for (const th of report.themes) for (const item of [...th.summaries, ...th.proposals]) intents[intentOf(item.kind, item.id)] = "response.write";
  return handleCommandForm(request, context, intents);
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["themes"][number]["summaries"][number];

function ItemRow({ item, canWrite }: { item: Item; canWrite: boolean }) {
  const t = useT();
  const date = useFormatDate();
  const result = useActionData<typeof action>();
  const intent = intentOf(item.kind, item.id);
  const saved = result?.ok && result.intent === intent;
  const textIssues = issuesFor(result, intent, "text");
  const { slug } = useLoaderData<typeof loader>().consultation;
  return (
    <li className="response-item" id={`item-${item.id}`} data-testid={`response-${item.id}`}>
      <h4>
        {item.kind === "proposal" ? <Link to={`/c/${slug}/propuestas/${item.id}`}>{item.title}</Link> : item.title}
        {item.state ? <span className={`badge badge-${item.state}`}> {t(`proposal.state.${item.state}` as "proposal.state.active")}</span> : null}
      </h4>
      <p>
        <strong>{t("response.fate")}:</strong> <span data-testid="fate">{fateInWords(t, item.fate)}</span>
      </p>
      <div className="response-text">
        <strong>{t("response.written")}:</strong>{" "}
        {item.response ? (
          <>
            <span data-testid="written">{item.response.text}</span> <small className="muted">({date(item.response.writtenAt)})</small>
          </>
        ) : (
          <span className="muted">{t("response.no_response")}</span>
        )}
        {item.earlierResponses > 0 ? <small className="muted"> · {t("response.earlier", { count: item.earlierResponses })}</small> : null}
      </div>
      {canWrite ? (
        <Form method="post" className="response-form no-print">
          <FormBasics intent={intent} />
          <input type="hidden" name={item.kind === "summary" ? "summaryId" : "proposalId"} value={item.id} />
          <label htmlFor={`${intent}-text`}>{t("response.write")}</label>
          <textarea id={`${intent}-text`} name="text" rows={3} defaultValue={item.response?.text ?? ""} aria-invalid={textIssues.length ? true : undefined} />
          {textIssues.length ? <small className="field-error">{textIssues.map((i) => i.message).join(" ")}</small> : null}
          <FormError result={result} intent={intent} />
          {saved ? (
            <p className="form-ok" role="status">
              {t("response.saved")}
            </p>
          ) : null}
          <button type="submit">{t("response.save")}</button>
        </Form>
      ) : null}
    </li>
  );
}

export default function ReasonedResponse() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const { consultation } = data;
  return (
    <article className="reasoned-response">
      <header className="page-head">
        <p>
          <Link to={`/c/${consultation.slug}`}>{consultation.title}</Link>
        </p>
        <h1>{t("response.title")}</h1>
        <p className="muted">{t("response.intro")}</p>
        <p className="no-print">
          <a href={`/c/${consultation.slug}/respuesta.csv`} download>
            {t("response.csv")}
          </a>{" "}
          · <span className="muted">{t("response.print")}</span>
        </p>
      </header>
      {data.themes.map((th) => (
        <section key={th.id} aria-labelledby={`theme-${th.id}`} className="response-theme">
          <h2 id={`theme-${th.id}`}>{th.name}</h2>
          {th.summaries.length + th.proposals.length === 0 ? <p className="empty">{t("response.none")}</p> : null}
          {th.summaries.length ? (
            <>
              <h3>{t("response.summaries")}</h3>
              <ul className="list">
                {th.summaries.map((item) => (
                  <ItemRow key={item.id} item={item} canWrite={data.canWrite} />
                ))}
              </ul>
            </>
          ) : null}
          {th.proposals.length ? (
            <>
              <h3>{t("response.proposals")}</h3>
              <ul className="list">
                {th.proposals.map((item) => (
                  <ItemRow key={item.id} item={item} canWrite={data.canWrite} />
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}
    </article>
  );
}
