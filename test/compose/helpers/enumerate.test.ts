import { describe, expect, it } from "vitest";
import { clauses, enumerate } from "../../../src/compose/helpers/index.js";

describe("enumerate", () => {
  it("joins 0, 1, 2 and 3 items", () => {
    expect(enumerate([])).toBe("");
    expect(enumerate(["a"])).toBe("a");
    expect(enumerate(["a", "b"])).toBe("a和b");
    expect(enumerate(["a", "b", "c"])).toBe("a、b和c");
  });
  it("takes another last joiner or separator", () => {
    expect(enumerate(["a", "b", "c"], { last: "及" })).toBe("a、b及c");
    expect(enumerate(["a", "b", "c"], { last: "、" })).toBe("a、b、c");
    expect(enumerate(["a", "b"], { sep: "，", last: "以及" })).toBe("a以及b");
  });
});

describe("clauses", () => {
  it("joins with full-width semicolons", () => {
    expect(clauses(["x"])).toBe("x");
    expect(clauses(["x", "y"])).toBe("x；y");
    expect(clauses(["x", "y", "z"])).toBe("x；y；z");
  });
});
