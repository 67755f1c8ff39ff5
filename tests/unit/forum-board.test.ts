// Board state: captures applied exactly once whatever the order or repetition of events, and the counts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyCapture, boardCounts, groupByTheme, mergeCaptures, type BoardCapture } from "../../app/domain/forum-board";

function capture(over: Partial<BoardCapture> & { id: string }): BoardCapture {
  return {
    forumId: "f1",
    worktableId: "t1",
    tableNumber: 1,
    themeId: "A",
    text: "texto",
    speakerSector: null,
    tags: [],
    capturedBy: "u1",
    capturedByName: "Ana",
    status: "visible",
    createdAt: "2016-05-03T10:00:00.000Z",
    updatedAt: "2016-05-03T10:00:00.000Z",
    summaryId: null,
    ...over,
  };
}

describe("applyCapture", () => {
  it("keeps the newest version of each capture, newest capture first", () => {
    let list: BoardCapture[] = [];
    list = applyCapture(list, capture({ id: "a", createdAt: "2016-05-03T10:00:00.000Z" }));
    list = applyCapture(list, capture({ id: "b", createdAt: "2016-05-03T10:01:00.000Z" }));
    list = applyCapture(list, capture({ id: "a", text: "corregido", updatedAt: "2016-05-03T10:02:00.000Z" }));
    list = applyCapture(list, capture({ id: "a", text: "viejo", updatedAt: "2016-05-03T10:00:00.000Z" }));
    expect(list.map((c) => [c.id, c.text])).toEqual([
      ["b", "texto"],
      ["a", "corregido"],
    ]);
  });

  it("shows every capture exactly once, whatever the order and repetition of events (property)", () => {
    const event = fc.record({ id: fc.constantFrom("a", "b", "c", "d", "e"), minute: fc.integer({ min: 0, max: 59 }), version: fc.integer({ min: 0, max: 5 }) });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const captures = events.map((e) =>
          capture({
            id: e.id,
            createdAt: `2016-05-03T10:${String("abcde".indexOf(e.id)).padStart(2, "0")}:00.000Z`,
            updatedAt: `2016-05-03T11:${String(e.version).padStart(2, "0")}:00.000Z`,
            text: `v${e.version}`,
          }),
        );
        const list = captures.reduce<BoardCapture[]>(applyCapture, []);
        const ids = list.map((c) => c.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(new Set(events.map((e) => e.id)));
        for (const c of list) expect(c.text).toBe(`v${Math.max(...events.filter((e) => e.id === c.id).map((e) => e.version))}`);
        // Replaying everything (a reconnect, a snapshot) changes nothing.
        expect(mergeCaptures(list, captures)).toEqual(list);
      }),
    );
  });
});

describe("counts and grouping", () => {
  const list = [
    capture({ id: "1", worktableId: "t1", themeId: "A" }),
    capture({ id: "2", worktableId: "t1", themeId: "B", summaryId: "s" }),
    capture({ id: "3", worktableId: "t2", themeId: "A" }),
    capture({ id: "4", worktableId: "t2", themeId: "A", status: "withdrawn" }),
    capture({ id: "5", worktableId: "t2", themeId: "Z" }),
  ];

  it("counts visible captures per table, theme and table × theme", () => {
    const counts = boardCounts(list, ["t1", "t2", "t3"], ["A", "B", "C"]);
    expect(counts.total).toBe(4);
    expect(counts.byTable).toEqual({ t1: 2, t2: 2, t3: 0 });
    expect(counts.byTheme).toEqual({ A: 2, B: 1, C: 0, Z: 1 });
    expect(counts.byTableAndTheme).toEqual({ t1: { A: 1, B: 1 }, t2: { A: 1, Z: 1 } });
    expect(counts.summarized).toBe(1);
  });

  it("groups by theme in the themes' order, unknown themes last", () => {
    const groups = groupByTheme(list, [{ id: "B" }, { id: "A" }]);
    expect(groups.map((g) => [g.theme?.id ?? null, g.captures.map((c) => c.id)])).toEqual([
      ["B", ["2"]],
      ["A", ["1", "3"]],
      [null, ["5"]],
    ]);
  });
});
