// The one translation layer: Spanish first, English too. Used by pages, API errors and socket acks.
import { en } from "./en";
import { es, type MessageKey } from "./es";

export const LANGS = ["es", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "es";
export const LANG_COOKIE = "cocrea_lang";

const dictionaries: Record<Lang, Record<MessageKey, string>> = { es, en };

export function isLang(value: unknown): value is Lang {
  return value === "es" || value === "en";
}

export function isMessageKey(value: string): value is MessageKey {
  return value in es;
}

export type Params = Record<string, string | number>;

/**
 * Translate a key, filling `{name}` placeholders. A parameter written `@some.key` is itself translated
 * (commands name a phase or status that way, so their errors read well in either language).
 */
export function translate(lang: Lang, key: string, params: Params = {}): string {
  const dict = dictionaries[lang] ?? es;
  const template = isMessageKey(key) ? dict[key] : key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    const text = String(value);
    // "@a.key,@b.key": a list of translated names (e.g. the adoption criteria still missing).
    if (text.startsWith("@") && text.includes(",")) {
      const parts = text.split(",");
      if (parts.every((p) => p.startsWith("@") && isMessageKey(p.slice(1)))) return parts.map((p) => dict[p.slice(1) as MessageKey]).join(", ");
    }
    return text.startsWith("@") && isMessageKey(text.slice(1)) ? dict[text.slice(1) as MessageKey] : text;
  });
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

/** Pick the language from the remembered cookie, then Accept-Language, then Spanish. */
export function pickLang(cookieValue: string | undefined, acceptLanguage: string | null | undefined): Lang {
  if (isLang(cookieValue)) return cookieValue;
  const first = (acceptLanguage ?? "").split(",")[0]?.trim().slice(0, 2).toLowerCase();
  return first === "en" ? "en" : DEFAULT_LANG;
}

export type { MessageKey };
