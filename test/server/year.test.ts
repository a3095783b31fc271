/**
 * The year's pages on the demo office (both samples): the self-audit (score, findings linking to
 * their records, the late reply's deadline trace), the year-end documents (the same bytes as
 * the library renders from the sample itself) and the statistics (the annual report's figures).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OFFICE_FORM, testServer, text, type TestServer } from "./helpers.js";
import {
  buildAnnualReport,
  createPdfRenderer,
  deriveFacts,
  lettersConfigFor,
  renderDocx,
  runAudit,
  type Dataset,
} from "../../src/index.js";

const sample = JSON.parse(readFileSync("samples/2023-district-bureau.json", "utf8")) as Dataset;

/** Nothing a clerk should not read: ISO dates, regime codes, JSON pointers. */
function expectNoCodes(page: string): void {
  const t = text(page);
  expect(t).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  expect(t).not.toMatch(/ogi-20/);
  expect(t).not.toMatch(/\/(disclosure|documents|agency)\//);
}

describe("the year's pages", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer("2024-03-01");
    expect((await s.post("/setup/samples", {})).statusCode).toBe(303);
  });
  afterAll(async () => {
    await s.close();
  });

  it("audit: the library's score, each finding linking to its record, the late reply's trace", async () => {
    const expected = runAudit(sample, { lang: "zh" });
    const r = await s.get("/audit?year=2023");
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain(`<strong id="audit-score">${expected.score}</strong>`);
    expect(text(r.body)).toContain(`发现的问题（${expected.findings.length}项）`);
    // The late reply: its record linked, the message with Chinese dates, the citation, the trace.
    expect(r.body).toContain('href="/applications/2023/YSQ2023-030"');
    const t = text(r.body);
    expect(t).toContain(
      "申请 YSQ2023-030 于2023年9月13日收到，应于2023年10月17日前答复，实际于2023年10月19日答复，逾期2个工作日",
    );
    expect(t).toContain("依据：《中华人民共和国政府信息公开条例》（国务院令第711号）第三十三条第二款");
    expect(t).toContain("答复期限的计算过程");
    expectNoCodes(r.body);
    // Open and overdue on the day (the worklist's standing): the three carried to 2024.
    expect(t).toContain("尚未答复、已经逾期");
    expect(r.body).toContain('href="/applications/2023/YSQ2023-037"');
  });

  it("timeline: a record that came with the samples starts with that load, without figures", async () => {
    const r = await s.get("/applications/2023/YSQ2023-001");
    const t = text(r.body);
    expect(t).toMatch(/办理记录 \d{4}年\d+月\d+日 \d\d:\d\d · 测试员 随年度数据载入/);
    expect(t).not.toContain("applications");
  });

  it("audit of a year without findings, and an unknown year", async () => {
    const r = await s.get("/audit?year=2014");
    expect(r.statusCode).toBe(200);
    expect(text(r.body)).toContain("未发现问题");
    expect((await s.get("/audit?year=2099")).statusCode).toBe(404);
    expect(text((await s.get("/audit?year=abc")).body)).toContain("没有abc年度的数据");
  });

  it("year-end: the three documents (the annual report the bytes the library renders from the sample)", async () => {
    const page = await s.get("/year-end?year=2023");
    expect(page.statusCode).toBe(200);
    const t = text(page.body);
    for (const label of ["年度工作总结", "政府信息公开工作年度报告", "考核自查报告"])
      expect(t).toContain(label);
    expect(t).toContain("年度报告的表格符合勾稽关系");
    expectNoCodes(page.body);
    // Bytes compared for the annual report (each document takes about a second to write here);
    // the others are served as DOCX and PDF with their previews.
    const tree = buildAnnualReport({ dataset: sample, lang: "zh" }).tree;
    const docx = await s.get("/year-end/2023/annual-report.docx?download=1");
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-disposition"]).toMatch(/^attachment;/);
    expect(Buffer.from(docx.rawPayload).equals(Buffer.from(await renderDocx(tree)))).toBe(true);
    const pdf = createPdfRenderer({ lang: "zh", sealPlaceholder: lettersConfigFor(undefined, "zh").seal });
    const p = await s.get("/year-end/2023/annual-report.pdf");
    expect(p.headers["content-type"]).toBe("application/pdf");
    expect(p.headers["content-disposition"]).toMatch(/^inline;/);
    expect(Buffer.from(p.rawPayload).equals(Buffer.from((await pdf.render(tree)).bytes))).toBe(true);
    for (const doc of ["summary", "annual-report", "self-audit"]) {
      const d = await s.get(`/year-end/2023/${doc}.docx?download=1`);
      expect(d.headers["content-type"]).toBe(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      );
      expect(Buffer.from(d.rawPayload).subarray(0, 2).toString()).toBe("PK");
      // The preview page: the PDF in a frame, downloads and print.
      const v = await s.get(`/year-end/2023/${doc}`);
      expect(v.body).toContain(`<iframe id="preview" class="preview" src="/year-end/2023/${doc}.pdf"`);
      expect(text(v.body)).toContain("打印");
    }
    expect((await s.get("/year-end/2023/nothing.pdf")).statusCode).toBe(404);
  });

  it("statistics: the annual report's figures, month and channel counts from the records", async () => {
    const facts = deriveFacts(sample, { lang: "zh" });
    const r = await s.get("/stats?year=2023");
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain(`<strong id="stat-received">${facts.annualReport.summary.received}</strong>`);
    expect(r.body).toContain('<script src="/static/echarts.min.js"></script>');
    const t = text(r.body);
    const sum = facts.annualReport.summary;
    expect(t).toContain(`予以公开 ${sum.disclosed} 部分公开 ${sum.partial} 不予公开 ${sum.refused}`);
    // By month: the 39 new applications of 2023 (the sample's records), 12 months.
    const months = /id="table-month">([\s\S]*?)<\/table>/.exec(r.body)![1]!;
    const values = [...months.matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(values).toHaveLength(12);
    expect(values.reduce((a, b) => a + b, 0)).toBe(sum.received);
    expectNoCodes(r.body);
    // ECharts is served by the app itself.
    const js = await s.get("/static/echarts.min.js");
    expect(js.statusCode).toBe(200);
    expect(js.body.length).toBeGreaterThan(100_000);
  });
});

