// zod messages in the reader's language and in plain words ("Escriba al menos 10 caracteres"), never the parser's
// ("se esperaba que texto tuviera >=10 caracteres"). Issues this map does not word fall back to zod's own locale.
// Server-only: zod's locales would weigh down citizen pages.
import { z } from "zod";
import { isLang, translate, type Lang, type MessageKey } from "./index";

const zodLocales = { es: z.locales.es(), en: z.locales.en() };

type Issue = Parameters<z.core.$ZodErrorMap>[0];

/** The plain message key (and its count) for the issues people meet in forms. */
export function plainIssue(issue: Issue): { key: MessageKey; count?: number } | null {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null || issue.input === "") return { key: "form.issue.required" };
      if (issue.expected === "int") return { key: "form.issue.integer" };
      if (issue.expected === "number") return { key: "form.issue.number" };
      if (issue.expected === "date") return { key: "form.issue.date" };
      return null;
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? { key: "form.issue.required" } : { key: "form.issue.text_min", count: min };
      if (issue.origin === "number") return { key: issue.inclusive === false ? "form.issue.number_min_exclusive" : "form.issue.number_min", count: min };
      if (issue.origin === "array" || issue.origin === "set") return { key: "form.issue.items_min", count: min };
      return null;
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return { key: "form.issue.text_max", count: max };
      if (issue.origin === "number") return { key: issue.inclusive === false ? "form.issue.number_max_exclusive" : "form.issue.number_max", count: max };
      if (issue.origin === "array" || issue.origin === "set") return { key: "form.issue.items_max", count: max };
      return null;
    }
    case "invalid_format":
      if (issue.format === "email") return { key: "form.issue.email" };
      if (issue.format === "url") return { key: "form.issue.url" };
      if (issue.format === "date" || issue.format === "datetime") return { key: "form.issue.date" };
      return { key: "form.issue.invalid" };
    case "invalid_value":
      return { key: "form.issue.choice" };
    case "not_multiple_of":
      return { key: "form.issue.integer" };
    default:
      return null;
  }
}

function errorMap(lang: Lang): z.core.$ZodErrorMap {
  return (issue) => {
    const plain = plainIssue(issue);
    if (plain) return translate(lang, plain.key, plain.count === undefined ? {} : { count: plain.count });
    return zodLocales[lang].localeError(issue);
  };
}

const maps = { es: errorMap("es"), en: errorMap("en") };

export function zodErrorMap(lang: string): z.core.$ZodErrorMap | undefined {
  return isLang(lang) ? maps[lang] : undefined;
}
