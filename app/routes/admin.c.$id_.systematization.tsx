// Systematization (stage 3 → 4): a theme's citizen input from forums and online, side by side; select
// several, write the summary, save. Each summary lists the inputs it came from, and each input shows the
// summary that took it up.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { CommandButton, CommandForm } from "../components/admin/CommandForm";
import { Field } from "../components/forms";
import { forumPlace, metaTranslator } from "../components/forums/format";
import { subjectLabel } from "../components/input-labels";
import { LiveBadge } from "../components/LiveBadge";
import { useFormatDate, useT } from "../i18n/react";
import { handleCommandForm } from "../lib/command-form.server";
import { systematization } from "../lib/queries.server";
import { inputText, requireStaff } from "../lib/read-policy.server";
import { useStaffChanges } from "../live/useLive";
import { useQuietRevalidate } from "../live/useQuietRevalidate";
import { readForm } from "../lib/read-form.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${metaTranslator(matches)("summary.title")} · ${data.consultation.title}` : "Cocrea" },
];

const INTENTS = { create: "summary.create", update: "summary.update", delete: "summary.delete" };

async function access(context: LoaderFunctionArgs["context"], request: Request, consultationId: string) {
  const { policy } = await requireStaff(context, request, consultationId);
  return { policy, canEdit: policy.canSystematize };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { policy, canEdit } = await access(context, request, params.id!);
  const q = new URL(request.url).searchParams;
  const channel = q.get("channel");
  const view = await systematization(context.db, params.id!, {
    themeId: q.get("theme"),
    channel: channel === "forum" || channel === "online" ? channel : null,
    forumId: q.get("forum") || null,
    onlyFree: q.get("free") !== "0",
    summaryId: q.get("edit"),
  });
  if (!view) throw new Response("Not found", { status: 404 });
  // A summary keeps the inputs it came from; one hidden since by moderation shows its text to moderators only.
  const summaries = view.summaries.map((s) => ({ ...s, sources: s.sources.map((i) => ({ ...i, text: inputText(policy, i) })) }));
  return json({ ...view, summaries, canEdit });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await access(context, request, params.id!);
  // Several checkboxes share the name `inputIds`: read them all before the generic adapter reads the form.
  const inputIds = (await readForm(request, context.lang)).getAll("inputIds").map(String);
  return handleCommandForm(request, context, INTENTS, { consultationId: params.id!, inputIds });
}

