import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useRootData as useRootCsrf } from "../components/forms";
import { translate } from "../i18n";
import { useT } from "../i18n/react";
import { safeRedirect } from "../lib/safe-redirect";
import { parseLogin } from "../lib/login.server";
import { readForm } from "../lib/read-form.server";

export const meta: MetaFunction = () => [{ title: "Cocrea" }];

export async function loader({ context }: LoaderFunctionArgs) {
  if (context.user) return redirect("/admin");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context.lang);
  if (!context.checkCsrfOk(form)) return json({ error: translate(context.lang, "error.csrf") }, { status: 403 });
  const parsed = parseLogin(form);
  if (!parsed) return json({ error: translate(context.lang, "login.failed") }, { status: 400 });
  const outcome = await context.login(parsed.email, parsed.password);
  if (!outcome) return json({ error: translate(context.lang, "login.failed") }, { status: 401 });
  if ("error" in outcome) {
    return json(
      { error: translate(context.lang, "error.rate_limited", { seconds: outcome.seconds }) },
      { status: 429, headers: { "Retry-After": String(outcome.seconds) } },
    );
  }
  return redirect(safeRedirect(form.get("redirectTo"), "/admin"), { headers: { "Set-Cookie": outcome.setCookie } });
}

export default function Login() {
  const t = useT();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { csrfToken } = useRootCsrf();
  return (
    <section className="narrow">
      <h1>{t("login.title")}</h1>
      <Form method="post" className="stack">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/admin"} />
        {data?.error ? (
          <p className="form-error" role="alert">
            {data.error}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="email">{t("login.email")}</label>
          <input id="email" name="email" type="email" autoComplete="username" required />
        </div>
        <div className="field">
          <label htmlFor="password">{t("login.password")}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <button type="submit" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? t("common.loading") : t("login.submit")}
        </button>
      </Form>
      <p className="muted">{t("login.citizens_note")}</p>
    </section>
  );
}
