import { createContext, useContext, useMemo, type ReactNode } from "react";
import { formatDate, formatDateTime, formatNumber, formatPercent, translator, type Lang, type Translate } from "./index";

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
    return formatDate(lang, iso);
  };
}

/** A moment with its time (activity logs, "updated at"), in Guatemala's time zone. */
export function useFormatDateTime(): (iso: string | null | undefined) => string {
  const { lang, t } = useContext(I18nContext);
  return (iso) => (iso ? formatDateTime(lang, iso) : t("common.date_unset"));
}

/** Numbers as the reader writes them (Intl.NumberFormat of the page's language). */
export function useFormatNumber(): (value: number, options?: Intl.NumberFormatOptions) => string {
  const lang = useLang();
  return (value, options) => formatNumber(lang, value, options);
}

/** A share (0.192) as a percentage of the page's language. */
export function useFormatPercent(): (share: number, fractionDigits?: number) => string {
  const lang = useLang();
  return (share, fractionDigits) => formatPercent(lang, share, fractionDigits);
}
