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
 *
 * A rule only looks at the facts (and the dataset, for pointers and recorded values) and
 * reports; it never computes a figure the facts have. The engine discovers rules through the
 * registry, configures them from the scheme and collects what they report.
 */
import type { Dataset } from "../data/types.js";
import type { Facts, Rate } from "../facts/index.js";
import type { Lang } from "../util/i18n.js";
import type { DeadlineResult } from "../calendar/index.js";
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
  readonly defaultSeverity: Severity;
  readonly messages: Readonly<Record<string, Bilingual>>;
  readonly options?: RuleOptionsSpec;
  readonly kind?: "check" | "bonus";
  // Method syntax: a rule's check takes its own options type.
  check(context: RuleContext): Finding[];
  measure?(context: RuleContext): Rate | null;
}

/** Whether a rule finds highlights for bonus points rather than defects. */
export function isBonusRule(rule: RuleModule): boolean {
  return rule.kind === "bonus";
}
