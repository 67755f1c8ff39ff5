// zod messages in the reader's language. Server-only: zod's locales would weigh down citizen pages.
import { z } from "zod";
import { isLang } from "./index";

const zodLocales = { es: z.locales.es(), en: z.locales.en() };

export function zodErrorMap(lang: string): z.core.$ZodErrorMap | undefined {
  return isLang(lang) ? zodLocales[lang].localeError : undefined;
}
