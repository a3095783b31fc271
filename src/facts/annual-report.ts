/**
 * Facts of the statutory annual report (政府信息公开工作年度报告): the cells of tables 二, 三 and 四
 * for the format version of the report year, the figures its prose states (requests, reviews,
 * processing fees), the publication deadline, and the numbers the consistency rules judge (the
 * tables, last year's tables, the given cells and the records' counts; the rules themselves are
 * audit rules, src/audit/rules/annual-report/).
 *
 * Table 三 is counted from the application records (ApplicationFacts, so the letters, the report
 * and the audit agree on carried-over status and year-end status):
 * - 一、本年新收: applications not carried over; 二、上年结转: carried over (上年结转);
 * - an application replied to by 31 December counts once, in the row of its reply type and
 *   reason (REPLY_TYPE_ROW: 已主动公开 as 予以公开, 非本机关负责公开 as 无法提供/本机关不掌握,
 *   法律法规另有规定 as 其他处理/其他; a partial disclosure only as （二）);
 * - one without a reply by 31 December is carried to the next year (四).
 * The table therefore balances by construction. An office without records gives the cells
 * (annualReportTable.requests, as published; they are used as given) and the consistency rules
 * check them. Given cells that disagree with the records are refused when the dataset is loaded
 * (src/data/checks.ts) and reported by the audit too ("given-records"), for data built in code.
 *
 * Table 四 from the reconsideration and litigation records. Interpretation (documented default,
 * option `reviewYear`): a case is counted in the year it was filed ("filed"); its column is its
 * outcome, or 尚未审结 when it is pending or decided after 31 December. With "filed-or-pending",
 * cases filed earlier and still open at the start of the year are counted too.
 *
 * Section 六 (processing fees, 信息处理费): fee notices dated in the year and their amount; fees
 * paid in the year (paid, with the payment dated in the year) and their amount. Without records,
 * the given disclosure.fees totals.
 */
import {
  REASONS,
  REPLY_TYPE_ROW,
  REPLY_TYPES,
  replyTableRow,
  type ReasonType,
  type ReplyType,
} from "../data/codes.js";
import type { Dataset } from "../data/types.js";
import { meetsLimit } from "../calendar/index.js";
import type { FactWarning } from "./messages.js";
import {
  ALL_OUTCOME_KEYS,
  formatVersionForYear,
  REQUEST_COLUMNS,
  REVIEW_OUTCOME_COLUMNS,
  REVIEW_GROUPS,
  type FormatVersion,
  type OutcomeRowKey,
  type RequestRowKey,
  type ReviewGroup,
} from "../annual-report/format.js";
import {
  givenRequests,
  givenReviews,
  projectRequests,
  proactiveTable,
  sumCells,
} from "../annual-report/given.js";
import {
  emptyRequestRow,
  emptyReviews,
  isTableVersion,
  type AnnualReportTables,
  type BlankCells,
  type Cell,
  type RequestsTable,
  type ReviewsTable,
  type TableSource,
} from "../annual-report/model.js";
import type { ApplicationFacts } from "./applications.js";

export interface AnnualReportFactsOptions {
  /** Format version; by the report year when absent (2021 from 2021, 2019 for 2019–2020, else 2008). */
  version?: FormatVersion;
  /**
   * Last year's tables (previousAnnualReportTables), kept as `previousTables` for rule 5, this
   * year's 上年结转 = last year's 结转下年度继续办理.
   */
  previous?: AnnualReportTables;
  /** Which reconsideration and litigation cases table 四 counts (default "filed"). */
  reviewYear?: "filed" | "filed-or-pending";
}

/** Figures of table 三's 总计 column, as the prose states them. */
export interface RequestSummary {
  received: Cell;
  carriedOver: Cell;
  /** （七）总计: requests handled in the year. */
  handled: Cell;
  carriedForward: Cell;
  disclosed: Cell;
  partial: Cell;
  refused: Cell;
  unavailable: Cell;
  notProcessed: Cell;
  other: Cell;
}

export interface ReviewSummary {
  reconsideration: Cell;
  litigationDirect: Cell;
  litigationAfterReconsideration: Cell;
  /** Both kinds of litigation. */
  litigation: Cell;
  /** Reconsiderations and litigations that corrected the agency (结果纠正). */
  corrected: Cell;
}

export interface FeeSummary {
  source: "records" | "given" | "none";
  /** Fee notices (收费通知) dated in the year; null when only totals are given. */
  notices: number | null;
  /** Their amount, 元. */
  noticedAmount: number | null;
  /** Fees paid in the year. */
  paid: number;
  /** Their amount, 元. */
  paidAmount: number;
  /** Fees waived (ogi-2008 Art. 28), as given. */
  waived: number | null;
}

