/** Small pieces of the data layer: suggestions, counts, JSON positions. */
import { describe, expect, it } from "vitest";
import { countAgrees, countText, countValue, isApproximate } from "../../src/data/count.js";
import { duplicateKeys, parseJsonText } from "../../src/data/json-source.js";
import { editDistance, nearestName } from "../../src/data/suggest.js";

describe("suggestions", () => {
  it("measures a transposition as one edit", () => {
    expect(editDistance("recieved", "received")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
  it("suggests only near names", () => {
    const fields = ["received", "accepted", "completed", "sealUsed"];
    expect(nearestName("recieved", fields)).toBe("received");
    expect(nearestName("Received", fields)).toBe("received");
    expect(nearestName("complted", fields)).toBe("completed");
    expect(nearestName("remarks", fields)).toBeUndefined();
    expect(nearestName("idd", ["id", "item"])).toBe("id");
    expect(nearestName("post", ["in-person", "registered-post", "online"])).toBeUndefined();
  });
});

describe("counts", () => {
  it("reads exact and approximate counts", () => {
    expect([countValue(267), countValue({ value: 260, qualifier: "余" })]).toEqual([267, 260]);
    expect([isApproximate(267), isApproximate({ value: 260, qualifier: "余" })]).toEqual([false, true]);
    expect(
      [
        267,
        { value: 260, qualifier: "余" },
        { value: 300, qualifier: "约" },
        { value: 50, qualifier: "多" },
      ].map((c) => countText(c as never)),
    ).toEqual(["267", "260余", "约300", "50多"]);
  });
  it("compares totals with records", () => {
    expect([countAgrees(267, 267), countAgrees(267, 266)]).toEqual([true, false]);
    expect([
      countAgrees({ value: 260, qualifier: "余" }, 263),
      countAgrees({ value: 260, qualifier: "余" }, 259),
    ]).toEqual([true, false]);
    expect(countAgrees({ value: 300, qualifier: "约" }, 287)).toBe(true);
  });
});

describe("JSON positions", () => {
  it("gives 1-based line and column of values and keys; a tab is one column", () => {
    const p = parseJsonText('{\n\t"a": [1,\n  {"b": "x"}]\n}');
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.locate("/a", "key")).toEqual({ line: 2, column: 2 });
    expect(p.locate("/a", "value")).toEqual({ line: 2, column: 7 });
    expect(p.locate("/a/1/b", "value")).toEqual({ line: 3, column: 9 });
    expect(p.locate("/nope", "value")).toBeUndefined();
  });
  it("reads a byte-order mark as whitespace", () => {
    const p = parseJsonText('\ufeff{"a": 1}');
    expect(p.ok && p.locate("/a", "value")).toEqual({ line: 1, column: 8 });
  });
  it("counts a character outside the BMP as one column", () => {
    const p = parseJsonText('{"𠀀": 1, "b": 2}');
    expect(p.ok && p.locate("/b", "key")).toEqual({ line: 1, column: 10 });
  });
  it("reports syntax errors with line:column", () => {
    const p = parseJsonText('{\n  "a": 1,\n}');
    expect(p).toEqual({
      ok: false,
      position: { line: 2, column: 9 },
      message: { zh: "JSON 语法错误：} 前多了一个逗号", en: 'JSON syntax error: extra comma before "}"' },
    });
  });
  it("finds keys repeated in the same object, not in strings or sibling objects", () => {
    expect(
      duplicateKeys(
        '{"a": {"b": 1, "b": 2, "c": [{"x": 1}, {"x": 2, "x": 3}]}, "a~/": 1, "a~/": 2, "s": "\\"s\\": 1"}',
      ),
    ).toEqual(["/a/b", "/a/c/1/x", "/a~0~1"]);
    expect(duplicateKeys('{"x": {"k": 1}, "y": {"k": 1}}')).toEqual([]);
  });
});
