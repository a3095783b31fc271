/**
 * Reading the figures an office gives directly (dataset disclosure.annualReportTable) into the
 * table model, and projecting the finest-resolution table 三 onto a format version's rows.
 * An absent figure is a blank cell (null), never a zero.
 */
import { REASONS, type ReasonType } from "../data/codes.js";
import type {
  AnnualReportProactive,
  AnnualReportProactive2019,
  ColumnCounts,
  OutcomeCounts,
  RequestTable,
  ReviewTable,
} from "../data/types.js";
import {
  PROACTIVE_BLOCKS,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  type OutcomeRowKey,
  type RequestRowKey,
  type TableFormatVersion,
} from "./format.js";
import {
  emptyRequestRow,
  type Cell,
  type ProactiveTable,
  type RequestRow,
  type RequestsTable,
  type ReviewRow,
  type ReviewsTable,
} from "./model.js";

const cell = (v: number | undefined): Cell => (typeof v === "number" ? v : null);

function requestRow(given: ColumnCounts | undefined): RequestRow {
  const row = emptyRequestRow(null);
  if (!given) return row;
  for (const c of REQUEST_COLUMNS) row[c] = cell(given[c]);
  return row;
}

/**
 * Given cells of table 三 (dataset annualReportTable.requests: `newReceived` is 一, `total` is
 * （七）) at the finest resolution (2021 rows); rows not given are all blank.
 */
export function givenRequests(given: RequestTable): RequestsTable {
  const table: RequestsTable = {
    received: requestRow(given.newReceived),
    carriedOver: requestRow(given.carriedOver),
    disclosed: requestRow(given.disclosed),
    partial: requestRow(given.partial),
  };
  for (const type of Object.keys(REASONS) as ReasonType[]) {
    const group = given[type] as Record<string, ColumnCounts | undefined> | undefined;
    for (const reason of REASONS[type]) {
      table[`${type}.${reason}` as OutcomeRowKey] = requestRow(group?.[reason]);
    }
  }
  table.outcomeTotal = requestRow(given.total);
  table.carriedForward = requestRow(given.carriedForward);
  return table;
}

function reviewRow(given: OutcomeCounts | undefined): ReviewRow {
  return Object.fromEntries(REVIEW_COLUMNS.map((c) => [c, cell(given?.[c])])) as ReviewRow;
}

/** Given cells of table 四; groups not given are all blank. */
export function givenReviews(given: ReviewTable): ReviewsTable {
  return Object.fromEntries(REVIEW_GROUPS.map((g) => [g, reviewRow(given[g])])) as ReviewsTable;
}

/** Sum of cells: null when every one is blank, else the blanks count as nothing. */
export function sumCells(cells: readonly Cell[]): Cell {
  let sum: number | null = null;
  for (const c of cells) if (c !== null) sum = (sum ?? 0) + c;
  return sum;
}

/**
 * Table 三 on a version's rows, from the finest resolution (2021 rows). In the 2019 format
 * （六）其他处理 has no sub-rows: its row is the sum of the three.
 */
export function projectRequests(full: RequestsTable, version: TableFormatVersion): RequestsTable {
  const out: RequestsTable = {};
  for (const def of REQUEST_ROWS[version]) {
    if (def.key === "other") {
      const parts = REASONS.other.map((r) => full[`other.${r}` as RequestRowKey] ?? emptyRequestRow(null));
      out.other = Object.fromEntries(
        REQUEST_COLUMNS.map((c) => [c, sumCells(parts.map((p) => p[c]))]),
      ) as RequestRow;
    } else {
      out[def.key] = { ...(full[def.key] ?? emptyRequestRow(null)) };
    }
  }
  return out;
}

/** Table 二 of a version from the given figures; absent figures are blank. */
export function proactiveTable(
  version: TableFormatVersion,
  p2021: AnnualReportProactive | undefined,
  p2019: AnnualReportProactive2019 | undefined,
): { table: ProactiveTable; given: boolean } {
  const table: ProactiveTable = {};
  if (version === "2021") {
    const p = p2021 ?? {};
    table.regulations = [
      cell(p.regulations?.issued),
      cell(p.regulations?.repealed),
      cell(p.regulations?.valid),
    ];
    table.normativeDocuments = [
      cell(p.normativeDocuments?.issued),
      cell(p.normativeDocuments?.repealed),
      cell(p.normativeDocuments?.valid),
    ];
    table.licensing = [cell(p.licensingDecisions)];
    table.penalties = [cell(p.penaltyDecisions)];
    table.enforcement = [cell(p.enforcementDecisions)];
    table.fees = [cell(p.feesTenThousandYuan)];
  } else {
    const p = p2019 ?? {};
    for (const key of ["regulations", "normativeDocuments"] as const) {
      table[key] = [cell(p[key]?.made), cell(p[key]?.published), cell(p[key]?.total)];
    }
    for (const key of ["licensing", "otherServices", "penalties", "enforcement"] as const) {
      table[key] = [cell(p[key]?.previous), cell(p[key]?.change), cell(p[key]?.decisions)];
    }
    table.fees = [cell(p.fees?.previous), cell(p.fees?.change)];
    table.procurement = [cell(p.procurement?.projects), cell(p.procurement?.amount)];
  }
  // Every row the format prints has its cells (a defect here would misalign the table).
  for (const block of PROACTIVE_BLOCKS[version]) {
    for (const row of block.rows) {
      if (!table[row.key]) throw new Error(`table 二 ${version}: no cells for row ${row.key}`);
    }
  }
  const given = Object.values(table).some((cells) => cells.some((c) => c !== null));
  return { table, given };
}
