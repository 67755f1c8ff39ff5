import { createContext, useContext, useMemo, type ReactNode } from "react";
import { translator, type Lang, type Translate } from "./index";

const I18nContext = createContext<{ lang: Lang; t: Translate }>({ lang: "es", t: translator("es") });

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}

export function useLang(): Lang {
  return useContext(I18nContext).lang;
}

/** Dates as the reader expects them (es-GT / en-US). */
export function useFormatDate(): (iso: string | null | undefined) => string {
  const { lang, t } = useContext(I18nContext);
  return (iso) => {
    if (!iso) return t("common.date_unset");
    const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
    return d.toLocaleDateString(lang === "es" ? "es-GT" : "en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  };
}
