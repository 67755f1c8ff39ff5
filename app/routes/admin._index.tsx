import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { consultationsOfUser } from "../lib/queries.server";
import { Field, FormBasics, FormError } from "../components/forms";
import { useT } from "../i18n/react";
import { handleCommandForm } from "../lib/command-form.server";
import { canCreateConsultations, seesEveryConsultation } from "../lib/read-policy.server";
import { requireUser } from "../lib/require-user.server";

export const meta: MetaFunction = () => [{ title: "Cocrea · Admin" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  return json({
    consultations: await consultationsOfUser(context.db, user.id, { all: seesEveryConsultation(user) }),
    canCreate: canCreateConsultations(user),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireUser(context, request);
  const response = await handleCommandForm(request, context, { create: "consultation.create" });
  const body = await response.clone().json();
  if (body.ok) return redirect(`/admin/c/${body.result.consultationId}`);
  return response;
}

export default function AdminHome() {
  const t = useT();
  const { consultations, canCreate } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <section>
      <h1>{t("admin.title")}</h1>
      <h2>{t("admin.my_consultations")}</h2>
      {consultations.length === 0 ? (
        <p className="empty">{t("admin.none")}</p>
      ) : (
        <ul className="cards">
          {consultations.map((c) => (
            <li key={c.id} className="card">
              <Link to={`/admin/c/${c.id}`}>{c.title}</Link> ·{" "}
              <Link to={`/c/${c.slug}`} className="muted">
                {t("admin.public_page")}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {canCreate ? (
        <details className="panel">
          <summary>{t("admin.new_consultation")}</summary>
          <Form method="post" className="stack">
            <FormBasics intent="create" />
            <FormError result={result} intent="create" />
            <Field name="title" label={t("field.title")} intent="create" result={result} required />
            <Field name="slug" label={t("field.slug")} intent="create" result={result} optional />
            <Field name="description" label={t("field.description")} intent="create" result={result} multiline optional />
            <div className="row">
              <Field name="startsOn" type="date" label={t("field.starts_on")} intent="create" result={result} optional />
              <Field name="endsOn" type="date" label={t("field.ends_on")} intent="create" result={result} optional />
            </div>
            <button type="submit" disabled={navigation.state === "submitting"}>
              {t("common.create")}
            </button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
