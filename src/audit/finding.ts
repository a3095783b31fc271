/**
 * What the audit reports. A finding names the rule, says in one sentence what is wrong, and
 * carries its evidence: JSON pointers into the dataset with the values found there, and for a
 * deadline the deadline computation with its day-by-day trace. Findings never carry an
 * applicant's personal data: records are named by id, pointers never point into `applicant`.
 */
import {
  deadlineEventsJson,
  deadlineFigures,
  formatDeadlineSummary,
  traceTable,
  type DeadlineFigures,
  type DeadlineResult,
  type TraceTable,
} from "../calendar/index.js";
import { dateText } from "../data/date-text.js";
import type { Lang } from "../util/i18n.js";

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];
/** A rule's setting in a scheme: a severity, or "off" (the rule does not run). */
export type RuleLevel = Severity | "off";

const RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

/** `s` is at least as severe as `threshold` (error ≥ warning ≥ info). */
export function severityAtLeast(s: Severity, threshold: Severity): boolean {
  return RANK[s] >= RANK[threshold];
}

/** Severities that cost points: error and warning. An info finding never costs a point. */
export function costsPoints(s: Severity): boolean {
  return s !== "info";
}

/** Text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** A JSON value (evidence values are copied from the dataset or the facts). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

/** One piece of evidence: where in the dataset, and what is there. */
export interface Evidence {
  /** JSON pointer (RFC 6901) into the dataset. */
  pointer: string;
  /** The value at the pointer (or, for a derived figure, the figure). */
  value: JsonValue;
}

/** A deadline behind a finding, with its trace (regulations.md §2: every deadline is explainable). */
export interface DeadlineEvidence extends DeadlineFigures {
  /** One line, e.g. 截止日期：2023年10月17日（《中华人民共和国政府信息公开条例》（2019年修订），20个工作日）. */
  summary: string;
  /** Every day from day 0 to the due date: date, weekday, class, running count, note. */
  trace: TraceTable;
  /** Receipt, correction, pauses, extension, due: date and note. */
  events: { date: string; kind: string; note: string }[];
}

/** Values a message names; arrays are joined with 、 (zh) or ", " (en). */
export type MessageData = Record<string, string | number | readonly (string | number)[]>;

export interface Finding {
  /** Rule id, e.g. "disclosure/reply-on-time". */
  rule: string;
  /** Effective severity (the scheme may override the rule's default). */
  severity: Severity;
  /** Which of the rule's messages. */
  messageId: string;
  /** What is wrong, one sentence, in the audit's language. */
  message: string;
  /** The record concerned (application id, item id, month …); null for the office as a whole. */
  subject: string | null;
  /** How many cases the finding stands for (per-case deductions); 1 unless a given total says more. */
  count: number;
  evidence: Evidence[];
  deadline: DeadlineEvidence | null;
  /** The regulation in force on the date of what the finding judges (null: not a disclosure matter). */
  regime: "ogi-2008" | "ogi-2019" | null;
  /** The legal source the finding cites, chosen by `regime` (in the audit's language). */
  source: string;
  /** The message's values, for templates (rectification wording per rule). */
  data: MessageData;
}

const ISO_DAY_OR_MONTH = /^\d{4}-\d{2}(?:-\d{2})?$/;

/** A message value as people read it: a date (YYYY-MM-DD, YYYY-MM) in words, the rest as it is. */
function valueText(v: string | number, lang: Lang): string {
  return typeof v === "string" && ISO_DAY_OR_MONTH.test(v) ? dateText(v, lang) : String(v);
}

/**
 * Fill `{name}` placeholders; dates are written for people (2023年9月13日, 13 September 2023),
 * the finding's `data` keeps them as ISO dates. A placeholder without a value is a bug in the rule.
 */
export function formatMessage(template: string, data: MessageData, lang: Lang): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (_m, name: string) => {
    const v = data[name];
    if (v === undefined) throw new Error(`message placeholder {${name}} has no value`);
    if (Array.isArray(v))
      return v.map((x: string | number) => valueText(x, lang)).join(lang === "en" ? ", " : "、");
    return valueText(v as string | number, lang);
  });
}

/** The evidence form of a deadline computation (trace and events in `lang`). */
export function deadlineEvidence(result: DeadlineResult, lang: Lang): DeadlineEvidence {
  return {
    ...deadlineFigures(result),
    summary: formatDeadlineSummary(result, lang),
    trace: traceTable(result, lang),
    events: deadlineEventsJson(result, lang),
  };
}
