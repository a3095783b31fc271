import { describe, expect, it } from "vitest";
import {
  annualReportEquations,
  checkCarryOver,
  violationMessage,
  wordViolation,
  ANNUAL_REPORT_RULES,
  type Violation,
  type WordedViolation,
} from "../../src/annual-report/rules.js";
import { annualReportViolations, tablesOnly } from "../../src/audit/annual-report.js";
import { REQUEST_COLUMNS, REQUEST_ROWS } from "../../src/annual-report/format.js";
import type { AnnualReportTables } from "../../src/annual-report/model.js";
import { givenRequests, projectRequests } from "../../src/annual-report/given.js";
import { blankTables, factsOf, row, sample2023 } from "./fixtures.js";

/** Where a violation is, its figures and its message (without the message's id and data). */
const placed = (v: WordedViolation) => ({
  rule: v.rule,
  table: v.table,
  row: v.row,
  column: v.column,
  message: v.message,
  left: v.left,
  right: v.right,
});

/** The audit's consistency rules on tables alone (with last year's tables, rule 5 too). */
function checkAnnualReport(
  tables: AnnualReportTables,
  previous?: AnnualReportTables,
  options: { lang?: "zh" | "en" } = {},
) {
  return annualReportViolations(
    { ...tablesOnly(tables), previousTables: previous ?? null },
    options.lang,
  ).map(placed);
}

/** The 2023 sample's tables: balanced, the base every violation fixture breaks in one place. */
function balanced(): AnnualReportTables {
  return structuredClone(factsOf(sample2023()).tables!);
}

describe("the published example (a 2019 report, 总计 column)", () => {
  // 一 859 + 二 18 = 877 = （七）805 + 四 72
  const given = givenRequests({
    newReceived: { total: 859 },
    carriedOver: { total: 18 },
    total: { total: 805 },
    carriedForward: { total: 72 },
  });

  it("entered as given totals and printed with blanks, balances", () => {
    const tables = { ...blankTables("2019", "empty"), requests: projectRequests(given, "2019") };
    expect(checkAnnualReport(tables)).toEqual([]);
  });

  it("printed with 0 in the blank cells, only the 总计 column balances — the others are named", () => {
    const tables = { ...blankTables("2019", "zero"), requests: projectRequests(given, "2019") };
    const v = checkAnnualReport(tables);
    expect(v.filter((x) => x.rule === "balance")).toEqual([]);
    expect(v.map((x) => x.message)).toEqual([
      '表三 “一、本年新收政府信息公开申请数量”行：总计（859）≠ 自然人（0）+ 商业企业（0）+ 科研机构（0）+ 社会公益组织（0）+ 法律服务机构（0）+ 其他（0）= 0（空白单元格按 0 计；若所抄录的表格本就印有空白单元格，请在 annualReportTable 中写 "blankCells": "empty"）',
      '表三 “二、上年结转政府信息公开申请数量”行：总计（18）≠ 自然人（0）+ 商业企业（0）+ 科研机构（0）+ 社会公益组织（0）+ 法律服务机构（0）+ 其他（0）= 0（空白单元格按 0 计；若所抄录的表格本就印有空白单元格，请在 annualReportTable 中写 "blankCells": "empty"）',
      '表三 “（七）总计”行：总计（805）≠ 自然人（0）+ 商业企业（0）+ 科研机构（0）+ 社会公益组织（0）+ 法律服务机构（0）+ 其他（0）= 0（空白单元格按 0 计；若所抄录的表格本就印有空白单元格，请在 annualReportTable 中写 "blankCells": "empty"）',
      '表三 “四、结转下年度继续办理”行：总计（72）≠ 自然人（0）+ 商业企业（0）+ 科研机构（0）+ 社会公益组织（0）+ 法律服务机构（0）+ 其他（0）= 0（空白单元格按 0 计；若所抄录的表格本就印有空白单元格，请在 annualReportTable 中写 "blankCells": "empty"）',
      '表三 总计列：（七）（805）≠ （一）（0）+ （二）（0）+ （三）1（0）+ （三）2（0）+ （三）3（0）+ （三）4（0）+ （三）5（0）+ （三）6（0）+ （三）7（0）+ （三）8（0）+ （四）1（0）+ （四）2（0）+ （四）3（0）+ （五）1（0）+ （五）2（0）+ （五）3（0）+ （五）4（0）+ （五）5（0）+ （六）（0）= 0（空白单元格按 0 计；若所抄录的表格本就印有空白单元格，请在 annualReportTable 中写 "blankCells": "empty"）',
    ]);
  });

  it("a wrong 四 is caught in the 总计 column", () => {
    const wrong = givenRequests({
      newReceived: { total: 859 },
      carriedOver: { total: 18 },
      total: { total: 805 },
      carriedForward: { total: 70 },
    });
    const tables = { ...blankTables("2019", "empty"), requests: projectRequests(wrong, "2019") };
    const v = checkAnnualReport(tables);
    expect(v).toEqual([
      {
        rule: "balance",
        table: "表三",
        row: "一 + 二 = （七）+ 四",
        column: "总计",
        message: "表三 总计列：一（859）+ 二（18）= 877 ≠ （七）（805）+ 四（70）= 875",
        left: 877,
        right: 875,
      },
    ]);
  });
});

