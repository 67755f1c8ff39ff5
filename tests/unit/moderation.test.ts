// Hiding and restoring a citizen's text: which changes apply, and what a moderator is told when one does not.
import { describe, expect, it } from "vitest";
import { moderate } from "../../app/domain/moderation";

describe("moderate", () => {
  it("hides a visible text with its reason", () => {
    expect(moderate("visible", { reason: "Datos personales" })).toEqual({ ok: true, status: "hidden", reason: "Datos personales" });
  });
  it("restores a hidden text and clears the reason", () => {
    expect(moderate("hidden", null)).toEqual({ ok: true, status: "visible", reason: null });
  });
  it("refuses to hide a text twice", () => {
    expect(moderate("hidden", { reason: "Otra vez" })).toEqual({ ok: false, messageKey: "intake.error.already_hidden" });
  });
  it("refuses to restore a text that is not hidden", () => {
    expect(moderate("visible", null)).toEqual({ ok: false, messageKey: "intake.error.not_hidden" });
  });
});
