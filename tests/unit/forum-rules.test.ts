// Pure forum rules: opening and closing, who may capture or change a capture, tags and short codes.
import { describe, expect, it } from "vitest";
import { forumTransition, makeShortCode, mayCapture, mayChangeCapture, normalizeShortCode, normalizeTags, SHORT_CODE_ALPHABET } from "../../app/domain/forum";

describe("forum transitions", () => {
  it("opens from pending or closed and closes only when open", () => {
    expect(forumTransition("pending", "open")).toEqual({ ok: true, status: "open" });
    expect(forumTransition("closed", "open")).toEqual({ ok: true, status: "open" });
    expect(forumTransition("open", "open")).toEqual({ ok: false, reason: "already_open" });
    expect(forumTransition("open", "closed")).toEqual({ ok: true, status: "closed" });
    expect(forumTransition("closed", "closed")).toEqual({ ok: false, reason: "already_closed" });
    expect(forumTransition("pending", "closed")).toEqual({ ok: false, reason: "not_open" });
  });
});

describe("mayCapture", () => {
  const closedAt = "2016-05-03T18:00:00.000Z";
  it("takes captures while open and refuses them before opening", () => {
    expect(mayCapture({ status: "open", closed_at: null }, "2016-05-03T10:00:00Z")).toEqual({ ok: true, late: false });
    expect(mayCapture({ status: "pending", closed_at: null }, "2016-05-03T10:00:00Z")).toEqual({ ok: false, reason: "forum_pending" });
  });
  it("after closing, takes only what the phone made before closing, within the grace window", () => {
    const closed = { status: "closed" as const, closed_at: closedAt };
    expect(mayCapture(closed, "2016-05-03T18:05:00.000Z")).toEqual({ ok: false, reason: "forum_closed" });
    expect(mayCapture(closed, "2016-05-03T18:05:00.000Z", "2016-05-03T17:59:00.000Z")).toEqual({ ok: true, late: true });
    expect(mayCapture(closed, "2016-05-03T18:05:00.000Z", "2016-05-03T18:01:00.000Z")).toEqual({ ok: false, reason: "forum_closed" });
    expect(mayCapture(closed, "2016-05-05T18:05:00.000Z", "2016-05-03T17:59:00.000Z")).toEqual({ ok: false, reason: "forum_closed" });
  });
});

describe("mayChangeCapture", () => {
  const open = { status: "open" as const };
  const mine = { captured_by: "u1", status: "visible", summaryId: null };
  it("lets facilitators change their own visible, unsummarized captures while the forum is open", () => {
    expect(mayChangeCapture(mine, open, "u1")).toEqual({ ok: true });
    expect(mayChangeCapture(mine, open, "u2")).toEqual({ ok: false, reason: "not_own" });
    expect(mayChangeCapture(mine, { status: "closed" }, "u1")).toEqual({ ok: false, reason: "forum_not_open" });
    expect(mayChangeCapture({ ...mine, status: "withdrawn" }, open, "u1")).toEqual({ ok: false, reason: "withdrawn" });
    expect(mayChangeCapture({ ...mine, summaryId: "s1" }, open, "u1")).toEqual({ ok: false, reason: "summarized" });
  });
});

describe("tags and short codes", () => {
  it("normalizes tags: trimmed, lower case, de-duplicated, from a string or a list", () => {
    expect(normalizeTags("Salud, salud ,  Agua potable;#agua  potable,,")).toEqual(["salud", "agua potable"]);
    expect(normalizeTags([" Educación ", "EDUCACIÓN", ""])).toEqual(["educación"]);
  });
  it("makes six-character codes from an alphabet without look-alikes, and reads them back leniently", () => {
    let i = 0;
    const code = makeShortCode((n) => i++ % n);
    expect(code).toHaveLength(6);
    for (const ch of code) expect(SHORT_CODE_ALPHABET).toContain(ch);
    expect(SHORT_CODE_ALPHABET).not.toMatch(/[01IOL]/);
    expect(normalizeShortCode("ab3-x9 k")).toBe("AB3X9K");
  });
});