export interface PublicationFacts {
  /** Last day to publish: 31 January of the next year for a department (ogi-2019 Art. 49); 31 March under ogi-2008. */
  due: string;
  /** documents.annualReport.date, when given. */
  date: string | null;
  onTime: boolean | null;
}

export interface AnnualReportFacts {
  year: number;
  version: FormatVersion;
  versionSource: "option" | "year";
  /** The tables of a 2021/2019 report; null for the 2008 outline. */
  tables: AnnualReportTables | null;
  /** Table 三 at the finest resolution (2021 rows), whatever the version. */
  requestsFull: RequestsTable;
  reviews: ReviewsTable;
  sources: { requests: TableSource; reviews: TableSource };
  summary: RequestSummary;
  reviewSummary: ReviewSummary;
  /** Replies dated in the year by reply type, from the records (before the annual-report mapping). */
  replyTypes: Record<ReplyType, number> | null;
  fees: FeeSummary;
  publication: PublicationFacts;
  /** Last year's report (disclosure.previousAnnualReport): its deadline and whether it was met; null when not recorded. */
  previousPublication: PublicationFacts | null;
  /**
   * Last year's tables, for the carry-over rule (this year's 二 = last year's 四): given in the
   * options and this version has tables; else null.
   */
  previousTables: AnnualReportTables | null;
  /**
   * The cells given for tables 三 and 四 (annualReportTable, at the finest resolution) where the
   * dataset keeps application records too, for the given-against-records rule; empty otherwise.
   */
  givenTables: { requests?: RequestsTable; reviews?: ReviewsTable };
  /** Tables 三 (finest resolution) and 四 as counted from the records, whatever is printed. */
  recordTables: { requests: RequestsTable; reviews: ReviewsTable };
  /** Things a clerk should know: figures not given that print as 0 (factMessage words them). */
  warnings: FactWarning[];
}

/** Counts of one row of table 三 by column index, and the order the columns first occurred in. */
interface TallyRow {
  key: RequestRowKey;
  counts: number[];
  order: number[];
}

/** Counts by row and column (columns by index: one lookup per application, not one per count). */
class Tally {
  readonly colNames: string[] = [];
  readonly rows = new Map<RequestRowKey, TallyRow>();
  private readonly cols = new Map<string, number>();

  col(name: string): number {
    let i = this.cols.get(name);
    if (i === undefined) {
      i = this.colNames.length;
      this.cols.set(name, i);
      this.colNames.push(name);
    }
    return i;
  }

  row(key: RequestRowKey): TallyRow {
    let r = this.rows.get(key);
    if (!r) this.rows.set(key, (r = { key, counts: [], order: [] }));
    return r;
  }

  bump(row: TallyRow, col: number): void {
    while (row.counts.length <= col) row.counts.push(0);
    if (row.counts[col] === 0) row.order.push(col);
    row.counts[col]!++;
  }
}

/** Table 三 (finest resolution) counted from the application records. */
export function requestsFromRecords(dataset: Dataset, apps: readonly ApplicationFacts[]): RequestsTable {
  const table: RequestsTable = {
    received: emptyRequestRow(),
    carriedOver: emptyRequestRow(),
  };
  for (const k of ALL_OUTCOME_KEYS) table[k] = emptyRequestRow();
  table.outcomeTotal = emptyRequestRow();
  table.carriedForward = emptyRequestRow();
  const records = dataset.disclosure.applications ?? [];
  // Counted per row and column first, then added to the table: columns enter each row in the
  // order they first occur, as adding one by one would.
  const tally = new Tally();
  const received = tally.row("received");
  const carriedOver = tally.row("carriedOver");
  const outcomeTotal = tally.row("outcomeTotal");
  const carriedForward = tally.row("carriedForward");
  /** Outcome row by reply type and reason. */
  const outcomes = new Map<string, Map<string, TallyRow>>();
  for (let fi = 0; fi < apps.length; fi++) {
    const f = apps[fi]!;
    const app = records[f.index];
    if (!app) throw new Error(`application facts ${f.id}: no record at index ${f.index}`);
    const col = tally.col(app.applicant.type);
    tally.bump(f.carriedOver ? carriedOver : received, col);
    if (f.yearEnd === "closed" && f.reply) {
      let byReason = outcomes.get(f.reply.type);
      if (!byReason) outcomes.set(f.reply.type, (byReason = new Map()));
      let row = byReason.get(f.reply.reason ?? "");
      if (row === undefined) {
        row = tally.row(outcomeRow(f.id, f.reply.type, f.reply.reason ?? undefined));
        byReason.set(f.reply.reason ?? "", row);
      }
      tally.bump(row, col);
      tally.bump(outcomeTotal, col);
    } else {
      tally.bump(carriedForward, col);
    }
  }
  for (const row of tally.rows.values()) {
    const r = table[row.key]!;
    for (const i of row.order) {
      const c = tally.colNames[i] as (typeof REQUEST_COLUMNS)[number];
      const n = row.counts[i]!;
      r[c] = (r[c] ?? 0) + n;
      r.total = (r.total ?? 0) + n;
    }
  }
  return table;
}

