// Baseline for the intake benchmark: a bare Express 4 endpoint on the same route that parses the same JSON, inserts
// the same citizen_inputs row into better-sqlite3 with the server's pragmas (WAL, synchronous=NORMAL) and answers
// JSON. No validation, no authorization, no audit, no idempotency, no broadcast: the limit of the stack itself.
// DATABASE_URL names a file already migrated and holding the consultation and themes the rows point to.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import SQLite from "better-sqlite3";
import express from "express";

const file = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
const sqlite = new SQLite(file);
sqlite.pragma("journal_mode = WAL");
sqlite.pragma("synchronous = NORMAL");
sqlite.pragma("foreign_keys = ON");
sqlite.pragma("busy_timeout = 5000");

const insert = sqlite.prepare(
  `INSERT INTO citizen_inputs (id, consultation_id, channel, subject, theme_id, axis, text, department, sector, age_range, gender,
     speaks_indigenous_language, tags, receipt_code, client_hash, text_fingerprint, status, created_at, updated_at)
   VALUES (@id, @consultation_id, 'online', @subject, @theme_id, @axis, @text, @department, @sector, @age_range, @gender,
     @speaks, '[]', @receipt_code, @client_hash, @fingerprint, 'visible', @now, @now)`,
);
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ234";

const app = express();
app.get("/healthz", (_req, res) => res.json({ ok: true }));
app.post("/api/v1/commands", express.json({ limit: "1mb" }), (req, res) => {
  const p = (req.body as { payload: Record<string, string> }).payload;
  const [subject, target] = p.about.split(":");
  const id = randomUUID();
  const receiptCode = [...randomBytes(8)].map((b) => ALPHABET[b % ALPHABET.length]).join("");
  const now = new Date().toISOString();
  insert.run({
    id,
    consultation_id: p.consultationId,
    subject,
    theme_id: subject === "theme" ? target : null,
    axis: subject === "axis" ? target : null,
    text: p.text,
    department: p.department ?? null,
    sector: p.sector ?? null,
    age_range: p.ageRange ?? null,
    gender: p.gender ?? null,
    speaks: p.indigenousLanguage === "yes" ? 1 : p.indigenousLanguage === "no" ? 0 : null,
    receipt_code: receiptCode,
    client_hash: "bare",
    fingerprint: createHash("sha256").update(`${p.consultationId}\n${p.text}`).digest("hex").slice(0, 32),
    now,
  });
  res.json({ ok: true, result: { inputId: id, receiptCode, createdAt: now, duplicate: false } });
});

const server = app.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? "127.0.0.1");
process.on("SIGTERM", () => {
  server.close(() => {
    sqlite.close();
    process.exit(0);
  });
  server.closeAllConnections();
});
