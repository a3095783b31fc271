/**
 * The roll-up annual report (汇总年度报告) of a 本级人民政府: its departments' annual-report facts
 * for one year (each department's own deriveFacts) → the city-wide tables, summed
 * (annual-report/rollup.ts: table 二 and 四 cell by cell, table 三 column by column in every row,
 * the carry-over rows included), the figures the prose states, the processing fees, and one
 * comparison row per department: 本年新收 (table 三 一、总计), 按期答复 and 逾期 (the department's
 * on-request facts: replies within the statutory deadline, and replies or unanswered requests past
 * it), 行政复议结果纠正 (table 四). Nothing is counted from records here: every figure is the
 * department's facts'.
 *
 * Numbers only: the consistency rules are judged on each department's and on the summed tables
 * by the audit's annual-report rules (src/audit/rollup.ts, rollupAnnualReport).
 */
import { formatVersionForYear, REQUEST_COLUMNS, REQUEST_ROWS } from "../annual-report/format.js";
import { sumCells } from "../annual-report/given.js";
import {
  isTableVersion,
  printedValue,
  type AnnualReportTables,
  type BlankCells,
  type Cell,
  type RequestRow,
  type RequestsTable,
  type ReviewsTable,
} from "../annual-report/model.js";
import { sumTables } from "../annual-report/rollup.js";
import type { FormatVersion, TableFormatVersion } from "../annual-report/format.js";
import { FactError, type FactWarning, type RollupMismatch } from "./messages.js";
import {
  summariseRequests,
  summariseReviews,
  type AnnualReportFacts,
  type FeeSummary,
  type RequestSummary,
  type ReviewSummary,
} from "./annual-report.js";
import type { DisclosureFacts } from "./disclosure.js";

/** One department of the roll-up: its name and its facts of the year. */
export interface RollupDepartment {
  /** Its agency's name, as the roll-up names it. */
  name: string;
  /** The caller's key for it (an agency id, a file name); carried through unchanged. */
  key?: string;
  /** Its annual-report facts (deriveFacts(dataset).annualReport). */
  report: AnnualReportFacts;
  /**
   * Its on-request counts (deriveFacts(dataset).disclosure.requests), for the on-time and
   * overdue columns; absent or not `known` (a department that gives its tables without keeping
   * the application records) leaves those columns empty.
   */
  requests?: DisclosureFacts["requests"];
}

/** A department (or the total) on the comparison sheet. */
export interface RollupComparison {
  /** 本年新收: table 三 一、本年新收政府信息公开申请数量, 总计. */
  received: number;
  /** Replies within the statutory deadline; null without application records. */
  repliedOnTime: number | null;
  /** Replies after the deadline and requests unanswered at year end with it passed; null without records. */
  overdue: number | null;
  /** Table 四 行政复议 结果纠正. */
  reconsiderationCorrected: number;
}

export interface RollupDepartmentSum {
  name: string;
  key?: string;
  comparison: RollupComparison;
  /** Where its tables come from. */
  sources: AnnualReportFacts["sources"];
}

/** The summed tables and figures of a roll-up, before the consistency rules judge them. */
export interface AnnualReportSum {
  year: number;
  version: TableFormatVersion;
  /** The summed tables (the city-wide 表二、表三、表四). */
  tables: AnnualReportTables;
  /** Table 三 summed at the finest resolution (2021 rows). */
  requestsFull: RequestsTable;
  reviews: ReviewsTable;
  /** The 总计 figures of the summed table 三, as the prose states them. */
  summary: RequestSummary;
  reviewSummary: ReviewSummary;
  /** The departments' processing fees added up (notices only when every department knows them). */
  fees: FeeSummary;
  departments: RollupDepartmentSum[];
  /** The comparison's total row: each column the sum of the departments' (null where none has the figure). */
  total: RollupComparison;
  /** Things to tell the clerk (departments without records for the on-time columns …); factMessage words them. */
  warnings: FactWarning[];
}

export interface RollupOptions {
  /** The report year; every department's facts must be of it. */
  year: number;
  /** Format version; by the year when absent. The 2008 outline has no tables and cannot be summed. */
  version?: FormatVersion;
}

/** A department of the roll-up from its facts (deriveFacts(dataset), or the two parts it reads). */
export function rollupDepartment(
  name: string,
  facts: { annualReport: AnnualReportFacts; disclosure: Pick<DisclosureFacts, "requests"> },
  key?: string,
): RollupDepartment {
  return {
    name,
    ...(key !== undefined ? { key } : {}),
    report: facts.annualReport,
    requests: facts.disclosure.requests,
  };
}

const n0 = (c: Cell) => c ?? 0;

