// Switching language: a plain form post (works without JavaScript); the choice is remembered in a cookie.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLang } from "../i18n";
import { safeRedirect } from "../lib/safe-redirect";
import { readForm } from "../lib/read-form.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context.lang);
  const lang = form.get("lang");
  const safeTo = safeRedirect(form.get("redirectTo"));
  if (!isLang(lang) || !context.checkCsrfOk(form)) return redirect(safeTo);
  return redirect(safeTo, { headers: { "Set-Cookie": context.langCookie(lang) } });
}

export const loader = () => redirect("/");
