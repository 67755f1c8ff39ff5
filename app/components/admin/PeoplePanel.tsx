import { useState } from "react";
import { ORGANIZATION_SECTORS } from "../../domain/guatemala";
import { ROLES } from "../../domain/roles";
import { useFormatDate, useT } from "../../i18n/react";
import { Field } from "../forms";
import { CommandButton, CommandForm } from "./CommandForm";

/** `email` is null for readers who may not see staff e-mails (everyone but the point of contact). */
interface Member {
  id: string;
  role: string;
  user_id: string;
  name: string;
  email: string | null;
  organization_acronym: string | null;
}
interface Invitation {
  id: string;
  email: string | null;
  name: string;
  role: string;
  expires_at: string;
  organization_acronym: string | null;
}
interface Organization {
  id: string;
  name: string;
  acronym: string;
  sector: string;
}

export function PeoplePanel(props: {
  consultationId: string;
  members: Member[];
  invitations: Invitation[];
  organizations: Organization[];
  publicUrl: string;
  canEdit: boolean;
  showEmails: boolean;
}) {
  const t = useT();
  const date = useFormatDate();
  const [link, setLink] = useState<string | null>(null);
  const { consultationId, canEdit, showEmails } = props;
  return (
    <section className="panel" aria-labelledby="people-h">
      <h2 id="people-h">{t("admin.people")}</h2>
      {props.members.length === 0 ? <p className="empty">{t("admin.members_empty")}</p> : null}
      <table className="table">
        <thead>
          <tr>
            <th>{t("field.name")}</th>
            {showEmails ? <th>{t("field.email")}</th> : null}
            <th>{t("field.organization")}</th>
            <th>{t("field.role")}</th>
            {canEdit ? <th /> : null}
          </tr>
        </thead>
        <tbody>
          {props.members.map((m) => (
            <tr key={m.id}>
              <td>{m.name}</td>
              {showEmails ? <td>{m.email}</td> : null}
              <td>{m.organization_acronym ?? "—"}</td>
              <td>{t(`role.${m.role}` as "role.observer")}</td>
              {canEdit ? (
                <td>
                  <CommandButton intent="role_revoke" hidden={{ consultationId, userId: m.user_id, role: m.role }} label={t("admin.revoke")} className="link" />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {props.invitations.length > 0 ? (
        <>
          <h3>{t("admin.invitations_pending")}</h3>
          <ul className="list">
            {props.invitations.map((i) => (
              <li key={i.id}>
                {i.name}
                {showEmails && i.email ? <> &lt;{i.email}&gt;</> : null}
                {i.organization_acronym ? ` (${i.organization_acronym})` : ""} — {t(`role.${i.role}` as "role.observer")} — {date(i.expires_at)}
                {canEdit ? <CommandButton intent="invite_revoke" hidden={{ invitationId: i.id }} label={t("admin.revoke")} className="link" /> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canEdit ? (
        <details>
          <summary>{t("admin.invite")}</summary>
          <CommandForm
            intent="invite"
            hidden={{ consultationId }}
            submitLabel={t("admin.invite")}
            resetOnSuccess
            onSuccess={(r) => r.ok && setLink(`${props.publicUrl}${(r.result as { path: string }).path}`)}
          >
            {(r) => (
              <>
                <Field name="name" label={t("field.name")} intent="invite" result={r} required />
                <Field name="email" type="email" label={t("field.email")} intent="invite" result={r} required />
                <Field name="role" label={t("field.role")} intent="invite" result={r}>
                  <select id="invite-role" name="role">
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`role.${role}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field name="organizationId" label={t("field.organization")} intent="invite" result={r} optional>
                  <select id="invite-organizationId" name="organizationId">
                    <option value="">{t("common.none")}</option>
                    {props.organizations.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.acronym} — {o.name}
                      </option>
                    ))}
                  </select>
                </Field>
              </>
            )}
          </CommandForm>
          {link ? (
            <p className="form-ok" role="status">
              {t("admin.invite_link")} <code data-testid="invite-link">{link}</code>
            </p>
          ) : null}
        </details>
      ) : null}

      <h3>{t("admin.organizations")}</h3>
      <ul className="list compact">
        {props.organizations.map((o) => (
          <li key={o.id}>
            <strong>{o.acronym}</strong> — {o.name} <span className="muted">({t(`sector.${o.sector}` as "sector.public")})</span>
          </li>
        ))}
      </ul>
      {canEdit ? (
        <details>
          <summary>{t("admin.org_add")}</summary>
          <CommandForm intent="org_create" hidden={{ consultationId }} submitLabel={t("admin.org_add")} resetOnSuccess>
            {(r) => (
              <>
                <Field name="name" label={t("field.name")} intent="org_create" result={r} required />
                <Field name="acronym" label={t("field.acronym")} intent="org_create" result={r} required />
                <Field name="sector" label={t("field.sector")} intent="org_create" result={r}>
                  <select id="org_create-sector" name="sector">
                    {ORGANIZATION_SECTORS.map((s) => (
                      <option key={s} value={s}>
                        {t(`sector.${s}`)}
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
