/**
 * What a rule is (eslint's model: a rule is one module). Each file under src/audit/rules/
 * exports:
 *
 *   id               "approval/no-overdue" — the file's path below rules/, without .ts
 *   title            { zh, en }
 *   source           { zh, en } — the article of the regulation, or the scheme, it enforces
 *   defaultSeverity  "error" | "warning" | "info"
 *   messages         { [messageId]: { zh, en } } — one sentence each, with {placeholders}
 *   options?         { schema (JSON Schema of the options object), defaults }
 *   kind?            "bonus" — the rule finds highlights (for bonus criteria), not defects
 *   check(context)   → Finding[] (built with context.report)
 *   measure?(context) → Rate | null — the share that complies, for rate × points criteria
 *   judges?(context) → boolean — whether the data holds anything it judges (else 无数据)
 *
 * A rule only looks at the facts (and the dataset, for pointers and recorded values) and
 * reports; it never computes a figure the facts have. The engine discovers rules through the
 * registry, configures them from the scheme and collects what they report.
 */
import type { Dataset } from "../data/types.js";
import type { Facts, Rate } from "../facts/index.js";
import type { Lang } from "../util/i18n.js";
import type { DeadlineResult } from "../calendar/index.js";
import type { Regime } from "../data/codes.js";
import type { Bilingual, Evidence, Finding, MessageData, Severity } from "./finding.js";

/** Options of a rule: a plain JSON object. */
export type RuleOptions = Record<string, unknown>;

export interface ReportDetails {
  /** The record concerned (application id, item id, month …); null for the office as a whole. */
  subject?: string | null;
  /** Cases the finding stands for (default 1). */
  count?: number;
  evidence?: Evidence[];
  /** A deadline computation; its trace goes into the finding. */
  deadline?: DeadlineResult | null;
  /**
   * The regulation in force on the date of what the finding judges (a request's receipt date,
   * an item's creation): picks the rule's `sources` entry the finding cites. Absent: the data
   * year's regime.
   */
  regime?: Regime | null;
  /**
   * At most this severity (the scheme's setting for the rule is lowered, never raised): a
   * finding that is a notice for the clerk rather than a breach (e.g. a deadline that cannot be
   * determined yet but certainly did not pass within the year) is "info" and costs no points.
   */
  atMost?: Severity;
}

export interface RuleContext<O extends RuleOptions = RuleOptions> {
  facts: Facts;
  dataset: Dataset;
  /** The rule's options: its defaults overridden by the scheme. */
  options: O;
  lang: Lang;
  /** Build a finding of this rule from one of its messages. */
  report(messageId: string, data: MessageData, details?: ReportDetails): Finding;
}

export interface RuleOptionsSpec<O extends RuleOptions = RuleOptions> {
  /** JSON Schema (2020-12) of the options object; the scheme's options are checked against it. */
  schema: Record<string, unknown>;
  defaults: O;
}

export interface RuleModule {
  readonly id: string;
  readonly title: Bilingual;
  readonly source: Bilingual;
  /**
   * The source a finding cites, by the regime in force on the date of what it judges (a 2015
   * late reply cites 国务院令第492号, a 2023 one 第711号). Absent for a regime: `source`.
   */
  readonly sources?: Readonly<Partial<Record<Regime, Bilingual>>>;
  readonly defaultSeverity: Severity;
  readonly messages: Readonly<Record<string, Bilingual>>;
  readonly options?: RuleOptionsSpec;
  readonly kind?: "check" | "bonus";
  // Method syntax: a rule's check takes its own options type.
  check(context: RuleContext): Finding[];
  measure?(context: RuleContext): Rate | null;
  /**
   * Whether the data holds anything the rule judges (records, or a recorded state); absent:
   * always. A criterion none of whose rules judges anything is 无数据, scored as the scheme's
   * noData says — never full marks by default.
   */
  judges?(context: RuleContext): boolean;
}

/** Whether a rule finds highlights for bonus points rather than defects. */
export function isBonusRule(rule: RuleModule): boolean {
  return rule.kind === "bonus";
}
