/** gongwen rollup: several departments' datasets → the roll-up's files, like `render` writes them. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { spawnAsync } from "../helpers/spawn.js";
import { docxText } from "../helpers/docx.js";
import { deptA, deptB, deptC } from "./fixtures.js";

const BIN = join(process.cwd(), "dist", "cli", "main.js");
const gongwen = async (...args: string[]) => {
  const r = await spawnAsync("node", [BIN, ...args]);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe("gongwen rollup", () => {
  let dir: string;
  const file = (name: string) => join(dir, name);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "gongwen-rollup-"));
    writeFileSync(file("a.json"), JSON.stringify(deptA()));
    writeFileSync(file("b.json"), JSON.stringify(deptB()));
    writeFileSync(file("c.json"), JSON.stringify(deptC()));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes DOCX and XLSX with the summed tables and a manifest; refuses to overwrite without --force", async () => {
    const out = file("out");
    const args = [
      "rollup",
      file("a.json"),
      file("b.json"),
      "--year",
      "2023",
      "--out",
      out,
      "--format",
      "docx,xlsx",
    ];
    const r = await gongwen(...args);
    expect(r.stderr).not.toContain("错误");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("以下部分为待填写的占位文字");
    const text = docxText(readFileSync(join(out, "rollup-annual-report.docx")));
    // The departments' parentGovernment is the government whose report it is.
    expect(text).toContain("示例市青禾区人民政府");
    expect(text).toContain("纳入汇总的2个机关共新收政府信息公开申请46件");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, "rollup-annual-report.xlsx")) as unknown as ArrayBuffer);
    const last = wb.getWorksheet("各机关对比")!.lastRow!.values as unknown[];
    expect(last.slice(1)).toEqual(["合计", 46, 38, 1, 3]);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as {
      entries?: unknown;
    };
    expect(JSON.stringify(manifest)).toContain("rollup-annual-report.docx");
    expect(JSON.stringify(manifest)).toContain("b.json");

    const again = await gongwen(...args);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("文件已存在，如需覆盖请加 --force");
    const before = readFileSync(join(out, "rollup-annual-report.docx"));
    const forced = await gongwen(...args, "--force");
    expect(forced.code).toBe(0);
    // Same input, same bytes.
    expect(readFileSync(join(out, "rollup-annual-report.docx")).equals(before)).toBe(true);
  });

  it("names the department whose tables do not add up, exit 2, writing nothing", async () => {
    const out = file("bad");
    const r = await gongwen("rollup", file("a.json"), file("c.json"), "--year", "2023", "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("以下机关的年度报告表格不符合勾稽关系，不能汇总：示例市青禾区丙局");
    expect(r.stderr).toContain(
      "示例市青禾区丙局：表三 自然人列：一（10）+ 二（0）= 10 ≠ （七）（8）+ 四（1）= 9",
    );
    expect(existsSync(join(out, "rollup-annual-report.docx"))).toBe(false);
  });

  it("bad input is exit 2 with a message", async () => {
    const r = await gongwen("rollup", file("a.json"), "--year", "2022", "--out", file("x"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("示例市青禾区甲局：数据为2023年度，应为2022年度");
    const y = await gongwen("rollup", file("a.json"), "--year", "20x3", "--out", file("x"));
    expect(y.code).toBe(2);
    expect(y.stderr).toContain("--year 应为四位年份");
  });

  it("is public API: gongwen/facts sums, gongwen/audit checks, gongwen/documents composes", async () => {
    const script = `import { sumAnnualReports, rollupDepartment, sumTables } from "gongwen/facts";
      import { rollupAnnualReport, annualReportViolations } from "gongwen/audit";
      import { buildRollupReport, reviewRollupReport, rollupHeadOf } from "gongwen/documents";
      for (const f of [sumAnnualReports, rollupAnnualReport, annualReportViolations, rollupDepartment, sumTables, buildRollupReport, reviewRollupReport, rollupHeadOf])
        if (typeof f !== "function") throw new Error("missing");
      console.log("ok");`;
    const r = await spawnAsync("node", ["--input-type=module", "-e", script]);
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("ok");
  });
});
