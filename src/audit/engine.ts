/**
 * The audit engine: configure every registered rule from the scheme (severity, options; "off"
 * rules do not run), run each over the facts, collect the findings (and, from bonus rules, the
 * highlights) and score them. The same dataset and scheme always give the same result, in
 * registry order.
 */
import { defaultCalendar, type Calendar } from "../calendar/index.js";
import type { Dataset } from "../data/types.js";
import { deriveFacts, type Facts, type Rate, type ResolvedInterpretations } from "../facts/index.js";
import type { Lang } from "../util/i18n.js";
import {
  deadlineEvidence,
  formatMessage,
  SEVERITIES,
  severityAtLeast,
  type Finding,
  type MessageData,
  type Severity,
} from "./finding.js";
import { RULES } from "./registry.js";
import { isBonusRule, type ReportDetails, type RuleContext, type RuleModule } from "./rule.js";
import { loadScheme, ruleSeverity, type NoDataScoring, type Scheme } from "./scheme.js";
import { roundTo, scoreFindings, type CriterionResult } from "./scoring.js";

export interface AuditOptions {
  /** The scheme (default: the shipped scheme for the data's year, loadScheme(undefined, lang, year)). */
  scheme?: Scheme;
  /** Facts already derived from the dataset (derived here when absent, in `lang`). */
  facts?: Facts;
  /** Working-day calendar for deriving the facts (default: the shipped national calendar). */
  calendar?: Calendar;
  /** Last year's dataset, for deriving the facts (the annual report's carry-over rule). */
  previous?: Dataset;
  /** Language of messages and traces (default zh). Facts given must be derived in the same language. */
  lang?: Lang;
}

export interface RuleRun {
  id: string;
  title: string;
  source: string;
  /** Effective severity; null when the scheme turns the rule off. */
  severity: Severity | null;
  kind: "check" | "bonus";
  /** Findings (bonus rules: highlights) it reported. */
  reported: number;
}

export interface AuditResult {
  scheme: {
    id: string;
    title: string;
    file: string | null;
    total: number;
    decimals: number;
    noData: NoDataScoring;
  };
  year: number;
  agency: string;
  /** The interpretations the verdicts rest on (the dataset's, else the defaults; src/facts/interpretations.ts). */
  interpretations: ResolvedInterpretations;
  /** The score: points earned plus bonuses, at most the total. */
  score: number;
  total: number;
  /** What the score is out of: the total less the criteria not scored for want of data. */
  outOf: number;
  /** Points earned on the criteria other than bonus criteria. */
  base: number;
  /** Points added by bonus criteria. */
  bonus: number;
  /** Points lost (outOf − base). */
  lost: number;
  criteria: CriterionResult[];
  /** Every finding, in registry order. */
  findings: (Finding & { criteria: string[] })[];
  /** Highlights from bonus rules (not defects). */
  highlights: (Finding & { criteria: string[] })[];
  /** Indexes of findings that feed no criterion of the scheme (reported, not scored). */
  unscored: number[];
  counts: Record<Severity, number>;
  rules: RuleRun[];
}

function makeContext(
  rule: RuleModule,
  severity: Severity,
  options: Record<string, unknown>,
  facts: Facts,
  dataset: Dataset,
  lang: Lang,
): RuleContext {
  return {
    facts,
    dataset,
    options,
    lang,
    report(messageId: string, data: MessageData, details: ReportDetails = {}): Finding {
      const m = rule.messages[messageId];
      if (!m) throw new Error(`rule ${rule.id} has no message ${messageId}`);
      const regime = details.regime !== undefined ? details.regime : rule.sources ? facts.regime : null;
      const source = (regime !== null ? rule.sources?.[regime] : undefined) ?? rule.source;
      return {
        rule: rule.id,
        severity:
          details.atMost !== undefined && !severityAtLeast(details.atMost, severity)
            ? details.atMost
            : severity,
        messageId,
        message: formatMessage(lang === "en" ? m.en : m.zh, data, lang),
        subject: details.subject ?? null,
        count: details.count ?? 1,
        evidence: details.evidence ?? [],
        deadline: details.deadline ? deadlineEvidence(details.deadline, lang) : null,
        regime,
        source: lang === "en" ? source.en : source.zh,
        data,
      };
    },
  };
}

