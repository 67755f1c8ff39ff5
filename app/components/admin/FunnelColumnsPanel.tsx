// Which funnel columns the consultation publishes: checkboxes for the point of contact, the list in words for the
// rest of the staff.
import { FUNNEL_STAGES, funnelColumnsOf } from "../../domain/funnel";
import { useT } from "../../i18n/react";
import { CommandForm } from "./CommandForm";

export const FUNNEL_SETTINGS_INTENTS: Record<string, string> = { funnel_columns: "consultation.funnel_columns" };

/** Checkboxes post one `columns` field each; the command takes the list. */
export function funnelColumnsPayload(form: FormData): Record<string, unknown> {
  return { columns: form.getAll("columns").map(String) };
}

export function FunnelColumnsPanel({ consultationId, stored, canEdit }: { consultationId: string; stored: string; canEdit: boolean }) {
  const t = useT();
  const columns = funnelColumnsOf(stored);
  const label = (key: string) => t(`funnel.${key}` as "funnel.plan");
  return (
    <section className="panel" aria-labelledby="funnel-columns-h" data-testid="funnel-columns-panel">
      <h2 id="funnel-columns-h">{t("funnel_settings.title")}</h2>
      <p className="hint">{t("funnel_settings.intro")}</p>
      {canEdit ? (
        <CommandForm intent="funnel_columns" hidden={{ consultationId }} submitLabel={t("funnel_settings.save")}>
          {(result) => (
            <fieldset>
              <legend>{t("funnel_settings.legend")}</legend>
              {FUNNEL_STAGES.map((key) => (
                <label key={key} className="check">
                  <input type="checkbox" name="columns" value={key} defaultChecked={columns.includes(key)} /> {label(key)}
                </label>
              ))}
              {result && !result.ok && result.error.issues?.length ? (
                <p className="form-error" role="alert">
                  {result.error.issues.map((i) => t(i.message as "funnel_settings.issue.at_least_two")).join(" ")}
                </p>
              ) : null}
            </fieldset>
          )}
        </CommandForm>
      ) : (
        <p>{t("funnel_settings.read_only", { columns: columns.map(label).join(", ") })}</p>
      )}
    </section>
  );
}
