// The point of contact's dashboard: details, stages, themes, forums, people and recent activity, live.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { adminOverview, forumsPanel, publicConsultation } from "../lib/queries.server";
import { requireStaff } from "../lib/read-policy.server";
import { ActivityPanel } from "../components/admin/ActivityPanel";
import { CommandForm } from "../components/admin/CommandForm";
import { FORUM_INTENTS, ForumsPanel } from "../components/admin/ForumsPanel";
import { PeoplePanel } from "../components/admin/PeoplePanel";
import { ROUNDTABLE_INTENTS, RoundtablesPanel } from "../components/admin/RoundtablesPanel";
import { StagesPanel } from "../components/admin/StagesPanel";
import { ThemesPanel } from "../components/admin/ThemesPanel";
import { TECHNICAL_INTENTS, TechnicalPanel, decisionSettingsPayload } from "../components/admin/TechnicalPanel";
import { FUNNEL_SETTINGS_INTENTS, FunnelColumnsPanel, funnelColumnsPayload } from "../components/admin/FunnelColumnsPanel";
import { Field } from "../components/forms";
import { LiveBadge } from "../components/LiveBadge";
import { useT } from "../i18n/react";
import { handleCommandForm } from "../lib/command-form.server";
import { requireUser } from "../lib/require-user.server";
import { useLiveConsultation } from "../live/useLive";
import { roundtablesOverview, technicalPanel } from "../lib/queries.server";
import { readForm } from "../lib/read-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.consultation.title} · Admin` : "Cocrea" }];

const INTENTS: Record<string, string> = {
  update: "consultation.update",
  stage_open: "stage.open",
  stage_close: "stage.close",
  stage_update: "stage.update",
  stage_move: "stage.move",
  stage_add: "stage.add",
  theme_create: "theme.create",
  theme_update: "theme.update",
  theme_archive: "theme.archive",
  theme_restore: "theme.restore",
  theme_move: "theme.move",
  ...FORUM_INTENTS,
  ...ROUNDTABLE_INTENTS,
  ...TECHNICAL_INTENTS,
  ...FUNNEL_SETTINGS_INTENTS,
  invite: "invitation.create",
  invite_revoke: "invitation.revoke",
  role_revoke: "role.revoke",
  org_create: "organization.create",
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireUser(context, request);
  const view = await publicConsultation(context.db, params.id!);
  if (!view) throw new Response("Not found", { status: 404 });
  const { user, policy } = await requireStaff(context, request, view.consultation.id);
  const overview = await adminOverview(context.db, view.consultation.id);
  // Staff and invitees' e-mails go to the point of contact only; the rest of the staff see names and organizations.
  const members = overview.members.map((m) => ({ ...m, email: policy.canSeeEmails ? m.email : null }));
  const invitations = overview.invitations.map((i) => ({ ...i, email: policy.canSeeEmails ? i.email : null }));
  return json({
    consultation: view.consultation,
    stages: view.stages,
    forums: view.forums,
    forumsPanel: await forumsPanel(context.db, view.consultation.id, user.id),
    roundtables: await roundtablesOverview(context.db, view.consultation.id),
    technical: await technicalPanel(context.db, view.consultation.id),
    declarations: view.declarations.length,
    ...overview,
    members,
    invitations,
    publicUrl: context.publicUrl,
    canEdit: policy.isContact,
    canModerate: policy.canModerate,
    canSeeEmails: policy.canSeeEmails,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireUser(context, request);
  // The decision settings post percentages and one field per sector: shaped here into what the command takes.
  const form = await readForm(request, context.lang);
  const intent = form.get("intent");
  const extra = intent === "decision_settings" ? decisionSettingsPayload(form) : intent === "funnel_columns" ? funnelColumnsPayload(form) : {};
  return handleCommandForm(request, context, INTENTS, extra);
}

export default function Dashboard() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const live = useLiveConsultation(data.consultation.id, { staff: true });
  const c = data.consultation;
  return (
    <div className="dashboard">
      <header className="page-head">
        <h1>{c.title}</h1>
        <LiveBadge status={live} />
        <p>
          <Link to={`/c/${c.slug}`}>{t("admin.public_page")}</Link> · <Link to={`/admin/c/${c.id}/plan`}>{t("plan.admin.title")}</Link> ·{" "}
          {t("admin.count_signed", { count: data.declarations })}
          {data.canModerate ? (
            <>
              {" "}
              · <Link to={`/admin/c/${c.id}/opiniones`}>{t("intake.mod_link")}</Link>
            </>
          ) : null}{" "}
          · <Link to={`/admin/c/${c.id}/seguimiento`}>{t("followup.staff.nav")}</Link>
        </p>
      </header>
      <div className="grid">
        <StagesPanel stages={data.stages} consultationId={c.id} canEdit={data.canEdit} />
        <ThemesPanel themes={data.themes} consultationId={c.id} canEdit={data.canEdit} />
        <ForumsPanel panel={data.forumsPanel} consultationId={c.id} canEdit={data.canEdit} publicUrl={data.publicUrl} />
        <RoundtablesPanel overview={data.roundtables} consultationId={c.id} canEdit={data.canEdit} />
        <TechnicalPanel panel={data.technical} consultation={c} canEdit={data.canEdit} />
        <FunnelColumnsPanel consultationId={c.id} stored={c.funnel_columns} canEdit={data.canEdit} />
        <PeoplePanel
          consultationId={c.id}
          members={data.members}
          invitations={data.invitations}
          showEmails={data.canSeeEmails}
          organizations={data.organizations}
          publicUrl={data.publicUrl}
          canEdit={data.canEdit}
        />
        {data.canEdit ? (
          <section className="panel" aria-labelledby="details-h">
            <h2 id="details-h">{t("admin.details")}</h2>
            <CommandForm intent="update" hidden={{ consultationId: c.id }} submitLabel={t("common.save")}>
              {(r) => (
                <>
                  <Field name="title" label={t("field.title")} intent="update" result={r} defaultValue={c.title} required />
                  <div className="row">
                    <Field name="startsOn" type="date" label={t("field.starts_on")} intent="update" result={r} defaultValue={c.starts_on} optional />
                    <Field name="endsOn" type="date" label={t("field.ends_on")} intent="update" result={r} defaultValue={c.ends_on} optional />
                  </div>
                  <Field name="description" label={t("field.description")} intent="update" result={r} defaultValue={c.description} multiline />
                  <Field name="methodology" label={t("field.methodology")} intent="update" result={r} defaultValue={c.methodology} multiline />
                  <Field name="participation" label={t("field.participation")} intent="update" result={r} defaultValue={c.participation} multiline />
                  <Field name="ethicsText" label={t("field.ethics_text")} intent="update" result={r} defaultValue={c.ethics_text} multiline />
                  <div className="row">
                    <Field
                      name="maxCommitments"
                      type="number"
                      min={1}
                      label={t("field.max_commitments")}
                      intent="update"
                      result={r}
                      defaultValue={c.max_commitments}
                    />
                    <Field
                      name="maxMilestones"
                      type="number"
                      min={1}
                      label={t("field.max_milestones")}
                      intent="update"
                      result={r}
                      defaultValue={c.max_milestones}
                    />
                  </div>
                </>
              )}
            </CommandForm>
          </section>
        ) : null}
        <ActivityPanel activity={data.activity} />
      </div>
    </div>
  );
}
