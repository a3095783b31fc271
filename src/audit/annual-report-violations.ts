/**
 * What the annual report's consistency rules (src/audit/rules/annual-report/) share: the numbers
 * they judge (the facts' tables, last year's tables, the given cells and the records' counts),
 * and their violations as audit findings — one finding per violated equation, with the message
 * the annual report itself gives and a pointer to where the figures come from (the given table,
 * or the application records it is counted from).
 */
import { violationMessage, type Violation } from "../annual-report/rules.js";
import type { AnnualReportTables, RequestsTable, ReviewsTable } from "../annual-report/model.js";
import type { AnnualReportFacts } from "../facts/annual-report.js";
import type { Finding } from "./finding.js";
import { ev, ptr } from "./evidence.js";
import type { RuleContext } from "./rule.js";

/** The numbers the consistency rules judge: an annual report's facts, or tables summed in a roll-up. */
export interface AnnualReportNumbers {
  tables: AnnualReportFacts["tables"];
  previousTables: AnnualReportFacts["previousTables"];
  givenTables: { requests?: RequestsTable; reviews?: ReviewsTable };
  recordTables: { requests: RequestsTable; reviews: ReviewsTable } | null;
}

/** Tables alone (a roll-up's sum): no last year's tables, no given cells against records. */
export function tablesOnly(tables: AnnualReportTables): AnnualReportNumbers {
  return { tables, previousTables: null, givenTables: {}, recordTables: null };
}

function pointerOf(ctx: RuleContext, v: Violation): string {
  const given = ctx.facts.annualReport.sources;
  if (v.table === "表四")
    return given.reviews === "given"
      ? ptr("disclosure", "annualReportTable", "reviews")
      : ptr("disclosure", "applications");
  if (v.table === "表三")
    return given.requests === "given"
      ? ptr("disclosure", "annualReportTable", "requests")
      : ptr("disclosure", "applications");
  return ptr("disclosure", "annualReportTable");
}

/** Findings for the violations one consistency rule found (messageId "violation"). */
export function violationFindings(ctx: RuleContext, violations: readonly Violation[]): Finding[] {
  return violations.map((v) =>
    ctx.report(
      "violation",
      {
        message: violationMessage(v, ctx.lang),
        table: v.table,
        row: v.row,
        column: v.column,
        left: v.left,
        right: v.right,
      },
      {
        subject: `${v.table} ${v.row} ${v.column}`,
        evidence: [ev(pointerOf(ctx, v), { left: v.left, right: v.right })],
      },
    ),
  );
}

/** The message every annual-report rule uses: the consistency rule's own sentence. */
export const VIOLATION_MESSAGES = {
  violation: { zh: "年度报告{message}", en: "annual report: {message}" },
};
