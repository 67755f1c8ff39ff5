// A forum's live state on a page: captures, attendance and status from the loader, kept current by the
// forum room's events. After a reconnect socket.io replays what was missed (connection state recovery);
// if the session could not be recovered, the page fetches a fresh snapshot instead.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Socket } from "socket.io-client";
import type { ForumStatus } from "../domain/forum";
import { applyCapture, mergeCaptures, type BoardCapture } from "../domain/forum-board";
import { FORUM_EVENTS, type AttendanceChanged, type CapturesSummarized, type ForumStatusChanged } from "../domain/forum-events";
import { getSocket, type LiveStatus } from "./useLive";

export interface ForumAttendance {
  forum: number;
  total: number;
}

export interface ForumLiveInitial {
  forumId: string;
  captures: BoardCapture[];
  attendance: ForumAttendance;
  status: ForumStatus;
}

export interface ForumSnapshot {
  captures: BoardCapture[];
  attendance: ForumAttendance;
  status: ForumStatus;
}

export function useForumLive(initial: ForumLiveInitial, options: { worktableId?: string; onEvent?: (event: string) => void } = {}) {
  const { forumId } = initial;
  const [captures, setCaptures] = useState<BoardCapture[]>(initial.captures);
  const [attendance, setAttendance] = useState<ForumAttendance>(initial.attendance);
  const [status, setStatus] = useState<ForumStatus>(initial.status);
  const [live, setLive] = useState<LiveStatus>("connecting");
  const [fresh, setFresh] = useState<string | null>(null);
  const onEvent = useRef(options.onEvent);
  onEvent.current = options.onEvent;
  const worktableId = options.worktableId;

  // New loader data (a revalidation) is merged, never replacing newer events.
  useEffect(() => setCaptures((prev) => mergeCaptures(prev, initial.captures)), [initial.captures]);
  useEffect(() => setAttendance({ forum: initial.attendance.forum, total: initial.attendance.total }), [initial.attendance.forum, initial.attendance.total]);
  useEffect(() => setStatus(initial.status), [initial.status]);

  const apply = useCallback(
    (capture: BoardCapture) => {
      if (capture.forumId !== forumId || (worktableId && capture.worktableId !== worktableId)) return;
      setCaptures((prev) => applyCapture(prev, capture));
      setFresh(capture.id);
    },
    [forumId, worktableId],
  );

  useEffect(() => {
    let socket: Socket | null = null;
    let cancelled = false;
    let connectedOnce = false;
    const subscribe = () => socket?.emit("subscribe:forum", { forumId }, (ack: { ok: boolean }) => setLive(ack?.ok ? "live" : "offline"));
    const refresh = async () => {
      try {
        const res = await fetch(`/forums/${forumId}/captures.json${worktableId ? `?table=${worktableId}` : ""}`, { headers: { accept: "application/json" } });
        if (!res.ok) return;
        const snapshot = (await res.json()) as ForumSnapshot;
        setCaptures((prev) => mergeCaptures(prev, snapshot.captures));
        setAttendance(snapshot.attendance);
        setStatus(snapshot.status);
      } catch {
        // Still offline: the next reconnect tries again.
      }
    };
    const onCapture = (c: BoardCapture) => {
      apply(c);
      onEvent.current?.(FORUM_EVENTS.captureNew);
    };
    const onSummarized = (e: CapturesSummarized) => {
      const ids = new Set(e.inputIds);
      setCaptures((prev) => prev.map((c) => (ids.has(c.id) ? { ...c, summaryId: e.summaryId } : c)));
    };
    const onAttendance = (e: AttendanceChanged) => {
      setAttendance({ forum: e.byForum[forumId] ?? 0, total: e.total });
      onEvent.current?.(FORUM_EVENTS.attendanceChanged);
    };
    const onStatus = (e: ForumStatusChanged) => {
      if (e.forumId === forumId) setStatus(e.status);
    };
    const onWorktables = () => onEvent.current?.(FORUM_EVENTS.worktablesChanged);
    const onConnect = () => {
      subscribe();
      if (connectedOnce && !socket?.recovered) void refresh();
      connectedOnce = true;
    };
    const onDisconnect = () => setLive("offline");
    getSocket().then((s) => {
      if (cancelled) return;
      socket = s;
      s.on(FORUM_EVENTS.captureNew, onCapture);
      s.on(FORUM_EVENTS.captureChanged, onCapture);
      s.on(FORUM_EVENTS.capturesSummarized, onSummarized);
      s.on(FORUM_EVENTS.attendanceChanged, onAttendance);
      s.on(FORUM_EVENTS.statusChanged, onStatus);
      s.on(FORUM_EVENTS.worktablesChanged, onWorktables);
      s.on("connect", onConnect);
      s.on("disconnect", onDisconnect);
      if (s.connected) {
        connectedOnce = true;
        subscribe();
      }
    });
    return () => {
      cancelled = true;
      socket?.emit("unsubscribe:forum", { forumId });
      socket?.off(FORUM_EVENTS.captureNew, onCapture);
      socket?.off(FORUM_EVENTS.captureChanged, onCapture);
      socket?.off(FORUM_EVENTS.capturesSummarized, onSummarized);
      socket?.off(FORUM_EVENTS.attendanceChanged, onAttendance);
      socket?.off(FORUM_EVENTS.statusChanged, onStatus);
      socket?.off(FORUM_EVENTS.worktablesChanged, onWorktables);
      socket?.off("connect", onConnect);
      socket?.off("disconnect", onDisconnect);
    };
  }, [forumId, worktableId, apply]);

  return { captures, attendance, status, live, apply, fresh };
}
