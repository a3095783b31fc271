import { describe, expect, it, beforeAll } from "vitest";
import ExcelJS from "exceljs";
import {
  PROACTIVE_BLOCKS,
  REQUEST_COLUMN_LABELS,
  REQUEST_COLUMNS,
  REQUEST_HEADER,
  REQUEST_ROWS,
  REVIEW_COLUMN_LABELS,
  REVIEW_COLUMNS,
  REVIEW_HEADER,
  SECTION_TITLES,
  OGI2008_ITEMS,
  type TableFormatVersion,
} from "../../src/annual-report/format.js";
import { buildAnnualReport, type AnnualReportBuild } from "../../src/compose/documents/annual-report.js";
import { renderDocx } from "../../src/render/docx/index.js";
import { renderPdf } from "../../src/render/pdf/index.js";
import { renderXlsx } from "../../src/render/xlsx/index.js";
import { docxText } from "../helpers/docx.js";
import { pdfText, squeezeSpace } from "../helpers/pdf.js";
import { docxTables, type GridCell } from "./docx-tables.js";
import { EXPECTED_2023, sample2023, sample2023Json } from "./fixtures.js";

const HEADER_ROWS = 3;

function build(version?: TableFormatVersion | "2008"): AnnualReportBuild {
  return buildAnnualReport({ dataset: sample2023(), lang: "zh", ...(version ? { version } : {}) });
}

/** Expected cells of a table 三 row: the 2019 （六） row is the sum of the 2021 sub-rows. */
function expectedRow(key: string): string[] {
  return EXPECTED_2023[key as keyof typeof EXPECTED_2023].map(String);
}

function checkTable3(grid: GridCell[][], version: TableFormatVersion) {
  const rows = REQUEST_ROWS[version];
  expect(grid.length).toBe(HEADER_ROWS + rows.length);
  for (const line of grid) expect(line.length).toBe(10);
  // Header: the note in the top-left cell, 3 columns × 3 rows; 申请人情况 over the 7 data columns.
  expect(grid[0]![0]).toEqual({ text: REQUEST_HEADER.note, start: true, colSpan: 3, rowSpan: 3 });
  expect(grid[2]![0]!.start).toBe(false);
  expect(grid[0]![3]).toMatchObject({ text: "申请人情况", start: true, colSpan: 7 });
  expect(grid[1]![3]).toMatchObject({ text: "自然人", start: true, rowSpan: 2 });
  expect(grid[1]![4]).toMatchObject({ text: "法人或其他组织", start: true, colSpan: 5 });
  expect(grid[1]![9]).toMatchObject({ text: "总计", start: true, rowSpan: 2 });
  expect(grid[2]!.slice(4, 9).map((c) => c.text)).toEqual([
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
  ]);
  expect(REQUEST_COLUMNS.map((c) => REQUEST_COLUMN_LABELS[c])).toEqual([
    grid[1]![3]!.text,
    ...grid[2]!.slice(4, 9).map((c) => c.text),
    grid[1]![9]!.text,
  ]);
  const outcomeRows = rows.length - 3; // all but 一, 二, 四
  rows.forEach((def, i) => {
    const line = grid[HEADER_ROWS + i]!;
    // Cell by cell: the seven data columns.
    expect([def.key, line.slice(3).map((c) => c.text)]).toEqual([def.key, expectedRow(def.key)]);
    // The verbatim label in its place, with its spans.
    if (def.key === "received" || def.key === "carriedOver" || def.key === "carriedForward") {
      expect(line[0]).toMatchObject({ text: def.label, start: true, colSpan: 3 });
    } else if (def.group) {
      expect(line[2]).toMatchObject({ text: def.label, start: true, colSpan: 1 });
      expect(line[1]!.text).toBe(def.group.label);
    } else {
      expect(line[1]).toMatchObject({ text: def.label, start: true, colSpan: 2 });
    }
  });
  // 三、本年度办理结果 spans every row of the results (22 in 2021, 20 in 2019), including （七）.
  expect(grid[HEADER_ROWS + 2]![0]).toEqual({
    text: REQUEST_HEADER.outcomes,
    start: true,
    colSpan: 1,
    rowSpan: outcomeRows,
  });
  expect(outcomeRows).toBe(version === "2021" ? 22 : 20);
  // Each group label spans its sub-rows and has no data row of its own.
  for (const group of [
    "（三）不予公开",
    "（四）无法提供",
    "（五）不予处理",
    ...(version === "2021" ? ["（六）其他处理"] : []),
  ]) {
    const starts = grid.flatMap((line) => line.filter((c) => c.start && c.text === group));
    expect(starts).toEqual([
      { text: group, start: true, colSpan: 1, rowSpan: rows.filter((r) => r.group?.label === group).length },
    ]);
  }
}

