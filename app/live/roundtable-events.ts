// What the live session of a thematic roundtable says over socket.io: shared by the server and the browser.
export const roundtableRoom = (roundtableId: string) => `roundtable:${roundtableId}`;

export const ROUNDTABLE_EVENTS = {
  /** Browser → server: join the session (ack: { ok } or an error). */
  join: "roundtable:join",
  /** Browser → server: leave the session. */
  leave: "roundtable:leave",
  /** Server → room: something at the table changed (after commit). */
  changed: "roundtable:changed",
  /** Server → room: who is connected now. */
  presence: "roundtable:presence",
} as const;

/** A change, as the live feed shows it: a translation key with its parameters. */
export interface RoundtableChange {
  roundtableId: string;
  type: string;
  at: string;
  actor: string;
  /** roundtables message key, e.g. "roundtable.feed.merged". */
  key: string;
  params: Record<string, string | number>;
}

export interface PresentPerson {
  userId: string;
  name: string;
  organization: string | null;
  /** Open tabs of this person at the table. */
  connections: number;
}

export interface RoundtablePresence {
  roundtableId: string;
  people: PresentPerson[];
}