describe("rule 1: per column 一 + 二 = （七）+ 四", () => {
  it("names the column and both sides, as in the issue's example", () => {
    const t = blankTables("2021", "empty");
    t.requests.received = row(12, null, null, null, null, null, null);
    t.requests.carriedOver = row(3, null, null, null, null, null, null);
    t.requests.outcomeTotal = row(13, null, null, null, null, null, null);
    t.requests.carriedForward = row(1, null, null, null, null, null, null);
    const v = checkAnnualReport(t).filter((x) => x.rule === "balance");
    expect(v).toEqual([
      {
        rule: "balance",
        table: "表三",
        row: "一 + 二 = （七）+ 四",
        column: "自然人",
        message: "表三 自然人列：一（12）+ 二（3）= 15 ≠ （七）（13）+ 四（1）= 14",
        left: 15,
        right: 14,
      },
    ]);
  });
});

describe("rule 2: 总计 = the six applicant columns", () => {
  it("names the row (with its group) and both sides", () => {
    const t = balanced();
    // Move one refusal on state secrets from 自然人 to 其他 in 总计 only: the row no longer adds up.
    t.requests["refused.state-secret"]!.total = 2;
    t.requests.outcomeTotal!.total = 40;
    t.requests.received!.total = 40;
    const v = checkAnnualReport(t);
    expect(v.map((x) => x.message)).toEqual([
      "表三 “一、本年新收政府信息公开申请数量”行：总计（40）≠ 自然人（22）+ 商业企业（8）+ 科研机构（2）+ 社会公益组织（2）+ 法律服务机构（3）+ 其他（2）= 39",
      "表三 “（三）不予公开 1.属于国家秘密”行：总计（2）≠ 自然人（1）+ 商业企业（0）+ 科研机构（0）+ 社会公益组织（0）+ 法律服务机构（0）+ 其他（0）= 1",
      "表三 “（七）总计”行：总计（40）≠ 自然人（22）+ 商业企业（8）+ 科研机构（2）+ 社会公益组织（2）+ 法律服务机构（3）+ 其他（2）= 39",
    ]);
    expect(v[1]).toMatchObject({
      rule: "applicant-sum",
      table: "表三",
      row: "1.属于国家秘密",
      column: "总计",
      left: 2,
      right: 1,
    });
  });
});

