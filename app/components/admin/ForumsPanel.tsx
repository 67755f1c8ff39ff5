import { DEPARTMENTS } from "../../domain/guatemala";
import { useFormatDate, useT } from "../../i18n/react";
import { Field } from "../forms";
import { CommandForm } from "./CommandForm";

interface Forum {
  id: string;
  department: string;
  municipality: string;
  venue: string;
  held_on: string;
  expected_attendance: number;
}

export function ForumsPanel({ forums, consultationId, canEdit }: { forums: Forum[]; consultationId: string; canEdit: boolean }) {
  const t = useT();
  const date = useFormatDate();
  return (
    <section className="panel" aria-labelledby="forums-h">
      <h2 id="forums-h">{t("admin.forums")}</h2>
      {forums.length === 0 ? <p className="empty">{t("public.forums_empty")}</p> : null}
      <ul className="list">
        {forums.map((f) => (
          <li key={f.id}>
            <strong>{f.department}</strong>, {f.municipality} — {f.venue} — {date(f.held_on)} ({f.expected_attendance} {t("public.attendance_expected")})
          </li>
        ))}
      </ul>
      {canEdit ? (
        <details>
          <summary>{t("admin.forum_add")}</summary>
          <CommandForm intent="forum_create" hidden={{ consultationId }} submitLabel={t("admin.forum_add")} resetOnSuccess>
            {(r) => (
              <>
                <Field name="department" label={t("field.department")} intent="forum_create" result={r}>
                  <select id="forum_create-department" name="department" required>
                    {DEPARTMENTS.map((d) => <option key={d} value={d}>{d}</option>)}
                  </select>
                </Field>
                <Field name="municipality" label={t("field.municipality")} intent="forum_create" result={r} required />
                <Field name="venue" label={t("field.venue")} intent="forum_create" result={r} required />
                <div className="row">
                  <Field name="heldOn" type="date" label={t("field.held_on")} intent="forum_create" result={r} required />
                  <Field name="expectedAttendance" type="number" min={0} label={t("field.expected_attendance")} intent="forum_create" result={r} defaultValue={150} />
                </div>
              </>
            )}
          </CommandForm>
        </details>
      ) : null}
    </section>
  );
}
