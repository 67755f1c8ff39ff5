// Attendance at a forum's door: a big +1, a head count for groups, or a registration with optional details
// (the name is private). Counters for this forum and all forums update live.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { CommandButton, CommandForm } from "../components/admin/CommandForm";
import { Field } from "../components/forms";
import { Breakdown, useBreakdownLabel } from "../components/forums/AttendanceBreakdown";
import { AttendanceCounter } from "../components/forums/BoardParts";
import { forumPlace, metaTranslator, useFormatTime } from "../components/forums/format";
import { LiveBadge } from "../components/LiveBadge";
import { AGE_RANGES, GENDERS, PARTICIPANT_SECTORS } from "../domain/attendance";
import { FORUM_EVENTS } from "../domain/forum-events";
import { DEPARTMENTS } from "../domain/guatemala";
import { useT } from "../i18n/react";
import { handleCommandForm } from "../lib/command-form.server";
import { requireForumStaff } from "../lib/forum-access.server";
import { forumAttendance } from "../lib/queries.server";
import { useForumLive } from "../live/useForumLive";
import { useQuietRevalidate } from "../live/useQuietRevalidate";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? metaTranslator(matches)("attendance.title", { forum: forumPlace(data.forum) }) : "Cocrea" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { forum, policy } = await requireForumStaff(context, request, params.forumId);
  const view = (await forumAttendance(context.db, forum.id))!;
  return json({ ...view, canRecord: policy.canRecordAttendance });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { forum } = await requireForumStaff(context, request, params.forumId);
  return handleCommandForm(
    request,
    context,
    { register: "attendance.register", count: "attendance.count", remove: "attendance.remove" },
    { forumId: forum.id },
  );
}

export default function Attendance() {
  const t = useT();
  const time = useFormatTime();
  const label = useBreakdownLabel();
  const data = useLoaderData<typeof loader>();
  const { forum } = data;
  const reload = useQuietRevalidate();
  const initial = useMemo(
    () => ({ forumId: forum.id, captures: [], attendance: { forum: data.totals.total, total: data.consultationTotal }, status: forum.status }),
    [forum.id, forum.status, data.totals.total, data.consultationTotal],
  );
  // Someone else at the door recorded people: reload the breakdown and the latest entries.
  const live = useForumLive(initial, { onEvent: (e) => e === FORUM_EVENTS.attendanceChanged && reload() });
  const open = live.status !== "closed" && data.canRecord;

  return (
    <article className="attendance-page">
      <header className="page-head">
        <h1>{t("attendance.title", { forum: forumPlace(forum) })}</h1>
        <LiveBadge status={live.live} />
        <p>
          <Link to={`/forums/${forum.id}/board`}>{t("forum.board")}</Link>
        </p>
      </header>
      <AttendanceCounter forum={live.attendance.forum} total={live.attendance.total} expected={forum.expected_attendance} />
      {live.status === "closed" ? <p className="notice">{t("attendance.closed")}</p> : null}
      {open ? (
        <div className="attendance-actions">
          <CommandForm intent="count" hidden={{ count: "1" }} submitLabel={t("attendance.plus_one")} className="plus-one">
            {() => null}
          </CommandForm>
          <details>
            <summary>{t("attendance.add_count")}</summary>
            <CommandForm intent="count" submitLabel={t("attendance.add_count")} resetOnSuccess>
              {(r) => <Field name="count" type="number" min={1} max={500} label={t("attendance.how_many")} intent="count" result={r} required />}
            </CommandForm>
          </details>
          <details open>
            <summary>{t("attendance.register")}</summary>
            <p className="hint">{t("attendance.register_hint")}</p>
            <CommandForm intent="register" submitLabel={t("attendance.register")} resetOnSuccess>
              {(r) => (
                <>
                  <Field name="sector" label={t("attendance.sector")} intent="register" result={r} optional>
                    <select id="register-sector" name="sector" defaultValue="">
                      <option value="">{t("attendance.not_said")}</option>
                      {PARTICIPANT_SECTORS.map((s) => (
                        <option key={s} value={s}>
                          {label("sector", s)}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <div className="row">
                    <Field name="gender" label={t("attendance.gender")} intent="register" result={r} optional>
                      <select id="register-gender" name="gender" defaultValue="">
                        <option value="">{t("attendance.not_said")}</option>
                        {GENDERS.map((g) => (
                          <option key={g} value={g}>
                            {label("gender", g)}
                          </option>
                        ))}
                      </select>
                    </Field>
                    <Field name="ageRange" label={t("attendance.age_range")} intent="register" result={r} optional>
                      <select id="register-ageRange" name="ageRange" defaultValue="">
                        <option value="">{t("attendance.not_said")}</option>
                        {AGE_RANGES.map((a) => (
                          <option key={a} value={a}>
                            {label("age", a)}
                          </option>
                        ))}
                      </select>
                    </Field>
                  </div>
                  <Field name="department" label={t("attendance.department")} intent="register" result={r} optional>
                    <select id="register-department" name="department" defaultValue={forum.department}>
                      <option value="">{t("attendance.not_said")}</option>
                      {DEPARTMENTS.map((d) => (
                        <option key={d} value={d}>
                          {d}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field name="name" label={t("attendance.name")} intent="register" result={r} optional />
                </>
              )}
            </CommandForm>
          </details>
        </div>
      ) : null}

      <Breakdown totals={data.totals} />

      <section aria-labelledby="recent-h">
        <h2 id="recent-h">{t("attendance.recent")}</h2>
        <ul className="list compact" data-testid="attendance-recent">
          {data.recent.map((e) => (
            <li key={e.id}>
              {time(e.created_at)} ·{" "}
              {e.head_count > 1 || (!e.sector && !e.gender && !e.age_range && !e.department)
                ? t("attendance.head_count", { count: e.head_count })
                : [e.sector && label("sector", e.sector), e.gender && label("gender", e.gender), e.age_range && label("age", e.age_range), e.department]
                    .filter(Boolean)
                    .join(" · ")}
              {e.recorded_by_name ? <span className="muted"> · {e.recorded_by_name}</span> : null}
              {open ? <CommandButton intent="remove" hidden={{ attendanceId: e.id }} label={t("attendance.undo")} className="link" /> : null}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
