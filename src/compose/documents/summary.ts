/**
 * The year-end work summary (年度集中审批服务和政务公开工作总结): dataset + facts → the
 * context of templates/summary.md.hbs → document tree. The builder only gathers; the facts hold
 * every number and claim, the template every word.
 */
import type { Dataset } from "../../data/types.js";
import type { DocumentTree } from "../../document/tree.js";
import { deriveFacts, type Facts } from "../../facts/index.js";
import { assertDocumentFields } from "../../data/requirements.js";
import type { Lang } from "../../util/i18n.js";
import { defaultCalendar, type Calendar } from "../../calendar/index.js";
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
  /** Working-day calendar (default: the shipped national data). */
  calendar?: Calendar;
  templatesDir?: string;
  lang: Lang;
}

/** The default title when the dataset gives none. */
export function defaultSummaryTitle(dataset: Dataset): string {
  return `${dataset.agency.name}${dataset.year}年度集中审批服务和政务公开工作总结`;
}

export function summaryContext(dataset: Dataset, facts: Facts, lang: Lang = "zh"): SummaryContext {
  assertDocumentFields("summary", dataset, lang);
  const info = dataset.documents!.summary!;
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
  const facts =
    input.facts ??
    deriveFacts(dataset, {
      previous: input.previous,
      calendar: input.calendar ?? defaultCalendar(lang),
    });
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
    // A section the year's data has nothing for prints no heading (issue: an empty （五）).
    dropEmptyHeadings: true,
    lang,
  });
}
