// copy-database fills tables so that every row's referenced rows are already there.
import { describe, expect, it } from "vitest";
import { insertOrder } from "../../db/copy-database.server";

describe("insertOrder", () => {
  it("puts referenced tables first, keeping the given order otherwise", () => {
    const fks = [
      { table: "memberships", references: "users" },
      { table: "memberships", references: "consultations" },
      { table: "users", references: "organizations" },
      { table: "stages", references: "consultations" },
    ];
    expect(insertOrder(["memberships", "stages", "users", "organizations", "consultations"], fks)).toEqual([
      "organizations",
      "users",
      "consultations",
      "memberships",
      "stages",
    ]);
  });

  it("ignores a table's reference to itself and to tables not copied", () => {
    expect(
      insertOrder(
        ["b", "a"],
        [
          { table: "a", references: "a" },
          { table: "b", references: "elsewhere" },
        ],
      ),
    ).toEqual(["b", "a"]);
  });

  it("refuses a cycle instead of copying in an order that cannot work", () => {
    expect(() =>
      insertOrder(
        ["a", "b"],
        [
          { table: "a", references: "b" },
          { table: "b", references: "a" },
        ],
      ),
    ).toThrow(/cycle/);
  });
});