/** The row of table 三 a reply is counted in. */
export function outcomeRow(id: string, type: ReplyType, reason: string | undefined): OutcomeRowKey {
  const row = replyTableRow(type, reason);
  if (row && !("reason" in row)) return row.type;
  if (!row || !(REASONS[row.type] as readonly string[]).includes(row.reason)) {
    // The schema requires a matching reason; reaching here means unvalidated data.
    const group = REPLY_TYPE_ROW[type].type;
    throw new Error(
      `application ${id}: reply type ${type} needs a reason of ${group}, got ${row?.reason ?? "none"}`,
    );
  }
  return `${row.type}.${row.reason}` as OutcomeRowKey;
}

/** Table 四 counted from the reconsideration and litigation records. */
export function reviewsFromRecords(
  dataset: Dataset,
  reviewYear: "filed" | "filed-or-pending" = "filed",
): ReviewsTable {
  const table = emptyReviews();
  const start = `${dataset.year}-01-01`;
  const end = `${dataset.year}-12-31`;
  const add = (
    group: ReviewGroup,
    c: { filed: string; outcome: (typeof REVIEW_OUTCOME_COLUMNS)[number]; decided?: string },
  ) => {
    if (c.filed > end) return;
    const pendingAtStart = c.outcome === "pending" || (c.decided !== undefined && c.decided >= start);
    if (c.filed < start && !(reviewYear === "filed-or-pending" && pendingAtStart)) return;
    const open = c.outcome === "pending" || (c.decided !== undefined && c.decided > end);
    const col = open ? "pending" : c.outcome;
    const row = table[group];
    row[col] = (row[col] ?? 0) + 1;
    row.total = (row.total ?? 0) + 1;
  };
  const appRecords = dataset.disclosure.applications ?? [];
  for (let ai = 0; ai < appRecords.length; ai++) {
    const app = appRecords[ai]!;
    if (app.reconsideration) add("reconsideration", app.reconsideration);
    if (app.litigation) {
      add(
        app.litigation.afterReconsideration ? "litigationAfterReconsideration" : "litigationDirect",
        app.litigation,
      );
    }
  }
  return table;
}

function feeSummary(dataset: Dataset, apps: readonly ApplicationFacts[]): FeeSummary {
  const given = dataset.disclosure.fees;
  const withFee = apps.filter((a) => a.fee !== null);
  const records = dataset.disclosure.applications;
  if (records === undefined && given) {
    return {
      source: "given",
      notices: null,
      noticedAmount: null,
      paid: given.count,
      paidAmount: given.amount,
      waived: given.waived ?? null,
    };
  }
  const inYear = (d: string | null) => d !== null && d.startsWith(`${dataset.year}-`);
  let notices = 0;
  let noticedAmount = 0;
  let paid = 0;
  let paidAmount = 0;
  for (const a of withFee) {
    const fee = a.fee!;
    if (inYear(fee.noticeDate)) {
      notices++;
      noticedAmount += fee.charged;
    }
    // As the data checks count it: paid, and the payment (when dated) in the year.
    if (fee.paid && (fee.paidDate === null || inYear(fee.paidDate))) {
      paid++;
      paidAmount += fee.charged;
    }
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    source: records !== undefined ? "records" : "none",
    notices,
    noticedAmount: round(noticedAmount),
    paid,
    paidAmount: round(paidAmount),
    waived: given?.waived ?? null,
  };
}

/** The 总计 figures of a table 三 at the finest resolution, as the prose states them. */
export function summariseRequests(full: RequestsTable): RequestSummary {
  const total = (k: RequestRowKey): Cell => full[k]?.total ?? null;
  const group = (type: ReasonType): Cell =>
    sumCells(REASONS[type].map((r) => total(`${type}.${r}` as RequestRowKey)));
  return {
    received: total("received"),
    carriedOver: total("carriedOver"),
    handled: total("outcomeTotal"),
    carriedForward: total("carriedForward"),
    disclosed: total("disclosed"),
    partial: total("partial"),
    refused: group("refused"),
    unavailable: group("unavailable"),
    notProcessed: group("not-processed"),
    other: group("other"),
  };
}

