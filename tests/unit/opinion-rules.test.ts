// The opinion form's rules: what "about" means, receipt codes, the duplicate rule's normalization, the schema.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  OPINION_TEXT_MAX,
  RECEIPT_ALPHABET,
  formatAbout,
  formatReceiptCode,
  guatemalaDay,
  isReceiptCode,
  normalizeForDuplicates,
  normalizeReceiptCode,
  parseAbout,
} from "../../app/domain/opinion";
import { submitOpinionSchema } from "../../app/domain/schemas/opinion";

const consultationId = "6f1c3c5e-1d7e-4a8e-9d1e-2c3b4a5d6e7f";
const themeId = "0b6f6a52-3f0e-4c4e-8a57-8f0e9b1d2c3a";
const issuesOf = (input: unknown) => {
  const r = submitOpinionSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
};

describe("about", () => {
  it("round-trips methodology, axes and themes", () => {
    for (const a of [{ subject: "methodology" }, { subject: "axis", axis: "open_data" }, { subject: "theme", themeId }] as const) {
      expect(parseAbout(formatAbout(a))).toEqual(a);
    }
  });
  it("refuses anything else", () => {
    for (const v of ["", "axis:", "theme:", "planet:mars", "methodology:x"]) expect(parseAbout(v)).toBeNull();
  });
});

describe("receipt codes", () => {
  it("are read the same however they are typed", () => {
    expect(normalizeReceiptCode("bcdf-2345")).toBe("BCDF2345");
    expect(normalizeReceiptCode(" BCDF 2345 ")).toBe("BCDF2345");
    expect(formatReceiptCode("BCDF2345")).toBe("BCDF-2345");
    expect(isReceiptCode("BCDF2345")).toBe(true);
  });
  it("never use look-alike characters", () => {
    for (const ch of "01OIL") expect(RECEIPT_ALPHABET).not.toContain(ch);
    expect(isReceiptCode("BCDF0345")).toBe(false);
    expect(isReceiptCode("BCDF234")).toBe(false);
  });
});

describe("duplicate rule", () => {
  it("ignores case, spacing and Unicode form", () => {
    expect(normalizeForDuplicates("  Más   TRANSPARENCIA\n en compras ")).toBe(normalizeForDuplicates("más transparencia en compras"));
    expect(normalizeForDuplicates("Ma\u0301s datos")).toBe(normalizeForDuplicates("Más datos"));
  });
  it("still tells different texts apart", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        if (normalizeForDuplicates(a) !== normalizeForDuplicates(b)) return true;
        return a.toLowerCase().replace(/\s+/g, "") === b.toLowerCase().replace(/\s+/g, "") || a.normalize("NFC") !== a || b.normalize("NFC") !== b;
      }),
    );
  });
});

describe("guatemalaDay", () => {
  it("uses the local calendar day (UTC-6)", () => {
    expect(guatemalaDay("2018-04-11T05:59:00.000Z")).toBe("2018-04-10");
    expect(guatemalaDay("2018-04-11T06:00:00.000Z")).toBe("2018-04-11");
  });
});

describe("submitOpinionSchema", () => {
  const valid = { consultationId, about: `theme:${themeId}`, text: "Que publiquen los contratos de obra." };

  it("accepts the form's fields, blanks meaning 'not said'", () => {
    const r = submitOpinionSchema.parse({ ...valid, department: "", sector: "", ageRange: "", gender: "", indigenousLanguage: "", email: "" });
    expect(r).toMatchObject({ subject: "theme", themeId, text: valid.text, emailConsent: false });
    expect(r.department).toBeUndefined();
    expect(r.email).toBeUndefined();
  });

  it("stores text as typed, without control characters or Windows line ends", () => {
    const r = submitOpinionSchema.parse({ ...valid, text: "  <b>Hola</b>\r\nsegunda línea\u0007  " });
    expect(r.text).toBe("<b>Hola</b>\nsegunda línea");
  });

  it("names the field of each mistake", () => {
    expect(issuesOf({ ...valid, text: "corto" }).map((i) => i[0])).toEqual(["text"]);
    expect(issuesOf({ ...valid, text: "x".repeat(OPINION_TEXT_MAX + 1) }).map((i) => i[0])).toEqual(["text"]);
    expect(issuesOf({ ...valid, about: "" }).map((i) => i[0])).toEqual(["subject"]);
    expect(issuesOf({ ...valid, about: "axis:weather" }).map((i) => i[0])).toEqual(["axis"]);
    expect(issuesOf({ ...valid, about: "theme:not-an-id" }).map((i) => i[0])).toEqual(["themeId"]);
    expect(issuesOf({ ...valid, department: "Narnia" }).map((i) => i[0])).toEqual(["department"]);
    expect(issuesOf({ ...valid, sector: "aliens" }).map((i) => i[0])).toEqual(["sector"]);
    expect(issuesOf({ ...valid, ageRange: "200" }).map((i) => i[0])).toEqual(["ageRange"]);
    expect(issuesOf({ ...valid, gender: "x" }).map((i) => i[0])).toEqual(["gender"]);
    expect(issuesOf({ ...valid, indigenousLanguage: "maybe" }).map((i) => i[0])).toEqual(["indigenousLanguage"]);
    expect(issuesOf({ ...valid, email: "no-es-correo", emailConsent: "on" }).map((i) => i[0])).toEqual(["email"]);
  });

  it("asks for consent when an e-mail is given, with a translatable message", () => {
    expect(issuesOf({ ...valid, email: "ana@example.org" })).toEqual([["emailConsent", "intake.error.email_consent"]]);
    expect(issuesOf({ ...valid, email: "ana@example.org", emailConsent: "on" })).toEqual([]);
  });

  it("needs the axis or theme its subject names (API clients send them apart)", () => {
    expect(issuesOf({ consultationId, subject: "axis", text: valid.text })).toEqual([["axis", "intake.error.axis_required"]]);
    expect(issuesOf({ consultationId, subject: "theme", text: valid.text })).toEqual([["themeId", "intake.error.theme_required"]]);
    expect(issuesOf({ consultationId, subject: "methodology", text: valid.text })).toEqual([]);
  });
});
