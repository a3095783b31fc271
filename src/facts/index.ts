/**
 * The facts stage: every number any document states, derived once from the dataset. Templates
 * print facts and choose wordings on their booleans; they never compute. Deterministic and pure:
 * the same dataset (and calendar) gives the same facts, and the dataset is never modified.
 *
 * Sibling modules add one top-level field each — see the two places marked
 * "SIBLING MODULES" below (the Facts type and deriveFacts).
 */
import { defaultCalendar, type Calendar } from "../calendar/index.js";
import { regimeFor } from "../law/index.js";
import type { Dataset, Regime } from "../data/types.js";
import { deriveApprovalFacts, type ApprovalFacts } from "./approval.js";
import { deriveClaims, type ClaimOptions, type Claims } from "./claims.js";
import { deriveDisclosureFacts, type DisclosureFacts } from "./disclosure.js";
import { applicationFacts, type ApplicationFacts } from "./applications.js";
import { annualReportFacts, previousAnnualReportTables, type AnnualReportFacts } from "./annual-report.js";
import { yearOverYearFacts, type YearOverYearFacts } from "./year-over-year.js";
import { resolveInterpretations, type ResolvedInterpretations } from "./interpretations.js";

export type { ApprovalFacts } from "./approval.js";
export type { DisclosureFacts } from "./disclosure.js";
export type { AnnualReportFacts } from "./annual-report.js";
export type { Claims, ClaimOptions, MaxLimitBasis } from "./claims.js";
export * from "./numbers.js";
export {
  applicationFact,
  applicationFacts,
  applicationFactContext,
  type ApplicationFactContext,
  type ApplicationFacts,
  type ApplicationFactsOptions,
} from "./applications.js";
export * from "./worklist.js";
export * from "./interpretations.js";
export * from "./statistics.js";
export * from "./rollup.js";

export interface FactsOptions {
  /** Working-day calendar for overdue cases and deadlines (default: the shipped national calendar). */
  calendar?: Calendar;
  /** Last year's dataset, for year-on-year figures and previous time limits. */
  previous?: Dataset;
  /** How claims are proven (documented defaults in claims.ts). */
  claims?: ClaimOptions;
}

/** Last year's figures, for comparisons (同比). */
export interface PreviousFacts {
  year: number;
  approval: ApprovalFacts;
  disclosure: DisclosureFacts;
}

/** The facts this module derives. */
export interface CoreFacts {
  year: number;
  /** Pinned by the dataset, else the regime in force at the end of the year. */
  regime: Regime;
  /** The interpretations every fact was derived with: the dataset's, else the documented defaults. */
  interpretations: ResolvedInterpretations;
  agency: { name: string; shortName: string };
  approval: ApprovalFacts;
  disclosure: DisclosureFacts;
  claims: Claims;
  previous: PreviousFacts | null;
}

/**
 * SIBLING MODULES (1/2): one field per module, typed by the module, e.g.
 *   applications: ApplicationFacts;   // src/facts/applications.ts (per-application receipt, deadline, on time)
 *   annualReport: AnnualReportFacts;  // src/facts/annual-report.ts (tables 二–五 of the annual report)
 */
export interface FactsExtensions {
  /** Per-application receipt, regime, deadline with trace, on-time, extension, fee, year-end status. */
  applications: ApplicationFacts[];
  /** The statutory annual report: tables 二–四 in the year's format version, fees, consistency. */
  annualReport: AnnualReportFacts;
  /** With last year's dataset (--previous): last year's figures and the change (同比); else null. */
  yearOverYear: YearOverYearFacts | null;
}

export type Facts = CoreFacts & FactsExtensions;

function deriveCore(
  dataset: Dataset,
  calendar: Calendar,
  previous: Dataset | undefined,
  applications: readonly ApplicationFacts[],
  previousApplications: readonly ApplicationFacts[] | undefined,
  options: FactsOptions,
): CoreFacts {
  const approval = deriveApprovalFacts(dataset, { calendar, previous });
  const disclosure = deriveDisclosureFacts(dataset, { calendar, applications });
  let prev: PreviousFacts | null = null;
  if (previous) {
    prev = {
      year: previous.year,
      approval: deriveApprovalFacts(previous, { calendar }),
      disclosure: deriveDisclosureFacts(previous, { calendar, applications: previousApplications! }),
    };
  }
  return {
    year: dataset.year,
    regime: dataset.regime ?? regimeFor(`${dataset.year}-12-31`),
    interpretations: resolveInterpretations(dataset),
    agency: { name: dataset.agency.name, shortName: dataset.agency.shortName },
    approval,
    disclosure,
    claims: deriveClaims(approval, disclosure, options.claims),
    previous: prev,
  };
}

/**
 * Derive every fact of a dataset, in no language: one derivation serves both (the edges word
 * its messages, ./messages.ts). Throws a UserError for data the facts cannot be derived from
 * (a FactError or CodedUserError: the CLI words it in its language).
 */
export function deriveFacts(dataset: Dataset, options: FactsOptions = {}): Facts {
  const calendar = options.calendar ?? defaultCalendar();
  // Per-application facts first: the disclosure totals and claims are counted over them.
  const applications = applicationFacts(dataset, calendar);
  // Last year's, once: its disclosure facts and its annual-report tables both count over them.
  const previousApplications = options.previous ? applicationFacts(options.previous, calendar) : undefined;
  const core = deriveCore(dataset, calendar, options.previous, applications, previousApplications, options);
  return {
    ...core,
    // SIBLING MODULES (2/2): one line per module.
    applications,
    yearOverYear: yearOverYearFacts(dataset, options.previous, core, core.previous),
    annualReport: annualReportFacts(dataset, applications, {
      // Last year's tables add the carry-over rule (this year's 上年结转 = last year's 结转下年度).
      previous:
        (options.previous &&
          previousAnnualReportTables(options.previous, dataset.year, previousApplications!)) ??
        undefined,
    }),
  };
}
export { sumTables } from "../annual-report/rollup.js";
