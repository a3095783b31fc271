/**
 * The consistency rules of the annual report (勾稽关系, annual-report-format.md), as data: each
 * rule is a set of equations between cells, generated from the format's row and column sets.
 * `checkAnnualReport` evaluates them on the tables as printed and reports each violation with
 * the table, row, column and both sides of the equation, e.g.
 *
 *     表三 自然人列：一（12）+ 二（3）= 15 ≠ （七）（13）+ 四（1）= 14
 *
 * Blank cells (a given table that leaves a cell empty and prints it empty): an equation one
 * side of which is entirely blank is not checked — nothing was reported to compare; otherwise a
 * blank counts as nothing. Printed as 0 (the default), a blank is a 0 and is checked as one.
 *
 * These are the evaluators; the rules that apply them are the audit's
 * (src/audit/rules/annual-report/, one per rule id, over the facts' numbers), which the annual
 * report and the roll-up run too (src/audit/annual-report.ts, `annualReportViolations`).
 */
import { APPLICANT_TYPES } from "../data/codes.js";
import { t, type Lang } from "../util/i18n.js";
import {
  REQUEST_COLUMN_LABELS,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  REVIEW_COLUMN_LABELS,
  REVIEW_COLUMNS,
  REVIEW_GROUP_NAMES,
  REVIEW_GROUPS,
  REVIEW_OUTCOME_COLUMNS,
  type RequestColumn,
  type RequestRowKey,
  type ReviewColumn,
  type ReviewGroup,
  type TableFormatVersion,
} from "./format.js";
import {
  printedValue,
  type AnnualReportTables,
  type Cell,
  type RequestsTable,
  type ReviewsTable,
} from "./model.js";

/** Rule identifiers, in the order of annual-report-format.md. */
export const ANNUAL_REPORT_RULES = {
  /** 1. Per column of table 三: 一 + 二 = （七）+ 四 (stated in the table itself). */
  balance: { zh: "表三各列：一 + 二 = （七）+ 四", en: "table 三, every column: 一 + 二 = （七） + 四" },
  /** 2. 总计 = the six applicant columns, in every row of table 三. */
  "applicant-sum": {
    zh: "表三各行：总计 = 六类申请人之和",
    en: "table 三, every row: 总计 = the six applicant columns",
  },
  /** 3. （七）总计 = every outcome row. */
  "outcome-sum": {
    zh: "表三各列：（七）总计 = 各项办理结果之和",
    en: "table 三, every column: （七） = the sum of the outcome rows",
  },
  /** 4. Table 四: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, per group. */
  "review-sum": {
    zh: "表四：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    en: "table 四: 总计 = the four outcomes",
  },
  /** 5. This year's 二、上年结转 = last year's 四、结转下年度继续办理. */
  "carry-over": { zh: "表三：本年二 = 上年四", en: "table 三: this year's 二 = last year's 四" },
  /** Given cells must agree with the records where both exist. */
  "given-records": { zh: "填报数与记录一致", en: "given figures agree with the records" },
} as const;
export type RuleId = keyof typeof ANNUAL_REPORT_RULES;

export type TableName = "表二" | "表三" | "表四";

/**
 * What a violation's message names (its subject), as codes: a column of table 三 ("自然人列"), a
 * row ("“（七）总计”行"), a row's column (given against records), or a group of table 四 and,
 * for given against records, its column. Labels are the format's verbatim Chinese.
 */
export type ViolationSubject =
  | { column: RequestColumn }
  | { row: string }
  | { row: string; column: RequestColumn }
  | { group: string; reviewColumn?: string };

/** A named figure of an equation's side: a cell's verbatim name, or one of TERM_NAMES. */
export type Term = { name: string; value: Cell } | { nameId: keyof typeof TERM_NAMES; value: Cell };

/** The names of the figures an equation compares that are not cells of this year's table. */
export const TERM_NAMES = {
  "last-year-carried-forward": { zh: "上年四", en: "last year's 四" },
  given: { zh: "填报", en: "given" },
  "application-records": { zh: "申请记录", en: "records" },
  records: { zh: "记录", en: "records" },
} as const;

/**
 * A violated equation: where, both sides, and what the message says as a message id and its data
 * (eslint's messageId + data; `violationMessage` words it in a language).
 */
