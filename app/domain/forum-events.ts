// The socket.io room of a forum and what is said in it (server and pages share these names).
import type { BoardCapture } from "./forum-board";
import type { ForumStatus } from "./forum";

export const forumRoom = (forumId: string) => `forum:${forumId}`;

export const FORUM_EVENTS = {
  /** A new capture: BoardCapture. */
  captureNew: "capture:new",
  /** An edited or withdrawn capture: BoardCapture. */
  captureChanged: "capture:changed",
  /** Captures taken up by a summary, or let go (summaryId null): CapturesSummarized. */
  capturesSummarized: "capture:summarized",
  /** Attendance moved in some forum of the consultation: AttendanceChanged. */
  attendanceChanged: "attendance:changed",
  /** The forum opened or closed: ForumStatusChanged. */
  statusChanged: "forum:status",
  /** Worktables or their facilitators changed: { forumId }. */
  worktablesChanged: "forum:worktables",
} as const;

export interface CapturesSummarized {
  summaryId: string | null;
  inputIds: string[];
}

export interface AttendanceChanged {
  consultationId: string;
  forumId: string;
  /** People counted in each forum of the consultation, and in all of them. */
  byForum: Record<string, number>;
  total: number;
}

export interface ForumStatusChanged {
  forumId: string;
  status: ForumStatus;
  at: string;
}

export type { BoardCapture };
