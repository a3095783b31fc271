/**
 * The self-audit report (考核自查报告): dataset + facts → audit under a scheme → the context of
 * templates/self-audit.md.hbs → document tree. The builder only gathers: the audit holds every
 * number and finding, the templates every word — the rectification each finding needs is a
 * partial per rule id (templates/partials/self-audit/rectify/<rule id>.md.hbs).
 *
 * Document date (成文日期): documents.selfAudit.date, or 31 December of the data year when the
 * dataset gives none. The audit runs in Chinese (the templates are Chinese); `lang` is the
 * language of error messages.
 */
import { evidenceText } from "../../data/messages.js";
import type { Dataset } from "../../data/types.js";
import type { DocumentTree } from "../../document/tree.js";
import { deriveFacts, type Facts } from "../../facts/index.js";
import type { Calendar } from "../../calendar/index.js";
import { loadScheme, runAudit, type AuditResult, type Finding, type Scheme } from "../../audit/index.js";
import type { Lang } from "../../util/i18n.js";
import { composeDocument, hasPartial, renderPartial } from "../compose.js";

/** Where the templates come from (the user's --templates DIR) and the language of errors. */
interface TemplateOptions {
  templatesDir?: string;
  lang?: Lang;
}

export interface FindingView {
  /** 1-based number of the finding in the report. */
  ref: number;
  rule: string;
  ruleTitle: string;
  source: string;
  /** The finding judges an event under the 2019 regulation (rectification wording per regime). */
  regime2019: boolean;
  severity: string;
  error: boolean;
  warning: boolean;
  info: boolean;
  messageId: string;
  message: string;
  subject: string | null;
  count: number;
  /** Evidence: the value as text, with flags so the template words true, false and absent. */
  /** pointer: where in the dataset (JSON pointer); where/shown: the record, field and value in words. */
  evidence: {
    pointer: string;
    value: string;
    where: string;
    shown: string;
    isTrue: boolean;
    isFalse: boolean;
    isNull: boolean;
  }[];
  deadline: {
    summary: string;
    header: string[];
    rows: string[][];
    events: { date: string; note: string }[];
  } | null;
  /** Criteria the finding feeds (ids and titles); empty when not scored. */
  criteria: { id: string; title: string }[];
  /** Costs points under some criterion (feeds one and is not info). */
  costsPoints: boolean;
  data: Finding["data"];
  /**
   * The rectification the finding needs, as Markdown: partial self-audit/rectify/<rule id>
   * rendered with this view, or self-audit/rectify/default for a rule without its own.
   */
  rectification: string;
}

export interface CriterionView {
  id: string;
  title: string;
  group: string | null;
  points: number;
  earned: number;
  lost: number;
  bonus: number;
  isBonus: boolean;
  passFail: boolean;
  perFinding: boolean;
  rate: boolean;
  failed: boolean;
  capped: boolean;
  /** The cap of a per-finding criterion (its points unless the method says less). */
  cap: number;
  measure: { numerator: number; denominator: number; percent: number | null } | null;
  lines: {
    rule: string;
    ruleTitle: string;
    findings: number;
    cases: number;
    pointsEach: number | null;
    points: number | null;
  }[];
  /** Refs of the findings (bonus: highlights) behind it. */
  refs: number[];
  note: string | null;
  /** Nothing to judge (无数据). */
  noData: boolean;
  /** Counted in the total (false: 无数据, not scored). */
  scored: boolean;
}

export interface SelfAuditContext {
  agency: string;
  shortName: string;
  year: number;
  /** 成文日期 YYYY-MM-DD. */
  signedOn: string;
  scheme: { id: string; title: string; total: number };
  score: number;
  total: number;
  /** What the score is out of (total less the criteria not scored for want of data). */
  outOf: number;
  /** Criteria not scored: nothing to judge (无数据). */
  notScored: CriterionView[];
  base: number;
  bonus: number;
  lost: number;
  counts: { error: number; warning: number; info: number; all: number };
  criteria: CriterionView[];
  /** Criteria by group, in scheme order (group null: no heading). */
  groups: { name: string | null; criteria: CriterionView[] }[];
  findings: FindingView[];
  /** Findings that feed no criterion of the scheme. */
  unscored: FindingView[];
  highlights: FindingView[];
  facts: Facts;
}

export interface SelfAuditInput {
  dataset: Dataset;
  /** Facts derived in Chinese; derived here when absent. */
  facts?: Facts;
  /** The scheme (default: the shipped scheme for the data's year, loadScheme(undefined, lang, year)). */
  scheme?: Scheme;
  /** Last year's dataset (the annual report's carry-over rule). */
  previous?: Dataset;
  /** Working-day calendar (default: the shipped national data). */
  calendar?: Calendar;
  templatesDir?: string;
  lang: Lang;
}

export interface SelfAuditBuild {
  tree: DocumentTree;
  result: AuditResult;
  context: SelfAuditContext;
}

/** The document date: documents.selfAudit.date, else 31 December of the data year. */
export function selfAuditDate(dataset: Dataset): string {
  return dataset.documents?.selfAudit?.date ?? `${dataset.year}-12-31`;
}

