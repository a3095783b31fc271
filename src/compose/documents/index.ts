/**
 * The documents as library functions: dataset (+ options) → document tree, ready for renderDocx
 * or renderPdf. The CLI (`gongwen render`) maps its flags onto these options.
 */
export {
  buildSummary,
  summaryContext,
  defaultSummaryTitle,
  SUMMARY_NARRATIVE_KEYS,
  type SummaryInput,
  type SummaryContext,
  type SummaryNarrativeKey,
} from "./summary.js";
export {
  buildAnnualReport,
  reviewAnnualReport,
  annualReportContext,
  defaultAnnualReportTitle,
  ANNUAL_REPORT_NARRATIVE_KEYS,
  FORMAT_BASIS,
  type AnnualReportInput,
  type AnnualReportBuild,
  type AnnualReportReview,
  type AnnualReportContext,
  type AnnualReportNarrativeKey,
} from "./annual-report.js";
export {
  buildSelfAudit,
  selfAuditContext,
  rectificationPartial,
  selfAuditDate,
  type SelfAuditInput,
  type SelfAuditBuild,
  type SelfAuditContext,
} from "./self-audit.js";
export {
  buildRollupReport,
  reviewRollupReport,
  type RollupReview,
  rollupHeadOf,
  rollupViolationsError,
  type RollupGovernment,
  type RollupReportInput,
  type RollupReportBuild,
  type RollupReportContext,
  type RollupComparisonContext,
  type RollupComparisonRow,
} from "./rollup.js";
