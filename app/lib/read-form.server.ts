// The one way a Remix action reads its form. A body that is not a form (JSON, broken multipart, multipart without a
// boundary) is a 400 thrown before any command runs, so nothing is written: a page renders its error boundary with
// the way back (app/components/BadFormBody.tsx); a route without a page (/lang, /logout) answers this small page.
// The parsed form is kept per request: a route that looks at a field (`intent`, repeated checkboxes) and the shared
// command adapter read the same FormData, instead of each cloning and parsing the body again.
import { translate, type Lang } from "../i18n";

const parsed = new WeakMap<Request, Promise<FormData>>();

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

function badFormBody(lang: Lang): Response {
  const title = escapeHtml(translate(lang, "badinput.form_title"));
  const html =
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${title} · Cocrea</title><link rel="stylesheet" href="/styles.css"></head><body><main id="main"><section class="error-page">` +
    `<h1>${title}</h1><p role="alert">${escapeHtml(translate(lang, "badinput.form_body"))}</p>` +
    `<p><a href="/">${escapeHtml(translate(lang, "nav.home"))}</a></p></section></main></body></html>`;
  return new Response(html, { status: 400, statusText: "Bad Request", headers: { "Content-Type": "text/html; charset=utf-8" } });
}

export async function readForm(request: Request, lang: Lang): Promise<FormData> {
  let form = parsed.get(request);
  if (!form) {
    form = request.formData();
    parsed.set(request, form);
  }
  try {
    return await form;
  } catch {
    throw badFormBody(lang);
  }
}
