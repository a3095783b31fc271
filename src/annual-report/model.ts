/**
 * The annual report's table model: the cells of tables 二, 三 and 四 for one format version, as
 * the consistency rules, the templates and the spreadsheet read them. A cell is a number, or
 * null when it is blank (a given table that leaves it empty). Records never give blanks.
 */
import type {
  FormatVersion,
  RequestColumn,
  RequestRowKey,
  ReviewColumn,
  ReviewGroup,
  TableFormatVersion,
} from "./format.js";
import { REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS } from "./format.js";

/** A cell: a figure, or null for a blank (not reported). */
export type Cell = number | null;

/** One row of table 三: a cell per applicant column and 总计. */
export type RequestRow = Record<RequestColumn, Cell>;
/** Table 三: rows by key (the keys of the version's row set, REQUEST_ROWS[version]). */
export type RequestsTable = Partial<Record<RequestRowKey, RequestRow>>;

/** One row of table 四's groups: 结果维持 / 结果纠正 / 其他结果 / 尚未审结 / 总计. */
export type ReviewRow = Record<ReviewColumn, Cell>;
export type ReviewsTable = Record<ReviewGroup, ReviewRow>;

/** Table 二: rows by key (PROACTIVE_BLOCKS[version]), each the data cells after 信息内容. */
export type ProactiveTable = Record<string, Cell[]>;

/** Where a table's figures came from. */
export type TableSource = "records" | "given";

/** How blank cells are printed (dataset annualReportTable.blankCells): 0 by default. */
export type BlankCells = "zero" | "empty";

export interface AnnualReportTables {
  version: TableFormatVersion;
  /** The report year. */
  year: number;
  /** Table 二; absent cells are null. */
  proactive: ProactiveTable;
  /** Whether any figure of table 二 was given. */
  proactiveGiven: boolean;
  requests: RequestsTable;
  reviews: ReviewsTable;
  sources: { requests: TableSource; reviews: TableSource };
  blankCells: BlankCells;
}

export function emptyRequestRow(value: Cell = 0): RequestRow {
  return Object.fromEntries(REQUEST_COLUMNS.map((c) => [c, value])) as RequestRow;
}

export function emptyReviewRow(value: Cell = 0): ReviewRow {
  return Object.fromEntries(REVIEW_COLUMNS.map((c) => [c, value])) as ReviewRow;
}

export function emptyReviews(value: Cell = 0): ReviewsTable {
  return Object.fromEntries(REVIEW_GROUPS.map((g) => [g, emptyReviewRow(value)])) as ReviewsTable;
}

/** The cell of table 三 at a row and column (null when blank or the row is absent). */
export function requestCell(table: RequestsTable, row: RequestRowKey, column: RequestColumn): Cell {
  return table[row]?.[column] ?? null;
}

/** A cell as printed: its figure, or — when blank — "0" or "" according to blankCells. */
export function cellText(cell: Cell, blankCells: BlankCells = "zero"): string {
  if (cell === null) return blankCells === "zero" ? "0" : "";
  return Number.isInteger(cell) ? String(cell) : String(Number(cell.toPrecision(12)));
}

/** A cell as the tables print it and the rules read it: null only when printed empty. */
export function printedValue(cell: Cell, blankCells: BlankCells): Cell {
  return cell === null && blankCells === "zero" ? 0 : cell;
}

/** The row keys of table 三 for a version, in print order. */
export function requestRowKeys(version: TableFormatVersion): RequestRowKey[] {
  return REQUEST_ROWS[version].map((r) => r.key);
}

export function isTableVersion(v: FormatVersion): v is TableFormatVersion {
  return v !== "2008";
}
