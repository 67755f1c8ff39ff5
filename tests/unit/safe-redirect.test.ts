// Redirects taken from a form stay on this site (regression: "/\evil.example/" was followed off-site).
import { describe, expect, it } from "vitest";
import { safeRedirect } from "../../app/lib/safe-redirect";

describe("safeRedirect", () => {
  it.each([
    ["/admin/c/1", "/admin/c/1"],
    ["/c/plan?lang=en#top", "/c/plan?lang=en#top"],
    ["/\\evil.example/", "/"],
    ["/\\/evil.example", "/"],
    ["//evil.example", "/"],
    ["https://evil.example/", "/"],
    ["javascript:alert(1)", "/"],
    ["/ok\r\nSet-Cookie: x=1", "/"],
    ["/tab\there", "/"],
    ["", "/"],
  ])("%j → %j", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });

  it("falls back to the page's own default", () => {
    expect(safeRedirect("//evil.example", "/admin")).toBe("/admin");
    expect(safeRedirect(null, "/admin")).toBe("/admin");
  });
});
