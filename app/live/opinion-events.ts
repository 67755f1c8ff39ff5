// Socket.io events of the opinion intake. Kept apart from the generic `consultation:changed` so a busy intake
// (hundreds of opinions a second) does not make every page of the consultation reload.
export const OPINION_EVENTS = {
  /** To the consultation room: an opinion arrived, was hidden or restored. Carries no personal data. */
  changed: "opinions:changed",
  /** To the staff room: someone reported an opinion. */
  reported: "opinions:reported",
} as const;

export interface OpinionChange {
  consultationId: string;
  inputId: string;
  change: "new" | "hidden" | "restored" | "reported";
  at: string;
}