describe("rule 3: （七）总计 = every outcome row", () => {
  it("names the column and lists every outcome row", () => {
    const t = balanced();
    t.requests.disclosed!["other"] = 2;
    t.requests.disclosed!.total = 14;
    const v = checkAnnualReport(t);
    expect(v.map((x) => x.rule)).toEqual(["outcome-sum", "outcome-sum"]);
    expect(v[0]).toEqual({
      rule: "outcome-sum",
      table: "表三",
      row: "（七）总计 = （一）…（六）3",
      column: "其他",
      message:
        "表三 其他列：（七）（2）≠ （一）（2）+ （二）（0）+ （三）1（0）+ （三）2（0）+ （三）3（0）+ （三）4（0）+ （三）5（0）+ （三）6（0）+ （三）7（0）+ （三）8（0）+ （四）1（0）+ （四）2（0）+ （四）3（0）+ （五）1（0）+ （五）2（0）+ （五）3（1）+ （五）4（0）+ （五）5（0）+ （六）1（0）+ （六）2（0）+ （六）3（0）= 3",
      left: 2,
      right: 3,
    });
    expect(v[1]!.message).toMatch(/^表三 总计列：（七）（39）≠ （一）（14）\+ /);
    expect(v[1]!.message).toMatch(/= 40$/);
  });
});

describe("rule 4: table 四 totals", () => {
  it("names the group and both sides", () => {
    const t = balanced();
    t.reviews.litigationAfterReconsideration = { upheld: 1, corrected: 0, other: 1, pending: 1, total: 2 };
    expect(checkAnnualReport(t)).toEqual([
      {
        rule: "review-sum",
        table: "表四",
        row: "行政诉讼（复议后起诉）",
        column: "总计",
        message:
          "表四 行政诉讼（复议后起诉）：总计（2）≠ 结果维持（1）+ 结果纠正（0）+ 其他结果（1）+ 尚未审结（1）= 3",
        left: 2,
        right: 3,
      },
    ]);
  });
});

describe("rule 5: this year's 上年结转 = last year's 结转下年度", () => {
  it("names the column and both years' figures", () => {
    const now = balanced();
    const previous = balanced();
    previous.year = 2022;
    // Last year carried forward what this year carried over …
    previous.requests.carriedForward = { ...now.requests.carriedOver! };
    expect(checkAnnualReport(now, previous)).toEqual([]);
    // … except one natural person.
    previous.requests.carriedForward = row(3, 1, 0, 0, 0, 0, 4);
    expect(checkCarryOver(now, previous).map((v) => placed(wordViolation(v)))).toEqual([
      {
        rule: "carry-over",
        table: "表三",
        row: "二、上年结转政府信息公开申请数量 = 2022年 四、结转下年度继续办理",
        column: "自然人",
        message: "表三 自然人列：二（2）≠ 上年四（3）",
        left: 2,
        right: 3,
      },
      {
        rule: "carry-over",
        table: "表三",
        row: "二、上年结转政府信息公开申请数量 = 2022年 四、结转下年度继续办理",
        column: "总计",
        message: "表三 总计列：二（3）≠ 上年四（4）",
        left: 3,
        right: 4,
      },
    ]);
  });
});

