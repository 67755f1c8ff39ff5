// Joining by invitation: set a name and password, take the role, and be signed in.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { emailOfUser, pendingInvitation } from "../lib/queries.server";
import { Field, FormBasics, FormError } from "../components/forms";
import { translate } from "../i18n";
import { useT } from "../i18n/react";
import { handleCommandForm } from "../lib/command-form.server";
import { readForm } from "../lib/read-form.server";

export async function loader({ params, context }: LoaderFunctionArgs) {
  return json({ invitation: await pendingInvitation(context.db, params.token!) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request, context.lang);
  const response = await handleCommandForm(request, context, { accept: "invitation.accept" }, { token: params.token });
  const body = await response.clone().json();
  if (!body.ok) return response;
  if (body.result.existingAccount) return redirect("/login?redirectTo=/admin");
  const email = await emailOfUser(context.db, body.result.userId);
  const login = await context.login(email, String(form.get("password")));
  if (!login || "error" in login)
    return json({ ok: false, intent: "accept", error: { code: "unauthenticated", message: translate(context.lang, "login.failed") } });
  return redirect(`/admin/c/${body.result.consultationId}`, { headers: { "Set-Cookie": login.setCookie } });
}

export default function AcceptInvitation() {
  const t = useT();
  const { invitation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  if (!invitation) {
    return (
      <section className="narrow">
        <h1>{t("invite.title")}</h1>
        <p className="form-error" role="alert">
          {t("invite.invalid")}
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t("invite.title")}</h1>
      <p>{t("invite.intro", { name: invitation.name, role: t(`role.${invitation.role}` as "role.observer"), consultation: invitation.consultation })}</p>
      {invitation.existingAccount ? <p className="muted">{t("invite.existing")}</p> : null}
      <Form method="post" className="stack">
        <FormBasics intent="accept" />
        <FormError result={result} intent="accept" />
        <Field name="name" label={t("invite.name")} intent="accept" result={result} defaultValue={invitation.name} required />
        <Field name="password" type="password" label={t("invite.password")} intent="accept" result={result} required />
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("invite.submit")}
        </button>
      </Form>
    </section>
  );
}