export default function Systematization() {
  const t = useT();
  const date = useFormatDate();
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  // Other systematizers' summaries show up as they are saved.
  const live = useStaffChanges(data.consultation.id, useQuietRevalidate());
  const { theme, editing } = data;
  const [selected, setSelected] = useState<Set<string>>(new Set(editing?.inputIds ?? []));
  const [editKey, setEditKey] = useState(editing?.id ?? "new");
  if ((editing?.id ?? "new") !== editKey) {
    setEditKey(editing?.id ?? "new");
    setSelected(new Set(editing?.inputIds ?? []));
  }
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });
  const withoutEdit = () => {
    const p = new URLSearchParams(params);
    p.delete("edit");
    return `?${p.toString()}`;
  };

  return (
    <article className="systematization">
      <header className="page-head">
        <p>
          <Link to={`/admin/c/${data.consultation.id}`}>← {data.consultation.title}</Link>
        </p>
        <h1>{t("summary.title")}</h1>
        <LiveBadge status={live} />
        <p className="lead">{t("summary.intro")}</p>
      </header>

      <Form method="get" className="row filters">
        <div className="field">
          <label htmlFor="f-theme">{t("summary.theme")}</label>
          <select id="f-theme" name="theme" defaultValue={theme?.id}>
            {data.themes.map((th) => (
              <option key={th.id} value={th.id}>
                {th.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-channel">{t("summary.channel")}</label>
          <select id="f-channel" name="channel" defaultValue={params.get("channel") ?? ""}>
            <option value="">{t("summary.channel_all")}</option>
            <option value="forum">{t("summary.channel_forum")}</option>
            <option value="online">{t("summary.channel_online")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-forum">{t("summary.forum")}</label>
          <select id="f-forum" name="forum" defaultValue={params.get("forum") ?? ""}>
            <option value="">{t("summary.forum_all")}</option>
            {data.forums.map((f) => (
              <option key={f.id} value={f.id}>
                {forumPlace(f)} · {date(f.held_on)}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <input type="hidden" name="free" value="0" />
          <input id="f-free" type="checkbox" name="free" value="1" defaultChecked={params.get("free") !== "0"} />
          <label htmlFor="f-free">{t("summary.only_free")}</label>
        </div>
        <button type="submit">{t("summary.filter")}</button>
      </Form>

      {theme ? (
        <>
          <p className="muted" data-testid="coverage">
            {t("summary.coverage", { summarized: data.coverage.summarized, total: data.coverage.total })}
          </p>
          <div className="systematization-grid">
            <section aria-labelledby="inputs-h" className="panel">
              {data.canEdit ? (
                <CommandForm
                  key={editKey}
                  intent={editing ? "update" : "create"}
                  hidden={editing ? { summaryId: editing.id } : { themeId: theme.id }}
                  submitLabel={editing ? t("summary.update") : t("summary.create")}
                  resetOnSuccess
                  onSuccess={() => {
                    setSelected(new Set());
                    if (editing) navigate(withoutEdit(), { replace: true });
                  }}
                >
                  {(r) => (
                    <>
                      <h2 id="inputs-h">
                        {editing ? t("summary.edit") : t("summary.new")} · {theme.name}
                      </h2>
                      <InputList inputs={data.inputs as Input[]} selectable selected={selected} onToggle={toggle} editingId={editing?.id ?? null} />
                      <p className="muted" data-testid="selected-count">
                        {t("summary.selected", { count: selected.size })}
                      </p>
                      <Field
                        name="title"
                        label={t("summary.summary_title")}
                        intent={editing ? "update" : "create"}
                        result={r}
                        defaultValue={editing?.title}
                        required
                      />
                      <Field
                        name="text"
                        label={t("summary.text")}
                        intent={editing ? "update" : "create"}
                        result={r}
                        defaultValue={editing?.text}
                        multiline
                        required
                      />
                      {editing ? <Link to={withoutEdit()}>{t("summary.cancel_edit")}</Link> : null}
                    </>
                  )}
                </CommandForm>
              ) : (
                <>
                  <h2 id="inputs-h">
                    {t("summary.inputs")} · {theme.name}
                  </h2>
                  <InputList inputs={data.inputs as Input[]} selectable={false} selected={selected} onToggle={toggle} editingId={null} />
                </>
              )}
            </section>

            <section aria-labelledby="summaries-h" className="panel">
              <h2 id="summaries-h">{t("summary.list")}</h2>
              {data.summaries.length === 0 ? <p className="empty">{t("summary.list_empty")}</p> : null}
              <ul className="summaries" data-testid="summaries">
                {data.summaries.map((s) => (
                  <li key={s.id} className="card" data-summary-id={s.id}>
                    <h3>{s.title}</h3>
                    <p className="prose">{s.text}</p>
                    <p className="muted">
                      {s.created_by_name ?? "—"} · {date(s.updated_at)}
                    </p>
                    <details>
                      <summary>{t("summary.sources", { count: s.sources.length })}</summary>
                      <ul className="list compact">
                        {s.sources.map((i) => (
                          <li key={i.id} data-input-id={i.id}>
                            <span className={`pill channel-${i.channel}`}>
                              {i.channel === "forum"
                                ? t("summary.forum_table", {
                                    forum: forumPlace({ department: i.forum_department ?? "", municipality: i.forum_municipality ?? "" }),
                                    number: i.table_number ?? 0,
                                  })
                                : t("summary.online")}
                            </span>{" "}
                            {i.text ?? <em className="muted">{t("intake.status.hidden")}</em>}
                          </li>
                        ))}
                      </ul>
                    </details>
                    {data.canEdit ? (
                      <div className="row">
                        <Link to={`?${new URLSearchParams({ ...Object.fromEntries(params), edit: s.id }).toString()}`}>{t("summary.edit")}</Link>
                        <CommandButton intent="delete" hidden={{ summaryId: s.id }} label={t("summary.delete")} className="link" />
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          </div>
        </>
      ) : null}
    </article>
  );
}

interface Input {
  id: string;
  channel: string;
  subject: string;
  axis: string | null;
  theme_id: string | null;
  text: string;
  department: string | null;
  sector: string | null;
  speaker_sector: string | null;
  created_at: string;
  table_number: number | null;
  forum_department: string | null;
  forum_municipality: string | null;
  summary_id: string | null;
  summary_title: string | null;
}

function InputList({
  inputs,
  selectable,
  selected,
  onToggle,
  editingId,
}: {
  inputs: Input[];
  selectable: boolean;
  selected: Set<string>;
  onToggle: (id: string, on: boolean) => void;
  editingId: string | null;
}) {
  const t = useT();
  const date = useFormatDate();
  if (inputs.length === 0) return <p className="empty">{t("summary.inputs_empty")}</p>;
  return (
    <ul className="input-list" data-testid="inputs">
      {inputs.map((i) => {
        const takenElsewhere = Boolean(i.summary_id && i.summary_id !== editingId);
        return (
          <li key={i.id} className={takenElsewhere ? "taken" : undefined} data-input-id={i.id}>
            {selectable ? (
              <input
                type="checkbox"
                id={`in-${i.id}`}
                name="inputIds"
                value={i.id}
                checked={selected.has(i.id)}
                disabled={takenElsewhere}
                onChange={(e) => onToggle(i.id, e.target.checked)}
                aria-label={`${t("summary.select")}: ${i.text.slice(0, 80)}`}
              />
            ) : null}
            <label htmlFor={`in-${i.id}`}>
              <span className="input-text">{i.text}</span>
              <span className="muted input-meta">
                <span className={`pill channel-${i.channel}`}>
                  {i.channel === "forum"
                    ? t("summary.forum_table", {
                        forum: forumPlace({ department: i.forum_department ?? "", municipality: i.forum_municipality ?? "" }),
                        number: i.table_number ?? 0,
                      })
                    : t("summary.online")}
                </span>{" "}
                {date(i.created_at)}
                {i.speaker_sector || i.sector ? ` · ${t(`sector.${i.speaker_sector ?? i.sector}` as "sector.citizen")}` : ""}
                {i.department && i.channel === "online" ? ` · ${i.department}` : ""}
                {i.theme_id === null ? ` · ${subjectLabel(t, i.subject, i.axis)}` : ""}
                {i.summary_id ? (
                  <>
                    {" "}
                    · <em>{t("summary.taken_by", { title: i.summary_title ?? "" })}</em>
                  </>
                ) : null}
              </span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}
