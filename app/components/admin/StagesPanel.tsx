import { useFormatDate, useT } from "../../i18n/react";
import { Field } from "../forms";
import { StageName } from "../StageName";
import { CommandButton, CommandForm } from "./CommandForm";

interface Stage {
  id: string;
  phase: string;
  name: string;
  description: string;
  position: number;
  status: "pending" | "open" | "closed";
  starts_on: string | null;
  ends_on: string | null;
}

export function StagesPanel({ stages, consultationId, canEdit }: { stages: Stage[]; consultationId: string; canEdit: boolean }) {
  const t = useT();
  const date = useFormatDate();
  return (
    <section className="panel" aria-labelledby="stages-h">
      <h2 id="stages-h">{t("admin.stages")}</h2>
      <ol className="timeline admin-stages">
        {stages.map((s, i) => (
          <li key={s.id} className={`stage stage-${s.status}`} data-stage-phase={s.phase}>
            <div className="row spread">
              <span className="stage-name">
                <StageName stage={s} />
              </span>
              <span className={`status status-${s.status}`}>{t(`stage_status.${s.status}`)}</span>
              <span className="dates">{s.starts_on || s.ends_on ? `${date(s.starts_on)} – ${date(s.ends_on)}` : t("common.date_unset")}</span>
            </div>
            {canEdit ? (
              <div className="row actions">
                {s.status === "open" ? (
                  <CommandButton
                    intent="stage_close"
                    hidden={{ stageId: s.id }}
                    label={t("admin.stage_close")}
                    className="danger"
                    confirm={t("admin.stage_close_confirm")}
                  />
                ) : (
                  <CommandButton intent="stage_open" hidden={{ stageId: s.id }} label={t("admin.stage_open")} className="primary" />
                )}
                {i > 0 ? (
                  <CommandButton
                    intent="stage_move"
                    hidden={{ stageId: s.id, position: String(s.position - 1) }}
                    label={`↑ ${t("admin.move_up")}`}
                    className="link"
                  />
                ) : null}
                {i < stages.length - 1 ? (
                  <CommandButton
                    intent="stage_move"
                    hidden={{ stageId: s.id, position: String(s.position + 1) }}
                    label={`↓ ${t("admin.move_down")}`}
                    className="link"
                  />
                ) : null}
                <details>
                  <summary>{t("common.edit")}</summary>
                  <CommandForm intent="stage_update" hidden={{ stageId: s.id }} submitLabel={t("common.save")}>
                    {(r) => (
                      <>
                        <Field
                          name="name"
                          label={t("field.name")}
                          intent="stage_update"
                          result={r}
                          defaultValue={s.name}
                          hint={t("admin.stage_name_hint")}
                          id={`stage-${s.id}-name`}
                          optional
                        />
                        <div className="row">
                          <Field
                            name="startsOn"
                            type="date"
                            label={t("field.starts_on")}
                            intent="stage_update"
                            result={r}
                            defaultValue={s.starts_on}
                            id={`stage-${s.id}-start`}
                            optional
                          />
                          <Field
                            name="endsOn"
                            type="date"
                            label={t("field.ends_on")}
                            intent="stage_update"
                            result={r}
                            defaultValue={s.ends_on}
                            id={`stage-${s.id}-end`}
                            optional
                          />
                        </div>
                        <Field
                          name="description"
                          label={t("field.description")}
                          intent="stage_update"
                          result={r}
                          defaultValue={s.description}
                          multiline
                          id={`stage-${s.id}-desc`}
                          optional
                        />
                      </>
                    )}
                  </CommandForm>
                </details>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {canEdit ? (
        <details>
          <summary>{t("admin.stage_add")}</summary>
          <CommandForm intent="stage_add" hidden={{ consultationId }} submitLabel={t("admin.stage_add")} resetOnSuccess>
            {(r) => (
              <>
                <Field name="name" label={t("field.name")} intent="stage_add" result={r} required />
                <div className="row">
                  <Field name="startsOn" type="date" label={t("field.starts_on")} intent="stage_add" result={r} optional />
                  <Field name="endsOn" type="date" label={t("field.ends_on")} intent="stage_add" result={r} optional />
                </div>
              </>
            )}
          </CommandForm>
        </details>
      ) : null}
    </section>
  );
}