describe("blank cells", () => {
  it("a side partly blank counts the blanks as nothing and shows them as 空", () => {
    const t = blankTables("2021", "empty");
    t.requests.received = row(null, null, null, null, null, null, 10);
    t.requests.carriedOver = row(null, null, null, null, null, null, null);
    t.requests.outcomeTotal = row(null, null, null, null, null, null, 9);
    t.requests.carriedForward = row(null, null, null, null, null, null, null);
    expect(checkAnnualReport(t).map((v) => v.message)).toEqual([
      "表三 总计列：一（10）+ 二（空）= 10 ≠ （七）（9）+ 四（空）= 9",
    ]);
  });

  it("a side left blank and counted as 0 (the default) says how to enter a table printed with blanks", () => {
    // 总计 left blank beside 自然人 10: printed as 0 it fails rule 2 and the message says
    // blankCells "empty"; entered so, the blank side is nothing reported and not compared.
    const t = blankTables("2021", "zero", 0);
    t.requests.received = row(10, 0, 0, 0, 0, 0, null);
    const messages = checkAnnualReport(t).map((v) => v.message);
    expect(messages).toContain(
      '表三 “一、本年新收政府信息公开申请数量”行：总计（0）≠ 自然人（10）+ 商业企业（0）+ 科研机构（0）+ 社会公益组织（0）+ 法律服务机构（0）+ 其他（0）= 10（空白单元格按 0 计；若所抄录的表格本就印有空白单元格，请在 annualReportTable 中写 "blankCells": "empty"）',
    );
    expect(
      checkAnnualReport(t, undefined, { lang: "en" })
        .map((v) => v.message)
        .join("\n"),
    ).toContain('for a table printed with blank cells, write "blankCells": "empty" in annualReportTable');
    const empty = { ...t, blankCells: "empty" as const };
    expect(
      checkAnnualReport(empty).filter(
        (v) => v.message.includes("本年新收") && v.message.startsWith("表三 一、"),
      ),
    ).toEqual([]);
    // A failure with no blank side carries no hint.
    const full = blankTables("2021", "zero", 0);
    full.requests.received = row(10, 0, 0, 0, 0, 0, 9);
    expect(
      checkAnnualReport(full)
        .map((v) => v.message)
        .join("\n"),
    ).not.toContain("blankCells");
  });

  it("English messages with --lang en", () => {
    const t = blankTables("2021", "empty");
    t.requests.received = row(12, null, null, null, null, null, null);
    t.requests.carriedOver = row(3, null, null, null, null, null, null);
    t.requests.outcomeTotal = row(13, null, null, null, null, null, null);
    t.requests.carriedForward = row(1, null, null, null, null, null, null);
    expect(checkAnnualReport(t, undefined, { lang: "en" }).map((v) => v.message)).toEqual([
      "表三 column 自然人: 一 (12) + 二 (3) = 15 ≠ （七） (13) + 四 (1) = 14",
    ]);
  });
});

describe("the rules as data", () => {
  it("has one equation per column, row and group of each version", () => {
    for (const version of ["2021", "2019"] as const) {
      const eqs = annualReportEquations(version);
      const count = (rule: string) => eqs.filter((e) => e.rule === rule).length;
      expect(count("balance")).toBe(REQUEST_COLUMNS.length);
      expect(count("applicant-sum")).toBe(REQUEST_ROWS[version].length);
      expect(count("outcome-sum")).toBe(REQUEST_COLUMNS.length);
      expect(count("review-sum")).toBe(3);
    }
    // 一, 二, the rows under 三、本年度办理结果 (22 in 2021, 20 in 2019, （七） included), 四.
    expect(REQUEST_ROWS["2021"].length).toBe(2 + 22 + 1);
    expect(REQUEST_ROWS["2019"].length).toBe(2 + 20 + 1);
    expect(Object.keys(ANNUAL_REPORT_RULES)).toEqual([
      "balance",
      "applicant-sum",
      "outcome-sum",
      "review-sum",
      "carry-over",
      "given-records",
    ]);
  });
});

describe("violations as message ids and data", () => {
  it("carry no sentence; one derivation is worded in either language", () => {
    const now = balanced();
    const previous = balanced();
    previous.year = 2022;
    previous.requests.carriedForward = row(3, 1, 0, 0, 0, 0, 4);
    const v: Violation[] = checkCarryOver(now, previous);
    expect(v[0]).not.toHaveProperty("message");
    expect(v[0]!.messageId).toBe("unequal");
    expect(v[0]!.data).toEqual({
      subject: { column: "natural-person" },
      left: [{ name: "二", value: 2 }],
      right: [{ nameId: "last-year-carried-forward", value: 3 }],
    });
    expect(violationMessage(v[0]!, "zh")).toBe("表三 自然人列：二（2）≠ 上年四（3）");
    expect(violationMessage(v[0]!, "en")).toBe("表三 column 自然人: 二 (2) ≠ last year's 四 (3)");
  });
});
