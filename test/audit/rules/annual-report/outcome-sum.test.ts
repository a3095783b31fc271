import { describe, expect, it } from "vitest";
import { dataset, findingsOf } from "../../fixtures.js";
import { givenTables } from "./given.js";

const RULE = "annual-report/outcome-sum";

describe(RULE, () => {
  it("passes when （七）总计 is the sum of the outcome rows", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
    expect(findingsOf(givenTables(), RULE)).toEqual([]);
  });

  it("reports each column where （七） differs from the outcome rows (the balance still holds)", () => {
    const d = givenTables((q) => {
      q.total = { "natural-person": 5, total: 5 };
      q.carriedForward = { "natural-person": 1, total: 1 };
    });
    const found = findingsOf(d, RULE);
    expect(found.map((f) => f.subject)).toEqual([
      "表三 （七）总计 = （一）…（六）3 自然人",
      "表三 （七）总计 = （一）…（六）3 总计",
    ]);
    expect(found[0]!.message).toMatch(
      /^年度报告表三 自然人列：（七）（5）≠ （一）（3）\+ .*（四）1（1）.*= 4$/,
    );
    expect(findingsOf(d, "annual-report/balance")).toEqual([]);
  });
});
