// Translated names of the opinion form's choices, shared by the form, the cards, statistics and moderation.
import { isMessageKey, type MessageKey } from "../../i18n";
import { useLang, useT } from "../../i18n/react";

/** Date and time as read in Guatemala (the statistics count days in the same zone). */
export function useFormatDateTime(): (iso: string) => string {
  const lang = useLang();
  const format = new Intl.DateTimeFormat(lang === "es" ? "es-GT" : "en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "America/Guatemala" });
  return (iso) => format.format(new Date(iso));
}

export function useIntakeLabels() {
  const t = useT();
  const key = (k: string, fallback: string) => (isMessageKey(k) ? t(k as MessageKey) : fallback);
  return {
    t,
    axis: (axis: string) => key(`intake.axis.${axis}`, axis),
    /** What an opinion is about, from its columns or from a statistics key (`methodology`, `axis:x`, `theme:id`). */
    about: (o: { subject: string; axis?: string | null; themeName?: string | null }) =>
      o.subject === "theme" ? (o.themeName ?? "—") : o.subject === "axis" ? key(`intake.axis.${o.axis}`, o.axis ?? "—") : t("intake.subject.methodology"),
    aboutKey: (k: string, themeNames: Record<string, string>) =>
      k.startsWith("theme:")
        ? (themeNames[k.slice(6)] ?? "—")
        : k.startsWith("axis:")
          ? key(`intake.axis.${k.slice(5)}`, k.slice(5))
          : t("intake.subject.methodology"),
    sector: (s: string | null) => (s ? key(`sector.${s}`, s) : t("intake.stats_not_said")),
    age: (a: string | null) => (a ? key(`intake.age.${a}`, a) : t("intake.stats_not_said")),
    gender: (g: string | null) => (g ? key(`intake.gender.${g}`, g) : t("intake.stats_not_said")),
    language: (l: string | null) => (l ? key(`intake.language.${l}`, l) : t("intake.stats_not_said")),
    department: (d: string | null) => d ?? t("intake.stats_not_said"),
  };
}
