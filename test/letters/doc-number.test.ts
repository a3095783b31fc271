import { describe, expect, it } from "vitest";
import { assignDocNumbers, formatDocNumber, unknownPlaceholders } from "../../src/letters/doc-number.js";

describe("document numbers", () => {
  it("fills the pattern without zero padding", () => {
    expect(
      formatDocNumber("{short}公开复〔{year}〕{seq}号", { short: "呼商务", year: 2014, seq: 3, id: "A" }),
    ).toBe("呼商务公开复〔2014〕3号");
  });
  it("numbers per pattern and year in the given order; null patterns take no number", () => {
    const m = assignDocNumbers(
      [
        { key: "a/receipt", pattern: "R〔{year}〕{seq}", date: "2022-12-20", id: "a" },
        { key: "a/reply", pattern: "F〔{year}〕{seq}", date: "2023-01-05", id: "a" },
        { key: "b/receipt", pattern: "R〔{year}〕{seq}", date: "2023-01-04", id: "b" },
        { key: "b/fee", pattern: null, date: "2023-01-06", id: "b" },
        { key: "b/reply", pattern: "F〔{year}〕{seq}", date: "2023-01-09", id: "b" },
        { key: "c/receipt", pattern: "R〔{year}〕{seq}", date: "2023-02-01", id: "c" },
      ],
      "X",
    );
    expect([...m.entries()]).toEqual([
      ["a/receipt", "R〔2022〕1"],
      ["a/reply", "F〔2023〕1"],
      ["b/receipt", "R〔2023〕1"],
      ["b/reply", "F〔2023〕2"],
      ["c/receipt", "R〔2023〕2"],
    ]);
  });
  it("finds unknown placeholders", () => {
    expect(unknownPlaceholders("{short}{yaer}{seq}{}", ["short", "year", "seq", "id"])).toEqual(["yaer", ""]);
  });
});