function checkTable4(grid: GridCell[][]) {
  expect(grid.length).toBe(4);
  for (const line of grid) expect(line.length).toBe(15);
  expect(grid[0]![0]).toMatchObject({ text: REVIEW_HEADER.reconsideration, colSpan: 5 });
  expect(grid[0]![5]).toMatchObject({ text: REVIEW_HEADER.litigation, colSpan: 10 });
  expect(grid[1]![5]).toMatchObject({ text: REVIEW_HEADER.litigationDirect, colSpan: 5 });
  expect(grid[1]![10]).toMatchObject({ text: REVIEW_HEADER.litigationAfterReconsideration, colSpan: 5 });
  const labels = REVIEW_COLUMNS.map((c) => REVIEW_COLUMN_LABELS[c]);
  expect(grid[1]!.slice(0, 5).map((c) => [c.text, c.rowSpan])).toEqual(labels.map((l) => [l, 2]));
  expect(grid[2]!.slice(5).map((c) => c.text)).toEqual([...labels, ...labels]);
  // 行政复议: 纠正 1; 未经复议直接起诉: 维持 1; 复议后起诉: none.
  expect(grid[3]!.map((c) => c.text)).toEqual([
    "0",
    "1",
    "0",
    "0",
    "1",
    "1",
    "0",
    "0",
    "0",
    "1",
    "0",
    "0",
    "0",
    "0",
    "0",
  ]);
}

describe("the 2023 sample's report in the 2021 format, read back from the DOCX", () => {
  let built: AnnualReportBuild;
  let docx: Uint8Array;
  beforeAll(async () => {
    built = build();
    docx = await renderDocx(built.tree);
  });

  it("has the six sections in order, numbered 一 to 六", () => {
    const headings = built.tree.blocks.filter((b) => b.type === "heading" && b.level === 1);
    expect(
      headings.map((h) => (h.type === "heading" ? h.number + h.runs.map((r) => r.text).join("") : "")),
    ).toEqual(SECTION_TITLES.map((title, i) => `${"一二三四五六"[i]}、${title}`));
    const text = docxText(docx);
    for (const [i, title] of SECTION_TITLES.entries())
      expect(text).toContain(`${"一二三四五六"[i]}、${title}`);
  });

  it("table 二: verbatim texts and the given figures", () => {
    const grid = docxTables(docx)[0]!;
    const texts = grid.map((line) => line.filter((c) => c.start).map((c) => c.text));
    expect(texts).toEqual([
      ["第二十条第（一）项"],
      ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
      ["规章", "0", "0", "0"],
      ["行政规范性文件", "3", "1", "12"],
      ["第二十条第（五）项"],
      ["信息内容", "本年处理决定数量"],
      ["行政许可", "919"],
      ["第二十条第（六）项"],
      ["信息内容", "本年处理决定数量"],
      ["行政处罚", "87"],
      ["行政强制", "12"],
      ["第二十条第（八）项"],
      ["信息内容", "本年收费金额（单位：万元）"],
      ["行政事业性收费", "0"],
    ]);
    expect(grid[0]![0]!.colSpan).toBe(4);
    expect(grid[6]![1]!.colSpan).toBe(3);
    // The texts are the format's (format.ts holds them for the spreadsheet and the checks).
    const fromFormat = PROACTIVE_BLOCKS["2021"].flatMap((b) => [
      b.caption,
      ...b.headers,
      ...b.rows.map((r) => r.label),
    ]);
    for (const t of fromFormat) expect(texts.flat()).toContain(t);
  });

  it("table 三: cell by cell, labels verbatim, spans as in the format", () => {
    checkTable3(docxTables(docx)[1]!, "2021");
  });

  it("table 四: one data row of 15 cells under the two-level header", () => {
    checkTable4(docxTables(docx)[2]!);
  });

  it("states the fees of section 六 and the figures of section 三 in words", () => {
    const text = docxText(docx);
    expect(text).toContain(
      "2023年，本机关依据《政府信息公开信息处理费管理办法》向申请人发出收费通知2件，总金额6800元；实际收取信息处理费1件，总金额1700元。",
    );
    expect(text).toContain(
      "2023年，本机关新收政府信息公开申请39件，上年结转3件；本年度办结39件，其中予以公开13件、部分公开3件、不予公开8件、无法提供5件、不予处理5件、其他处理5件；结转下年度继续办理3件。",
    );
    expect(text).toContain(sample2023().narrative!.problems!);
    expect(built.warnings).toEqual([]);
  });

  it("is byte-identical when built twice", async () => {
    const again = await renderDocx(build().tree);
    expect(Buffer.from(again).equals(Buffer.from(docx))).toBe(true);
  });
});

