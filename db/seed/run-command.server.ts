// Seeds write through the command bus like everyone else, so the demo's history is in the audit log.
import { randomUUID } from "node:crypto";
import type { CommandBus } from "../../server/commands/bus.server";
import type { Actor } from "../../server/commands/types";

export const seedActor: Actor = { kind: "system", label: "demo-seed" };

/**
 * The time the seed records its commands at. Stopped (null), commands happen now; a seed of past events starts it
 * at a date and moves it forward to each event's day, one minute per command, never backwards, so every record —
 * stages opened and closed, receipts, merges, votes, reports — carries the date it has in the story.
 */
let clock: number | null = null;
export const seedClock = {
  start(iso: string) {
    clock = Date.parse(iso);
  },
  stop() {
    clock = null;
  },
  /** Moves forward to this time (an ISO instant, or a YYYY-MM-DD day at 09:00 in Guatemala); never back. */
  moveTo(when: string) {
    if (clock === null) return;
    const target = Date.parse(when.length === 10 ? `${when}T15:00:00.000Z` : when);
    if (target > clock) clock = target;
  },
  next(): string | undefined {
    if (clock === null) return undefined;
    clock += 60_000;
    return new Date(clock).toISOString();
  },
};

/** Runs one command and answers its result; a refusal stops the seed with the reason. */
export async function runCommand<T = Record<string, string>>(bus: CommandBus, actor: Actor, type: string, payload: unknown): Promise<T> {
  const outcome = await bus.execute({ id: randomUUID(), type, payload }, actor, "es", undefined, seedClock.next());
  if (!outcome.ok) throw new Error(`demo seed: ${type} failed: ${outcome.error.messageKey} ${JSON.stringify(outcome.error.issues ?? outcome.error.params)}`);
  return outcome.result as T;
}

/**
 * A person of the demo with a role (and optionally an organization), invited and accepted through the commands,
 * acting as a signed-in user. Their password is random and not kept: demo people are not meant to sign in.
 */
export async function demoPerson(
  bus: CommandBus,
  consultationId: string,
  role: string,
  name: string,
  organizationId: string | null = null,
): Promise<Actor & { kind: "user" }> {
  const local = name
    .normalize("NFD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  const email = `${local}-${randomUUID().slice(0, 6)}@demo.cocrea.gt`;
  const { path } = await runCommand<{ path: string }>(bus, seedActor, "invitation.create", { consultationId, email, name, role, organizationId });
  const { userId } = await runCommand<{ userId: string }>(bus, seedActor, "invitation.accept", { token: path.split("/").pop(), name, password: randomUUID() });
  return { kind: "user", userId, name, isPlatformAdmin: false };
}