function evidenceView(
  e: { pointer: string; value: unknown },
  dataset: Dataset,
): FindingView["evidence"][number] {
  const v = e.value;
  const words = evidenceText(e.pointer, v, dataset, "zh");
  return {
    pointer: e.pointer,
    where: words.where,
    shown: words.value,
    value: typeof v === "string" ? v : typeof v === "number" ? String(v) : JSON.stringify(v),
    isTrue: v === true,
    isFalse: v === false,
    isNull: v === null,
  };
}

function findingView(
  f: AuditResult["findings"][number],
  ref: number,
  result: AuditResult,
  dataset: Dataset,
): FindingView {
  const run = result.rules.find((r) => r.id === f.rule);
  const crit = result.criteria.filter((c) => f.criteria.includes(c.id));
  return {
    ref,
    rule: f.rule,
    ruleTitle: run?.title ?? f.rule,
    source: f.source || (run?.source ?? ""),
    regime2019: f.regime === "ogi-2019",
    severity: f.severity,
    error: f.severity === "error",
    warning: f.severity === "warning",
    info: f.severity === "info",
    messageId: f.messageId,
    message: f.message,
    subject: f.subject,
    count: f.count,
    evidence: f.evidence.map((e) => evidenceView(e, dataset)),
    deadline: f.deadline
      ? {
          summary: f.deadline.summary,
          header: f.deadline.trace.header,
          rows: f.deadline.trace.rows,
          events: f.deadline.events.map((e) => ({ date: e.date, note: e.note })),
        }
      : null,
    criteria: crit.map((c) => ({ id: c.id, title: c.title })),
    costsPoints: crit.length > 0 && f.severity !== "info",
    data: f.data,
    rectification: "",
  };
}

/** The partial that words a finding's rectification: the rule's own, else the general one. */
export function rectificationPartial(rule: string, templates: TemplateOptions = {}): string {
  const own = `self-audit/rectify/${rule}`;
  return hasPartial(own, templates) ? own : "self-audit/rectify/default";
}

export function selfAuditContext(
  dataset: Dataset,
  facts: Facts,
  result: AuditResult,
  templates: TemplateOptions = {},
): SelfAuditContext {
  const view = (f: AuditResult["findings"][number], i: number) => {
    const v = findingView(f, i + 1, result, dataset);
    v.rectification = renderPartial(rectificationPartial(v.rule, templates), v, templates);
    return v;
  };
  const findings = result.findings.map(view);
  const highlights = result.highlights.map(view);
  const titles = new Map(result.rules.map((r) => [r.id, r.title]));
  const criteria: CriterionView[] = result.criteria.map((c) => ({
    id: c.id,
    title: c.title,
    group: c.group,
    points: c.points,
    earned: c.earned,
    lost: c.lost,
    bonus: c.bonus,
    isBonus: c.method.type === "bonus",
    passFail: c.method.type === "pass-fail",
    perFinding: c.method.type === "per-finding",
    rate: c.method.type === "rate",
    failed: c.failed,
    capped: c.capped,
    cap: c.method.cap ?? c.points,
    measure: c.rate
      ? { numerator: c.rate.numerator, denominator: c.rate.denominator, percent: c.rate.percent }
      : null,
    lines: c.lines.map((l) => ({ ...l, ruleTitle: titles.get(l.rule) ?? l.rule })),
    refs: c.findings.map((i) => i + 1),
    note: c.note,
    noData: c.noData,
    scored: c.scored,
  }));
  const groups: SelfAuditContext["groups"] = [];
  for (const c of criteria) {
    const last = groups[groups.length - 1];
    if (last && last.name === c.group) last.criteria.push(c);
    else groups.push({ name: c.group, criteria: [c] });
  }
  return {
    agency: dataset.agency.name,
    shortName: dataset.agency.shortName,
    year: dataset.year,
    signedOn: selfAuditDate(dataset),
    scheme: {
      id: result.scheme.id,
      title: result.scheme.title,
      total: result.scheme.total,
    },
    score: result.score,
    total: result.total,
    outOf: result.outOf,
    notScored: criteria.filter((c) => !c.scored && !c.isBonus),
    base: result.base,
    bonus: result.bonus,
    lost: result.lost,
    counts: { ...result.counts, all: result.findings.length },
    criteria,
    groups,
    findings,
    unscored: result.unscored.map((i) => findings[i]!),
    highlights,
    facts,
  };
}

export function buildSelfAudit(input: SelfAuditInput): SelfAuditBuild {
  const { dataset, lang } = input;
  const facts =
    input.facts ??
    deriveFacts(dataset, {
      ...(input.previous ? { previous: input.previous } : {}),
      ...(input.calendar ? { calendar: input.calendar } : {}),
    });
  const scheme = input.scheme ?? loadScheme(undefined, lang, dataset.year);
  const result = runAudit(dataset, { scheme, facts, lang: "zh" });
  const context = selfAuditContext(dataset, facts, result, { templatesDir: input.templatesDir, lang });
  const tree = composeDocument("self-audit", context, {
    kind: "document",
    meta: { title: "", author: context.agency, subject: "考核自查报告", date: context.signedOn },
    templatesDir: input.templatesDir,
    lang,
  });
  const title = tree.blocks.find((b) => b.type === "title");
  tree.meta.title = title && title.type === "title" ? title.text : context.agency;
  return { tree, result, context };
}
