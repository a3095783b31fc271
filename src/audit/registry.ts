/**
 * The rule registry: every audit rule, one line each, in the order findings are reported.
 * Adding a rule = one new file under rules/<group>/, its test under test/audit/rules/<group>/,
 * and one line here.
 */
import type { RuleModule } from "./rule.js";

export const RULES: readonly RuleModule[] = [
  await import("./rules/approval/three-concentrations.js"),
  await import("./rules/approval/items-in-platform.js"),
  await import("./rules/approval/seal.js"),
  await import("./rules/approval/guides-published.js"),
  await import("./rules/approval/no-overdue.js"),
  await import("./rules/approval/no-complaint.js"),
  await import("./rules/approval/no-criticism-notice.js"),
  await import("./rules/approval/promised-within-commitment.js"),
  await import("./rules/approval/promised-within-statutory.js"),
  await import("./rules/approval/no-absence.js"),
  await import("./rules/approval/bad-ratings-rectified.js"),
  await import("./rules/approval/awards.js"),
  await import("./rules/disclosure/leading-group.js"),
  await import("./rules/disclosure/rules-published.js"),
  await import("./rules/disclosure/on-request-setup.js"),
  await import("./rules/disclosure/reply-on-time.js"),
  await import("./rules/disclosure/correction-notice-on-time.js"),
  await import("./rules/disclosure/extension-lawful.js"),
  await import("./rules/disclosure/fee-amount.js"),
  await import("./rules/disclosure/no-fee.js"),
  await import("./rules/disclosure/proactive-on-time.js"),
  await import("./rules/disclosure/valid-document-filings.js"),
  await import("./rules/disclosure/previous-annual-report.js"),
  await import("./rules/disclosure/review-corrected.js"),
  await import("./rules/annual-report/balance.js"),
  await import("./rules/annual-report/applicant-sum.js"),
  await import("./rules/annual-report/outcome-sum.js"),
  await import("./rules/annual-report/review-sum.js"),
  await import("./rules/annual-report/carry-over.js"),
  await import("./rules/annual-report/given-records.js"),
];

const BY_ID = new Map<string, RuleModule>();
for (const r of RULES) {
  if (BY_ID.has(r.id)) throw new Error(`audit rule ${r.id} is registered twice`);
  BY_ID.set(r.id, r);
}

/** The registered rule with this id. */
export function ruleById(id: string): RuleModule | undefined {
  return BY_ID.get(id);
}
