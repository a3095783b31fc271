import { describe, expect, it } from "vitest";
import { runAudit } from "../../../../src/audit/index.js";
import type { Dataset } from "../../../../src/data/types.js";
import { dataset, expectValid, findingsOf, neutralScheme } from "../../fixtures.js";
import { givenTables } from "./given.js";

const RULE = "annual-report/carry-over";

/** Last year's dataset whose table 三 carries `n` requests (natural persons) to this year. */
function lastYear(n: number): Dataset {
  const d = givenTables((q) => {
    q.newReceived = { "natural-person": 4 + n, total: 4 + n };
    q.carriedOver = { "natural-person": 0, total: 0 };
    q.carriedForward = { "natural-person": n, total: n };
  });
  d.year = 2022;
  delete d.documents;
  delete d.approval;
  d.disclosure.previousAnnualReport = { published: "2022-01-20" };
  return d;
}

function carryOver(previous: Dataset): string[] {
  expectValid(previous);
  const d = givenTables();
  expectValid(d);
  return runAudit(d, { scheme: neutralScheme(), previous })
    .findings.filter((f) => f.rule === RULE)
    .map((f) => f.message);
}

describe(RULE, () => {
  it("is not checked without last year's dataset, and passes when 二 = last year's 四", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
    expect(carryOver(lastYear(1))).toEqual([]);
  });

  it("reports each column where this year's 二 differs from last year's 四", () => {
    expect(carryOver(lastYear(2))).toEqual([
      "年度报告表三 自然人列：二（1）≠ 上年四（2）",
      "年度报告表三 总计列：二（1）≠ 上年四（2）",
    ]);
  });
});
