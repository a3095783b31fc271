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
import type { DocumentKind } from "../../cli/documents.js";
import type { Dataset } from "../../data/types.js";
import type { DocumentTree } from "../../document/tree.js";
import { deriveFacts, type Facts } from "../../facts/index.js";
import { loadScheme, runAudit, type AuditResult, type Finding, type Scheme } from "../../audit/index.js";
import type { Lang } from "../../util/i18n.js";
import { loadDataset } from "../../data/load.js";
import { composeDocument } from "../compose.js";

export interface FindingView {
  /** 1-based number of the finding in the report. */
  ref: number;
  rule: string;
  ruleTitle: string;
  source: string;
  severity: string;
  error: boolean;
  warning: boolean;
  info: boolean;
  messageId: string;
  message: string;
  subject: string | null;
  count: number;
  /** Evidence: the value as text, with flags so the template words true, false and absent. */
  evidence: { pointer: string; value: string; isTrue: boolean; isFalse: boolean; isNull: boolean }[];
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
  /** The scheme (default: loadScheme() — samples/assessment-2014.json). */
  scheme?: Scheme;
  /** Last year's dataset (the annual report's carry-over rule). */
  previous?: Dataset;
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

function evidenceView(e: { pointer: string; value: unknown }): FindingView["evidence"][number] {
  const v = e.value;
  return {
    pointer: e.pointer,
    value: typeof v === "string" ? v : typeof v === "number" ? String(v) : JSON.stringify(v),
    isTrue: v === true,
    isFalse: v === false,
    isNull: v === null,
  };
}

function findingView(f: AuditResult["findings"][number], ref: number, result: AuditResult): FindingView {
  const run = result.rules.find((r) => r.id === f.rule);
  const crit = result.criteria.filter((c) => f.criteria.includes(c.id));
  return {
    ref,
    rule: f.rule,
    ruleTitle: run?.title ?? f.rule,
    source: run?.source ?? "",
    severity: f.severity,
    error: f.severity === "error",
    warning: f.severity === "warning",
    info: f.severity === "info",
    messageId: f.messageId,
    message: f.message,
    subject: f.subject,
    count: f.count,
    evidence: f.evidence.map(evidenceView),
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
  };
}

export function selfAuditContext(dataset: Dataset, facts: Facts, result: AuditResult): SelfAuditContext {
  const findings = result.findings.map((f, i) => findingView(f, i + 1, result));
  const highlights = result.highlights.map((f, i) => findingView(f, i + 1, result));
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
    deriveFacts(dataset, { lang: "zh", ...(input.previous ? { previous: input.previous } : {}) });
  const scheme = input.scheme ?? loadScheme(undefined, lang);
  const result = runAudit(dataset, { scheme, facts, lang: "zh" });
  const context = selfAuditContext(dataset, facts, result);
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

/** The `self-audit` entry of the CLI's document registry (src/cli/documents.ts). */
export const selfAuditDocument: DocumentKind = {
  name: "self-audit",
  baseName: "self-audit",
  describe: { zh: "考核自查报告", en: "self-audit report against an assessment scheme" },
  formats: ["docx", "pdf"],
  options: (y) =>
    y
      .option("scheme", {
        type: "string",
        describe: "考核方案文件（默认 samples/assessment-2014.json）/ assessment scheme file",
      })
      .option("previous", {
        type: "string",
        describe: "上年度数据文件（核对年度报告上年结转）/ last year's dataset (annual report carry-over)",
      }),
  build: async (ctx) => {
    const schemeFile = typeof ctx.argv.scheme === "string" ? ctx.argv.scheme : undefined;
    const previousFile = typeof ctx.argv.previous === "string" ? ctx.argv.previous : undefined;
    const { tree } = buildSelfAudit({
      dataset: ctx.dataset,
      scheme: loadScheme(schemeFile, ctx.lang),
      ...(previousFile ? { previous: loadDataset(previousFile, { lang: ctx.lang }) } : {}),
      templatesDir: ctx.templatesDir,
      lang: ctx.lang,
    });
    return { tree };
  },
};
