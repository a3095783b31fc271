/**
 * The span table block form:
 *
 *     ::: table widths=3,1,1,1 size=10.5 caption="表一"
 *     | 项目 {rs=2} | 申请人情况 {cs=3} |
 *     | 自然人 | 法人 | 总计 |
 *     | --- | :---: | :---: | :---: |
 *     | 新收申请 | 1 | 2 | 3 |
 *     :::
 *
 * One row per line, cells between `|`. A cell may end with `{cs=N rs=N align=left|center|right}`
 * (also `colspan=`/`rowspan=`). Rows above the `| --- |` line are header rows (repeated on every
 * page); its `:---:` marks give body columns their alignment. `<br>` starts a new paragraph in a
 * cell. HTML rules: a row lists only the cells that start in it. The grid must add up: every row
 * covers the same number of columns, spans stay inside the table, widths= has one number per column.
 */
import type { Align, Run, TableBlock, TableCell, TableRow } from "../document/tree.js";
import { MarkdownError, type DirectiveArgs } from "./markdown-parser.js";

const ATTR_GROUP = /(^|[^\\])\{([^{}]*)\}$/;
const ATTR_PAIR = /^(cs|rs|colspan|rowspan|align)=(\S+)$/;
const SEPARATOR_CELL = /^:?-+:?$/;

function err(line: number, zh: string, en: string): MarkdownError {
  return new MarkdownError(line, zh, en);
}

/** Split `| a | b \| c |` into raw cell texts (escapes kept for the inline parser). */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cur = "";
  for (let i = 1; i < line.length; i++) {
    const c = line[i]!;
    if (c === "\\" && i + 1 < line.length) {
      cur += c + line[i + 1];
      i++;
    } else if (c === "|") {
      cells.push(cur);
      cur = "";
    } else cur += c;
  }
  if (cur.trim() !== "") cells.push(cur);
  return cells.map((s) => s.trim());
}

interface RawCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  align?: Align;
}

function parseCell(raw: string, line: number): RawCell {
  const cell: RawCell = { text: raw, colSpan: 1, rowSpan: 1 };
  const m = ATTR_GROUP.exec(raw);
  if (!m || !m[2]!.includes("=")) return cell;
  cell.text = raw.slice(0, m.index + m[1]!.length).trim();
  for (const pair of m[2]!.trim().split(/\s+/)) {
    const p = ATTR_PAIR.exec(pair);
    if (!p) {
      throw err(
        line,
        `无法识别的单元格属性 ${pair}（可用 cs=、rs=、align=）`,
        `unknown cell attribute ${pair} (use cs=, rs=, align=)`,
      );
    }
    const [, key, value] = p as unknown as [string, string, string];
    if (key === "align") {
      if (value !== "left" && value !== "center" && value !== "right") {
        throw err(line, `align= 只能是 left、center 或 right`, `align= must be left, center or right`);
      }
      cell.align = value;
    } else {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) {
        throw err(line, `${key}= 需为正整数`, `${key}= must be a positive integer`);
      }
      if (key === "cs" || key === "colspan") cell.colSpan = n;
      else cell.rowSpan = n;
    }
  }
  return cell;
}

function separatorAlign(cell: string): Align | undefined {
  const left = cell.startsWith(":");
  const right = cell.endsWith(":");
  if (left && right) return "center";
  if (right) return "right";
  if (left) return "left";
  return undefined;
}

/**
 * Build a TableBlock from a `::: table` body. `firstLine` is the 0-based Markdown line of the
 * body's first line (for messages); `inline` turns a cell paragraph's Markdown into runs.
 */