export interface Violation {
  rule: RuleId;
  table: TableName;
  /** The row (its verbatim label) or, for a column equation, the rows it relates ("一 + 二 = （七）+ 四"). */
  row: string;
  /** The column (its verbatim label), or the group of table 四. */
  column: string;
  /** "unequal": left ≠ right; "unequal-blank-as-zero": the same, one side left blank and counted as 0. */
  messageId: "unequal" | "unequal-blank-as-zero";
  data: { subject: ViolationSubject; left: Term[]; right: Term[] };
  left: number;
  right: number;
}

/** A violation with its message in one language, as the edges (audit, documents, server) show it. */
export type WordedViolation = Violation & { message: string };

/** A cell of the tables an equation refers to. */
export type CellRef =
  | { table: "requests"; row: RequestRowKey; column: RequestColumn; name: string }
  | { table: "reviews"; row: ReviewGroup; column: ReviewColumn; name: string };

export interface Equation {
  rule: Exclude<RuleId, "carry-over" | "given-records">;
  table: TableName;
  row: string;
  column: string;
  /** What the message names: "自然人列", "“（七）总计”行", "行政复议". */
  subject: ViolationSubject;
  left: CellRef[];
  right: CellRef[];
}

const rowDef = (version: TableFormatVersion, key: RequestRowKey) => {
  const def = REQUEST_ROWS[version].find((r) => r.key === key);
  if (!def) throw new Error(`row ${key} is not in the ${version} format`);
  return def;
};

function reqRef(
  version: TableFormatVersion,
  row: RequestRowKey,
  column: RequestColumn,
  name?: string,
): CellRef {
  return { table: "requests", row, column, name: name ?? rowDef(version, row).short };
}

/** Every equation of rules 1–4 for a format version, in a stable order. */
export function annualReportEquations(version: TableFormatVersion): Equation[] {
  const rows = REQUEST_ROWS[version];
  const out: Equation[] = [];
  const col = (c: RequestColumn): ViolationSubject => ({ column: c });
  // 1. 一 + 二 = （七）+ 四, per column.
  for (const c of REQUEST_COLUMNS) {
    out.push({
      rule: "balance",
      table: "表三",
      row: "一 + 二 = （七）+ 四",
      column: REQUEST_COLUMN_LABELS[c],
      subject: col(c),
      left: [reqRef(version, "received", c), reqRef(version, "carriedOver", c)],
      right: [reqRef(version, "outcomeTotal", c), reqRef(version, "carriedForward", c)],
    });
  }
  // 2. 总计 = the six applicant columns, per row.
  for (const r of rows) {
    out.push({
      rule: "applicant-sum",
      table: "表三",
      row: r.label,
      column: REQUEST_COLUMN_LABELS.total,
      subject: { row: r.group ? `${r.group.label} ${r.label}` : r.label },
      left: [reqRef(version, r.key, "total", REQUEST_COLUMN_LABELS.total)],
      right: APPLICANT_TYPES.map((a) => reqRef(version, r.key, a, REQUEST_COLUMN_LABELS[a])),
    });
  }
  // 3. （七）= every outcome row, per column.
  const outcomes = rows.filter((r) => r.outcome);
  for (const c of REQUEST_COLUMNS) {
    out.push({
      rule: "outcome-sum",
      table: "表三",
      row: `（七）总计 = ${outcomes[0]!.short}…${outcomes[outcomes.length - 1]!.short}`,
      column: REQUEST_COLUMN_LABELS[c],
      subject: col(c),
      left: [reqRef(version, "outcomeTotal", c)],
      right: outcomes.map((r) => reqRef(version, r.key, c)),
    });
  }
  // 4. Table 四: 总计 = the four outcomes, per group.
  for (const g of REVIEW_GROUPS) {
    out.push({
      rule: "review-sum",
      table: "表四",
      row: REVIEW_GROUP_NAMES[g],
      column: REVIEW_COLUMN_LABELS.total,
      subject: { group: REVIEW_GROUP_NAMES[g] },
      left: [{ table: "reviews", row: g, column: "total", name: REVIEW_COLUMN_LABELS.total }],
      right: REVIEW_OUTCOME_COLUMNS.map((o) => ({
        table: "reviews" as const,
        row: g,
        column: o,
        name: REVIEW_COLUMN_LABELS[o],
      })),
    });
  }
  return out;
}