describe("the 2019 format", () => {
  it("table 三 has （六）其他处理 without sub-rows; table 二 has the trial format's rows", async () => {
    const ds = sample2023Json();
    ds.disclosure.annualReportTable = {
      proactive2019: {
        regulations: { made: 0, published: 0, total: 0 },
        normativeDocuments: { made: 3, published: 3, total: 12 },
        licensing: { previous: 40, change: -2, decisions: 919 },
        procurement: { projects: 4, amount: 120.5 },
      },
    };
    const built = buildAnnualReport({ dataset: ds, lang: "zh", version: "2019" });
    const docx = await renderDocx(built.tree);
    const [t2, t3, t4] = docxTables(docx);
    checkTable3(t3!, "2019");
    checkTable4(t4!);
    const texts = t2!.map((line) => line.filter((c) => c.start).map((c) => c.text));
    expect(texts).toEqual([
      ["第二十条第（一）项"],
      ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
      ["规章", "0", "0", "0"],
      ["规范性文件", "3", "3", "12"],
      ["第二十条第（五）项"],
      ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
      ["行政许可", "40", "-2", "919"],
      ["其他对外管理服务事项", "0", "0", "0"],
      ["第二十条第（六）项"],
      ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
      ["行政处罚", "0", "0", "0"],
      ["行政强制", "0", "0", "0"],
      ["第二十条第（八）项"],
      ["信息内容", "上一年项目数量", "本年增/减"],
      ["行政事业性收费", "0", "0"],
      ["第二十条第（九）项"],
      ["信息内容", "采购项目数量", "采购总金额"],
      ["政府集中采购", "4", "120.5"],
    ]);
    const text = docxText(docx);
    expect(text).toContain("国办公开办函〔2019〕60号");
    // The fee measures took effect in 2021; a 2023 report in the 2019 format still cites them.
    expect(text).toContain("依据《政府信息公开信息处理费管理办法》");
  });

  it("an empty-printing blank stays empty in the table", async () => {
    const ds = sample2023Json();
    delete ds.disclosure.applications;
    ds.disclosure.fees = { count: 0, amount: 0 };
    ds.disclosure.annualReportTable = {
      blankCells: "empty",
      requests: {
        newReceived: { total: 859 },
        carriedOver: { total: 18 },
        total: { total: 805 },
        carriedForward: { total: 72 },
      },
      reviews: {
        reconsideration: { total: 0 },
        litigationDirect: { total: 0 },
        litigationAfterReconsideration: { total: 0 },
      },
    };
    const built = buildAnnualReport({ dataset: ds, lang: "zh", version: "2019" });
    const t3 = docxTables(await renderDocx(built.tree))[1]!;
    const cells = (i: number) => t3[HEADER_ROWS + i]!.slice(3).map((c) => c.text);
    const rows = REQUEST_ROWS["2019"];
    const at = (key: string) => rows.findIndex((r) => r.key === key);
    expect(cells(at("received"))).toEqual(["", "", "", "", "", "", "859"]);
    expect(cells(at("carriedOver"))).toEqual(["", "", "", "", "", "", "18"]);
    expect(cells(at("disclosed"))).toEqual(["", "", "", "", "", "", ""]);
    expect(cells(at("outcomeTotal"))).toEqual(["", "", "", "", "", "", "805"]);
    expect(cells(at("carriedForward"))).toEqual(["", "", "", "", "", "", "72"]);
    expect(built.warnings).toEqual(["未填报表二（主动公开政府信息情况）的数据，表二按空白印出"]);
  });
});

