/**
 * The roll-up annual report (汇总年度报告) judged: the departments' tables summed
 * (facts/rollup.ts, sumAnnualReports), and the consistency rules — the audit's annual-report
 * rules (annualReportViolations) — on each department's numbers (carry-over and
 * given-against-records where its facts have them) and on the sum. A department whose tables
 * fail is named with every message.
 */
import type { WordedViolation } from "../annual-report/rules.js";
import {
  sumAnnualReports,
  type AnnualReportSum,
  type RollupDepartment,
  type RollupDepartmentSum,
  type RollupOptions,
} from "../facts/rollup.js";
import { annualReportViolations, tablesOnly } from "./annual-report.js";
import { factMessage } from "../facts/messages.js";
import type { Lang } from "../util/i18n.js";

export interface RollupDepartmentResult extends RollupDepartmentSum {
  /** Its tables' consistency violations; empty when they add up. */
  violations: WordedViolation[];
}

export interface AnnualReportRollup extends Omit<AnnualReportSum, "departments" | "warnings"> {
  departments: RollupDepartmentResult[];
  /** The sum's warnings, worded in the roll-up's language. */
  warnings: string[];
  /** The consistency rules on the summed tables. */
  violations: WordedViolation[];
  /** The departments whose tables fail, each with its messages, in the departments' order. */
  failing: { name: string; key?: string; messages: string[] }[];
}

/**
 * Roll the departments' annual reports up into the city-wide tables and check them. Throws
 * UserError when there is no department, or one's facts are of another year or format version
 * (or have no tables).
 */
export function rollupAnnualReport(
  departments: readonly RollupDepartment[],
  options: RollupOptions & { lang?: Lang },
): AnnualReportRollup {
  const lang = options.lang ?? "zh";
  const sum = sumAnnualReports(departments, options);
  const results: RollupDepartmentResult[] = sum.departments.map((r, i) => ({
    name: r.name,
    ...(r.key !== undefined ? { key: r.key } : {}),
    comparison: r.comparison,
    violations: annualReportViolations(departments[i]!.report, lang),
    sources: r.sources,
  }));
  return {
    year: sum.year,
    version: sum.version,
    tables: sum.tables,
    requestsFull: sum.requestsFull,
    reviews: sum.reviews,
    summary: sum.summary,
    reviewSummary: sum.reviewSummary,
    fees: sum.fees,
    departments: results,
    total: sum.total,
    violations: annualReportViolations(tablesOnly(sum.tables), lang),
    failing: results
      .filter((r) => r.violations.length > 0)
      .map((r) => ({
        name: r.name,
        ...(r.key !== undefined ? { key: r.key } : {}),
        messages: r.violations.map((v) => v.message),
      })),
    warnings: sum.warnings.map((w) => factMessage(w, lang)),
  };
}
