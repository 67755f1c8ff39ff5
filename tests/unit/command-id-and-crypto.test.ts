import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../server/auth/crypto.server";
import { commandIdFor } from "../../server/commands/command-id";
import { slugify } from "../../server/commands/consultations.server";

describe("form command ids", () => {
  it("are the same for the same page nonce, command and payload (a double submit applies once)", () => {
    const a = commandIdFor("nonce-1", "stage.open", { stageId: "x" });
    expect(commandIdFor("nonce-1", "stage.open", { stageId: "x" })).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it("differ across forms of the same page and across pages", () => {
    const a = commandIdFor("nonce-1", "stage.open", { stageId: "x" });
    expect(commandIdFor("nonce-1", "stage.open", { stageId: "y" })).not.toBe(a);
    expect(commandIdFor("nonce-2", "stage.open", { stageId: "x" })).not.toBe(a);
  });
});

describe("passwords", () => {
  it("are stored as salted scrypt hashes and verified", async () => {
    const hash = await hashPassword("una-contraseña-larga");
    expect(hash).toMatch(/^scrypt\$/);
    expect(hash).not.toContain("una-contraseña-larga");
    expect(await verifyPassword("una-contraseña-larga", hash)).toBe(true);
    expect(await verifyPassword("otra-contraseña", hash)).toBe(false);
    expect(await hashPassword("una-contraseña-larga")).not.toBe(hash);
  });
});

it("slugs are ASCII and readable", () => {
  expect(slugify("Tercer Plan de Acción Nacional 2016-2018")).toBe("tercer-plan-de-accion-nacional-2016-2018");
  expect(slugify("¡!")).toBe("consulta-nueva");
});
