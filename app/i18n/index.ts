// The one translation layer: Spanish first, English too. Used by pages, API errors and socket acks.
import { serverDictionaries } from "./dictionaries.server";
import type { MessageKey } from "./es";

export const LANGS = ["es", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "es";
export const LANG_COOKIE = "cocrea_lang";

export type Dictionary = Record<MessageKey, string>;

/**
 * The server holds both languages (dictionaries.server.ts); a browser bundle gets an empty module in its place and
 * loads only the reader's language before hydrating (entry.client.tsx), about half the messages' weight.
 */
const dictionaries: Partial<Record<Lang, Dictionary>> = { ...(serverDictionaries ?? {}) };

export function registerDictionary(lang: Lang, dictionary: Dictionary): void {
  dictionaries[lang] = dictionary;
}

function anyDictionary(): Dictionary | undefined {
  return dictionaries.es ?? dictionaries.en;
}

export function isLang(value: unknown): value is Lang {
  return value === "es" || value === "en";
}

export function isMessageKey(value: string): value is MessageKey {
  const dictionary = anyDictionary();
  return dictionary ? value in dictionary : false;
}

export type Params = Record<string, string | number>;

/** The one locale per language for numbers, dates and plurals (Guatemalan Spanish, US English). */
export const LOCALES: Record<Lang, string> = { es: "es-GT", en: "en-US" };

const pluralRules = { es: new Intl.PluralRules(LOCALES.es), en: new Intl.PluralRules(LOCALES.en) };
const integers = { es: new Intl.NumberFormat(LOCALES.es), en: new Intl.NumberFormat(LOCALES.en) };

/** A number as the reader writes it ("1,234.5" in both es-GT and en-US; Intl knows each locale's grouping). */
export function formatNumber(lang: Lang, value: number, options?: Intl.NumberFormatOptions): string {
  return (options ? new Intl.NumberFormat(LOCALES[lang], options) : (integers[lang] ?? integers.es)).format(value);
}

/** A share (0.192) as a percentage: "19.2%" (es-GT and en-US alike, as Intl writes them). */
export function formatPercent(lang: Lang, share: number, fractionDigits = 1): string {
  return formatNumber(lang, share, { style: "percent", maximumFractionDigits: fractionDigits });
}

/** A calendar date ("2026-11-29") or a moment, as a long date: "29 de noviembre de 2026" / "November 29, 2026". */
export function formatDate(lang: Lang, iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  // A value stored before dates were checked (2027-13-45, or 2027-02-30, which Date would roll into March) reads as
  // what it is instead of failing the whole page.
  if (Number.isNaN(d.getTime()) || (iso.length === 10 && d.toISOString().slice(0, 10) !== iso)) return invalidDate(lang, iso);
  return new Intl.DateTimeFormat(LOCALES[lang], { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(d);
}

function invalidDate(lang: Lang, value: string): string {
  return translate(lang, "badinput.invalid_date", { value });
}

/** A moment with its time, where the consultation happens: "29 de noviembre de 2026 a las 12:05 p. m." (Guatemala's time zone). */
export function formatDateTime(lang: Lang, iso: string): string {
  const options: Intl.DateTimeFormatOptions = {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: "America/Guatemala",
  };
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return invalidDate(lang, iso);
  return new Intl.DateTimeFormat(LOCALES[lang], options).format(d);
}

/**
 * The template for a key: with a numeric `count`, the variant for its plural category (`key_one`, `key_many`…)
 * when the dictionary has one, else the key itself (written for the other category).
 */
function templateFor(lang: Lang, dict: Dictionary, key: string, params: Params): string {
  if (!isMessageKey(key)) return key;
  const count = params.count;
  if (typeof count === "number") {
    const variant = `${key}_${(pluralRules[lang] ?? pluralRules.es).select(count)}`;
    if (isMessageKey(variant)) return dict[variant];
  }
  return dict[key];
}

/**
 * Translate a key, filling `{name}` placeholders. A parameter written `@some.key` is itself translated
 * (commands name a phase or status that way, so their errors read well in either language).
 * A numeric `count` picks the plural form (see templateFor) and is written with the locale's grouping.
 */
export function translate(lang: Lang, key: string, params: Params = {}): string {
  const dict = dictionaries[lang] ?? anyDictionary();
  if (!dict) return key;
  const template = templateFor(isLang(lang) ? lang : DEFAULT_LANG, dict, key, params);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    if (name === "count" && typeof value === "number") return formatNumber(isLang(lang) ? lang : DEFAULT_LANG, value);
    const text = String(value);
    // "@date:2016-05-15": a calendar date, written in words in the reader's language (a refusal names the day).
    if (/^@date:\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(isLang(lang) ? lang : DEFAULT_LANG, text.slice(6));
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