/** The equations of one of rules 1–4, in the order annualReportEquations gives them. */
export function equationsOf(version: TableFormatVersion, rule: Equation["rule"]): Equation[] {
  return annualReportEquations(version).filter((e) => e.rule === rule);
}

/** The value of a cell as printed (null only when printed empty). */
export function cellValue(tables: AnnualReportTables, ref: CellRef): Cell {
  return printedValue(rawCell(tables, ref), tables.blankCells);
}

/** The cell as given (null when blank), before blankCells decides how it is printed. */
function rawCell(tables: AnnualReportTables, ref: CellRef): Cell {
  return ref.table === "requests"
    ? (tables.requests[ref.row]?.[ref.column] ?? null)
    : tables.reviews[ref.row][ref.column];
}

/**
 * Said after a failed equation with one side left blank, counted as 0 (the default): a table
 * copied from a report printed with blank cells is entered with blankCells "empty".
 */
const BLANK_AS_ZERO_HINT = {
  zh: '（空白单元格按 0 计；若所抄录的表格本就印有空白单元格，请在 annualReportTable 中写 "blankCells": "empty"）',
  en: ' (blank cells count as 0 here; for a table printed with blank cells, write "blankCells": "empty" in annualReportTable)',
} as const;

const BLANK = { zh: "空", en: "blank" } as const;

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

/** One side of an equation: "一（12）+ 二（3）= 15", or "总计（15）" for a single term. */
export function sideText(terms: readonly Term[], lang: Lang = "zh"): string {
  const nameOf = (x: Term) => ("name" in x ? x.name : TERM_NAMES[x.nameId][lang]);
  const term = (x: Term) =>
    lang === "en"
      ? `${nameOf(x)} (${x.value === null ? BLANK.en : fmt(x.value)})`
      : `${nameOf(x)}（${x.value === null ? BLANK.zh : fmt(x.value)}）`;
  if (terms.length === 1) return term(terms[0]!);
  const sum = terms.reduce((s, x) => s + (x.value ?? 0), 0);
  return lang === "en"
    ? `${terms.map(term).join(" + ")} = ${fmt(sum)}`
    : `${terms.map(term).join("+ ")}= ${fmt(sum)}`;
}

/** "左 ≠ 右" with the spacing of the examples: no space after a full-width bracket. */
function unequal(left: string, right: string, lang: Lang): string {
  if (lang === "en") return `${left} ≠ ${right}`;
  return `${left}${left.endsWith("）") ? "" : " "}≠ ${right}`;
}

/** How a message names its subject in a language. */
function subjectText(subject: ViolationSubject, lang: Lang): string {
  if ("group" in subject)
    return subject.reviewColumn !== undefined ? `${subject.group} ${subject.reviewColumn}` : subject.group;
  if ("row" in subject) {
    const row = t(lang, `“${subject.row}”行`, `row “${subject.row}”`);
    if (!("column" in subject)) return row;
    const c = REQUEST_COLUMN_LABELS[subject.column];
    return t(lang, `${row}${c}列`, `${row}, column ${c}`);
  }
  const c = REQUEST_COLUMN_LABELS[subject.column];
  return t(lang, `${c}列`, `column ${c}`);
}

/** A violation's message in a language: "表三 自然人列：一（12）+ 二（3）= 15 ≠ （七）（13）+ 四（1）= 14". */
export function violationMessage(v: Violation, lang: Lang = "zh"): string {
  const subject = subjectText(v.data.subject, lang);
  const text = unequal(sideText(v.data.left, lang), sideText(v.data.right, lang), lang);
  return (
    t(lang, `${v.table} ${subject}：${text}`, `${v.table} ${subject}: ${text}`) +
    (v.messageId === "unequal-blank-as-zero" ? BLANK_AS_ZERO_HINT[lang] : "")
  );
}

/** The violation with its message in a language. */
export function wordViolation(v: Violation, lang: Lang = "zh"): WordedViolation {
  return { ...v, message: violationMessage(v, lang) };
}

