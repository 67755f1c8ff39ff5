// The technical roundtable's sessions: kind, the funnel column closing it fills, date, venue and status; who is
// present. The chair (or the point of contact) schedules, opens and closes sessions and records anyone present;
// members and observers record themselves ("I am present").
import { useRef } from "react";
import { SESSION_CLOSES, SESSION_KINDS } from "../../domain/technical-sessions";
import { useFormatDate, useT } from "../../i18n/react";
import { CommandButton, CommandForm, useCommandFetcher } from "../admin/CommandForm";
import { Field, FormBasics } from "../forms";
import type { Can, TechnicalPerson, TechnicalSessionView } from "./types";

interface Props {
  roundtableId: string;
  sessions: TechnicalSessionView[];
  people: Array<TechnicalPerson & { role: "member" | "observer" }>;
  can: Can;
  viewerId: string;
}

export function SessionsPanel({ roundtableId, sessions, people, can, viewerId }: Props) {
  const t = useT();
  const date = useFormatDate();
  const atTable = people.some((p) => p.userId === viewerId);
  return (
    <section className="panel sessions" aria-labelledby="sessions-h">
      <h2 id="sessions-h">{t("technical_page.sessions")}</h2>
      {sessions.length === 0 ? <p className="empty">{t("technical_page.sessions_none")}</p> : null}
      <ol className="list" data-testid="sessions">
        {sessions.map((s) => (
          <li key={s.id} data-session-number={s.number} data-session-status={s.status}>
            <strong>{t("technical_page.session", { number: s.number })}</strong>{" "}
            <span className="muted">{t(`technical_page.kind.${s.kind}` as "technical_page.kind.review")}</span>{" "}
            <span className={`status status-${s.status}`}>{t(`roundtable.round_status.${s.status}`)}</span> — {date(s.heldOn)}
            {s.venue ? ` — ${s.venue}` : ""}
            {s.closesStage ? <p className="muted small">{t("technical_page.closes", { stage: t(`funnel.${s.closesStage}` as "funnel.technical") })}</p> : null}
            <p className="small" data-testid="session-present">
              {s.present.length ? (
                <>
                  {t("technical_page.present", { count: s.present.length })}:{" "}
                  {s.present.map((p) => (p.acronym ? `${p.name} (${p.acronym})` : p.name)).join(", ")}
                </>
              ) : (
                <span className="muted">{t("technical_page.present_none")}</span>
              )}
            </p>
            {s.status === "open" && atTable ? <SelfAttendance sessionId={s.id} viewerId={viewerId} present={s.viewerPresent} /> : null}
            {can.run && s.status === "open" ? (
              <details>
                <summary>{t("technical_page.attendance")}</summary>
                <ul className="attendance-list">
                  {people.map((p) => (
                    <li key={p.userId}>
                      <AttendanceCheck sessionId={s.id} person={p} present={s.present.some((x) => x.userId === p.userId)} />
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            {can.run && s.status === "pending" ? (
              <div className="actions">
                <CommandButton intent="session_open" hidden={{ roundId: s.id }} label={t("technical_page.open_session", { number: s.number })} />
              </div>
            ) : null}
            {can.run && s.status === "open" ? (
              <details className="confirm">
                <summary>{t("technical_page.close_session", { number: s.number })}</summary>
                <p className="hint">{t("technical_page.close_session_confirm", { number: s.number })}</p>
                <CommandButton
                  intent="session_close"
                  hidden={{ roundId: s.id }}
                  label={t("technical_page.close_session_do", { number: s.number })}
                  className="danger"
                />
              </details>
            ) : null}
          </li>
        ))}
      </ol>
      {can.run ? (
        <details>
          <summary>{t("technical_page.schedule")}</summary>
          <CommandForm intent="session_schedule" hidden={{ roundtableId }} submitLabel={t("technical_page.schedule")} resetOnSuccess>
            {(res) => (
              <>
                <div className="row">
                  <Field name="kind" label={t("technical_page.kind_label")} intent="session_schedule" result={res}>
                    <select id="session_schedule-kind" name="kind" defaultValue="review">
                      {SESSION_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(`technical_page.kind.${k}`)}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field name="closesStage" label={t("technical_page.closes_label")} intent="session_schedule" result={res} optional>
                    <select id="session_schedule-closesStage" name="closesStage" defaultValue="">
                      <option value="">{t("technical_page.closes_none")}</option>
                      {SESSION_CLOSES.map((c) => (
                        <option key={c} value={c}>
                          {t(`funnel.${c}`)}
                        </option>
                      ))}
                    </select>
                  </Field>
                </div>
                <div className="row">
                  <Field name="heldOn" type="date" label={t("technical_page.date")} intent="session_schedule" result={res} optional />
                  <Field name="venue" label={t("technical_page.venue")} intent="session_schedule" result={res} optional />
                </div>
              </>
            )}
          </CommandForm>
        </details>
      ) : null}
    </section>
  );
}

/** "I am present" / "I am leaving" for oneself. */
function SelfAttendance({ sessionId, viewerId, present }: { sessionId: string; viewerId: string; present: boolean }) {
  const t = useT();
  return (
    <div className="row self-attendance">
      {present ? <span className="form-ok small">{t("technical_page.you_are_present")}</span> : null}
      <CommandButton
        intent="attendance"
        hidden={{ roundId: sessionId, userId: viewerId, present: present ? "0" : "1" }}
        label={present ? t("technical_page.i_left") : t("technical_page.i_am_present")}
        className={present ? "secondary" : undefined}
      />
    </div>
  );
}

/** The chair ticks who is present: each box saves at once (and its own button without JavaScript). */
function AttendanceCheck({ sessionId, person, present }: { sessionId: string; person: TechnicalPerson & { role: string }; present: boolean }) {
  const t = useT();
  const fetcher = useCommandFetcher(`attendance-${sessionId}-${person.userId}`);
  const form = useRef<HTMLFormElement>(null);
  const busy = fetcher.state !== "idle";
  // The hidden "0" comes first and a ticked box's "on" after it: the last value is the one sent.
  const sent = fetcher.formData?.getAll("present");
  const checked = busy && sent?.length ? sent[sent.length - 1] === "on" : present;
  const result = fetcher.data;
  const id = `present-${sessionId}-${person.userId}`;
  return (
    <fetcher.Form method="post" ref={form} className="inline attendance-check">
      <FormBasics intent="attendance" />
      <input type="hidden" name="roundId" value={sessionId} />
      <input type="hidden" name="userId" value={person.userId} />
      <input type="hidden" name="present" value="0" />
      <input type="checkbox" id={id} name="present" value="on" checked={checked} aria-busy={busy} onChange={(e) => fetcher.submit(e.currentTarget.form)} />{" "}
      <label htmlFor={id}>
        {person.name}
        {person.acronym ? ` (${person.acronym})` : ""}{" "}
        <span className="muted small">· {t(person.role === "observer" ? "technical_page.role.observer" : "technical_page.role.member")}</span>
      </label>
      <noscript>
        <button type="submit" className="secondary small">
          {t("common.save")}
        </button>
      </noscript>
      {result && !result.ok ? (
        <span className="form-error" role="alert">
          {result.error.message}
        </span>
      ) : null}
    </fetcher.Form>
  );
}
