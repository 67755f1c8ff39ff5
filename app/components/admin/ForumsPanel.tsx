// Departmental forums on the dashboard: schedule forums, open and close them, set up worktables (theme,
// facilitators, short link and QR code), and reach each forum's board, projection, attendance and report.
import { Link } from "@remix-run/react";
import { DEPARTMENTS } from "../../domain/guatemala";
import { useFormatDate, useT } from "../../i18n/react";
import { Field } from "../forms";
import { forumPlace } from "../forums/format";
import { CommandButton, CommandForm } from "./CommandForm";

/** Dashboard form intents for forum commands (spread into the dashboard's action). */
export const FORUM_INTENTS = {
  forum_create: "forum.create",
  forum_open: "forum.open",
  forum_close: "forum.close",
  worktable_create: "worktable.create",
  worktable_update: "worktable.update",
  worktable_remove: "worktable.remove",
  worktable_assign: "worktable.assign",
  worktable_unassign: "worktable.unassign",
} as const;

interface Worktable {
  id: string;
  number: number;
  short_code: string;
  theme_id: string;
  theme_name: string;
  facilitators: Array<{ userId: string; name: string }>;
}

interface Forum {
  id: string;
  department: string;
  municipality: string;
  venue: string;
  held_on: string;
  expected_attendance: number;
  status: "pending" | "open" | "closed";
  worktables: Worktable[];
  attendance: number;
  captures: number;
}

export interface ForumsPanelData {
  forums: Forum[];
  attendanceTotal: number;
  facilitatorCandidates: Array<{ userId: string; name: string }>;
  themes: Array<{ id: string; name: string }>;
  myTables: Array<{ forumId: string; department: string; municipality: string; number: number; shortCode: string; themeName: string }>;
}

interface Props {
  panel: ForumsPanelData;
  consultationId: string;
  canEdit: boolean;
  publicUrl: string;
}