describe("year-end documents that cannot be made yet", () => {
  it("a new office's summary names what is missing, without codes", async () => {
    const s = await testServer("2026-11-25");
    try {
      await s.post("/setup/office", OFFICE_FORM);
      const r = await s.get("/year-end");
      expect(r.statusCode).toBe(200);
      expect(text(r.body)).toContain("尚不能生成：");
      expect(text(r.body)).toContain("缺少工作总结的成文日期");
      expectNoCodes(r.body);
      const d = await s.get("/year-end/2026/summary.pdf");
      expect(d.statusCode).toBe(400);
      expect(text(d.body)).toContain("缺少工作总结的成文日期");
    } finally {
      await s.close();
    }
  });
});

describe("the annual report's consistency messages", () => {
  it("link to the cells they name in the report's tables; the report itself is refused", async () => {
    const s = await testServer("2024-03-01");
    try {
      await s.post("/setup/office", OFFICE_FORM);
      const ds = JSON.parse(JSON.stringify(sample)) as Dataset;
      delete ds.disclosure.applications;
      ds.disclosure.fees = { count: 0, amount: 0 };
      ds.disclosure.annualReportTable = {
        blankCells: "empty",
        requests: {
          newReceived: { total: 859 },
          carriedOver: { total: 18 },
          total: { total: 805 },
          carriedForward: { total: 70 },
        },
        reviews: {
          reconsideration: { total: 0 },
          litigationDirect: { total: 0 },
          litigationAfterReconsideration: { total: 0 },
        },
      } as NonNullable<Dataset["disclosure"]["annualReportTable"]>;
      const imported = await s.post("/data/import", { text: JSON.stringify(ds), fileName: "2023.json" });
      expect(imported.statusCode).toBe(303);
      const r = await s.get("/year-end?year=2023");
      expect(r.statusCode).toBe(200);
      const t = text(r.body);
      expect(t).toContain(
        "表三 总计列：一（859）+ 二（18）= 877 ≠ （七）（805）+ 四（70）= 875 查看所涉4个单元格",
      );
      // The link leads to the 总计 cell of row 一 (859); the four cells of the equation are marked.
      const href = /<a href="#(cell-[\d-]+)">查看所涉4个单元格<\/a>/.exec(r.body)![1]!;
      expect(r.body).toMatch(new RegExp(`<td id="${href}" class="flagged">859</td>`));
      const flagged = [...r.body.matchAll(/class="flagged">([^<]*)</g)].map((m) => m[1]);
      expect(flagged).toEqual(["859", "18", "805", "70"]);
      // The report is not printed while its tables do not add up.
      expect(t).toContain("年度报告的表格不符合勾稽关系（1 处）");
      expect((await s.get("/year-end/2023/annual-report.pdf")).statusCode).toBe(400);
    } finally {
      await s.close();
    }
  });
});