/** Run every rule the scheme leaves on over the dataset's facts and score the findings. */
export function runAudit(dataset: Dataset, options: AuditOptions = {}): AuditResult {
  const lang = options.lang ?? "zh";
  const scheme = options.scheme ?? loadScheme(undefined, lang, dataset.year);
  const facts =
    options.facts ??
    deriveFacts(dataset, {
      // The calendar words its own errors (a date that does not exist …) in the audit's language.
      calendar: options.calendar ?? defaultCalendar(lang),
      ...(options.previous ? { previous: options.previous } : {}),
    });
  const findings: Finding[] = [];
  const highlights: Finding[] = [];
  const measures = new Map<string, Rate | null>();
  const judged = new Set<string>();
  const runs: RuleRun[] = [];
  const listed = listRules(scheme, lang);
  for (const [i, rule] of RULES.entries()) {
    const run = listed[i]!;
    const severity = run.severity;
    const setting = scheme.rules.get(rule.id);
    runs.push(run);
    if (severity === null) continue;
    const ctx = makeContext(rule, severity, setting?.options ?? {}, facts, dataset, lang);
    const out = rule.check(ctx);
    run.reported = out.length;
    (isBonusRule(rule) ? highlights : findings).push(...out);
    const measured = rule.measure ? rule.measure(ctx) : undefined;
    if (rule.measure) measures.set(rule.id, measured ?? null);
    // Something to judge: the rule says so (default yes) and, for a rate, something to measure.
    if (
      (rule.judges?.(ctx) ?? true) &&
      measured !== null &&
      (measured === undefined || measured.ratio !== null)
    )
      judged.add(rule.id);
  }
  const titles = new Map(runs.map((r) => [r.id, r.title]));
  const scored = scoreFindings(scheme, {
    findings,
    highlights,
    measures,
    judged,
    ruleTitle: (id) => titles.get(id) ?? id,
    lang,
  });
  const criteriaOf = (list: number[][], n: number) => {
    const out: string[][] = Array.from({ length: n }, () => []);
    scored.criteria.forEach((c, ci) => {
      for (const i of list[ci]!) if (!out[i]!.includes(c.id)) out[i]!.push(c.id);
    });
    return out;
  };
  const isBonus = scored.criteria.map((c) => c.method.type === "bonus");
  const fCrit = criteriaOf(
    scored.criteria.map((c, i) => (isBonus[i] ? [] : c.findings)),
    findings.length,
  );
  const hCrit = criteriaOf(
    scored.criteria.map((c, i) => (isBonus[i] ? c.findings : [])),
    highlights.length,
  );
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity]++;
  return {
    scheme: {
      id: scheme.id,
      title: scheme.title,
      file: scheme.file,
      total: scheme.total,
      decimals: scheme.decimals,
      noData: scheme.noData,
    },
    year: dataset.year,
    agency: dataset.agency.name,
    interpretations: facts.interpretations,
    score: scored.score,
    total: scored.total,
    outOf: scored.outOf,
    base: scored.base,
    bonus: scored.bonus,
    lost: roundTo(scored.outOf - scored.base, scheme.decimals),
    criteria: scored.criteria,
    findings: findings.map((f, i) => ({ ...f, criteria: fCrit[i]! })),
    highlights: highlights.map((f, i) => ({ ...f, criteria: hCrit[i]! })),
    unscored: scored.unscored,
    counts,
    rules: runs,
  };
}

/** Every registered rule with its title, source and severity under a scheme (gongwen audit --rules). */
export function listRules(scheme: Scheme, lang: Lang = "zh"): RuleRun[] {
  return RULES.map((rule) => ({
    id: rule.id,
    title: lang === "en" ? rule.title.en : rule.title.zh,
    source: lang === "en" ? rule.source.en : rule.source.zh,
    severity: ruleSeverity(scheme, rule.id),
    kind: isBonusRule(rule) ? "bonus" : "check",
    reported: 0,
  }));
}

/** Whether any finding is at or above `threshold` (the CLI's --fail-on). */
export function failsAt(result: AuditResult, threshold: Severity): boolean {
  return result.findings.some((f) => severityAtLeast(f.severity, threshold));
}
