import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useMatches,
  useNavigation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { I18nProvider, useT } from "./i18n/react";
import { useNonce, useRequestLang } from "./nonce";
import { IslandScript, type IslandHandle } from "./island-script";
import { isLang, translate, type Lang } from "./i18n";
import { BadFormBody, isBadFormBody } from "./components/BadFormBody";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles.css" }];

export const meta: MetaFunction = () => [{ title: "Cocrea" }];

export async function loader({ context }: LoaderFunctionArgs) {
  return {
    lang: context.lang,
    user: context.user ? { name: context.user.name, isPlatformAdmin: context.user.isPlatformAdmin } : null,
    csrfToken: context.csrfToken,
    // A fresh nonce per render: form posts derive their command id from it (double submit applies once).
    nonce: crypto.randomUUID(),
  };
}

function Header({ lang, user }: { lang: Lang; user: { name: string } | null }) {
  const t = useT();
  const location = useLocation();
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <header className="site-header">
      <a className="skip" href="#main">
        {t("nav.skip")}
      </a>
      <Link to="/" className="brand">
        {t("app.name")}
      </Link>
      <nav aria-label={t("nav.main")}>
        {user ? (
          <>
            <Link to="/admin">{t("nav.admin")}</Link>
            <Form method="post" action="/logout" className="inline">
              <input type="hidden" name="_csrf" value={data?.csrfToken ?? ""} />
              <button type="submit" className="link">
                {t("nav.logout")} ({user.name})
              </button>
            </Form>
          </>
        ) : (
          <Link to="/login">{t("nav.login")}</Link>
        )}
        <Form method="post" action="/lang" className="inline lang-switch" reloadDocument>
          <input type="hidden" name="_csrf" value={data?.csrfToken ?? ""} />
          <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
          <button type="submit" name="lang" value={lang === "es" ? "en" : "es"} className="link" lang={lang === "es" ? "en" : "es"}>
            {lang === "es" ? t("lang.en") : t("lang.es")}
          </button>
        </Form>
      </nav>
    </header>
  );
}

function Progress() {
  const navigation = useNavigation();
  const t = useT();
  return navigation.state === "idle" ? null : (
    <div className="progress" role="status" aria-live="polite">
      {t("common.loading")}
    </div>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const requestLang = useRequestLang();
  const lang: Lang = data?.lang ?? (isLang(requestLang) ? requestLang : "es");
  const nonce = useNonce();
  // A route may ask for a small script of its own instead of React and Remix in the browser (see c.$slug.opinar).
  const handles = useMatches().map((m) => m.handle as IslandHandle | undefined);
  const island = handles.map((h) => h?.island).find(Boolean);
  const serverOnly = handles.some((h) => h?.serverOnly);
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nProvider lang={lang}>
          <Header lang={lang} user={data?.user ?? null} />
          <Progress />
          <main id="main">{children}</main>
        </I18nProvider>
        {serverOnly ? null : island ? (
          <IslandScript name={island} nonce={nonce} />
        ) : (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        )}
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const requestLang = useRequestLang();
  const lang: Lang = data?.lang ?? (isLang(requestLang) ? requestLang : "es");
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  // A post whose body is not a form (app/lib/read-form.server.ts): nothing was saved; the way out is the page itself.
  if (isBadFormBody(error)) return <BadFormBody lang={lang} />;
  if (!notFound && !forbidden) console.error(error);
  return (
    <section className="error-page">
      <h1>{translate(lang, notFound ? "error.not_found_page" : forbidden ? "error.forbidden" : "error.title")}</h1>
      {!notFound && !forbidden ? <p>{translate(lang, "error.retry")}</p> : null}
      <p>
        <Link to="/">{translate(lang, "nav.home")}</Link>
      </p>
    </section>
  );
}