/** Evaluate equations on the tables; returns the violated ones. */
export function checkEquations(tables: AnnualReportTables, equations: readonly Equation[]): Violation[] {
  const out: Violation[] = [];
  for (const eq of equations) {
    const left = eq.left.map((r) => ({ name: r.name, value: cellValue(tables, r) }));
    const right = eq.right.map((r) => ({ name: r.name, value: cellValue(tables, r) }));
    // A side entirely blank: nothing reported to compare.
    if (left.every((x) => x.value === null) || right.every((x) => x.value === null)) continue;
    const l = left.reduce((s, x) => s + (x.value ?? 0), 0);
    const r = right.reduce((s, x) => s + (x.value ?? 0), 0);
    if (Math.abs(l - r) < 1e-9) continue;
    // Printed as 0, a side left entirely blank is compared as 0s; entered as blanks ("empty") it
    // would be nothing reported, and not compared.
    const blankSide =
      tables.blankCells === "zero" &&
      [eq.left, eq.right].some((side) => side.every((ref) => rawCell(tables, ref) === null));
    out.push({
      rule: eq.rule,
      table: eq.table,
      row: eq.row,
      column: eq.column,
      messageId: blankSide ? "unequal-blank-as-zero" : "unequal",
      data: { subject: eq.subject, left, right },
      left: l,
      right: r,
    });
  }
  return out;
}

/**
 * Rule 5: this year's 二、上年结转 = last year's 四、结转下年度继续办理, per column. The two
 * reports may be in different format versions (the columns are the same).
 */
export function checkCarryOver(tables: AnnualReportTables, previous: AnnualReportTables): Violation[] {
  const out: Violation[] = [];
  for (const c of REQUEST_COLUMNS) {
    const now = printedValue(tables.requests.carriedOver?.[c] ?? null, tables.blankCells);
    const before = printedValue(previous.requests.carriedForward?.[c] ?? null, previous.blankCells);
    if (now === null || before === null || Math.abs(now - before) < 1e-9) continue;
    out.push({
      rule: "carry-over",
      table: "表三",
      row: `二、上年结转政府信息公开申请数量 = ${previous.year}年 四、结转下年度继续办理`,
      column: REQUEST_COLUMN_LABELS[c],
      messageId: "unequal",
      data: {
        subject: { column: c },
        left: [{ name: "二", value: now }],
        right: [{ nameId: "last-year-carried-forward", value: before }],
      },
      left: now,
      right: before,
    });
  }
  return out;
}

/**
 * Given figures against the records, cell by cell at the finest resolution (2021 rows): where
 * an office gives a table's cells and keeps the records too, a given cell that is not blank
 * must equal what the records count.
 */
export function checkGivenAgainstRecords(
  given: { requests?: RequestsTable; reviews?: ReviewsTable },
  records: { requests: RequestsTable; reviews: ReviewsTable },
): Violation[] {
  const out: Violation[] = [];
  if (given.requests) {
    for (const def of REQUEST_ROWS["2021"]) {
      for (const c of REQUEST_COLUMNS) {
        const g = given.requests[def.key]?.[c] ?? null;
        const r = records.requests[def.key]?.[c] ?? 0;
        if (g === null || Math.abs(g - r) < 1e-9) continue;
        const label = def.group ? `${def.group.label} ${def.label}` : def.label;
        out.push({
          rule: "given-records",
          table: "表三",
          row: def.label,
          column: REQUEST_COLUMN_LABELS[c],
          messageId: "unequal",
          data: {
            subject: { row: label, column: c },
            left: [{ nameId: "given", value: g }],
            right: [{ nameId: "application-records", value: r }],
          },
          left: g,
          right: r,
        });
      }
    }
  }
  if (given.reviews) {
    for (const g of REVIEW_GROUPS) {
      for (const c of REVIEW_COLUMNS) {
        const gv = given.reviews[g][c];
        const rv = records.reviews[g][c] ?? 0;
        if (gv === null || Math.abs(gv - rv) < 1e-9) continue;
        out.push({
          rule: "given-records",
          table: "表四",
          row: REVIEW_GROUP_NAMES[g],
          column: REVIEW_COLUMN_LABELS[c],
          messageId: "unequal",
          data: {
            subject: { group: REVIEW_GROUP_NAMES[g], reviewColumn: REVIEW_COLUMN_LABELS[c] },
            left: [{ nameId: "given", value: gv }],
            right: [{ nameId: "records", value: rv }],
          },
          left: gv,
          right: rv,
        });
      }
    }
  }
  return out;
}
