// Form posts from the pages: a body that is not a form (JSON, broken multipart) is a 400, not a server error.
import { translate, type Lang } from "../i18n";

export async function readForm(request: Request, lang: Lang): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response(translate(lang, "error.bad_request"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
