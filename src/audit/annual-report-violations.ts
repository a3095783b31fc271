/**
 * The annual report's consistency rules (src/annual-report/rules.ts, evaluated by the facts)
 * as audit findings: one finding per violated equation, with the message the annual report
 * itself gives and a pointer to where the figures come from (the given table, or the
 * application records it is counted from).
 */
import type { RuleId, Violation } from "../annual-report/rules.js";
import type { Finding } from "./finding.js";
import { ev, ptr } from "./evidence.js";
import type { RuleContext } from "./rule.js";

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

/** Findings for the violations of one consistency rule (messageId "violation"). */
export function violationFindings(ctx: RuleContext, rule: RuleId): Finding[] {
  return ctx.facts.annualReport.violations
    .filter((v) => v.rule === rule)
    .map((v) =>
      ctx.report(
        "violation",
        { message: v.message, table: v.table, row: v.row, column: v.column, left: v.left, right: v.right },
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
