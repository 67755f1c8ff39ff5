// The one way a Remix action reads its form. A body that is not a form (JSON, broken multipart, multipart without a
// boundary) is a 400 with the page's error view, thrown before any command runs, so nothing is written.
// The parsed form is kept per request: a route that looks at a field (`intent`, repeated checkboxes) and the shared
// command adapter read the same FormData, instead of each cloning and parsing the body again.
import { translate, type Lang } from "../i18n";

const parsed = new WeakMap<Request, Promise<FormData>>();

export async function readForm(request: Request, lang: Lang): Promise<FormData> {
  let form = parsed.get(request);
  if (!form) {
    form = request.formData();
    parsed.set(request, form);
  }
  try {
    return await form;
  } catch {
    throw new Response(translate(lang, "error.bad_request"), { status: 400, statusText: "Bad Request", headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
