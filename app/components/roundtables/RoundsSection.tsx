// The table's rounds: date, venue, host institution and status; the point of contact schedules, opens and closes
// them; members record which organizations are present at the open round.
import { useFormatDate, useT } from "../../i18n/react";
import { CommandButton, CommandForm } from "../admin/CommandForm";
import { Field } from "../forms";
import type { Organization, SessionRound } from "./types";

interface Props {
  roundtableId: string;
  rounds: SessionRound[];
  organizations: Organization[];
  canManage: boolean;
  canRecordAttendance: boolean;
}

export function RoundsSection({ roundtableId, rounds, organizations, canManage, canRecordAttendance }: Props) {
  const t = useT();
  const date = useFormatDate();
  const acronym = (id: string) => organizations.find((o) => o.id === id)?.acronym ?? "?";
  return (
    <section className="panel rounds" aria-labelledby="rounds-h">
      <h2 id="rounds-h">{t("roundtable.rounds")}</h2>
      {rounds.length === 0 ? <p className="empty">{t("roundtable.round_none")}</p> : null}
      <ol className="list" data-testid="rounds">
        {rounds.map((r) => {
          const later = rounds.some((o) => o.number > r.number && o.status === "pending");
          return (
            <li key={r.id} data-round-number={r.number} data-round-status={r.status}>
              <strong>{t("roundtable.round", { number: r.number })}</strong>{" "}
              <span className={`status status-${r.status}`}>{t(`roundtable.round_status.${r.status}` as "roundtable.round_status.open")}</span> —{" "}
              {date(r.held_on)}
              {r.venue ? ` — ${r.venue}` : ""}
              {r.host_acronym ? (
                <span className="muted">
                  {" "}
                  ({t("roundtable.round_host")}: {r.host_acronym})
                </span>
              ) : null}
              {r.present.length ? (
                <p className="muted">
                  {t("roundtable.attendance_count", { count: r.present.length })}: {r.present.map(acronym).join(", ")}
                </p>
              ) : null}
              {canManage && r.status !== "closed" ? (
                <details>
                  <summary>{t("common.edit")}</summary>
                  <CommandForm intent="round_update" hidden={{ roundId: r.id }} submitLabel={t("common.save")}>
                    {(res) => (
                      <>
                        <div className="row">
                          <Field
                            name="heldOn"
                            type="date"
                            label={t("roundtable.round_date")}
                            intent="round_update"
                            result={res}
                            defaultValue={r.held_on}
                            id={`round-${r.id}-heldOn`}
                            optional
                          />
                          <Field
                            name="venue"
                            label={t("roundtable.round_venue")}
                            intent="round_update"
                            result={res}
                            defaultValue={r.venue}
                            id={`round-${r.id}-venue`}
                          />
                        </div>
                        <Field
                          name="hostOrganizationId"
                          label={t("roundtable.round_host")}
                          intent="round_update"
                          result={res}
                          id={`round-${r.id}-host`}
                          optional
                        >
                          <select id={`round-${r.id}-host`} name="hostOrganizationId" defaultValue={r.host_organization_id ?? ""}>
                            <option value="">—</option>
                            {organizations.map((o) => (
                              <option key={o.id} value={o.id}>
                                {o.acronym} — {o.name}
                              </option>
                            ))}
                          </select>
                        </Field>
                      </>
                    )}
                  </CommandForm>
                </details>
              ) : null}
              {canManage && r.status === "pending" ? (
                <div className="actions">
                  <CommandButton intent="round_open" hidden={{ roundId: r.id }} label={t("roundtable.round_open", { number: r.number })} />
                </div>
              ) : null}
              {canManage && r.status === "open" ? (
                <CommandForm
                  intent="round_close"
                  hidden={{ roundId: r.id }}
                  submitLabel={t("roundtable.round_close", { number: r.number })}
                  className="stack actions"
                >
                  {() => (
                    <>
                      {/* Unticked means "do not advance" (an absent box would mean "decide for me"); a ticked box comes later and wins. */}
                      <input type="hidden" name="advance" value="0" />
                      <label className="check">
                        <input type="checkbox" name="advance" value="on" defaultChecked={!later} /> {t("roundtable.round_close_advance")}
                      </label>
                      <small className="hint">{t("roundtable.round_close_hint")}</small>
                    </>
                  )}
                </CommandForm>
              ) : null}
              {canRecordAttendance && r.status === "open" ? (
                <details>
                  <summary>{t("roundtable.attendance")}</summary>
                  <CommandForm intent="round_attendance" hidden={{ roundId: r.id }} submitLabel={t("roundtable.attendance_save")}>
                    {() => (
                      <div className="org-checks">
                        {organizations.map((o, i) => (
                          <label key={o.id} className="check">
                            <input type="checkbox" name={`organizationIds.${i}`} value={o.id} defaultChecked={r.present.includes(o.id)} /> {o.acronym}
                          </label>
                        ))}
                      </div>
                    )}
                  </CommandForm>
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
      {canManage ? (
        <details>
          <summary>{t("roundtable.round_schedule")}</summary>
          <CommandForm intent="round_schedule" hidden={{ roundtableId }} submitLabel={t("roundtable.round_schedule")} resetOnSuccess>
            {(res) => (
              <>
                <div className="row">
                  <Field name="heldOn" type="date" label={t("roundtable.round_date")} intent="round_schedule" result={res} optional />
                  <Field name="venue" label={t("roundtable.round_venue")} intent="round_schedule" result={res} />
                </div>
                <Field name="hostOrganizationId" label={t("roundtable.round_host")} intent="round_schedule" result={res} optional>
                  <select id="round_schedule-hostOrganizationId" name="hostOrganizationId" defaultValue="">
                    <option value="">—</option>
                    {organizations.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.acronym} — {o.name}
                      </option>
                    ))}
                  </select>
                </Field>
              </>
            )}
          </CommandForm>
        </details>
      ) : null}
    </section>
  );
}
