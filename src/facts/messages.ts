/**
 * What the facts say in words — their warnings and the errors they throw — as a message id and
 * its data (eslint's messageId + data), worded here and only here. The facts themselves take no
 * language: they return `FactMessage`s, or throw a FactError (a WordedUserError whose message
 * is Chinese), and the edges word them in theirs (`factMessage`; the CLI's error report with
 * `wordedIn`). One derivation serves both languages.
 */
import type { BlankCells } from "../annual-report/model.js";
import type { FormatVersion } from "../annual-report/format.js";
import { WordedUserError } from "../util/errors.js";
import { t, type Lang } from "../util/i18n.js";

/** A department the roll-up cannot sum: its data is of another year, or its report of another format. */
export type RollupMismatch =
  | { name: string; kind: "year"; dataYear: number }
  | { name: string; kind: "version"; version: FormatVersion };

/** A warning of the facts (a figure printed as a default, a column that leaves some out). */
export type FactWarning =
  /** No figures for table 二: it prints zeros or blanks (`blankCells`). */
  | {
      messageId: "proactive-table-missing";
      data: { field: "proactive" | "proactive2019"; blankCells: BlankCells };
    }
  /** Departments without application records: the roll-up's on-time and overdue columns leave them out. */
  | { messageId: "rollup-without-records"; data: { names: string[] } };

/** An error of the facts: data they cannot be derived from. */
export type FactErrorMessage =
  | { messageId: "case-item-missing"; data: { caseId: string; item: string } }
  | { messageId: "previous-year-mismatch"; data: { previousYear: number; year: number } }
  | { messageId: "rollup-2008-outline"; data: { year: number } }
  | { messageId: "rollup-no-department"; data: Record<string, never> }
  | {
      messageId: "rollup-mismatch";
      data: { year: number; version: FormatVersion; departments: RollupMismatch[] };
    };

export type FactMessage = FactWarning | FactErrorMessage;

function mismatchText(m: RollupMismatch, year: number, version: FormatVersion, lang: Lang): string {
  return m.kind === "year"
    ? t(
        lang,
        `${m.name}：数据为${m.dataYear}年度，应为${year}年度`,
        `${m.name}: its data is for ${m.dataYear}, not ${year}`,
      )
    : t(
        lang,
        `${m.name}：年度报告为${m.version}年格式，汇总为${version}年格式`,
        `${m.name}: its report follows the ${m.version} format, the roll-up the ${version} format`,
      );
}

/** A fact's message in a language (a roll-up mismatch: the head line; `factMessageDetails` the rest). */
export function factMessage(m: FactMessage, lang: Lang = "zh"): string {
  switch (m.messageId) {
    case "proactive-table-missing": {
      // The field (proactive or proactive2019) stays in the data, for --json: not in the words.
      const { blankCells } = m.data;
      return t(
        lang,
        `未填报表二（主动公开政府信息情况）的数据，表二按${blankCells === "zero" ? "0" : "空白"}印出`,
        `no figures for table 二 (proactive disclosure); it prints ${blankCells === "zero" ? "zeros" : "blanks"}`,
      );
    }
    case "rollup-without-records": {
      const { names } = m.data;
      return t(
        lang,
        `${names.join("、")}未登记申请记录（表格为填报数），按期答复和逾期两栏不含这些机关`,
        `${names.join(", ")} keep no application records (their tables are given); the on-time and overdue columns leave them out`,
      );
    }
    case "case-item-missing": {
      const { caseId, item } = m.data;
      return t(
        lang,
        `/approval/cases：办件 ${caseId} 引用的审批事项 ${item} 不存在`,
        `/approval/cases: case ${caseId} refers to approval item ${item}, which does not exist`,
      );
    }
    case "previous-year-mismatch": {
      const { previousYear, year } = m.data;
      return t(
        lang,
        `--previous 的数据年度为 ${previousYear}，应为上一年度 ${year - 1}`,
        `--previous holds ${previousYear}; it must be the year before, ${year - 1}`,
      );
    }
    case "rollup-2008-outline":
      return t(
        lang,
        `${m.data.year}年度的年度报告为2008年格式，没有统计表，不能汇总`,
        `the annual report for ${m.data.year} follows the 2008 outline, which has no tables to sum`,
      );
    case "rollup-no-department":
      return t(lang, "没有可汇总的机关", "no agency to roll up");
    case "rollup-mismatch":
      return t(lang, "以下机关的年度报告不能汇总：", "these agencies' reports cannot be summed:");
  }
}

/** The lines after a message's head line (a roll-up mismatch: one per department). */
export function factMessageDetails(m: FactMessage, lang: Lang = "zh"): string[] {
  if (m.messageId !== "rollup-mismatch") return [];
  const { year, version, departments } = m.data;
  return departments.map((d) => mismatchText(d, year, version, lang));
}

/** Data the facts cannot be derived from: a UserError with its message id and data. */
export class FactError extends WordedUserError {
  readonly coded: FactErrorMessage;
  constructor(coded: FactErrorMessage) {
    super((lang) => ({ message: factMessage(coded, lang), details: factMessageDetails(coded, lang) }));
    this.name = "FactError";
    this.coded = coded;
  }
}
