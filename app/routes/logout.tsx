import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { readForm } from "../lib/read-form.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context.lang);
  if (!context.checkCsrfOk(form)) return redirect("/");
  return redirect("/", { headers: { "Set-Cookie": await context.logout() } });
}

export const loader = () => redirect("/");
