import { redirect, type ActionFunctionArgs } from "@remix-run/node";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  if (!context.checkCsrfOk(form)) return redirect("/");
  return redirect("/", { headers: { "Set-Cookie": await context.logout() } });
}

export const loader = () => redirect("/");
