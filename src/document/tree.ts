/**
 * gongwen's document tree: the one model every reader produces and every writer consumes
 * (think pandoc's AST). Compose (templates → Markdown → tree) builds it; render/docx and
 * render/pdf write it. Nothing here knows about disclosure law or where the numbers came from,
 * and nothing here knows about a particular output format.
 */

/** The typeface roles GB/T 9704 uses. Concrete font names come from the layout options. */
export type FontRole = "fangsong" | "xiaobiaosong" | "heiti" | "kaiti" | "songti";

/** A span of text with uniform formatting. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Override the block's typeface role for this run (e.g. 黑体 for "附件"). */
  font?: FontRole;
  /** A hard line break after this run's text (Markdown hard break). */
  breakAfter?: boolean;
}

export type Align = "left" | "center" | "right" | "justify";

/** Title of the document (2号 小标宋, centred). `lines` is an optional author-chosen line split. */
export interface TitleBlock {
  type: "title";
  text: string;
  lines?: string[];
}

/** 发文字号 such as 商务公开复〔2014〕3号, centred below the title. */
export interface DocNumberBlock {
  type: "docNumber";
  text: string;
}

/** 主送机关 / addressee: flush left, ends with a full-width colon (the text includes it). */
export interface AddresseeBlock {
  type: "addressee";
  text: string;
}

export type HeadingLevel = 1 | 2 | 3 | 4;

/**
 * A heading. `number` is filled by the numbering pass (一、 （一） 1. （1）) from the level;
 * authors write plain headings. An empty number means "unnumbered".
 */
export interface HeadingBlock {
  type: "heading";
  level: HeadingLevel;
  number: string;
  runs: Run[];
  /** The author opted out of numbering (`{-}` in Markdown); the numbering pass leaves `number` empty. */
  unnumbered?: boolean;
}

export interface ParagraphBlock {
  type: "paragraph";
  runs: Run[];
  /** Default: first-line indent of two characters. */
  indent?: "first-line" | "none";
  /** Default: justify. */
  align?: Align;
}

export interface ListBlock {
  type: "list";
  ordered: boolean;
  /** Each item is one paragraph of runs. Items are rendered as indented paragraphs. */
  items: Run[][];
}

export interface TableCell {
  /** One entry per paragraph in the cell. */
  paragraphs: Run[][];
  colSpan?: number;
  rowSpan?: number;
  align?: Align;
}

/**
 * HTML semantics: a row lists only the cells that start in it; positions covered by a
 * row/col span from above or from the left are omitted.
 */
export interface TableRow {
  cells: TableCell[];
}

export interface TableBlock {
  type: "table";
  caption?: string;
  /** The first `headerRows` rows repeat when the table crosses a page. */
  headerRows: number;
  rows: TableRow[];
  /** Relative column widths (any unit; writers normalise to the type area). */
  columnWidths?: number[];
  /** Font size in points for the cell text; writers default to 12 pt (小四). */
  fontSize?: number;
}

/** 附件说明: "附件：1.××××" with aligned continuation. */
export interface AttachmentsBlock {
  type: "attachments";
  items: string[];
}

/**
 * Signature block (署名 + 成文日期). `date` is already the display text (2015年1月23日);
 * `seal` selects the "with seal" placement and may draw a placeholder.
 */
export interface SignatureBlock {
  type: "signature";
  agency: string;
  date: string;
  seal?: boolean;
}

/** 附注: below the date, indented two characters, in parentheses (the text includes them). */
export interface NoteBlock {
  type: "note";
  runs: Run[];
}

/** Forced page break; `parity: "odd"` starts the next block on an odd page. */
export interface PageBreakBlock {
  type: "pageBreak";
  parity?: "odd";
}

/** Vertical space of one empty grid line. */
export interface BlankLineBlock {
  type: "blank";
}

export type Block =
  | TitleBlock
  | DocNumberBlock
  | AddresseeBlock
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | AttachmentsBlock
  | SignatureBlock
  | NoteBlock
  | PageBreakBlock
  | BlankLineBlock;

export interface DocumentMeta {
  title: string;
  /** The issuing agency. */
  author: string;
  subject?: string;
  keywords?: string[];
  /** Fixed document date (YYYY-MM-DD) written as created/modified so output is deterministic. */
  date: string;
}

/**
 * `document`: normal 公文 layout (page numbers on every page).
 * `letter`: 信函格式 (no page number on the first page).
 */
export type DocumentKind = "document" | "letter";

export interface DocumentTree {
  kind: DocumentKind;
  meta: DocumentMeta;
  blocks: Block[];
}

/** One table of a document as a worksheet (the annual report's tables as a spreadsheet). */
export interface TableSheet {
  /** Worksheet name (at most 31 characters, none of : \ / ? * [ ]). */
  name: string;
  /** A title row above the table, merged across its width. */
  title?: string;
  table: TableBlock;
}

/** Tables of a composed document as a workbook, for the XLSX writer. */
export interface Spreadsheet {
  sheets: TableSheet[];
  /** Document date YYYY-MM-DD: the workbook's created/modified dates. */
  date: string;
  /** The issuing agency (workbook creator). */
  author: string;
  title?: string;
}

/** Plain text of runs, as a reader would extract it. */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text + (r.breakAfter ? "\n" : "")).join("");
}
