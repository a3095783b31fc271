/**
 * What each document needs from a dataset beyond what the schema requires of every dataset:
 * the one list. The document builders refuse a dataset that lacks one of these fields (render),
 * and `gongwen validate --for KIND` reports the same fields before any render, from this
 * function; there is no second list. (A letter's record gaps are in ./completeness.ts, which
 * validation reports for every dataset.)
 */
import { UserError } from "../util/errors.js";
import type { Lang } from "../util/i18n.js";
import type { Issue } from "./issue.js";
import { pick } from "./messages.js";

/** The documents `validate --for` knows, as `render` and `letters` name them. */
export const DOCUMENT_TARGETS = ["summary", "annual-report", "self-audit", "letters"] as const;
export type DocumentTarget = (typeof DOCUMENT_TARGETS)[number];

export function isDocumentTarget(s: string): s is DocumentTarget {
  return (DOCUMENT_TARGETS as readonly string[]).includes(s);
}

/** The Chinese and English names of the documents, for messages. */
export const DOCUMENT_TARGET_NAMES: Record<DocumentTarget, { zh: string; en: string }> = {
  summary: { zh: "工作总结", en: "year-end summary" },
  "annual-report": { zh: "政府信息公开工作年度报告", en: "annual report" },
  "self-audit": { zh: "考核自查报告", en: "self-audit report" },
  letters: { zh: "依申请公开答复文书", en: "disclosure letters" },
};

const REVIEW_GROUP_NAMES: Record<string, string> = {
  reconsideration: "行政复议",
  litigationDirect: "行政诉讼：未经复议直接起诉",
  litigationAfterReconsideration: "行政诉讼：复议后起诉",
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** The value at documents.<key>.date, when it is a non-empty string. */
function documentDate(dataset: unknown, key: string): string | undefined {
  const docs = isObj(dataset) ? dataset.documents : undefined;
  const info = isObj(docs) ? docs[key] : undefined;
  const date = isObj(info) ? info.date : undefined;
  return typeof date === "string" && date !== "" ? date : undefined;
}

/**
 * The fields `target` needs that `dataset` (a validated dataset) lacks, as validation issues
 * (code "required", pointer where the field belongs). Empty when the document can be made.
 */
export function missingFields(target: DocumentTarget, dataset: unknown): Issue[] {
  const year = isObj(dataset) && typeof dataset.year === "number" ? dataset.year : 2025;
  const out: Issue[] = [];
  const need = (pointer: string, zh: string, en: string) =>
    out.push({ pointer, anchor: "value", code: "required", message: { zh, en } });
  if (target === "summary" && documentDate(dataset, "summary") === undefined)
    need(
      "/documents/summary/date",
      `缺少工作总结的成文日期（如 "${year + 1}-01-23"）`,
      `the summary needs its date (e.g. "${year + 1}-01-23")`,
    );
  if (target === "annual-report" && documentDate(dataset, "annualReport") === undefined)
    need(
      "/documents/annualReport/date",
      `缺少年度报告的成文日期（如 "${year + 1}-01-25"）`,
      `the annual report needs its date (e.g. "${year + 1}-01-25")`,
    );
  if (target === "annual-report") {
    // Section 五 is printed only from the office's own words; "无" where there is truly nothing.
    const narrative = isObj(dataset) && isObj(dataset.narrative) ? dataset.narrative : {};
    for (const [key, zh, en] of [
      ["problems", "存在的主要问题", "the main problems"],
      ["improvements", "改进情况", "the improvements"],
    ] as const) {
      const text = narrative[key];
      if (typeof text !== "string" || text.trim() === "")
        need(
          `/narrative/${key}`,
          `缺少年度报告“五、存在的主要问题及改进情况”中${zh}的文字；确实没有的，写“无”`,
          `the annual report's section 五 needs the text of ${en}; write "无" where there is none`,
        );
    }
    const disclosure = isObj(dataset) && isObj(dataset.disclosure) ? dataset.disclosure : {};
    // Application records prove what the report states of fees and reviews: a record without a
    // fee had no fee notice, one without a reconsideration or litigation was not challenged.
    const records = Array.isArray(disclosure.applications);
    const table = isObj(disclosure.annualReportTable) ? disclosure.annualReportTable : {};
    if (!records && !isObj(disclosure.fees))
      need(
        "/disclosure/fees",
        `没有申请记录，也没有收费数据，年度报告不能写收费情况；请填写本年收取的信息处理费（未收费的填 {"count": 0, "amount": 0}），或列出申请记录`,
        `no application records and no fee figures: the annual report cannot state the fees; give the fees paid in the year ({"count": 0, "amount": 0} when none), or list the applications`,
      );
    const reviews = isObj(table.reviews) ? table.reviews : undefined;
    if (!records && reviews && table.blankCells === "empty") {
      // A blank printed as blank is not a zero: the statement needs each total of table 四.
      for (const group of ["reconsideration", "litigationDirect", "litigationAfterReconsideration"]) {
        const row = reviews[group];
        if (!isObj(row) || typeof row.total !== "number")
          need(
            `/disclosure/annualReportTable/reviews/${group}/total`,
            `表四（${REVIEW_GROUP_NAMES[group]}）的总计为空白，年度报告不能写复议、诉讼情况；没有的填 0`,
            `table 四 (${group}) has a blank total: the annual report cannot state the reviews; enter 0 where none`,
          );
      }
    }
    if (!records && !reviews)
      need(
        "/disclosure/annualReportTable/reviews",
        "没有申请记录，也没有表四（行政复议、行政诉讼）的数据，年度报告不能写复议、诉讼情况；请填写表四（没有的各项填 0），或列出申请记录",
        "no application records and no figures for table 四 (reconsideration, litigation): the annual report cannot state them; give table 四 (0 where none), or list the applications",
      );
  }
  return out;
}

/**
 * Refuse to build `target` from a dataset that lacks a field it needs (missingFields): a
 * UserError, "/pointer：why" for each field. The CLI checks first with file and line:column.
 */
export function assertDocumentFields(target: DocumentTarget, dataset: unknown, lang: Lang): void {
  const missing = missingFields(target, dataset);
  if (missing.length === 0) return;
  const lines = missing.map((m) => `${m.pointer}${lang === "en" ? ": " : "："}${pick(m.message, lang)}`);
  throw new UserError(lines[0]!, lines.slice(1));
}
