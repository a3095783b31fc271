/**
 * Summing annual-report tables (汇总): the 本级人民政府's city-wide tables are its departments'
 * tables added cell by cell — table 二 row by row, table 三 column by column in every row (the
 * carry-over rows 二、上年结转 and 四、结转下年度 included), table 四 in every group. All tables
 * must be in one format version (the rows differ between versions).
 *
 * Each department's cells are taken as that department prints them (printedValue: a blank
 * printed as 0 adds 0); a cell blank in every department stays blank. The sum prints blanks as 0
 * unless every department prints them empty. Figures are added exactly; fractional amounts
 * (table 二's fees in 万元) are rounded to 12 significant digits against float drift.
 */
import {
  PROACTIVE_BLOCKS,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  type TableFormatVersion,
} from "./format.js";
import {
  printedValue,
  type AnnualReportTables,
  type BlankCells,
  type Cell,
  type ProactiveTable,
  type RequestRow,
  type RequestsTable,
  type ReviewRow,
  type ReviewsTable,
} from "./model.js";

/** Sum of printed cells: null only when every one is blank. */
function addCells(cells: readonly Cell[]): Cell {
  let sum: number | null = null;
  for (const c of cells) if (c !== null) sum = (sum ?? 0) + c;
  return sum === null || Number.isInteger(sum) ? sum : Number(sum.toPrecision(12));
}

/**
 * The sum of tables of one format version and year. Throws (a programming error) when the
 * versions differ or the list is empty; callers check and say so in words.
 */
export function sumTables(tables: readonly AnnualReportTables[]): AnnualReportTables {
  const first = tables[0];
  if (!first) throw new Error("sumTables: no tables");
  const version: TableFormatVersion = first.version;
  for (const t of tables) {
    if (t.version !== version) throw new Error(`sumTables: format ${t.version} among ${version}`);
  }
  const printed = (t: AnnualReportTables, c: Cell) => printedValue(c, t.blankCells);

  const proactive: ProactiveTable = {};
  for (const block of PROACTIVE_BLOCKS[version]) {
    for (const r of block.rows) {
      const width = Math.max(0, ...tables.map((t) => t.proactive[r.key]?.length ?? 0));
      proactive[r.key] = Array.from({ length: width }, (_, i) =>
        addCells(tables.map((t) => printed(t, t.proactive[r.key]?.[i] ?? null))),
      );
    }
  }

  const requests: RequestsTable = {};
  for (const def of REQUEST_ROWS[version]) {
    requests[def.key] = Object.fromEntries(
      REQUEST_COLUMNS.map((c) => [
        c,
        addCells(tables.map((t) => printed(t, t.requests[def.key]?.[c] ?? null))),
      ]),
    ) as RequestRow;
  }

  const reviews = Object.fromEntries(
    REVIEW_GROUPS.map((g) => [
      g,
      Object.fromEntries(
        REVIEW_COLUMNS.map((c) => [c, addCells(tables.map((t) => printed(t, t.reviews[g][c])))]),
      ) as ReviewRow,
    ]),
  ) as ReviewsTable;

  const blankCells: BlankCells = tables.every((t) => t.blankCells === "empty") ? "empty" : "zero";
  const allRecords = (k: "requests" | "reviews") => tables.every((t) => t.sources[k] === "records");
  return {
    version,
    year: first.year,
    proactive,
    proactiveGiven: tables.some((t) => t.proactiveGiven),
    requests,
    reviews,
    sources: {
      requests: allRecords("requests") ? "records" : "given",
      reviews: allRecords("reviews") ? "records" : "given",
    },
    blankCells,
  };
}
