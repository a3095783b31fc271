/**
 * Read an .xlsx workbook (exceljs) into a Ledger: every worksheet in tab order, every cell as
 * text, number, boolean or calendar date. Formulas give their cached result, rich text its
 * plain text, a hyperlink its shown text; a merged cell gives the merged value in each of its
 * cells (so a date merged over several rows belongs to each row).
 */
import ExcelJS from "exceljs";
import { UserError } from "../../util/errors.js";
import { t, type Lang } from "../../util/i18n.js";
import type { CellValue, Ledger, LedgerSheet } from "./ledger.js";

/** Columns beyond this are ignored (a ledger is never this wide; formatting can make a sheet look so). */
const MAX_COLUMNS = 200;

/** A JS Date from exceljs (UTC midnight of the serial's day, plus any time of day) as YYYY-MM-DD. */
function isoDay(d: Date): string | undefined {
  if (Number.isNaN(d.getTime())) return undefined;
  const y = d.getUTCFullYear();
  if (y < 1000 || y > 9999) return undefined;
  return `${y}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

/** Plain value of an exceljs cell value. */
export function plainCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) {
    const day = isoDay(v);
    return day === undefined ? { error: "#VALUE!" } : { date: day };
  }
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return (o.richText as { text?: unknown }[])
        .map((r) => (typeof r.text === "string" ? r.text : ""))
        .join("");
    if ("formula" in o || "sharedFormula" in o) return plainCellValue(o.result);
    if ("hyperlink" in o || "text" in o) return plainCellValue(o.text);
    if (typeof o.error === "string") return { error: o.error };
  }
  return null;
}

function sheetRows(ws: ExcelJS.Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > MAX_COLUMNS) return;
      const value = plainCellValue(cell.value);
      if (value === null) return;
      while (cells.length < col - 1) cells.push(null);
      cells[col - 1] = value;
    });
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  });
  // Trailing rows that hold nothing (only formatting) are dropped.
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c === null)) rows.pop();
  return rows;
}

export async function readXlsx(bytes: Uint8Array, file: string, lang: Lang = "zh"): Promise<Ledger> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings want a Node Buffer of its own @types/node version.
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new UserError(
      t(
        lang,
        `${file}：无法读取，不是有效的 .xlsx 文件（如为加密或 .xls 格式，请在 Excel 中另存为 .xlsx 或 CSV）`,
        `${file}: cannot be read as an .xlsx workbook (if it is encrypted or an .xls file, save it as .xlsx or CSV in Excel)`,
      ),
    );
  }
  const sheets: LedgerSheet[] = wb.worksheets.map((ws, i) => ({
    index: i + 1,
    name: ws.name,
    rows: sheetRows(ws),
  }));
  return {
    file,
    format: "xlsx",
    encoding: null,
    date1904: wb.properties?.date1904 === true,
    sheets,
  };
}
