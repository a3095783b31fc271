/**
 * Real ledger files for the import tests, made from the committed UTF-8 CSV fixtures
 * (test/fixtures/ledgers/): an .xlsx written by exceljs with typed cells (dates, serials,
 * formulas, rich text, a merged title, a header with a line break), an .xlsx saved by
 * LibreOffice Calc from the CSV, the CSV in GBK, and the CSV with a UTF-8 byte-order mark.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { parse } from "csv-parse/sync";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const FIXTURES = path.resolve(ROOT, "test/fixtures/ledgers");
export const CLI = path.resolve(ROOT, "dist/cli/main.js");

export const fixture = (name: string): string => path.join(FIXTURES, name);
export const fixtureText = (name: string): string => fs.readFileSync(fixture(name), "utf8");

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "gongwen-import-"));
}

/** Run the built CLI in `cwd`. */
export function run(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync("node", [CLI, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function sha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** The GBK bytes of a text (what Excel in China saves as "CSV"). */
export function gbk(text: string): Buffer {
  return iconv.encode(text, "gbk");
}

/** UTF-8 with a byte-order mark (Excel's "CSV UTF-8"). */
export function utf8Bom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}

const utcDate = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/**
 * The applications ledger as Excel itself would hold it: the title merged over the columns,
 * 收到申请日期 with a line break in its header, dates as date cells, an Excel serial and text,
 * 序号 as formulas, a rich-text cell, a second sheet of notes before it.
 */
export async function applicationsXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet("填表说明");
  notes.getCell("A1").value = "本表由办公室每月更新。";
  const ws = wb.addWorksheet("2014年");
  ws.mergeCells("A1:M1");
  ws.getCell("A1").value = "依申请公开政府信息登记台账（2014年）";
  ws.getRow(2).values = [
    "序号",
    "申请编号",
    "收到申请\n日期",
    "申请人",
    "申请人类型",
    "申请方式",
    "申请内容",
    "答复日期",
    "答复类型",
    "不予公开理由",
    "收费金额（元）",
    "经办人",
    "承办意见",
  ];
  const rows: unknown[][] = [
    [
      "YSQ2013-088",
      utcDate(2013, 12, 27),
      "赵某某",
      "自然人",
      "当面提交",
      "2013年外商投资企业名录",
      utcDate(2014, 1, 8),
      "予以公开",
      null,
      0,
    ],
    [
      "YSQ2014-001",
      "2014/3/5",
      "钱某某",
      "个人",
      "网上申请",
      "2014年商务工作要点",
      "2014年3月20日",
      "已主动公开",
      null,
      null,
    ],
    [
      "YSQ2014-002",
      41730,
      "示例贸易有限公司",
      "企业",
      "挂号信",
      "本公司2013年对外贸易经营者备案登记材料",
      "2014.4.10",
      "不予公开（属于国家秘密）",
      null,
      "无",
    ],
    [
      "YSQ2014-003",
      utcDate(2014, 5, 6),
      "孙某某",
      "公民",
      "传真",
      { richText: [{ text: "某项目审批过程中的\n" }, { text: "讨论记录", font: { bold: true } }] },
      utcDate(2014, 5, 20),
      "部分公开",
      "属于四类过程性信息",
      null,
    ],
    [
      "YSQ2014-004",
      utcDate(2014, 12, 25),
      "周某某",
      "自然人",
      "电子邮件",
      "2014年外资企业年报情况",
      null,
      null,
      null,
      null,
    ],
    [
      "YSQ2015-001",
      utcDate(2015, 1, 4),
      "吴某某",
      "自然人",
      "当面",
      "下一年度的申请",
      null,
      null,
      null,
      null,
    ],
  ];
  rows.forEach((r, i) => {
    const row = ws.getRow(3 + i);
    row.getCell(1).value = i === 0 ? 1 : { formula: `A${2 + i}+1`, result: i + 1 };
    r.forEach((v, j) => {
      row.getCell(2 + j).value = v as ExcelJS.CellValue;
    });
    row.getCell(12).value = "李某";
    if (i === 1) row.getCell(13).value = "已在门户网站公开";
    for (const c of [3, 8]) if (row.getCell(c).value instanceof Date) row.getCell(c).numFmt = "yyyy-mm-dd";
  });
  ws.getRow(9).getCell(1).value = "合计";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Convert a CSV (UTF-8) to .xlsx with LibreOffice Calc, in its own profile. */
export function libreOfficeXlsx(csvPath: string): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gongwen-soffice-"));
  try {
    const out = path.join(dir, "out");
    const r = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--norestore",
        "--infilter=CSV:44,34,76,1",
        "--convert-to",
        "xlsx",
        "--outdir",
        out,
        path.resolve(csvPath),
      ],
      { encoding: "utf8", timeout: 180_000 },
    );
    const file = path.join(out, path.basename(csvPath).replace(/\.csv$/i, ".xlsx"));
    if (!fs.existsSync(file))
      throw new Error(`LibreOffice did not convert ${csvPath}: ${r.stdout}${r.stderr}${r.error ?? ""}`);
    return fs.readFileSync(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The CSV fixture's cells, for building other files with the same content. */
export function csvRows(name: string): string[][] {
  return parse(fixtureText(name), { relax_column_count: true }) as string[][];
}

/** An .xlsx with the given sheets of rows (strings and numbers as given). */
export async function xlsxOf(sheets: { name: string; rows: unknown[][] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) => {
      r.forEach((v, j) => {
        if (v !== null && v !== undefined && v !== "")
          ws.getRow(i + 1).getCell(j + 1).value = v as ExcelJS.CellValue;
      });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
