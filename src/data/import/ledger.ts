/**
 * A ledger (台账) as read from a spreadsheet or CSV file: sheets of rows of cells, before any
 * header is recognised. Readers (read-xlsx.ts, read-csv.ts) produce it; everything after works
 * on it alone, so an .xlsx and a .csv with the same cells import to the same records.
 */
import type { Msg } from "../messages.js";
import type { Lang } from "../../util/i18n.js";

/**
 * One cell: text, a number, a boolean, a calendar date (from a date-formatted spreadsheet cell),
 * an error value (#N/A …), or empty (null).
 */
export type CellValue = null | string | number | boolean | { date: string } | { error: string };

export interface LedgerSheet {
  /** 1-based position among the workbook's sheets (1 for a CSV file). */
  index: number;
  /** Worksheet name; null for a CSV file. */
  name: string | null;
  /** rows[r][c] is the cell at row r+1, column c+1; rows may be shorter than others. */
  rows: CellValue[][];
}

export interface Ledger {
  /** The file name as given (used in every message). */
  file: string;
  format: "xlsx" | "csv";
  /** How a CSV file was decoded (utf-8, utf-8-bom, gb18030, utf-16le, utf-16be). */
  encoding: string | null;
  /** The workbook counts serial dates from 1904 (old Mac Excel). */
  date1904: boolean;
  sheets: LedgerSheet[];
}

/** Column letters as Excel shows them: 1 → A, 26 → Z, 27 → AA. */
export function columnLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "D" → 4, "AA" → 27; undefined for anything else. */
export function columnNumber(letters: string): number | undefined {
  if (!/^[A-Z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Where a message points: a file, optionally a sheet, a row, a column with its header. */
export interface Place {
  file: string;
  /** Sheet position (xlsx only). */
  sheet?: number;
  row?: number;
  col?: number;
  /** The column's header as written in the ledger. */
  header?: string;
}

/**
 * zh: 台账.xlsx 第2张表 第17行 D列“答复日期”
 * en: 台账.xlsx sheet 2 row 17 column D "答复日期"
 */
export function formatPlace(p: Place, lang: Lang): string {
  const parts = [p.file];
  if (lang === "en") {
    if (p.sheet !== undefined) parts.push(`sheet ${p.sheet}`);
    if (p.row !== undefined) parts.push(`row ${p.row}`);
    if (p.col !== undefined)
      parts.push(`column ${columnLetter(p.col)}${p.header !== undefined ? ` "${p.header}"` : ""}`);
  } else {
    if (p.sheet !== undefined) parts.push(`第${p.sheet}张表`);
    if (p.row !== undefined) parts.push(`第${p.row}行`);
    if (p.col !== undefined)
      parts.push(`${columnLetter(p.col)}列${p.header !== undefined ? `“${p.header}”` : ""}`);
  }
  return parts.join(" ");
}

/** A problem found while importing, with where it is. */
export interface ImportIssue {
  place: Place;
  message: Msg;
  /** The record it concerns, when known (for messages about merged records). */
  recordId?: string;
}

/** One line: the place, then the message. */
export function formatIssue(issue: ImportIssue, lang: Lang): string {
  const where = formatPlace(issue.place, lang);
  const rec =
    issue.recordId === undefined
      ? ""
      : lang === "en"
        ? ` (record ${issue.recordId})`
        : `（记录 ${issue.recordId}）`;
  return lang === "en" ? `${where}${rec}: ${issue.message.en}` : `${where}${rec}：${issue.message.zh}`;
}

/** The place of a sheet (no sheet number for CSV). */
export function sheetPlace(ledger: Ledger, sheet: LedgerSheet): Place {
  return ledger.format === "xlsx" ? { file: ledger.file, sheet: sheet.index } : { file: ledger.file };
}

/** The text of a cell as the clerk sees it (for messages and text fields). */
export function cellText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(Number(v.toPrecision(15)));
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if ("date" in v) return v.date;
  return v.error;
}

/** A cell holding nothing but whitespace counts as empty. */
export function isBlank(v: CellValue | undefined): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}