describe("the 2008 outline (reports before 2019)", () => {
  it("has the six items of ogi-2008 Art. 32, fees and waivers included, and no tables", async () => {
    const ds = sample2023Json();
    ds.disclosure.fees = { count: 1, amount: 1700, waived: 2 };
    const built = buildAnnualReport({ dataset: ds, lang: "zh", version: "2008" });
    expect(built.spreadsheet).toBeNull();
    expect(built.tree.blocks.some((b) => b.type === "table")).toBe(false);
    const headings = built.tree.blocks.filter((b) => b.type === "heading" && b.level === 1);
    expect(headings.map((h) => (h.type === "heading" ? h.runs.map((r) => r.text).join("") : ""))).toEqual([
      ...OGI2008_ITEMS,
    ]);
    const text = docxText(await renderDocx(built.tree));
    expect(text).toContain(
      "2023年，本机关共收到政府信息公开申请39件，另有上年结转申请3件；已答复39件，其中属于已主动公开范围4件、同意公开9件、同意部分公开3件、不予公开8件、非本机关负责公开2件、无法提供3件、不予处理5件、属于法律法规另有规定情形2件、其他处理3件；结转下年度办理3件。",
    );
    expect(text).toContain(
      "不予公开的申请中，属于国家秘密1件、其他法律行政法规禁止公开1件、危及“三安全一稳定”1件",
    );
    expect(text).toContain("收取检索、复制、邮寄等成本费用1件，共计1700元；依申请人申请减免费用2件。");
    expect(text).toContain("被申请行政复议1件（结果纠正1件），被提起行政诉讼1件（结果维持1件）。");
  });
});

