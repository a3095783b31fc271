/**
 * The year-end work summary (年度集中审批服务和政务公开工作总结): dataset + facts → the
 * context of templates/summary.md.hbs → document tree. The builder only gathers; the facts hold
 * every number and claim, the template every word.
 */
import type { DocumentKind } from "../../cli/documents.js";
import type { Dataset } from "../../data/types.js";
import type { DocumentTree } from "../../document/tree.js";
import { loadDataset } from "../../data/load.js";
import { deriveFacts, type Facts } from "../../facts/index.js";
import { UserError } from "../../util/errors.js";
import { t, type Lang } from "../../util/i18n.js";
import { composeDocument } from "../compose.js";

/** Narrative passages the summary template places, by key (null when the dataset has none). */
export const SUMMARY_NARRATIVE_KEYS = [
  "opening",
  "approvalServiceEthos",
  "approvalIntegrity",
  "approvalInnovation",
  "approvalForwardService",
  "disclosureMechanism",
  "disclosureInnovation",
  "closing",
] as const;

export type SummaryNarrativeKey = (typeof SUMMARY_NARRATIVE_KEYS)[number];

export interface SummaryContext {
  title: string;
  year: number;
  /** The issuing agency (signature and document author). */
  agency: string;
  /** 成文日期 YYYY-MM-DD. */
  signedOn: string;
  /** The assessment scheme the summary answers, e.g. 《2014年…年度考核方案》; null when none. */
  assessmentScheme: string | null;
  facts: Facts;
  narrative: Record<SummaryNarrativeKey, string | null>;
}

export interface SummaryInput {
  dataset: Dataset;
  /** Facts already derived (the CLI derives them once); derived here when absent. */
  facts?: Facts;
  /** Last year's dataset (--previous): year-over-year figures (facts.yearOverYear). */
  previous?: Dataset;
  templatesDir?: string;
  lang: Lang;
}

/** The default title when the dataset gives none. */
export function defaultSummaryTitle(dataset: Dataset): string {
  return `${dataset.agency.name}${dataset.year}年度集中审批服务和政务公开工作总结`;
}

export function summaryContext(dataset: Dataset, facts: Facts, lang: Lang = "zh"): SummaryContext {
  const info = dataset.documents?.summary;
  if (!info?.date)
    throw new UserError(
      t(
        lang,
        '/documents/summary/date：缺少工作总结的成文日期（如 "2015-01-23"）',
        '/documents/summary/date: the summary needs its date (e.g. "2015-01-23")',
      ),
    );
  const narrative = Object.fromEntries(
    SUMMARY_NARRATIVE_KEYS.map((k) => [k, dataset.narrative?.[k] ?? null]),
  ) as Record<SummaryNarrativeKey, string | null>;
  return {
    title: info.title ?? defaultSummaryTitle(dataset),
    year: dataset.year,
    agency: dataset.agency.name,
    signedOn: info.date,
    assessmentScheme: info.assessmentScheme ?? null,
    facts,
    narrative,
  };
}

export function buildSummary(input: SummaryInput): DocumentTree {
  const { dataset, lang } = input;
  const facts = input.facts ?? deriveFacts(dataset, { lang, previous: input.previous });
  const context = summaryContext(dataset, facts, lang);
  return composeDocument("summary", context, {
    kind: "document",
    meta: {
      title: context.title,
      author: context.agency,
      subject: "年度工作总结",
      date: context.signedOn,
    },
    templatesDir: input.templatesDir,
    lang,
  });
}

/** The `summary` entry of the CLI's document registry (src/cli/documents.ts). */
export const summaryDocument: DocumentKind = {
  name: "summary",
  baseName: "summary",
  describe: {
    zh: "年度集中审批服务和政务公开工作总结",
    en: "year-end work summary (approval services and disclosure)",
  },
  formats: ["docx", "pdf"],
  options: (y) =>
    y.option("previous", {
      type: "string",
      describe: "上一年度的数据文件，写出同比变化 / last year's dataset, for year-over-year figures",
    }),
  build: async (ctx) => {
    const file = ctx.argv.previous;
    const previous = typeof file === "string" ? loadDataset(file, { lang: ctx.lang }) : undefined;
    return { tree: buildSummary({ ...(ctx as SummaryInput), previous }) };
  },
};
