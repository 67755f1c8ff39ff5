// Forum times are shown in Guatemala's time zone on every device (and the same on server and client render).
import { isLang, translator, type Translate } from "../../i18n";
import { useLang } from "../../i18n/react";

export const FORUM_TIME_ZONE = "America/Guatemala";

export function useFormatTime(): (iso: string) => string {
  const lang = useLang();
  return (iso) => new Date(iso).toLocaleTimeString(lang === "es" ? "es-GT" : "en-US", { hour: "2-digit", minute: "2-digit", timeZone: FORUM_TIME_ZONE });
}

export function forumPlace(f: { department: string; municipality: string }): string {
  return f.department === f.municipality ? f.department : `${f.municipality}, ${f.department}`;
}

/** Page titles are set outside React: read the language from the root loader's data. */
export function metaTranslator(matches: ReadonlyArray<{ id: string; data: unknown }>): Translate {
  const root = matches.find((m) => m.id === "root")?.data as { lang?: string } | undefined;
  return translator(isLang(root?.lang) ? root.lang : "es");
}