describe("the spreadsheet", () => {
  let wb: ExcelJS.Workbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await renderXlsx(build().spreadsheet!);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  });

  it("has one worksheet per table, named after its section", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["表二", "表三", "表四"]);
    expect(wb.getWorksheet("表三")!.getCell("A1").value).toBe("三、收到和处理政府信息公开申请情况");
  });

  it("table 三: every figure a number in its cell, labels verbatim, merged like the printed table", () => {
    const ws = wb.getWorksheet("表三")!;
    const top = 2; // row 1 is the title
    expect(ws.getCell(top, 1).value).toBe(REQUEST_HEADER.note);
    REQUEST_ROWS["2021"].forEach((def, i) => {
      const r = top + HEADER_ROWS + i;
      const values = REQUEST_COLUMNS.map((_, c) => ws.getCell(r, 4 + c).value);
      expect([def.key, values]).toEqual([def.key, EXPECTED_2023[def.key]]);
      const labelCol = def.group
        ? 3
        : def.key === "received" || def.key === "carriedOver" || def.key === "carriedForward"
          ? 1
          : 2;
      expect(ws.getCell(r, labelCol).value).toBe(def.label);
    });
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(
      expect.arrayContaining([
        "A1:J1", // title
        "A2:C4", // the note: 3 columns × 3 rows
        "D2:J2", // 申请人情况
        "E3:I3", // 法人或其他组织
        "D3:D4", // 自然人
        "J3:J4", // 总计
        "A7:A28", // 三、本年度办理结果: 22 rows
        "B9:B16", // （三）不予公开: 8 rows
        "B17:B19", // （四）
        "B20:B24", // （五）
        "B25:B27", // （六）
        "B28:C28", // （七）总计
        "A29:C29", // 四
      ]),
    );
    expect(merges).toHaveLength(17);
  });

  it("tables 二 and 四", () => {
    const t2 = wb.getWorksheet("表二")!;
    expect(t2.getCell("A5").value).toBe("行政规范性文件");
    expect([t2.getCell("B5").value, t2.getCell("C5").value, t2.getCell("D5").value]).toEqual([3, 1, 12]);
    expect(t2.getCell("B8").value).toBe(919);
    const t4 = wb.getWorksheet("表四")!;
    const row = Array.from({ length: 15 }, (_, c) => t4.getCell(5, c + 1).value);
    expect(row).toEqual([0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect((t4.model as unknown as { merges: string[] }).merges).toEqual(
      expect.arrayContaining(["A2:E2", "F2:O2", "F3:J3", "K3:O3", "A3:A4", "E3:E4"]),
    );
  });

  it("is byte-identical when built twice", async () => {
    const again = await renderXlsx(build().spreadsheet!);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe("the PDF", () => {
  it("contains every row and column label of the three tables verbatim", async () => {
    const { bytes } = await renderPdf(build().tree, {});
    const text = squeezeSpace(pdfText(bytes));
    const labels = [
      REQUEST_HEADER.note,
      REQUEST_HEADER.applicants,
      REQUEST_HEADER.organisations,
      REQUEST_HEADER.outcomes,
      ...REQUEST_COLUMNS.map((c) => REQUEST_COLUMN_LABELS[c]),
      ...REQUEST_ROWS["2021"].map((r) => r.label),
      ...REQUEST_ROWS["2021"].flatMap((r) => (r.group ? [r.group.label] : [])),
      ...PROACTIVE_BLOCKS["2021"].flatMap((b) => [b.caption, ...b.headers, ...b.rows.map((r) => r.label)]),
      ...Object.values(REVIEW_HEADER),
      ...REVIEW_COLUMNS.map((c) => REVIEW_COLUMN_LABELS[c]),
      ...SECTION_TITLES,
    ];
    const missing = labels.filter((l) => !text.includes(squeezeSpace(l)));
    expect(missing).toEqual([]);
  });
});

describe("input the report needs", () => {
  it("the report's date (documents.annualReport.date)", () => {
    const ds = sample2023Json();
    delete ds.documents!.annualReport;
    expect(() => buildAnnualReport({ dataset: ds, lang: "zh" })).toThrow(
      '/documents/annualReport/date：缺少年度报告的成文日期（如 "2024-01-25"）',
    );
  });

  it('refuses a report whose section 五 has no text ("无" is text); warns when it is dated after the deadline', () => {
    const ds = sample2023Json();
    delete ds.narrative;
    expect(() => buildAnnualReport({ dataset: ds, lang: "zh" })).toThrow(
      "/narrative/problems：缺少年度报告“五、存在的主要问题及改进情况”中存在的主要问题的文字；确实没有的，写“无”",
    );
    ds.narrative = { problems: "无", improvements: "  " };
    expect(() => buildAnnualReport({ dataset: ds, lang: "zh" })).toThrow(
      "/narrative/improvements：缺少年度报告“五、存在的主要问题及改进情况”中改进情况的文字；确实没有的，写“无”",
    );
    ds.narrative = { problems: "无", improvements: "无" };
    ds.documents!.annualReport = { date: "2024-02-02" };
    const built = buildAnnualReport({ dataset: ds, lang: "zh" });
    expect(built.warnings).toEqual(["年度报告成文日期 2024年2月2日 晚于公布期限 2024年1月31日"]);
  });
});
