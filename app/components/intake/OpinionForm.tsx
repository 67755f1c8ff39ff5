// The citizen's opinion form. A plain form post without JavaScript (errors come back next to each field, with
// what was typed); with JavaScript a fetcher posts it without reloading and the form empties on success.
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { LOCALES } from "../../i18n";
import { useLang } from "../../i18n/react";
import { DEPARTMENTS, PARTICIPANT_SECTORS } from "../../domain/guatemala";
import { AGE_RANGES, GENDERS, LANGUAGE_ANSWERS, METHODOLOGY_AXES, OPINION_TEXT_MAX, OPINION_TEXT_MIN } from "../../domain/opinion";
import { FormBasics, FormError } from "../forms";
import { describedBy, FieldShell, hintId, issuesByField, type IntakeResult } from "./FieldShell";
import { busyHooks, COUNT_PLACEHOLDER, counterHooks, islandPart, RECEIPT_ANCHOR } from "./island-hooks";
import { useIntakeLabels } from "./labels";

export const OPINION_FETCHER = "opinion";
export const OPINION_INTENT = "opinion";

export function OpinionForm({ themes, result }: { themes: ReadonlyArray<{ id: string; name: string }>; result: IntakeResult | undefined }) {
  const L = useIntakeLabels();
  const { t } = L;
  const lang = useLang();
  const fetcher = useFetcher<IntakeResult>({ key: OPINION_FETCHER });
  const form = useRef<HTMLFormElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const values = result && !result.ok && result.intent === OPINION_INTENT ? (result.values ?? {}) : {};
  const [count, setCount] = useState((values.text ?? "").length);
  const issues = issuesByField(result, OPINION_INTENT, { subject: "about", axis: "about", themeId: "about" });
  const busy = fetcher.state !== "idle";

  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) {
      form.current?.reset();
      setCount(0);
    }
  }, [fetcher.state, fetcher.data]);

  const select = (name: string, label: string, options: ReadonlyArray<readonly [string, string]>) => {
    const id = `opinion-${name}`;
    return (
      <FieldShell id={id} label={label} optional issues={issues[name]}>
        <select id={id} name={name} defaultValue={values[name] ?? ""} {...describedBy(id, issues[name])}>
          <option value="">{t("intake.not_said")}</option>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </FieldShell>
    );
  };

  // Posting to #receipt: without JavaScript the answer's page opens on the receipt, not on the top of a long page.
  return (
    <fetcher.Form method="post" action={`#${RECEIPT_ANCHOR}`} ref={form} className="stack opinion-form" aria-busy={busy} {...islandPart("form")}>
      <FormBasics intent={OPINION_INTENT} />
      <FormError result={result} intent={OPINION_INTENT} />
      {result && !result.ok && result.intent === OPINION_INTENT && result.error.code === "rate_limited" ? (
        <p className="muted">{t("intake.text_kept")}</p>
      ) : null}

      <FieldShell id="opinion-about" label={t("intake.about")} issues={issues.about}>
        <select id="opinion-about" name="about" required defaultValue={values.about ?? ""} {...describedBy("opinion-about", issues.about)}>
          <option value="" disabled>
            {t("intake.about_choose")}
          </option>
          <option value="methodology">{t("intake.about_methodology")}</option>
          <optgroup label={t("intake.about_axes")}>
            {METHODOLOGY_AXES.map((a) => (
              <option key={a} value={`axis:${a}`}>
                {L.axis(a)}
              </option>
            ))}
          </optgroup>
          {themes.length > 0 ? (
            <optgroup label={t("intake.about_themes")}>
              {themes.map((th) => (
                <option key={th.id} value={`theme:${th.id}`}>
                  {th.name}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </FieldShell>

      <FieldShell
        id="opinion-text"
        label={t("intake.text")}
        hint={hydrated ? t("intake.chars", { count, max: OPINION_TEXT_MAX }) : t("intake.text_hint", { min: OPINION_TEXT_MIN, max: OPINION_TEXT_MAX })}
        issues={issues.text}
      >
        <textarea
          id="opinion-text"
          name="text"
          rows={6}
          required
          minLength={OPINION_TEXT_MIN}
          maxLength={OPINION_TEXT_MAX}
          defaultValue={values.text ?? ""}
          onInput={(e) => setCount(e.currentTarget.value.length)}
          // For the opinion page's script (no React there): the counter's text, the count filled in as it types.
          {...counterHooks(t("intake.chars", { count: COUNT_PLACEHOLDER, max: OPINION_TEXT_MAX }), LOCALES[lang], hintId("opinion-text"))}
          {...describedBy("opinion-text", issues.text, true)}
        />
      </FieldShell>

      <fieldset className="about-you">
        <legend>{t("intake.about_you")}</legend>
        <p className="hint">{t("intake.about_you_hint")}</p>
        {select(
          "department",
          t("intake.department"),
          DEPARTMENTS.map((d) => [d, d] as const),
        )}
        {select(
          "sector",
          t("intake.sector"),
          PARTICIPANT_SECTORS.map((s) => [s, L.sector(s)] as const),
        )}
        <div className="row">
          {select(
            "ageRange",
            t("intake.age_range"),
            AGE_RANGES.map((a) => [a, L.age(a)] as const),
          )}
          {select(
            "gender",
            t("intake.gender"),
            GENDERS.map((g) => [g, L.gender(g)] as const),
          )}
        </div>
        {select(
          "indigenousLanguage",
          t("intake.language"),
          LANGUAGE_ANSWERS.map((l) => [l, L.language(l)] as const),
        )}
        <FieldShell id="opinion-email" label={t("intake.email")} optional hint={t("intake.email_hint")} issues={issues.email}>
          <input
            id="opinion-email"
            name="email"
            type="email"
            autoComplete="email"
            maxLength={254}
            defaultValue={values.email ?? ""}
            {...describedBy("opinion-email", issues.email, true)}
          />
        </FieldShell>
        <div className="field checkbox">
          <input
            id="opinion-emailConsent"
            name="emailConsent"
            type="checkbox"
            defaultChecked={values.emailConsent === "on"}
            {...describedBy("opinion-emailConsent", issues.emailConsent)}
          />
          <label htmlFor="opinion-emailConsent">{t("intake.email_consent")}</label>
        </div>
        {issues.emailConsent?.length ? (
          <small className="field-error" id="opinion-emailConsent-error" data-testid="error-opinion-emailConsent">
            {issues.emailConsent.map((i) => i.message).join(" ")}
          </small>
        ) : null}
      </fieldset>

      {/* Honeypot: off screen and out of the tab order; people leave it empty, form-filling bots do not. */}
      <div className="hp" aria-hidden="true">
        <label htmlFor="opinion-website">{t("intake.honeypot")}</label>
        <input id="opinion-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>

      <button type="submit" className="primary" disabled={busy} {...busyHooks(t("intake.sending"))}>
        {busy ? t("intake.sending") : t("intake.submit")}
      </button>
    </fetcher.Form>
  );
}
