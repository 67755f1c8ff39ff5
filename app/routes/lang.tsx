// Switching language: a plain form post (works without JavaScript); the choice is remembered in a cookie.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLang } from "../i18n";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get("lang");
  const to = String(form.get("redirectTo") ?? "/");
  const safeTo = to.startsWith("/") && !to.startsWith("//") ? to : "/";
  if (!isLang(lang) || !context.checkCsrfOk(form)) return redirect(safeTo);
  return redirect(safeTo, { headers: { "Set-Cookie": context.langCookie(lang) } });
}

export const loader = () => redirect("/");
