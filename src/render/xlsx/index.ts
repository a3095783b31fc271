/**
 * The annual report's tables as a spreadsheet (exceljs), for offices that submit them that way:
 * one worksheet per table, laid out like the printed table — the same rows and columns, the
 * same merged cells (row and column spans of the document tree), borders, wrapped text, the
 * figures as numbers. It reads the tables of the composed document, so the spreadsheet and
 * the DOCX/PDF show the same cells.
 *
 * Output is deterministic: the workbook's dates are the document date, and the package is
 * re-zipped with fixed timestamps (exceljs stamps every zip entry with the current time).
 * A writer like the DOCX and PDF writers: it reads the document model only.
 */
// Types only at start-up: exceljs (~0.2 s to load) is imported when a spreadsheet is made.
import type ExcelJS from "exceljs";
import { unzipSync, zipSync, type Zippable } from "fflate";
import type { Align, Spreadsheet, TableSheet } from "../../document/tree.js";
import { runsText } from "../../document/tree.js";
import { DEFAULT_FONT_NAMES } from "../../document/layout.js";
import { isWide } from "../../document/chars.js";
import { layoutTableGrid } from "../../document/grid.js";

/** One worksheet: a table of the document tree (see TableSheet). */
export type XlsxSheet = TableSheet;

export interface XlsxOptions {
  /** Document date YYYY-MM-DD: the workbook's created/modified dates. */
  date: string;
  /** The issuing agency (workbook creator). */
  author: string;
  title?: string;
  /** Font name for the cells (default 宋体, the usual spreadsheet face). */
  font?: string;
  /** Font size in points (default 11). */
  fontSize?: number;
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Excel's column width unit is the width of "0"; a wide character (document/chars.ts) is about two. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return w;
}

/** Worksheet names: Excel forbids some characters and allows 31 characters. */
export function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, "").slice(0, 31) || "Sheet";
}

function horizontal(align: Align | undefined, numeric: boolean): "left" | "center" | "right" | "justify" {
  if (align) return align;
  return numeric ? "center" : "left";
}

function addSheet(wb: ExcelJS.Workbook, sheet: XlsxSheet, font: Partial<ExcelJS.Font>, used: Set<string>) {
  let name = sheetName(sheet.name);
  for (let i = 2; used.has(name); i++) name = sheetName(`${sheet.name.slice(0, 28)}(${i})`);
  used.add(name);
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    views: [{ showGridLines: false }],
  });
  const grid = layoutTableGrid(sheet.table);
  const cols = grid.columns;

  // Column widths: the tree's relative widths over a width that fits the longest texts.
  const rel = sheet.table.columnWidths ?? Array.from({ length: cols }, () => 1);
  const relSum = rel.reduce((a, b) => a + b, 0);
  const total = Math.max(cols * 10, 96);
  const widths = rel.map((w) => Math.max(6, Math.round(((total * w) / relSum) * 10) / 10));
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });

  let top = 1;
  if (sheet.title) {
    const cell = ws.getCell(1, 1);
    cell.value = sheet.title;
    cell.font = { ...font, bold: true, size: (font.size ?? 11) + 3 };
    cell.alignment = { horizontal: "center", vertical: "middle" };
    if (cols > 1) ws.mergeCells(1, 1, 1, cols);
    ws.getRow(1).height = 28;
    top = 2;
  }

  const lineHeight = Math.round((font.size ?? 11) * 1.5);
  const rowLines: number[] = grid.rows.map(() => 1);
  grid.rows.forEach((cells, r) => {
    const row = top + r;
    for (const gc of cells) {
      const col = gc.col + 1;
      if (gc.kind !== "start") {
        // Covered and padding cells still carry the borders, so merged ranges are outlined.
        const span = gc.kind === "continue" ? gc.colSpan : 1;
        for (let k = 0; k < span; k++) ws.getCell(row, col + k).border = BORDER;
        continue;
      }
      const text = gc.cell.paragraphs.map((p) => runsText(p)).join("\n");
      const numeric = NUMBER.test(text.trim());
      const cell = ws.getCell(row, col);
      cell.value = numeric ? Number(text.trim()) : text;
      cell.font = {
        ...font,
        bold: gc.cell.paragraphs.some((p) => p.length > 0 && p.every((run) => run.bold)),
      };
      cell.alignment = {
        horizontal: horizontal(gc.cell.align, numeric),
        vertical: "middle",
        wrapText: true,
      };
      for (let dr = 0; dr < gc.rowSpan; dr++) {
        for (let dc = 0; dc < gc.colSpan; dc++) ws.getCell(row + dr, col + dc).border = BORDER;
      }
      if (gc.rowSpan > 1 || gc.colSpan > 1)
        ws.mergeCells(row, col, row + gc.rowSpan - 1, col + gc.colSpan - 1);
      // Row heights: wrapped lines of the cell over the width it spans, shared by its rows.
      const width = widths.slice(gc.col, gc.col + gc.colSpan).reduce((a, b) => a + b, 0) - 1;
      const lines = text
        .split("\n")
        .reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / Math.max(1, width))), 0);
      const perRow = Math.ceil(lines / gc.rowSpan);
      for (let dr = 0; dr < gc.rowSpan; dr++) rowLines[r + dr] = Math.max(rowLines[r + dr]!, perRow);
    }
  });
  rowLines.forEach((lines, r) => {
    ws.getRow(top + r).height = Math.max(lineHeight + 4, lines * lineHeight + 4);
  });
  if (sheet.table.headerRows > 0) {
    ws.pageSetup.printTitlesRow = `${top}:${top + sheet.table.headerRows - 1}`;
  }
}

/** Re-zip a package with fixed timestamps, in its entry order, so equal input gives equal bytes. */
export function repackDeterministic(bytes: Uint8Array, date: string): Uint8Array {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  // Zip timestamps are local DOS times; a fixed local date keeps them equal between runs.
  const mtime = new Date(y, m - 1, d, 0, 0, 0);
  const entries = unzipSync(bytes);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(entries)) out[name] = [data, { mtime, level: 6 }];
  return zipSync(out);
}

/** A composed spreadsheet (e.g. the annual report's tables) as XLSX bytes. */
export function renderXlsx(
  spreadsheet: Spreadsheet,
  options: Pick<XlsxOptions, "font" | "fontSize"> = {},
): Promise<Uint8Array> {
  return tablesToXlsx(spreadsheet.sheets, {
    date: spreadsheet.date,
    author: spreadsheet.author,
    ...(spreadsheet.title !== undefined ? { title: spreadsheet.title } : {}),
    ...options,
  });
}

/** The tables as an XLSX workbook, one worksheet each. */
export async function tablesToXlsx(sheets: readonly XlsxSheet[], options: XlsxOptions): Promise<Uint8Array> {
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  const [y, m, d] = options.date.split("-").map(Number) as [number, number, number];
  const when = new Date(Date.UTC(y, m - 1, d));
  wb.creator = options.author;
  wb.lastModifiedBy = options.author;
  wb.created = when;
  wb.modified = when;
  if (options.title) wb.title = options.title;
  const font: Partial<ExcelJS.Font> = {
    name: options.font ?? DEFAULT_FONT_NAMES.songti,
    size: options.fontSize ?? 11,
  };
  const used = new Set<string>();
  for (const s of sheets) addSheet(wb, s, font, used);
  const buffer = await wb.xlsx.writeBuffer();
  return repackDeterministic(new Uint8Array(buffer as ArrayBuffer), options.date);
}
