// Online opinions (stage 2): citizens submit and report; the point of contact and systematizers hide and restore.
// Opinions are `citizen_inputs` rows with channel "online", so systematization reads them beside forum input.
import { randomBytes, randomUUID } from "node:crypto";
import { DUPLICATE_WINDOW_MINUTES, RECEIPT_ALPHABET, RECEIPT_LENGTH, normalizeForDuplicates } from "../../app/domain/opinion";
import { hideOpinionSchema, reportOpinionSchema, restoreOpinionSchema, submitOpinionSchema } from "../../app/domain/schemas/opinion";
import { OPINION_EVENTS, type OpinionChange } from "../../app/live/opinion-events";
import { prepared } from "../../db/prepared";
import type { CitizenInputTable } from "../../db/schema";
import { sha256 } from "../auth/crypto.server";
import { CommandError, conflict, notFound } from "./errors";
import { announceParticipation, requireConsultation, requireStageAccepting } from "./lookup.server";
import { defineCommand, rooms, type Actor, type CommandContext, type Trx } from "./types";
import { moderate } from "../../app/domain/moderation";

const moderators = { roles: ["point_of_contact", "systematizer"] } as const;

// opinion.submit's statements, compiled once (db/prepared.ts): the intake's hot path.
const openTheme = prepared((db, p: { themeId: string; consultationId: string }) =>
  db.selectFrom("themes").select("id").where("id", "=", p.themeId).where("consultation_id", "=", p.consultationId).where("archived_at", "is", null),
);
// One equality on one indexed column: the planner cannot pick the wide (consultation, date) index instead.
const sameTextSince = prepared((db, p: { fingerprint: string; since: string }) =>
  db.selectFrom("citizen_inputs").select(["id", "receipt_code", "created_at"]).where("text_fingerprint", "=", p.fingerprint).where("created_at", ">=", p.since),
);
type NewOpinion = Pick<
  CitizenInputTable,
  | "id"
  | "consultation_id"
  | "subject"
  | "theme_id"
  | "axis"
  | "text"
  | "department"
  | "sector"
  | "age_range"
  | "gender"
  | "speaks_indigenous_language"
  | "receipt_code"
  | "client_hash"
  | "text_fingerprint"
> & { now: string };
const insertOpinion = prepared((db, p: NewOpinion) =>
  db
    .insertInto("citizen_inputs")
    .values({
      id: p.id,
      consultation_id: p.consultation_id,
      channel: "online",
      subject: p.subject,
      theme_id: p.theme_id,
      axis: p.axis,
      text: p.text,
      department: p.department,
      sector: p.sector,
      age_range: p.age_range,
      gender: p.gender,
      speaks_indigenous_language: p.speaks_indigenous_language,
      forum_id: null,
      worktable_id: null,
      captured_by: null,
      speaker_sector: null,
      tags: "[]",
      receipt_code: p.receipt_code,
      client_hash: p.client_hash,
      text_fingerprint: p.text_fingerprint,
      status: "visible",
      status_reason: null,
      created_at: p.now,
      updated_at: p.now,
    })
    .onConflict((oc) => oc.column("receipt_code").doNothing()),
);

/** Uniform over the alphabet: bytes past the last whole multiple of its length are drawn again. */
export function newReceiptCode(): string {
  const limit = 256 - (256 % RECEIPT_ALPHABET.length);
  let code = "";
  while (code.length < RECEIPT_LENGTH) {
    for (const byte of randomBytes(RECEIPT_LENGTH)) {
      if (byte < limit && code.length < RECEIPT_LENGTH) code += RECEIPT_ALPHABET[byte % RECEIPT_ALPHABET.length];
    }
  }
  return code;
}

/**
 * Private key of who sent an opinion, for the duplicate rule only: anonymous clients are already a salted hash —
 * of their device cookie when they have one, so two people behind one address may send the same words.
 */
export function clientHashOf(actor: Actor): string {
  if (actor.kind === "anonymous") return actor.deviceKey ?? actor.clientKey;
  return sha256(actor.kind === "user" ? `user:${actor.userId}` : `system:${actor.label}`).slice(0, 32);
}

async function consultationOfInput(trx: Trx, inputId: string): Promise<string> {
  const row = await trx.selectFrom("citizen_inputs").select("consultation_id").where("id", "=", inputId).executeTakeFirst();
  if (!row) throw notFound("opinion");
  return row.consultation_id;
}

/** Checked after authorization, so who may not moderate learns nothing about other inputs. */
async function onlineOpinion(trx: Trx, inputId: string): Promise<{ status: string }> {
  const row = await trx.selectFrom("citizen_inputs").select(["status", "channel"]).where("id", "=", inputId).executeTakeFirstOrThrow();
  if (row.channel !== "online") throw notFound("opinion");
  return row;
}

function announceOpinion(ctx: CommandContext, consultationId: string, inputId: string, change: OpinionChange["change"]): void {
  const data: OpinionChange = { consultationId, inputId, change, at: ctx.now };
  ctx.broadcasts.push(
    change === "reported"
      ? { room: rooms.staff(consultationId), event: OPINION_EVENTS.reported, data }
      : { room: rooms.consultation(consultationId), event: OPINION_EVENTS.changed, data },
  );
  if (change !== "reported") announceParticipation(ctx, consultationId);
}

export interface OpinionReceipt {
  inputId: string;
  receiptCode: string;
  createdAt: string;
  /** The same text came from the same client a few minutes ago: the first receipt is answered, nothing new stored. */
  duplicate: boolean;
}

