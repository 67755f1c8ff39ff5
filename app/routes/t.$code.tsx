// The facilitator's capture screen for one worktable, opened from the table's short link or QR code on a
// phone. Captures go to an outbox on the device first, so the screen keeps working when the network drops.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useCallback, useMemo } from "react";
import { CaptureForm, type CaptureDraft } from "../components/forums/CaptureForm";
import { CaptureList, type CaptureListItem } from "../components/forums/CaptureList";
import { forumPlace, metaTranslator } from "../components/forums/format";
import { OutboxStatus } from "../components/forums/OutboxStatus";
import { normalizeShortCode } from "../domain/forum";
import { visibleCaptures, type BoardCapture } from "../domain/forum-board";
import type { Envelope } from "../domain/outbox";
import { useFormatDate, useT } from "../i18n/react";
import { handleCommandForm } from "../lib/command-form.server";
import { captureScreen } from "../lib/queries.server";
import { readPolicy } from "../lib/read-policy.server";
import { requireUser } from "../lib/require-user.server";
import { useForumLive } from "../live/useForumLive";
import { useOfflineShell } from "../live/useOfflineShell";
import { newCommandId, useOutbox } from "../live/useOutbox";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? metaTranslator(matches)("capture.title", { number: data.worktable.number, theme: data.worktable.themeName }) : "Cocrea" },
  { name: "theme-color", content: "#0b2e4f" },
];

async function load(context: LoaderFunctionArgs["context"], request: Request, code: string | undefined) {
  const user = requireUser(context, request);
  const screen = await captureScreen(context.db, normalizeShortCode(code ?? ""));
  if (!screen) throw new Response("Not found", { status: 404 });
  const policy = await readPolicy(context.db, user, screen.forum.consultation_id);
  if (!policy.isStaff) throw new Response("Forbidden", { status: 403 });
  const assigned = screen.worktable.facilitators.some((f) => f.userId === user.id);
  return { user, screen, canCapture: assigned && policy.canCapture };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, screen, canCapture } = await load(context, request, params.code);
  return json({ ...screen, me: { id: user.id, name: user.name }, canCapture }, { headers: { "Cache-Control": "private, no-cache" } });
}

/** Without JavaScript the form posts here; the command id comes from the page nonce (a double post applies once). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { screen } = await load(context, request, params.code);
  return handleCommandForm(request, context, { capture: "capture.create" }, { worktableId: screen.worktable.id });
}

/** What the list shows: server captures, with this device's waiting captures and corrections laid over them. */
function listItems(captures: BoardCapture[], waiting: Envelope[], me: { id: string; name: string }): CaptureListItem[] {
  const known = new Set(captures.map((c) => c.id));
  const changes = new Map<string, Envelope>();
  for (const e of waiting) if (e.type !== "capture.create") changes.set(String(e.payload.inputId), e);
  const pending: CaptureListItem[] = waiting
    .filter((e) => e.type === "capture.create" && !known.has(e.id))
    .map((e) => ({
      id: e.id,
      text: String(e.payload.text),
      themeId: (e.payload.themeId as string) ?? null,
      speakerSector: (e.payload.speakerSector as string) ?? null,
      tags: (e.payload.tags as string[]) ?? [],
      createdAt: String(e.payload.capturedAt),
      capturedBy: me.id,
      capturedByName: me.name,
      summaryId: null,
      state: "pending" as const,
    }))
    .reverse();
  const sent = visibleCaptures(captures)
    .filter((c) => changes.get(c.id)?.type !== "capture.withdraw")
    .map((c): CaptureListItem => {
      const change = changes.get(c.id);
      if (!change) return { ...c, state: "sent" };
      const p = change.payload;
      return {
        ...c,
        text: String(p.text),
        themeId: (p.themeId as string) ?? c.themeId,
        speakerSector: (p.speakerSector as string) ?? null,
        tags: (p.tags as string[]) ?? [],
        state: "changing",
      };
    });
  return [...pending, ...sent];
}

export default function CaptureScreen() {
  const t = useT();
  const date = useFormatDate();
  const data = useLoaderData<typeof loader>();
  const { forum, worktable, themes, me } = data;
  const live = useForumLive(
    { forumId: forum.id, captures: data.captures, attendance: { forum: 0, total: 0 }, status: forum.status },
    { worktableId: worktable.id },
  );
  const { apply } = live;
  const onAcknowledged = useCallback(
    (_: Envelope, result: unknown) => {
      const capture = (result as { capture?: BoardCapture } | null)?.capture;
      if (capture) apply(capture);
    },
    [apply],
  );
  const outbox = useOutbox(me.id, onAcknowledged);
  // Re-cache the page (with its latest list) whenever everything has been sent.
  const offlineReady = useOfflineShell(outbox.waiting.length === 0 ? live.captures.length : "busy");

  const mine = useMemo(
    () =>
      outbox.items
        .filter((i) => i.state === "queued" && (i.envelope.payload.worktableId === worktable.id || i.envelope.type !== "capture.create"))
        .map((i) => i.envelope),
    [outbox.items, worktable.id],
  );
  const items = listItems(live.captures, mine, me);
  const isOpen = live.status === "open";
  const queue = (type: string, payload: Record<string, unknown>) => outbox.add({ id: newCommandId(), type, payload });

  const capture = (d: CaptureDraft) =>
    queue("capture.create", {
      worktableId: worktable.id,
      text: d.text,
      themeId: d.themeId,
      speakerSector: d.speakerSector,
      tags: d.tags,
      capturedAt: new Date().toISOString(),
    });

  return (
    <section className="capture-screen">
      <header className="capture-head">
        <p className="capture-where">
          {t("capture.where", { forum: forumPlace(forum) })} · {date(forum.held_on)}
        </p>
        <h1>{t("capture.title", { number: worktable.number, theme: worktable.themeName })}</h1>
        <p className="muted">
          {t("forum.facilitators")}: {worktable.facilitators.map((f) => f.name).join(", ") || t("forum.facilitators_none")}
        </p>
        <OutboxStatus
          online={outbox.online}
          waiting={outbox.waiting.length}
          sending={outbox.sending}
          signedOut={outbox.signedOut}
          offlineReady={offlineReady}
          failed={outbox.failed}
          onRetry={() => void outbox.retryNow()}
          onDismiss={outbox.dismiss}
        />
      </header>

      {live.status === "pending" ? (
        <p className="notice" role="status">
          {t("capture.forum_pending")}
        </p>
      ) : null}
      {live.status === "closed" ? (
        <p className="notice" role="status">
          {t("capture.forum_closed")}
        </p>
      ) : null}
      {data.canCapture ? (
        <CaptureForm themes={themes} tableThemeId={worktable.themeId} disabled={!isOpen} onCapture={capture} />
      ) : (
        <p className="notice">
          {t("forum.error.not_assigned_page")} {t("capture.read_only")}
        </p>
      )}

      <h2>
        {t("capture.list")}{" "}
        <span className="count" data-testid="table-count">
          {items.length}
        </span>
      </h2>
      <CaptureList
        items={items}
        themes={themes}
        meId={me.id}
        canChange={data.canCapture && isOpen}
        fresh={live.fresh}
        onEdit={(inputId, d) => queue("capture.update", { inputId, text: d.text, themeId: d.themeId, speakerSector: d.speakerSector, tags: d.tags })}
        onWithdraw={(inputId) => queue("capture.withdraw", { inputId })}
      />
    </section>
  );
}
