/**
 * The audit stage: rules over the facts, scored by an assessment scheme.
 *
 *   const scheme = loadScheme("samples/assessment-per-case.json"); // or loadScheme() for the default
 *   const result = runAudit(dataset, { scheme, lang: "zh" });
 *   result.score, result.criteria, result.findings
 */
export { runAudit, failsAt, listRules, type AuditOptions, type AuditResult, type RuleRun } from "./engine.js";
export {
  loadScheme,
  parseScheme,
  ruleSeverity,
  DEFAULT_SCHEME_FILE,
  SCHEME_SCHEMA_FILE,
  SchemeError,
  type Scheme,
  type Criterion,
  type CriterionRule,
  type Method,
  type MethodType,
  type RuleSetting,
} from "./scheme.js";
export {
  scoreFindings,
  roundTo,
  type CriterionResult,
  type CriterionLine,
  type ScoreResult,
} from "./scoring.js";
export { RULES, ruleById } from "./registry.js";
export {
  SEVERITIES,
  severityAtLeast,
  costsPoints,
  formatMessage,
  deadlineEvidence,
  type Severity,
  type RuleLevel,
  type Finding,
  type Evidence,
  type DeadlineEvidence,
  type MessageData,
  type Bilingual,
} from "./finding.js";
export type { RuleModule, RuleContext, RuleOptions, RuleOptionsSpec, ReportDetails } from "./rule.js";
export { formatAuditText, formatRuleList, type TextOptions } from "./text-report.js";
export {
  annualReportViolations,
  carryOverViolations,
  tablesOnly,
  ANNUAL_REPORT_CONSISTENCY_RULES,
  type AnnualReportNumbers,
} from "./annual-report.js";
export { rollupAnnualReport, type AnnualReportRollup, type RollupDepartmentResult } from "./rollup.js";
