/**
 * 年报汇总: a 监督's roll-up of the annual reports of the agencies in their scope — each agency's
 * tables status, the comparison and its total, the summed report to download — computed by the
 * library from each agency's stored year; nobody else may open it, and an agency outside the
 * scope is 404.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { docxText } from "../helpers/docx.js";
import { deptA, deptB, deptC } from "../rollup/fixtures.js";
import { rootWithTwoAgencies, testServer, text, type Client, type TestServer } from "./helpers.js";

let s: TestServer;
let ids: { root: number; a: number; b: number };
let supR: Client;

/** The agencies table's rows, as text cells. */
function agencyRows(html: string): string[][] {
  const table = /<table class="rollup-agencies">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].slice(1).map((m) =>
    [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
      text(c[1]!)
        .replace(/\u3000/g, "")
        .trim(),
    ),
  );
}

beforeEach(async () => {
  s = await testServer("2026-11-25");
  ids = await rootWithTwoAgencies(s);
  await s.store.importYear(ids.a, deptA(), "测试员");
  await s.store.importYear(ids.b, deptB(), "测试员");
  supR = await s.user(ids.root, "sup-r", ["supervisor"], { name: "钱监督" });
});
afterEach(async () => {
  await s.close();
});

describe("年报汇总", () => {
  it("lists every agency in scope with its tables status and the comparison, the total the sum", async () => {
    const res = await supR.get("/rollup?year=2023");
    expect(res.statusCode).toBe(200);
    expect(agencyRows(res.body)).toEqual([
      ["示例市青禾区市场监督管理局", "—", "没有2023年度的数据，未纳入汇总", "—", "—", "—", "—"],
      ["示例市青禾区甲局", "申请记录", "相符", "39", "38", "1", "1"],
      ["示例市青禾区乙局", "填报", "相符", "7", "—", "—", "2"],
      ["合计", "", "", "46", "38", "1", "3"],
    ]);
    const page = text(res.body);
    expect(page).toContain("下载DOCX");
    expect(page).not.toContain("表格不符合勾稽关系的机关");
    // The summed table 三 on the page: row 一 is 27 10 2 2 3 2 46.
    expect(page).toMatch(/一、本年新收政府信息公开申请数量 27 10 2 2 3 2 46/);
    expect(page).toContain("年报汇总");
  });

  it("serves the roll-up as DOCX with the summed numbers and as XLSX with the comparison sheet", async () => {
    const docx = await supR.get("/rollup/2023/rollup-annual-report.docx");
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-type"]).toContain("wordprocessingml");
    const body = docxText(docx.rawPayload);
    expect(body).toContain("示例市青禾区市场监督管理局");
    expect(body).toContain("纳入汇总的2个机关共新收政府信息公开申请46件，上年结转4件；办结44件");
    const xlsx = await supR.get("/rollup/2023/rollup-annual-report.xlsx");
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.getWorksheet("各机关对比")!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows.slice(2)).toEqual([
      ["示例市青禾区甲局", 39, 38, 1, 1],
      ["示例市青禾区乙局", 7, "—", "—", 2],
      ["合计", 46, 38, 1, 3],
    ]);
  });

  it("names the agency whose tables fail, with the rule's message, and does not print the roll-up", async () => {
    await s.store.importYear(ids.b, deptC(), "测试员", true);
    const res = await supR.get("/rollup?year=2023");
    expect(res.statusCode).toBe(200);
    const page = text(res.body);
    expect(page).toContain("表格不符合勾稽关系的机关");
    expect(page).toContain("示例市青禾区乙局 表三 自然人列：一（10）+ 二（0）= 10 ≠ （七）（8）+ 四（1）= 9");
    expect(agencyRows(res.body)[2]!.slice(0, 3)).toEqual([
      "示例市青禾区乙局",
      "填报",
      "不符合勾稽关系 表三 自然人列：一（10）+ 二（0）= 10 ≠ （七）（8）+ 四（1）= 9 表三 总计列：一（10）+ 二（0）= 10 ≠ （七）（8）+ 四（1）= 9",
    ]);
    expect(page).toContain("尚不能生成");
    expect(page).not.toContain("下载DOCX");
    const file = await supR.get("/rollup/2023/rollup-annual-report.pdf");
    expect(file.statusCode).toBe(400);
    expect(text(file.body)).toContain("示例市青禾区乙局");
  });

  it("one agency's part of the scope; outside the scope 404, and only a 监督 may open it", async () => {
    const part = await supR.get(`/rollup?year=2023&agency=${ids.a}`);
    expect(part.statusCode).toBe(200);
    expect(agencyRows(part.body).map((r) => r[0])).toEqual(["示例市青禾区甲局", "合计"]);
    const supA = await s.user(ids.a, "sup-a", ["supervisor"]);
    expect((await supA.get(`/rollup?agency=${ids.b}`)).statusCode).toBe(404);
    expect((await supA.get(`/rollup?agency=${ids.root}`)).statusCode).toBe(404);
    expect((await supA.get(`/rollup/2023/rollup-annual-report.docx?agency=${ids.b}`)).statusCode).toBe(404);
    expect((await supA.get("/rollup?agency=999999")).statusCode).toBe(404);
    // 监督 of 甲 sees only 甲.
    expect(agencyRows((await supA.get("/rollup")).body).map((r) => r[0])).toEqual([
      "示例市青禾区甲局",
      "合计",
    ]);
    for (const roles of [["clerk"], ["head"], ["admin"]]) {
      const u = await s.user(ids.root, `u-${roles[0]}`, roles);
      expect((await u.get("/rollup")).statusCode, roles[0]).toBe(403);
      expect((await u.get("/rollup/2023/rollup-annual-report.docx")).statusCode, roles[0]).toBe(403);
    }
  });
});