/** The figures of table 四 the prose states. */
export function summariseReviews(reviews: ReviewsTable): ReviewSummary {
  return {
    reconsideration: reviews.reconsideration.total,
    litigationDirect: reviews.litigationDirect.total,
    litigationAfterReconsideration: reviews.litigationAfterReconsideration.total,
    litigation: sumCells([reviews.litigationDirect.total, reviews.litigationAfterReconsideration.total]),
    corrected: sumCells(REVIEW_GROUPS.map((g) => reviews[g].corrected)),
  };
}

/** The last day to publish the report for `year`. */
export function publicationDue(year: number): string {
  // ogi-2019 Art. 49: departments by 31 January; ogi-2008 Art. 31: by 31 March. A report is
  // published in the following year, under the regulations in force then (2019 revision from
  // 2019-05-15, so the report for 2018 was still due by 31 March 2019).
  return year >= 2019 ? `${year + 1}-01-31` : `${year + 1}-03-31`;
}

function previousPublication(dataset: Dataset): PublicationFacts | null {
  const date = dataset.disclosure.previousAnnualReport?.published;
  if (date === undefined) return null;
  const due = publicationDue(dataset.year - 1);
  return { due, date, onTime: meetsLimit(date, due) };
}

/** Every fact of the annual report. `applications` are the per-application facts of the dataset. */
export function annualReportFacts(
  dataset: Dataset,
  applications: readonly ApplicationFacts[],
  options: AnnualReportFactsOptions = {},
): AnnualReportFacts {
  const year = dataset.year;
  const version = options.version ?? formatVersionForYear(year);
  const given = dataset.disclosure.annualReportTable;
  const blankCells: BlankCells = given?.blankCells ?? "zero";
  // Records are present when the dataset lists applications (an empty list: none received).
  const hasRecords = dataset.disclosure.applications !== undefined;

  const recordRequests = requestsFromRecords(dataset, applications);
  const recordReviews = reviewsFromRecords(dataset, options.reviewYear);
  const givenReq = given?.requests ? givenRequests(given.requests) : undefined;
  const givenRev = given?.reviews ? givenReviews(given.reviews) : undefined;
  const requestsFull = givenReq ?? recordRequests;
  const reviews = givenRev ?? recordReviews;
  const sources = {
    requests: (givenReq ? "given" : "records") as TableSource,
    reviews: (givenRev ? "given" : "records") as TableSource,
  };

  const warnings: FactWarning[] = [];
  let tables: AnnualReportTables | null = null;
  if (isTableVersion(version)) {
    const proactive = proactiveTable(version, given?.proactive, given?.proactive2019);
    tables = {
      version,
      year,
      proactive: proactive.table,
      proactiveGiven: proactive.given,
      requests: projectRequests(requestsFull, version),
      reviews,
      sources,
      blankCells,
    };
    if (!proactive.given) {
      const field = version === "2021" ? "proactive" : "proactive2019";
      warnings.push({ messageId: "proactive-table-missing", data: { field, blankCells } });
    }
  }

  let replyTypes: Record<ReplyType, number> | null = null;
  if (hasRecords) {
    replyTypes = Object.fromEntries(REPLY_TYPES.map((r) => [r, 0])) as Record<ReplyType, number>;
    for (let i = 0; i < applications.length; i++) {
      const a = applications[i]!;
      if (a.yearEnd === "closed" && a.reply) replyTypes[a.reply.type]++;
    }
  }

  const due = publicationDue(year);
  const date = dataset.documents?.annualReport?.date ?? null;
  return {
    year,
    version,
    versionSource: options.version ? "option" : "year",
    tables,
    requestsFull,
    reviews,
    sources,
    summary: summariseRequests(requestsFull),
    reviewSummary: summariseReviews(reviews),
    replyTypes,
    fees: feeSummary(dataset, applications),
    publication: { due, date, onTime: date === null ? null : meetsLimit(date, due) },
    previousPublication: previousPublication(dataset),
    previousTables: tables !== null ? (options.previous ?? null) : null,
    givenTables: {
      ...(givenReq && hasRecords ? { requests: givenReq } : {}),
      ...(givenRev && hasRecords ? { reviews: givenRev } : {}),
    },
    recordTables: { requests: recordRequests, reviews: recordReviews },
    warnings,
  };
}

/**
 * Last year's tables for the carry-over rule, from last year's dataset: in its own format
 * version, or the 2019 rows for a year before 2019 (the carry-over row is the same in all).
 * Returns null unless `previous` is the year before `year`.
 */
export function previousAnnualReportTables(
  previous: Dataset,
  year: number,
  applications: readonly ApplicationFacts[],
): AnnualReportTables | null {
  if (previous.year !== year - 1) return null;
  const own = formatVersionForYear(previous.year);
  const version = isTableVersion(own) ? own : "2019";
  return annualReportFacts(previous, applications, { version }).tables;
}
