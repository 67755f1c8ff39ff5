// Summary lineage rules, attendance totals, the offline outbox and the CSV export, as pure functions.
import { describe, expect, it } from "vitest";
import { attendanceTotals } from "../../app/domain/attendance";
import { csvCell, toCsv } from "../../app/domain/forum-export";
import { coverage, lineageDiff, lineageProblems, type LineageInput } from "../../app/domain/lineage";
import { classifyResponse, dismiss, enqueue, parseStored, retryDelay, sendable, settle, uuidFromBytes, type Envelope } from "../../app/domain/outbox";

describe("lineage", () => {
  const input = (over: Partial<LineageInput> & { id: string }): LineageInput => ({
    consultation_id: "c",
    theme_id: "A",
    status: "visible",
    summaryId: null,
    ...over,
  });
  const found = [
    input({ id: "ok" }),
    input({ id: "methodology", theme_id: null }),
    input({ id: "other", theme_id: "B" }),
    input({ id: "hidden", status: "hidden" }),
    input({ id: "taken", summaryId: "s1" }),
    input({ id: "elsewhere", consultation_id: "d" }),
  ];
  it("accepts the theme's visible, free input and theme-less opinions", () => {
    expect(lineageProblems({ consultationId: "c", themeId: "A" }, ["ok", "methodology", "ok"], found)).toEqual([]);
  });
  it("names what is wrong with each refused input", () => {
    expect(lineageProblems({ consultationId: "c", themeId: "A" }, ["other", "hidden", "taken", "elsewhere", "ghost"], found)).toEqual([
      { inputId: "other", reason: "other_theme" },
      { inputId: "hidden", reason: "not_visible" },
      { inputId: "taken", reason: "taken", summaryId: "s1" },
      { inputId: "elsewhere", reason: "other_consultation" },
      { inputId: "ghost", reason: "unknown" },
    ]);
  });
  it("lets a summary keep its own inputs when edited", () => {
    expect(lineageProblems({ consultationId: "c", themeId: "A", summaryId: "s1" }, ["taken"], found)).toEqual([]);
    expect(lineageDiff(["a", "b"], ["b", "c"])).toEqual({ add: ["c"], remove: ["a"] });
  });
  it("measures how much visible input is summarized, per channel", () => {
    expect(
      coverage([
        { channel: "forum", status: "visible", summaryId: "s" },
        { channel: "forum", status: "visible", summaryId: null },
        { channel: "online", status: "visible", summaryId: "s" },
        { channel: "online", status: "hidden", summaryId: null },
      ]),
    ).toEqual({ total: 3, summarized: 2, byChannel: { forum: { total: 2, summarized: 1 }, online: { total: 1, summarized: 1 } } });
  });
});

describe("attendance totals", () => {
  it("adds registrations and head counts; breakdowns add up to the total with 'not said'", () => {
    const t = attendanceTotals([
      { forum_id: "f", head_count: 1, sector: "academia", gender: "woman", age_range: "18_29", department: "Petén" },
      { forum_id: "f", head_count: 1, sector: null, gender: "man", age_range: null, department: null },
      { forum_id: "f", head_count: 111, sector: null, gender: null, age_range: null, department: null },
    ]);
    expect(t.total).toBe(113);
    expect(t.registered).toBe(2);
    expect(t.byGender).toEqual({ woman: 1, man: 1, not_said: 111 });
    expect(Object.values(t.bySector).reduce((a, b) => a + b, 0)).toBe(113);
  });
});

describe("outbox", () => {
  const env = (id: string): Envelope => ({ id, type: "capture.create", payload: { text: id } });
  it("queues each envelope once and sends oldest first", () => {
    let items = enqueue([], env("a"), "t1");
    items = enqueue(items, env("b"), "t2");
    items = enqueue(items, env("a"), "t3");
    expect(sendable(items).map((i) => i.envelope.id)).toEqual(["a", "b"]);
  });
  it("drops acknowledged items, keeps retryable ones, parks refused ones until dismissed", () => {
    let items = [env("a"), env("b"), env("c")].reduce((acc, e) => enqueue(acc, e, "t"), [] as ReturnType<typeof enqueue>);
    items = settle(items, "a", "done");
    items = settle(items, "b", "retry");
    items = settle(items, "c", "reject", { code: "stage_closed", message: "cerrado" });
    expect(items.map((i) => [i.envelope.id, i.state, i.attempts])).toEqual([
      ["b", "queued", 1],
      ["c", "failed", 1],
    ]);
    expect(sendable(items).map((i) => i.envelope.id)).toEqual(["b"]);
    expect(dismiss(items, "b").length).toBe(2);
    expect(dismiss(items, "c").map((i) => i.envelope.id)).toEqual(["b"]);
  });
  it("classifies server answers", () => {
    expect([null, 200, 401, 403, 400, 409, 429, 500, 503].map(classifyResponse)).toEqual([
      "retry",
      "done",
      "signed_out",
      "reject",
      "reject",
      "reject",
      "retry",
      "retry",
      "retry",
    ]);
    expect([0, 1, 3, 10, 50].map(retryDelay)).toEqual([1_000, 2_000, 8_000, 30_000, 30_000]);
  });
  it("survives a corrupted store and makes v4 UUIDs without crypto.randomUUID", () => {
    expect(parseStored("{not json")).toEqual([]);
    expect(
      parseStored(JSON.stringify([{ envelope: { id: "a", type: "x", payload: {} }, state: "queued", attempts: 0, queuedAt: "t" }, { junk: true }])),
    ).toHaveLength(1);
    expect(uuidFromBytes(new Uint8Array(16).fill(255))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("CSV export", () => {
  it("quotes what needs quoting and defuses spreadsheet formulas", () => {
    expect(csvCell('Dijo "sí", claro')).toBe('"Dijo ""sí"", claro"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("-5 puntos")).toBe("'-5 puntos");
    expect(csvCell(["a", "b"])).toBe('"a; b"');
    expect(csvCell(null)).toBe("");
    expect(toCsv(["a", "b"], [[1, "línea\nnueva"]])).toBe('\uFEFFa,b\r\n1,"línea\nnueva"\r\n');
  });
});