export function parseSpanTable(
  body: string,
  args: DirectiveArgs,
  firstLine: number,
  inline: (markdown: string, line: number) => Run[],
): TableBlock {
  const openLine = firstLine - 1;
  for (const key of Object.keys(args.attrs)) {
    if (!["widths", "size", "caption"].includes(key)) {
      throw err(
        openLine,
        `::: table 没有参数 ${key}=（可用 widths=、size=、caption=）`,
        `::: table has no argument ${key}= (use widths=, size=, caption=)`,
      );
    }
  }
  if (args.words.length > 0) {
    throw err(
      openLine,
      `::: table 不认识 ${args.words[0]}`,
      `::: table does not understand ${args.words[0]}`,
    );
  }

  const rawRows: { cells: RawCell[]; line: number }[] = [];
  let headerRows = 0;
  let aligns: (Align | undefined)[] | undefined;
  let separatorLine = -1;
  body.split("\n").forEach((text, i) => {
    const line = firstLine + i;
    const trimmed = text.trim();
    if (trimmed === "") return;
    if (!trimmed.startsWith("|")) {
      throw err(line, "表格的每一行须以 | 开头", "every table row must start with |");
    }
    const cells = splitRow(trimmed);
    if (cells.length > 0 && cells.every((c) => SEPARATOR_CELL.test(c))) {
      if (aligns) throw err(line, "表格只能有一条 | --- | 分隔行", "a table has at most one | --- | line");
      if (rawRows.length === 0)
        throw err(line, "分隔行 | --- | 前面须有表头行", "the | --- | line must follow header rows");
      headerRows = rawRows.length;
      aligns = cells.map(separatorAlign);
      separatorLine = line;
      return;
    }
    rawRows.push({ cells: cells.map((c) => parseCell(c, line)), line });
  });
  if (rawRows.length === 0) throw err(openLine, "表格没有任何行", "the table has no rows");

  // Lay the cells on the grid and check that it adds up.
  const first = rawRows[0]!;
  const columns = first.cells.reduce((n, c) => n + c.colSpan, 0);
  const covered: number[] = new Array<number>(columns).fill(0); // rows still covered by a rowspan
  const rows: TableRow[] = [];
  for (const [r, raw] of rawRows.entries()) {
    let col = 0;
    const cells: TableCell[] = [];
    const occupy = () => {
      while (col < columns && covered[col]! > 0) col++;
    };
    for (const c of raw.cells) {
      occupy();
      if (col + c.colSpan > columns) {
        throw err(
          raw.line,
          `第 ${r + 1} 行超出了表格的 ${columns} 列`,
          `row ${r + 1} is wider than the table's ${columns} columns`,
        );
      }
      if (r + c.rowSpan > rawRows.length) {
        throw err(
          raw.line,
          `第 ${r + 1} 行的 rs=${c.rowSpan} 超出了表格底部`,
          `rs=${c.rowSpan} in row ${r + 1} runs past the last row`,
        );
      }
      if (r < headerRows && r + c.rowSpan > headerRows) {
        throw err(
          raw.line,
          `表头的单元格不能跨到表身（rs=${c.rowSpan}）`,
          `a header cell cannot span into the body (rs=${c.rowSpan})`,
        );
      }
      const align = c.align ?? (r >= headerRows ? aligns?.[col] : undefined);
      const cell: TableCell = {
        paragraphs: c.text.split(/(?<!\\)<br\s*\/?>/i).map((p) => inline(p.trim(), raw.line)),
      };
      if (c.colSpan > 1) cell.colSpan = c.colSpan;
      if (c.rowSpan > 1) cell.rowSpan = c.rowSpan;
      if (align) cell.align = align;
      cells.push(cell);
      for (let k = col; k < col + c.colSpan; k++) covered[k] = c.rowSpan;
      col += c.colSpan;
    }
    occupy();
    if (col !== columns || covered.some((n) => n === 0)) {
      throw err(
        raw.line,
        `第 ${r + 1} 行只覆盖了 ${covered.filter((n) => n > 0).length} 列，表格有 ${columns} 列`,
        `row ${r + 1} covers ${covered.filter((n) => n > 0).length} of the table's ${columns} columns`,
      );
    }
    for (let k = 0; k < columns; k++) covered[k] = covered[k]! - 1;
    rows.push({ cells });
  }
  if (aligns && aligns.length !== columns) {
    throw err(
      separatorLine,
      `分隔行有 ${aligns.length} 格，表格有 ${columns} 列`,
      `the | --- | line has ${aligns.length} cells, the table ${columns} columns`,
    );
  }

  const table: TableBlock = { type: "table", headerRows, rows };
  if (args.attrs.caption !== undefined) table.caption = args.attrs.caption;
  if (args.attrs.widths !== undefined) {
    const widths = args.attrs.widths.split(",").map((w) => Number(w.trim()));
    if (widths.some((w) => !Number.isFinite(w) || w <= 0)) {
      throw err(
        openLine,
        "widths= 须为逗号分隔的正数",
        "widths= must be positive numbers separated by commas",
      );
    }
    if (widths.length !== columns) {
      throw err(
        openLine,
        `widths= 有 ${widths.length} 个数，表格有 ${columns} 列`,
        `widths= has ${widths.length} numbers, the table ${columns} columns`,
      );
    }
    table.columnWidths = widths;
  }
  if (args.attrs.size !== undefined) {
    const size = Number(args.attrs.size);
    if (!Number.isFinite(size) || size < 5 || size > 30) {
      throw err(openLine, "size= 须为 5–30 之间的磅值", "size= must be a point size between 5 and 30");
    }
    table.fontSize = size;
  }
  return table;
}
