/**
 * The annual report's tables on a page, each cell with an anchor, and its consistency messages
 * linking to the cells they name. The tables and the violations are the library's
 * (reviewAnnualReport); this module only finds the printed cell a message names by its row and
 * column labels, to link to it.
 */
import { runsText, type TableBlock } from "./lib.js";
import { raw, tpl, type Html } from "./html.js";
import { screenText } from "./text.js";

export interface ReviewSheet {
  name: string;
  title?: string;
  table: TableBlock;
}

export interface ReviewViolation {
  table: string;
  row: string;
  column: string;
  message: string;
}

const norm = (s: string) => s.replace(/\s+/g, "");

interface Placed {
  r: number;
  c: number;
  text: string;
}

/** Each cell's grid position (spans from above and from the left skipped, HTML semantics). */
function place(table: TableBlock): { cells: Placed[][]; at: (r: number, c: number) => Placed | undefined } {
  const cover = new Map<string, Placed>();
  const cells: Placed[][] = [];
  table.rows.forEach((row, r) => {
    let c = 0;
    cells.push(
      row.cells.map((cell) => {
        while (cover.has(`${r}/${c}`)) c++;
        const p: Placed = { r, c, text: norm(cell.paragraphs.map((p) => runsText(p)).join("")) };
        for (let i = 0; i < (cell.rowSpan ?? 1); i++)
          for (let j = 0; j < (cell.colSpan ?? 1); j++) cover.set(`${r + i}/${c + j}`, p);
        c += cell.colSpan ?? 1;
        return p;
      }),
    );
  });
  return { cells, at: (r, c) => cover.get(`${r}/${c}`) };
}

/** The anchors of the cells a violation names (row label × column label), best first. */
function targets(sheetIndex: number, table: TableBlock, v: ReviewViolation): string[] {
  const { cells, at } = place(table);
  const width = Math.max(0, ...cells.map((row) => row.reduce((n, p) => Math.max(n, p.c + 1), 0)));
  const col = norm(v.column);
  let column = -1;
  for (let r = 0; r < table.headerRows && column < 0; r++)
    for (let c = 0; c < width; c++)
      if (at(r, c)?.text === col) {
        column = c;
        break;
      }
  // The row: its label, or each row an equation relates ("一 + 二 = （七）+ 四").
  const labels = [norm(v.row), ...v.row.split(/[+=＋＝≠]/).map(norm)].filter(Boolean);
  const rows: number[] = [];
  for (let r = table.headerRows; r < table.rows.length; r++) {
    const head = cells[r]!.filter((p) => p.c <= 1).map((p) => p.text);
    const numbered = (h: string, l: string) =>
      h === l ||
      h.startsWith(`${l}、`) ||
      h.startsWith(`${l}．`) ||
      (/^（[一二三四五六七八九十]+）$/.test(l) && h.startsWith(l));
    if (head.some((h) => labels.some((l) => numbered(h, l)))) rows.push(r);
  }
  const id = (p: Placed | undefined) => (p ? `cell-${sheetIndex}-${p.r}-${p.c}` : null);
  const out: string[] = [];
  for (const r of rows) {
    const t = id(column >= 0 ? at(r, column) : cells[r]![0]);
    if (t && !out.includes(t)) out.push(t);
  }
  if (out.length === 0 && column >= 0) {
    const t = id(at(table.headerRows - 1, column) ?? at(0, column));
    if (t) out.push(t);
  }
  return out;
}

/** The tables with anchors, and the messages linking to their cells. */
export function reviewHtml(sheets: ReviewSheet[], violations: ReviewViolation[]): Html {
  const marked = new Set<string>();
  const items = violations.map((v) => {
    const s = sheets.findIndex((sh) => sh.name === v.table);
    const ids = s >= 0 ? targets(s, sheets[s]!.table, v) : [];
    ids.forEach((i) => marked.add(i));
    const href = ids[0] ? `#${ids[0]}` : s >= 0 ? `#sheet-${s}` : null;
    return tpl`<li>
      ${screenText(v.message)}${href ? tpl` <a href="${href}">查看${ids.length > 1 ? `所涉${ids.length}个单元格` : "单元格"}</a>` : ""}
    </li>`;
  });
  const tables = sheets.map((sh, s) => {
    const { cells } = place(sh.table);
    return tpl`<div class="table-wrap">
      <table class="report-table" id="sheet-${s}">
        <caption>
          ${sh.title ?? sh.name}
        </caption>
        ${sh.table.rows.map(
          (row, r) =>
            tpl`<tr>
              ${row.cells.map((cell, k) => {
                const p = cells[r]![k]!;
                const id = `cell-${s}-${p.r}-${p.c}`;
                const tag = r < sh.table.headerRows ? "th" : "td";
                const attrs = `${cell.colSpan && cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ""}${cell.rowSpan && cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ""}${marked.has(id) ? ' class="flagged"' : ""}`;
                const text = cell.paragraphs.map((p) => runsText(p)).join(" ");
                return tpl`${raw(`<${tag} id="${id}"${attrs}>`)}${text}${raw(`</${tag}>`)}`;
              })}
            </tr>`,
        )}
      </table>
    </div>`;
  });
  return tpl`${violations.length ? tpl`<ol class="violations">${items}</ol>` : tpl`<p>年度报告的表格符合勾稽关系。</p>`}
    <details ${violations.length ? "open" : ""}>
      <summary>年度报告的表格</summary>
      ${tables}
    </details>`;
}
