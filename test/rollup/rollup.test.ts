/**
 * The roll-up of departments' annual reports: the summed tables equal the hand sums cell by
 * cell, the comparison rows are each department's facts, and a department whose tables fail is
 * named with the rule's message.
 */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import {
  buildRollupReport,
  deriveFacts,
  renderDocx,
  renderPdf,
  renderXlsx,
  rollupAnnualReport,
  rollupDepartment,
  UserError,
  type AnnualReportRollup,
} from "../../src/index.js";
import { REQUEST_COLUMNS, REQUEST_ROWS } from "../../src/annual-report/format.js";
import { EXPECTED_2023 } from "../annual-report/fixtures.js";
import { docxText } from "../helpers/docx.js";
import { pdfText, squeezeSpace } from "../helpers/pdf.js";
import { deptA, deptB, deptC } from "./fixtures.js";

const dept = (ds: ReturnType<typeof deptA>) => rollupDepartment(ds.agency.name, deriveFacts(ds));
const rowOf = (r: AnnualReportRollup, key: keyof typeof EXPECTED_2023) =>
  REQUEST_COLUMNS.map((c) => r.tables.requests[key]?.[c]);

describe("rollupAnnualReport", () => {
  const rollup = rollupAnnualReport([dept(deptA()), dept(deptB())], { year: 2023 });

  it("sums table 三 column by column, every row including the carry-over rows (hand sums)", () => {
    //                                   自然人 商业 科研 公益 法律 其他 总计
    expect(rowOf(rollup, "received")).toEqual([27, 10, 2, 2, 3, 2, 46]);
    expect(rowOf(rollup, "carriedOver")).toEqual([3, 1, 0, 0, 0, 0, 4]);
    expect(rowOf(rollup, "disclosed")).toEqual([9, 3, 0, 1, 2, 1, 16]);
    expect(rowOf(rollup, "unavailable.not-held")).toEqual([2, 2, 1, 0, 0, 0, 5]);
    expect(rowOf(rollup, "outcomeTotal")).toEqual([25, 10, 2, 2, 3, 2, 44]);
    expect(rowOf(rollup, "carriedForward")).toEqual([5, 1, 0, 0, 0, 0, 6]);
    // Every other row is 甲's alone (乙 gives nothing there: its blanks print as 0).
    const touched = [
      "received",
      "carriedOver",
      "disclosed",
      "unavailable.not-held",
      "outcomeTotal",
      "carriedForward",
    ];
    for (const def of REQUEST_ROWS["2021"]) {
      if (touched.includes(def.key)) continue;
      expect(rowOf(rollup, def.key as keyof typeof EXPECTED_2023), def.key).toEqual(
        EXPECTED_2023[def.key as keyof typeof EXPECTED_2023],
      );
    }
  });

  it("sums tables 二 and 四 cell by cell", () => {
    expect(rollup.tables.proactive).toEqual({
      regulations: [0, 0, 0],
      normativeDocuments: [4, 1, 17],
      licensing: [1019],
      penalties: [100],
      enforcement: [12],
      fees: [1.5],
    });
    expect(rollup.tables.reviews).toEqual({
      reconsideration: { upheld: 1, corrected: 3, other: 0, pending: 0, total: 4 },
      litigationDirect: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
      litigationAfterReconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
    });
    expect(rollup.summary).toMatchObject({ received: 46, carriedOver: 4, handled: 44, carriedForward: 6 });
    expect(rollup.reviewSummary).toMatchObject({ reconsideration: 4, litigation: 1, corrected: 3 });
    expect(rollup.fees).toMatchObject({ notices: null, paid: 3, paidAmount: 2000 });
  });

  it("compares the departments from their own facts, with a total row that is the sum", () => {
    expect(rollup.departments.map((d) => [d.name, d.comparison])).toEqual([
      ["示例市青禾区甲局", { received: 39, repliedOnTime: 38, overdue: 1, reconsiderationCorrected: 1 }],
      ["示例市青禾区乙局", { received: 7, repliedOnTime: null, overdue: null, reconsiderationCorrected: 2 }],
    ]);
    expect(rollup.total).toEqual({
      received: 46,
      repliedOnTime: 38,
      overdue: 1,
      reconsiderationCorrected: 3,
    });
    expect(rollup.violations).toEqual([]);
    expect(rollup.failing).toEqual([]);
    expect(rollup.warnings).toEqual([
      "示例市青禾区乙局未登记申请记录（表格为填报数），按期答复和逾期两栏不含这些机关",
    ]);
  });

  it("names a department whose tables fail, with the rule's message, and checks the sum too", () => {
    const r = rollupAnnualReport([dept(deptA()), dept(deptC())], { year: 2023 });
    expect(r.failing.map((f) => f.name)).toEqual(["示例市青禾区丙局"]);
    expect(r.failing[0]!.messages).toContain(
      "表三 自然人列：一（10）+ 二（0）= 10 ≠ （七）（8）+ 四（1）= 9",
    );
    // The sum carries 丙's imbalance: 甲 balances, so the sum is off by the same one.
    expect(r.violations.map((v) => v.message)).toContain(
      "表三 自然人列：一（32）+ 二（2）= 34 ≠ （七）（30）+ 四（3）= 33",
    );
    const e = (() => {
      try {
        buildRollupReport({ rollup: r, government: { name: "示例市青禾区人民政府" }, lang: "zh" });
      } catch (x) {
        return x as UserError;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(UserError);
    expect(e!.message).toBe("以下机关的年度报告表格不符合勾稽关系，不能汇总：示例市青禾区丙局");
    expect(e!.details).toContain(
      "示例市青禾区丙局：表三 自然人列：一（10）+ 二（0）= 10 ≠ （七）（8）+ 四（1）= 9",
    );
  });

  it("refuses departments of another year or format, naming them", () => {
    const other = deptB();
    other.year = 2022;
    other.agency.name = "示例市青禾区丁局";
    expect(() => rollupAnnualReport([dept(deptA()), dept(other)], { year: 2023 })).toThrow(UserError);
    try {
      rollupAnnualReport([dept(deptA()), dept(other)], { year: 2023 });
    } catch (e) {
      expect((e as UserError).details).toEqual(["示例市青禾区丁局：数据为2022年度，应为2023年度"]);
    }
    expect(() => rollupAnnualReport([], { year: 2023 })).toThrow("没有可汇总的机关");
  });
});

describe("buildRollupReport", () => {
  const rollup = rollupAnnualReport([dept(deptA()), dept(deptB())], { year: 2023 });
  const built = buildRollupReport({
    rollup,
    government: {
      name: "示例市青禾区人民政府",
      disclosureOffice: "青禾区人民政府办公室",
      disclosureOfficePhone: "0571-88000000",
    },
    signedOn: "2024-01-30",
    lang: "zh",
  });

  it("prints the summed numbers in the national format (DOCX text)", async () => {
    const text = docxText(await renderDocx(built.tree));
    expect(text).toContain("示例市青禾区人民政府\n2023年政府信息公开工作年度报告");
    expect(text).toContain(
      "纳入汇总的2个机关共新收政府信息公开申请46件，上年结转4件；办结44件，结转下年度继续办理6件。",
    );
    expect(text).toContain("被申请行政复议4件，被提起行政诉讼1件，其中结果纠正3件。");
    expect(text).toContain("共收取信息处理费3件，总金额2000元。");
    expect(text).toContain("【待填写：本级政府信息公开工作存在的主要问题。】");
    expect(text).toContain("2024年1月30日");
    expect(built.warnings).toContain(
      "以下部分为待填写的占位文字（【待填写：…】），请在文档中补写：总体情况、存在的主要问题、改进情况",
    );
  });

  it("the PDF shows the summed row 一 of table 三", async () => {
    const pdf = (await renderPdf(built.tree)).bytes;
    const text = squeezeSpace(pdfText(pdf));
    expect(text).toContain("一、本年新收政府信息公开申请数量2710223246");
    expect(text).toContain("1019");
  });

  it("the XLSX has tables 二–四 and the comparison sheet, whose total row is the sum", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(built.spreadsheet)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["表二", "表三", "表四", "各机关对比"]);
    const ws = wb.getWorksheet("各机关对比")!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0]![0]).toBe("2023年度各机关政府信息公开申请办理情况");
    expect(rows.slice(1)).toEqual([
      ["机关", "本年新收", "按期答复", "逾期", "行政复议结果纠正"],
      ["示例市青禾区甲局", 39, 38, 1, 1],
      ["示例市青禾区乙局", 7, "—", "—", 2],
      ["合计", 46, 38, 1, 3],
    ]);
  });

  it("is deterministic", async () => {
    const again = buildRollupReport({
      rollup: rollupAnnualReport([dept(deptA()), dept(deptB())], { year: 2023 }),
      government: {
        name: "示例市青禾区人民政府",
        disclosureOffice: "青禾区人民政府办公室",
        disclosureOfficePhone: "0571-88000000",
      },
      signedOn: "2024-01-30",
      lang: "zh",
    });
    expect(Buffer.from(await renderDocx(again.tree)).equals(Buffer.from(await renderDocx(built.tree)))).toBe(
      true,
    );
    expect(
      Buffer.from(await renderXlsx(again.spreadsheet)).equals(
        Buffer.from(await renderXlsx(built.spreadsheet)),
      ),
    ).toBe(true);
  });
});

describe("a roll-up in the 2019 format", () => {
  it("sums and prints the 2019 rows (（六）其他处理 without sub-rows)", async () => {
    const year2020 = (name: string) => {
      const ds = deptB();
      ds.year = 2020;
      ds.agency.name = name;
      delete ds.documents;
      return ds;
    };
    const r = rollupAnnualReport([dept(year2020("示例市青禾区乙局")), dept(year2020("示例市青禾区丁局"))], {
      year: 2020,
    });
    expect(r.version).toBe("2019");
    expect(rowOf(r, "received")).toEqual([10, 4, 0, 0, 0, 0, 14]);
    expect(rowOf(r, "other")).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const built = buildRollupReport({ rollup: r, government: { name: "示例市青禾区人民政府" }, lang: "zh" });
    const text = docxText(await renderDocx(built.tree));
    expect(text).toContain("国办公开办函〔2019〕60号");
    expect(text).toContain("（六）其他处理");
    expect(text).toContain("【成文日期】");
    expect(built.warnings).toContain("成文日期未填写（【成文日期】）");
  });
});
