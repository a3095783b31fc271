/**
 * What the DOCX writer puts in word/document.xml, as plain data: paragraphs, runs and tables with
 * exactly the properties gongwen uses (blocks.ts, runs.ts and table.ts decide them from the tree
 * and the GB/T 9704 layout). Two back ends write it:
 * - document-xml.ts, straight to WordprocessingML — the writer's path for every document;
 * - docx-objects.ts, into the docx package's objects — the reference: the static parts of the
 *   package come from it (skeleton.ts), and tests check that both give the same bytes.
 */

/** w:rFonts: the East Asian font, the Latin policy, and the hint. */
export interface FontSlots {
  eastAsia: string;
  ascii: string;
  hAnsi: string;
  cs: string;
  hint: "eastAsia";
}

export interface RunProps {
  font: FontSlots;
  /** Half-points (w:sz, w:szCs). */
  size: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  /** w:spacing w:val in twips (negative condenses); omitted when 0 or undefined. */
  characterSpacing?: number;
}

/** A tab inside a run's text. */
export const TAB = { tab: true } as const;
export type RunPiece = string | typeof TAB;

export interface RunModel {
  props: RunProps;
  /** A line break (w:br) and nothing else. */
  break?: boolean;
  /** Text pieces (w:t) and tabs (w:tab), in order. */
  children: RunPiece[];
}

/** w:jc values. */
export type Jc = "left" | "center" | "right" | "both";

/** w:ind, twips (firstLineChars in hundredths of a character). */
export interface Indent {
  left?: number;
  right?: number;
  hanging?: number;
  firstLine?: number;
  firstLineChars?: number;
}

/**
 * A picture anchored to a paragraph, behind the text, no wrapping (the seal): EMUs, x from the
 * left margin, y from the top of the paragraph.
 */
export interface AnchorModel {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Relationship id of the image part (word/_rels/document.xml.rels). */
  rId: string;
  name: string;
}

export interface ParagraphModel {
  type: "p";
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  widowControl?: boolean;
  /**
   * false: the lines do not snap to the document grid (w:snapToGrid w:val="0"). LibreOffice
   * rounds every line taller than the grid pitch up to whole grid lines, even with exact spacing:
   * a 22 pt title line or a table cell's lines took two grid lines each. Body text keeps the grid.
   */
  snapToGrid?: false;
  /** Exact line spacing and the space before/after, twips. */
  spacing: { line: number; before: number; after: number };
  indent?: Indent;
  alignment?: Jc;
  /** w:outlineLvl (0 = level 1). */
  outlineLevel?: number;
  /** Size of the paragraph mark (w:pPr/w:rPr w:sz), half-points: sets an empty cell's line. */
  markSize?: number;
  /** An anchored picture written before the runs (DOCX fast path only: see index.ts). */
  anchor?: AnchorModel;
  runs: RunModel[];
}

export interface CellModel {
  /** Width in twips. */
  width: number;
  columnSpan?: number;
  verticalMerge?: "restart" | "continue";
  paragraphs: ParagraphModel[];
}

/**
 * A table row. Every row is written w:cantSplit: the PDF never splits a row across pages (only
 * one taller than a page, line by line — LibreOffice and Word then split a w:cantSplit row too),
 * it moves the row to the next page. LibreOffice would otherwise cut a row — and with it the
 * start of a merged cell such as the annual report's "（四）无法提供" — at the page foot.
 */
export interface RowModel {
  /** A header row: repeated on every page (w:tblHeader). */
  header: boolean;
  /** Kept on the page with the next row: its paragraphs w:keepNext. */
  keepWithNext?: boolean;
  cells: CellModel[];
}

/** A table: fixed layout, centred, 0.5 pt single borders, cells vertically centred. */
export interface TableModel {
  type: "tbl";
  /** Table width and grid columns, twips. */
  width: number;
  columnWidths: number[];
  /** Cell margins (w:tblCellMar), twips: left and right, top and bottom. */
  cellMargin: { x: number; y: number };
  rows: RowModel[];
}

export type BodyElement = ParagraphModel | TableModel;
