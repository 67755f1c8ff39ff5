// What a page shows when its form's body could not be read (app/lib/read-form.server.ts throws a 400): nothing was
// saved, and the way out is the page itself, loaded again.
import { Link, isRouteErrorResponse, useLocation } from "@remix-run/react";
import { translate, type Lang } from "../i18n";

export function isBadFormBody(error: unknown): boolean {
  return isRouteErrorResponse(error) && error.status === 400;
}

export function BadFormBody({ lang }: { lang: Lang }) {
  const location = useLocation();
  return (
    <section className="error-page">
      <h1>{translate(lang, "badinput.form_title")}</h1>
      <p role="alert">{translate(lang, "badinput.form_body")}</p>
      <p>
        <Link to={location.pathname + location.search} reloadDocument>
          {translate(lang, "badinput.back")}
        </Link>{" "}
        · <Link to="/">{translate(lang, "nav.home")}</Link>
      </p>
    </section>
  );
}
