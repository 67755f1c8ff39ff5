// The sign-in form's fields, checked on the server only: the login page's module stays free of zod in the browser.
import { loginSchema } from "../domain/schemas/membership";

export function parseLogin(form: FormData): { email: string; password: string } | null {
  const parsed = loginSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  return parsed.success ? parsed.data : null;
}
