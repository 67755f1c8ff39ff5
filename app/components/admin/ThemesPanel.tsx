import { useT } from "../../i18n/react";
import { Field } from "../forms";
import { CommandButton, CommandForm } from "./CommandForm";

interface Theme {
  id: string;
  name: string;
  description: string;
  position: number;
  archived_at: string | null;
}

export function ThemesPanel({ themes, consultationId, canEdit }: { themes: Theme[]; consultationId: string; canEdit: boolean }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="themes-h">
      <h2 id="themes-h">{t("admin.themes")}</h2>
      {themes.length === 0 ? <p className="empty">{t("public.themes_empty")}</p> : null}
      <ol className="list">
        {themes.map((th, i) => (
          <li key={th.id} className={th.archived_at ? "archived" : undefined}>
            <strong>{th.name}</strong> {th.archived_at ? <em className="muted">({t("admin.theme_archived")})</em> : null}
            {th.description ? <span className="muted"> — {th.description}</span> : null}
            {canEdit ? (
              <div className="row actions">
                {th.archived_at ? (
                  <CommandButton intent="theme_restore" hidden={{ themeId: th.id }} label={t("admin.theme_restore")} className="link" />
                ) : (
                  <CommandButton intent="theme_archive" hidden={{ themeId: th.id }} label={t("admin.theme_archive")} className="link" />
                )}
                {i > 0 ? (
                  <CommandButton
                    intent="theme_move"
                    hidden={{ themeId: th.id, position: String(th.position - 1) }}
                    label={`↑ ${t("admin.move_up")}`}
                    className="link"
                  />
                ) : null}
                <details>
                  <summary>{t("common.edit")}</summary>
                  <CommandForm intent="theme_update" hidden={{ themeId: th.id }} submitLabel={t("common.save")}>
                    {(r) => (
                      <>
                        <Field
                          name="name"
                          label={t("field.name")}
                          intent="theme_update"
                          result={r}
                          defaultValue={th.name}
                          id={`theme-${th.id}-name`}
                          required
                        />
                        <Field
                          name="description"
                          label={t("field.description")}
                          intent="theme_update"
                          result={r}
                          defaultValue={th.description}
                          id={`theme-${th.id}-desc`}
                          multiline
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
        <CommandForm intent="theme_create" hidden={{ consultationId }} submitLabel={t("admin.theme_add")} resetOnSuccess>
          {(r) => (
            <>
              <Field name="name" label={t("field.name")} intent="theme_create" result={r} required />
              <Field name="description" label={t("field.description")} intent="theme_create" result={r} optional />
            </>
          )}
        </CommandForm>
      ) : null}
    </section>
  );
}
