// The receipt lookup form posts here with GET (?code=…): send the citizen to that receipt's page.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { normalizeReceiptCode } from "../domain/opinion";

export async function loader({ request }: LoaderFunctionArgs) {
  const code = normalizeReceiptCode(new URL(request.url).searchParams.get("code") ?? "");
  return redirect(code ? `/r/${code}` : "/");
}
