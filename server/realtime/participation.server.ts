// Sends a consultation's participation figures to its public room after commands touched them, at most once per
// window: the first touch starts a window, later touches in it ride along, and the figures are counted once at its
// end (so they include every command committed in the window).
import type { Server } from "socket.io";
import { PARTICIPATION_EVENTS, type ParticipationChanged } from "../../app/live/participation-events";
import { participationCounts } from "../../db/queries/funnel.server";
import type { DB } from "../../db/connection.server";
import { rooms } from "../commands/types";
import { log } from "../log";

export class ParticipationTicker {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly io: Server,
    private readonly db: DB,
    private readonly windowMs = 1_000,
  ) {}

  touch(consultationId: string): void {
    if (this.pending.has(consultationId)) return;
    const timer = setTimeout(() => void this.send(consultationId), this.windowMs);
    timer.unref();
    this.pending.set(consultationId, timer);
  }

  private async send(consultationId: string): Promise<void> {
    this.pending.delete(consultationId);
    try {
      const data: ParticipationChanged = { consultationId, participation: await participationCounts(this.db, consultationId) };
      this.io.to(rooms.consultation(consultationId)).emit(PARTICIPATION_EVENTS.changed, data);
    } catch (error) {
      // Closing down, or the database is busy: the next touch or page load brings the figures.
      log.warn({ err: error, consultationId }, "participation figures not sent");
    }
  }

  close(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