function addNullable(values: readonly (number | null)[]): number | null {
  return values.some((v) => v !== null) ? values.reduce<number>((s, v) => s + (v ?? 0), 0) : null;
}

/** Table 三 at the finest resolution, summed over departments (each as it prints). */
function sumFull(reports: readonly { full: RequestsTable; blankCells: BlankCells }[]): RequestsTable {
  const out: RequestsTable = {};
  for (const def of REQUEST_ROWS["2021"]) {
    out[def.key] = Object.fromEntries(
      REQUEST_COLUMNS.map((c) => [
        c,
        sumCells(reports.map((r) => printedValue(r.full[def.key]?.[c] ?? null, r.blankCells))),
      ]),
    ) as RequestRow;
  }
  return out;
}

function sumFees(fees: readonly FeeSummary[]): FeeSummary {
  const round = (x: number) => Math.round(x * 100) / 100;
  const allNotices = fees.every((f) => f.notices !== null);
  return {
    source: fees.every((f) => f.source === "none")
      ? "none"
      : fees.some((f) => f.source === "given")
        ? "given"
        : "records",
    notices: allNotices ? fees.reduce((s, f) => s + f.notices!, 0) : null,
    noticedAmount: allNotices ? round(fees.reduce((s, f) => s + (f.noticedAmount ?? 0), 0)) : null,
    paid: fees.reduce((s, f) => s + f.paid, 0),
    paidAmount: round(fees.reduce((s, f) => s + f.paidAmount, 0)),
    waived: addNullable(fees.map((f) => f.waived)),
  };
}

function comparisonOf(d: RollupDepartment, tables: AnnualReportTables): RollupComparison {
  const printed = (c: Cell) => n0(printedValue(c, tables.blankCells));
  const known = d.requests?.known === true;
  return {
    received: printed(tables.requests.received?.total ?? null),
    repliedOnTime: known ? d.requests!.onTime.numerator : null,
    overdue: known ? d.requests!.late.length : null,
    reconsiderationCorrected: printed(tables.reviews.reconsideration.corrected),
  };
}

/**
 * Sum the departments' annual reports into the city-wide tables. Throws UserError when there
 * is no department, or one's facts are of another year or format version (or have no tables).
 */
export function sumAnnualReports(
  departments: readonly RollupDepartment[],
  options: RollupOptions,
): AnnualReportSum {
  const { year } = options;
  const version = options.version ?? formatVersionForYear(year);
  if (!isTableVersion(version)) throw new FactError({ messageId: "rollup-2008-outline", data: { year } });
  if (departments.length === 0) throw new FactError({ messageId: "rollup-no-department", data: {} });
  const mismatches: RollupMismatch[] = [];
  for (const d of departments) {
    if (d.report.year !== year) mismatches.push({ name: d.name, kind: "year", dataYear: d.report.year });
    else if (d.report.version !== version || !d.report.tables)
      mismatches.push({ name: d.name, kind: "version", version: d.report.version });
  }
  if (mismatches.length > 0)
    throw new FactError({ messageId: "rollup-mismatch", data: { year, version, departments: mismatches } });
  const tablesOf = departments.map((d) => d.report.tables!);
  const tables = sumTables(tablesOf);
  const requestsFull = sumFull(
    departments.map((d, i) => ({ full: d.report.requestsFull, blankCells: tablesOf[i]!.blankCells })),
  );
  const results: RollupDepartmentSum[] = departments.map((d, i) => ({
    name: d.name,
    ...(d.key !== undefined ? { key: d.key } : {}),
    comparison: comparisonOf(d, tablesOf[i]!),
    sources: d.report.sources,
  }));
  const total: RollupComparison = {
    received: results.reduce((s, r) => s + r.comparison.received, 0),
    repliedOnTime: addNullable(results.map((r) => r.comparison.repliedOnTime)),
    overdue: addNullable(results.map((r) => r.comparison.overdue)),
    reconsiderationCorrected: results.reduce((s, r) => s + r.comparison.reconsiderationCorrected, 0),
  };
  const warnings: FactWarning[] = [];
  const noRecords = results.filter((r) => r.comparison.repliedOnTime === null).map((r) => r.name);
  if (noRecords.length > 0)
    warnings.push({ messageId: "rollup-without-records", data: { names: noRecords } });
  return {
    year,
    version,
    tables,
    requestsFull,
    reviews: tables.reviews,
    summary: summariseRequests(requestsFull),
    reviewSummary: summariseReviews(tables.reviews),
    fees: sumFees(departments.map((d) => d.report.fees)),
    departments: results,
    total,
    warnings,
  };
}