export function ForumsPanel({ panel, consultationId, canEdit, publicUrl }: Props) {
  const t = useT();
  const date = useFormatDate();
  return (
    <section className="panel forums-panel" aria-labelledby="forums-h">
      <h2 id="forums-h">{t("admin.forums")}</h2>
      <p>
        {t("forum.all_forums")}: <strong data-testid="attendance-all">{t("forum.people_count", { count: panel.attendanceTotal })}</strong>
        {" · "}
        <Link to={`/admin/c/${consultationId}/systematization`}>{t("forum.systematization")}</Link>
      </p>
      {panel.myTables.length > 0 ? (
        <p className="my-tables">
          {t("forum.my_tables")}:{" "}
          {panel.myTables.map((m) => (
            <Link key={m.shortCode} to={`/t/${m.shortCode}`} className="pill">
              {forumPlace(m)} · {t("forum.table", { number: m.number })} · {m.themeName}
            </Link>
          ))}
        </p>
      ) : null}
      {panel.forums.length === 0 ? <p className="empty">{t("public.forums_empty")}</p> : null}
      <ul className="forum-list">
        {panel.forums.map((f) => (
          <li key={f.id} className="forum-item" data-forum-id={f.id}>
            <p>
              <strong>{f.department}</strong>, {f.municipality} — {f.venue} — {date(f.held_on)}{" "}
              <span className={`status status-${f.status}`} data-testid="forum-status">
                {t(`forum.status.${f.status}`)}
              </span>
            </p>
            <p className="muted">
              {t("forum.people_count", { count: f.attendance })} {f.expected_attendance ? t("forum.expected", { count: f.expected_attendance }) : ""} ·{" "}
              {t("forum.captures_count", { count: f.captures })}
            </p>
            <div className="row forum-links">
              <Link to={`/forums/${f.id}/board`}>{t("forum.board")}</Link>
              <Link to={`/forums/${f.id}/projection`}>{t("forum.projection")}</Link>
              <Link to={`/forums/${f.id}/attendance`}>{t("forum.attendance")}</Link>
              <Link to={`/forums/${f.id}/report`}>{t("forum.report")}</Link>
              <a href={`/forums/${f.id}/captures.csv`} download>
                {t("forum.csv")}
              </a>
              <Link to={`/forums/${f.id}/qr`}>{t("forum.qr_cards")}</Link>
              {canEdit ? (
                f.status === "open" ? (
                  <CommandButton
                    intent="forum_close"
                    hidden={{ forumId: f.id }}
                    label={t("forum.close")}
                    className="danger"
                    confirm={t("forum.close_confirm")}
                  />
                ) : (
                  <CommandButton
                    intent="forum_open"
                    hidden={{ forumId: f.id }}
                    label={f.status === "closed" ? t("forum.reopen") : t("forum.open")}
                    className="primary"
                  />
                )
              ) : null}
            </div>
            <details>
              <summary>
                {t("forum.setup")} ({f.worktables.length})
              </summary>
              <WorktablesEditor forum={f} panel={panel} canEdit={canEdit} publicUrl={publicUrl} />
            </details>
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
                    {DEPARTMENTS.map((d) => (
                      <option key={d} value={d}>
                        {d}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field name="municipality" label={t("field.municipality")} intent="forum_create" result={r} required />
                <Field name="venue" label={t("field.venue")} intent="forum_create" result={r} required />
                <div className="row">
                  <Field name="heldOn" type="date" label={t("field.held_on")} intent="forum_create" result={r} required />
                  <Field
                    name="expectedAttendance"
                    type="number"
                    min={0}
                    label={t("field.expected_attendance")}
                    intent="forum_create"
                    result={r}
                    defaultValue={150}
                  />
                </div>
              </>
            )}
          </CommandForm>
        </details>
      ) : null}
    </section>
  );
}

function WorktablesEditor({ forum, panel, canEdit, publicUrl }: { forum: Forum; panel: ForumsPanelData; canEdit: boolean; publicUrl: string }) {
  const t = useT();
  return (
    <div className="worktables">
      {forum.worktables.length === 0 ? <p className="empty">{t("forum.tables_empty")}</p> : null}
      <ol className="worktable-list">
        {forum.worktables.map((w) => {
          const link = `${publicUrl}/t/${w.short_code}`;
          const free = panel.facilitatorCandidates.filter((c) => !w.facilitators.some((f) => f.userId === c.userId));
          return (
            <li key={w.id} className="worktable" data-table-number={w.number} data-short-code={w.short_code}>
              <img className="qr" src={`/t/${w.short_code}/qr.svg`} alt={t("forum.table_qr", { number: w.number })} width={96} height={96} loading="lazy" />
              <div>
                <p>
                  <strong>{t("forum.table", { number: w.number })}</strong> · {w.theme_name}
                </p>
                <p>
                  {t("forum.table_link")}:{" "}
                  <a href={link}>
                    <code>{link}</code>
                  </a>
                </p>
                <div className="facilitators">
                  {t("forum.facilitators")}: {w.facilitators.length === 0 ? <em>{t("forum.facilitators_none")}</em> : null}
                  {w.facilitators.map((p) => (
                    <span key={p.userId} className="pill">
                      {p.name}
                      {canEdit ? (
                        <CommandButton
                          intent="worktable_unassign"
                          hidden={{ worktableId: w.id, userId: p.userId }}
                          label={t("forum.facilitator_unassign")}
                          className="link"
                        />
                      ) : null}
                    </span>
                  ))}
                </div>
                {w.facilitators.length < 2 ? <p className="hint">{t("forum.facilitators_few")}</p> : null}
                {canEdit && free.length > 0 ? (
                  <CommandForm intent="worktable_assign" hidden={{ worktableId: w.id }} submitLabel={t("forum.facilitator_assign")} className="row">
                    {() => (
                      <select name="userId" aria-label={t("forum.facilitator_pick")} required defaultValue="">
                        <option value="" disabled>
                          {t("forum.facilitator_pick")}
                        </option>
                        {free.map((c) => (
                          <option key={c.userId} value={c.userId}>
                            {c.name}
                          </option>
                        ))}
                      </select>
                    )}
                  </CommandForm>
                ) : null}
                {canEdit && panel.facilitatorCandidates.length === 0 ? <p className="hint">{t("forum.facilitators_invite_hint")}</p> : null}
              </div>
            </li>
          );
        })}
      </ol>
      {canEdit && panel.themes.length > 0 ? (
        <CommandForm intent="worktable_create" hidden={{ forumId: forum.id }} submitLabel={t("forum.table_add")} className="row">
          {() => (
            <select name="themeId" aria-label={t("forum.table_theme")} required>
              {panel.themes.map((th) => (
                <option key={th.id} value={th.id}>
                  {th.name}
                </option>
              ))}
            </select>
          )}
        </CommandForm>
      ) : null}
    </div>
  );
}