export const submitOpinion = defineCommand({
  type: "opinion.submit",
  summary: "Give an opinion on the methodology, one of its axes or a prioritized theme (anyone, opinion-intake stage open).",
  schema: submitOpinionSchema,
  access: "public",
  // Unique indexes guard what must not happen twice (the command id, the receipt code). The duplicate-text rule
  // below is a courtesy: on PostgreSQL two identical texts from one device at the very same instant may both land.
  isolation: "read_committed",
  consultationOf: (trx, p) => requireConsultation(trx, p.consultationId),
  async handle(trx, p, ctx): Promise<OpinionReceipt> {
    // People never see the honeypot; the message still helps one whose browser filled it in by mistake.
    if (p.website) throw new CommandError("invalid", "intake.error.honeypot");
    // Opened AND within its dates: outside them the 409 says when the intake closed (or opens), in words.
    await requireStageAccepting(trx, p.consultationId, "opinion_intake", ctx.now);
    if (p.subject === "theme") {
      const [theme] = (await openTheme(trx, { themeId: p.themeId!, consultationId: p.consultationId })).rows;
      if (!theme) {
        throw new CommandError("invalid", "error.invalid_payload", {}, [{ path: ["themeId"], code: "custom", message: "intake.error.unknown_theme" }]);
      }
    }

    const clientHash = clientHashOf(ctx.actor);
    const fingerprint = sha256(`${p.consultationId}\n${clientHash}\n${normalizeForDuplicates(p.text)}`).slice(0, 32);
    const since = new Date(Date.parse(ctx.now) - DUPLICATE_WINDOW_MINUTES * 60_000).toISOString();
    const [earlier] = (await sameTextSince(trx, { fingerprint, since })).rows;
    if (earlier) return { inputId: earlier.id, receiptCode: earlier.receipt_code ?? "", createdAt: earlier.created_at, duplicate: true };

    const id = randomUUID();
    let receiptCode = "";
    // 27^8 codes: a clash is rare, but the unique index decides, not luck.
    for (let attempt = 0; !receiptCode; attempt++) {
      if (attempt === 5) throw new Error("could not draw a free receipt code");
      const candidate = newReceiptCode();
      const inserted = await insertOpinion(trx, {
        id,
        consultation_id: p.consultationId,
        subject: p.subject,
        theme_id: p.subject === "theme" ? p.themeId! : null,
        axis: p.subject === "axis" ? p.axis! : null,
        text: p.text,
        department: p.department ?? null,
        sector: p.sector ?? null,
        age_range: p.ageRange ?? null,
        gender: p.gender ?? null,
        speaks_indigenous_language: p.indigenousLanguage === "yes" ? 1 : p.indigenousLanguage === "no" ? 0 : null,
        receipt_code: candidate,
        client_hash: clientHash,
        text_fingerprint: fingerprint,
        now: ctx.now,
      });
      if (Number(inserted.numAffectedRows ?? 0) === 1) receiptCode = candidate;
    }
    if (p.email && p.emailConsent) {
      await trx.insertInto("input_contacts").values({ input_id: id, email: p.email, consent_at: ctx.now }).execute();
    }
    announceOpinion(ctx, p.consultationId, id, "new");
    return { inputId: id, receiptCode, createdAt: ctx.now, duplicate: false };
  },
  // The audit log is read by staff: it keeps the opinion, never the e-mail.
  redact: ({ email, website, ...rest }) => ({ ...rest, email: email ? "[private]" : null, honeypotFilled: Boolean(website) }),
});

/** Hiding and restoring change the status and keep the row: the audit log and the hidden count keep it traceable. */
async function setHidden(trx: Trx, inputId: string, ctx: CommandContext, hidden: { reason: string } | null) {
  const row = await onlineOpinion(trx, inputId);
  const change = moderate(row.status, hidden);
  if (!change.ok) throw conflict(change.messageKey);
  const { status } = change;
  await trx.updateTable("citizen_inputs").set({ status, status_reason: change.reason, updated_at: ctx.now }).where("id", "=", inputId).execute();
  announceOpinion(ctx, ctx.consultationId!, inputId, hidden ? "hidden" : "restored");
  return { inputId, status };
}

export const hideOpinion = defineCommand({
  type: "opinion.hide",
  summary: "Hide an opinion with a reason (point of contact, systematizer). Never deleted: it stays in the audit log and counts as hidden.",
  schema: hideOpinionSchema,
  access: moderators,
  consultationOf: (trx, p) => consultationOfInput(trx, p.inputId),
  handle: (trx, p, ctx) => setHidden(trx, p.inputId, ctx, { reason: p.reason }),
});

export const restoreOpinion = defineCommand({
  type: "opinion.restore",
  summary: "Show a hidden opinion again (point of contact, systematizer).",
  schema: restoreOpinionSchema,
  access: moderators,
  consultationOf: (trx, p) => consultationOfInput(trx, p.inputId),
  handle: (trx, p, ctx) => setHidden(trx, p.inputId, ctx, null),
});

export const reportOpinion = defineCommand({
  type: "opinion.report",
  summary: "Report an opinion to the moderators, with a reason (anyone).",
  schema: reportOpinionSchema,
  access: "public",
  consultationOf: (trx, p) => consultationOfInput(trx, p.inputId),
  async handle(trx, p, ctx) {
    const row = await onlineOpinion(trx, p.inputId);
    if (row.status !== "visible") throw conflict("intake.error.already_hidden");
    const id = randomUUID();
    await trx.insertInto("input_reports").values({ id, input_id: p.inputId, reason: p.reason, created_at: ctx.now }).execute();
    announceOpinion(ctx, ctx.consultationId!, p.inputId, "reported");
    return { reportId: id, inputId: p.inputId };
  },
});
