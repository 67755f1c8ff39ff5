// The funnel page's participation figures (opinions, forum attendance, captures, summaries) follow the intake live.
// Commands only mark a consultation as touched; the server sends the new figures at most once per window, so a busy
// intake (hundreds of opinions a second) costs one count query per window, not one page reload per opinion.
import type { Participation } from "../domain/funnel-view";

export const PARTICIPATION_EVENTS = {
  /** Internal to the server: a command changed what the participation figures count. Never sent to a socket. */
  touched: "participation:touched",
  /** To the consultation room: the figures as they are now. */
  changed: "consultation:participation",
} as const;

export interface ParticipationChanged {
  consultationId: string;
  participation: Participation;
}
