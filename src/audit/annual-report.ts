/**
 * The annual report's consistency rules, all six in registry order, as one check over an
 * annual report's numbers: what the audit reports rule by rule, the annual report refuses to
 * print and the roll-up names department by department.
 */
import { wordViolation, type WordedViolation } from "../annual-report/rules.js";
import type { Lang } from "../util/i18n.js";
import type { AnnualReportNumbers } from "./annual-report-violations.js";
import * as balance from "./rules/annual-report/balance.js";
import * as applicantSum from "./rules/annual-report/applicant-sum.js";
import * as outcomeSum from "./rules/annual-report/outcome-sum.js";
import * as reviewSum from "./rules/annual-report/review-sum.js";
import * as carryOver from "./rules/annual-report/carry-over.js";
import * as givenRecords from "./rules/annual-report/given-records.js";

export { tablesOnly, type AnnualReportNumbers } from "./annual-report-violations.js";

/** The consistency rules, in the registry's order. */
export const ANNUAL_REPORT_CONSISTENCY_RULES = [
  balance,
  applicantSum,
  outcomeSum,
  reviewSum,
  carryOver,
  givenRecords,
] as const;

/**
 * Every violation of the consistency rules in the numbers, rule by rule, worded in `lang`
 * (messageId + data, and the message); empty when they add up.
 */
export function annualReportViolations(report: AnnualReportNumbers, lang: Lang = "zh"): WordedViolation[] {
  return ANNUAL_REPORT_CONSISTENCY_RULES.flatMap((r) => r.violations(report)).map((v) =>
    wordViolation(v, lang),
  );
}

/** The carry-over rule alone (for last year's tables the facts were derived without), worded in `lang`. */
export function carryOverViolations(report: AnnualReportNumbers, lang: Lang = "zh"): WordedViolation[] {
  return carryOver.violations(report).map((v) => wordViolation(v, lang));
}
