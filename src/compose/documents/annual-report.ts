/**
 * The statutory annual report (政府信息公开工作年度报告): dataset + facts → the context of
 * templates/annual-report/<version>.md.hbs → document tree, and the same tables as a
 * spreadsheet (rendered by render/xlsx). The builder gathers and checks; the facts hold every number, the templates every
 * word (including the tables' verbatim row and column texts and spans).
 *
 * Tables that do not balance are not printed: every violation of the consistency rules
 * (annual-report/rules.ts) is reported and the build stops with a UserError.
 */
import { defaultCalendar, type Calendar } from "../../calendar/index.js";
import {
  NEW_MEDIA_KIND_LABELS,
  REASON_LABELS,
  REASONS,
  REVIEW_OUTCOME_LABELS,
  REVIEW_OUTCOMES,
  type ReasonType,
  type ReplyType,
} from "../../data/codes.js";
import { dateText } from "../../data/date-text.js";
import { assertDocumentFields } from "../../data/requirements.js";
import type { Dataset } from "../../data/types.js";
import type { DocumentTree, Spreadsheet, TableBlock, TableSheet } from "../../document/tree.js";
import { runsText } from "../../document/tree.js";
import {
  PROACTIVE_BLOCKS,
  REQUEST_COLUMNS,
  REVIEW_COLUMNS,
  type FormatVersion,
  type RequestRowKey,
  type ReviewGroup,
} from "../../annual-report/format.js";
import { cellText, type AnnualReportTables, type RequestRow } from "../../annual-report/model.js";
import type { WordedViolation } from "../../annual-report/rules.js";
import { annualReportViolations, carryOverViolations } from "../../audit/annual-report.js";
import { applicationFacts } from "../../facts/applications.js";
import {
  annualReportFacts,
  previousAnnualReportTables,
  type AnnualReportFacts,
} from "../../facts/annual-report.js";
import { deriveFacts, type CountFact, type Facts } from "../../facts/index.js";
import { UserError } from "../../util/errors.js";
import { t, type Lang } from "../../util/i18n.js";
import { factMessage } from "../../facts/messages.js";
import { composeDocument } from "../compose.js";

/** Narrative passages the annual-report templates place, by key (null when the dataset has none). */
export const ANNUAL_REPORT_NARRATIVE_KEYS = [
  /** 一、总体情况: the office's own overview, before the figures. */
  "reportOverview",
  /** 二: words before table 二. */
  "reportProactive",
  /** 三: words after the figures of section 三. */
  "reportRequests",
  /** 四: words after table 四. */
  "reportReviews",
  /** 五: the main problems … */
  "problems",
  /** … and the improvements. */
  "improvements",
  /** 六: other matters, after the processing fees. */
  "reportOther",
] as const;
export type AnnualReportNarrativeKey = (typeof ANNUAL_REPORT_NARRATIVE_KEYS)[number];

/** The document that fixes each format version. */
export const FORMAT_BASIS: Record<FormatVersion, string> = {
  "2021": "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）",
  "2019": "《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）",
  "2008": "《中华人民共和国政府信息公开条例》（国务院令第492号）第三十一条、第三十二条",
};

/** Printed cells of table 三, keyed for templates (camelCase reason names). */
export type PrintedRow = string[];

export interface AnnualReportContext {
  title: string;
  year: number;
  version: FormatVersion;
  formatBasis: string;
  agency: {
    name: string;
    website: string | null;
    address: string | null;
    postcode: string | null;
    phone: string | null;
    disclosureOffice: string;
    disclosureOfficePhone: string | null;
    disclosureOfficeAddress: string | null;
  };
  /** 成文日期 YYYY-MM-DD (documents.annualReport.date). */
  signedOn: string;
  facts: Facts;
  report: AnnualReportFacts;
  /** Figures the prose states (总计 column and table 四; a blank counts as 0). */
  figures: ProseFigures;
  /** What section 一 draws on, prepared so the template only prints. */
  overview: Overview;
  /** The fee measures (国办函〔2020〕109号) apply: reports for 2021 on. */
  feeMeasures: boolean;
  /** The fee notices of the year are known (from the records; given totals state only fees paid). */
  feeNoticesKnown: boolean;
  /** Figures in the words of the ogi-2008 outline (used by the 2008 template). */
  ogi2008: Ogi2008Figures;
  /** Cells as printed (0 or empty for blanks); null for the 2008 outline. */
  cells: {
    t2: Record<string, PrintedRow>;
    t3: Record<string, PrintedRow | Record<string, PrintedRow>>;
    t4: Record<ReviewGroup, PrintedRow>;
  } | null;
  narrative: Record<AnnualReportNarrativeKey, string | null>;
}

export interface ProseFigures {
  received: number;
  carriedOver: number;
  handled: number;
  carriedForward: number;
  /** The outcome kinds with requests, in the table's order: 予以公开 13件 … */
  outcomes: { label: string; n: number }[];
  reconsideration: number;
  litigation: number;
  corrected: number;
  /** Any reconsideration or litigation. */
  reviews: boolean;
  /** ogi-2008 outline: refusals (不予公开) and the rest. */
  refused: number;
}

export interface Overview {
  proactive: {
    outlets: {
      name: string;
      published: CountFact | null;
      submitted: CountFact | null;
      adopted: CountFact | null;
    }[];
    newMedia: { label: string; name: string | null; published: CountFact }[];
    pressConferences: CountFact | null;
    focusAreas: string[];
  } | null;
  requests: {
    /** Any reply in the year. */
    repliedAny: boolean;
    /** Every reply within the statutory deadline. */
    allOnTime: boolean;
    /** Replies after the deadline. */
    late: number;
  };
}

export interface LabelledCount {
  label: string;
  n: number;
}

export interface Ogi2008Figures {
  /** Replies in the year by kind (from the records), or by the table's outcome kinds. */
  replies: LabelledCount[];
  /** Refusals by reason. */
  refusedReasons: LabelledCount[];
  fees: { paid: number; paidAmount: number; waived: number; waivedKnown: boolean };
  reviews: {
    any: boolean;
    reconsideration: { n: number; parts: LabelledCount[] };
    litigation: { n: number; parts: LabelledCount[] };
  };
}

export interface AnnualReportInput {
  dataset: Dataset;
  /** Facts already derived; derived here when absent. */
  facts?: Facts;
  /** Format version (--format-version); by the report year when absent. */
  version?: FormatVersion;
  /** Last year's dataset (--previous): checks this year's 上年结转 against its 结转下年度. */
  previous?: Dataset;
  /** Working-day calendar (default: the shipped national data), also for last year's facts. */
  calendar?: Calendar;
  templatesDir?: string;
  lang: Lang;
}

export interface AnnualReportBuild {
  tree: DocumentTree;
  report: AnnualReportFacts;
  context: AnnualReportContext;
  /** Messages for the clerk (figures not given, passages missing). */
  warnings: string[];
  /** The tables as a spreadsheet for renderXlsx (null for the 2008 outline, which has no tables). */
  spreadsheet: Spreadsheet | null;
}

const camel = (s: string) => s.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

function printedRow(row: RequestRow | undefined, tables: AnnualReportTables): PrintedRow {
  return REQUEST_COLUMNS.map((c) => cellText(row?.[c] ?? null, tables.blankCells));
}

/** The printed cells of the three tables, for the templates. */
export function printedCells(tables: AnnualReportTables): NonNullable<AnnualReportContext["cells"]> {
  const t2: Record<string, PrintedRow> = {};
  for (const block of PROACTIVE_BLOCKS[tables.version]) {
    for (const r of block.rows)
      t2[r.key] = (tables.proactive[r.key] ?? []).map((c) => cellText(c, tables.blankCells));
  }
  const req = (k: RequestRowKey) => printedRow(tables.requests[k], tables);
  const t3: Record<string, PrintedRow | Record<string, PrintedRow>> = {
    received: req("received"),
    carriedOver: req("carriedOver"),
    disclosed: req("disclosed"),
    partial: req("partial"),
    outcomeTotal: req("outcomeTotal"),
    carriedForward: req("carriedForward"),
  };
  for (const type of Object.keys(REASONS) as ReasonType[]) {
    if (type === "other" && tables.version === "2019") {
      t3.otherTotal = req("other");
      continue;
    }
    t3[camel(type)] = Object.fromEntries(
      REASONS[type].map((r) => [camel(r), req(`${type}.${r}` as RequestRowKey)]),
    );
  }
  const t4 = Object.fromEntries(
    (Object.keys(tables.reviews) as ReviewGroup[]).map((g) => [
      g,
      REVIEW_COLUMNS.map((c) => cellText(tables.reviews[g][c], tables.blankCells)),
    ]),
  ) as Record<ReviewGroup, PrintedRow>;
  return { t2, t3, t4 };
}

export function defaultAnnualReportTitle(dataset: Dataset): string {
  return `${dataset.agency.name}${dataset.year}年政府信息公开工作年度报告`;
}

/** A UserError listing every violation: tables that do not balance are not printed. */
export function violationsError(violations: readonly WordedViolation[], lang: Lang): UserError {
  const n = violations.length;
  return new UserError(
    t(
      lang,
      `年度报告的表格不符合勾稽关系（${n} 处），请核对数据：`,
      `the annual report's tables do not add up (${n} violation${n === 1 ? "" : "s"}); check the data:`,
    ),
    violations.map((v) => v.message),
  );
}

/** Last year's tables, for the carry-over rule; last year's data must be the year before. */
function previousTables(
  previous: Dataset,
  dataset: Dataset,
  lang: Lang,
  calendar: Calendar = defaultCalendar(lang),
): AnnualReportTables {
  const apps = applicationFacts(previous, calendar);
  const tables = previousAnnualReportTables(previous, dataset.year, apps);
  if (!tables) {
    throw new UserError(
      t(
        lang,
        `--previous 的数据年度为 ${previous.year}，应为上一年度 ${dataset.year - 1}`,
        `--previous holds ${previous.year}; it must be the year before, ${dataset.year - 1}`,
      ),
    );
  }
  return tables;
}

const OUTCOME_LABELS: [keyof AnnualReportFacts["summary"], string][] = [
  ["disclosed", "予以公开"],
  ["partial", "部分公开"],
  ["refused", "不予公开"],
  ["unavailable", "无法提供"],
  ["notProcessed", "不予处理"],
  ["other", "其他处理"],
];

export function proseFigures(report: Pick<AnnualReportFacts, "summary" | "reviewSummary">): ProseFigures {
  const n = (c: number | null) => c ?? 0;
  const s = report.summary;
  const r = report.reviewSummary;
  return {
    received: n(s.received),
    carriedOver: n(s.carriedOver),
    handled: n(s.handled),
    carriedForward: n(s.carriedForward),
    outcomes: OUTCOME_LABELS.map(([k, label]) => ({ label, n: n(s[k]) })).filter((o) => o.n > 0),
    reconsideration: n(r.reconsideration),
    litigation: n(r.litigation),
    corrected: n(r.corrected),
    reviews: n(r.reconsideration) + n(r.litigation) > 0,
    refused: n(s.refused),
  };
}

/** Reply kinds in the words of the ogi-2008 reports, in reporting order. */
const REPLY_LABELS_2008: [ReplyType, string][] = [
  ["already-public", "属于已主动公开范围"],
  ["disclosed", "同意公开"],
  ["partial", "同意部分公开"],
  ["refused", "不予公开"],
  ["not-this-agency", "非本机关负责公开"],
  ["unavailable", "无法提供"],
  ["not-processed", "不予处理"],
  ["special-law", "属于法律法规另有规定情形"],
  ["other", "其他处理"],
];

export function ogi2008Figures(report: AnnualReportFacts, figures: ProseFigures): Ogi2008Figures {
  const replies = report.replyTypes
    ? REPLY_LABELS_2008.map(([type, label]) => ({ label, n: report.replyTypes![type] })).filter(
        (r) => r.n > 0,
      )
    : figures.outcomes;
  const refusedReasons = REASONS.refused
    .map((r) => ({
      label: REASON_LABELS[r],
      n: report.requestsFull[`refused.${r}` as RequestRowKey]?.total ?? 0,
    }))
    .filter((r) => r.n > 0);
  const parts = (groups: ReviewGroup[]) =>
    REVIEW_OUTCOMES.map((o) => ({
      label: REVIEW_OUTCOME_LABELS[o],
      n: groups.reduce((sum, g) => sum + (report.reviews[g][o] ?? 0), 0),
    })).filter((p) => p.n > 0);
  return {
    replies,
    refusedReasons,
    fees: {
      paid: report.fees.paid,
      paidAmount: report.fees.paidAmount,
      waived: report.fees.waived ?? 0,
      waivedKnown: report.fees.waived !== null,
    },
    reviews: {
      any: figures.reviews,
      reconsideration: { n: figures.reconsideration, parts: parts(["reconsideration"]) },
      litigation: {
        n: figures.litigation,
        parts: parts(["litigationDirect", "litigationAfterReconsideration"]),
      },
    },
  };
}

export function overviewOf(facts: Facts): Overview {
  const d = facts.disclosure;
  const outlets = d.proactive.outlets
    .filter((o) => o.published !== null || o.submitted !== null)
    .map((o) => ({ name: o.name, published: o.published, submitted: o.submitted, adopted: o.adopted }));
  const newMedia = d.newMedia.map((m) => ({
    label: NEW_MEDIA_KIND_LABELS[m.kind],
    name: m.name,
    published: m.published,
  }));
  const any = outlets.length > 0 || newMedia.length > 0;
  const replied = facts.applications.filter((a) => a.yearEnd === "closed" && a.reply !== null);
  const late = replied.filter((a) => a.reply!.onTime === false).length;
  return {
    proactive: any
      ? { outlets, newMedia, pressConferences: d.pressConferences, focusAreas: d.proactive.focusAreas }
      : null,
    requests: {
      repliedAny: replied.length > 0,
      allOnTime: late === 0 && replied.every((a) => a.reply!.onTime === true),
      late,
    },
  };
}

export function annualReportContext(
  dataset: Dataset,
  facts: Facts,
  report: AnnualReportFacts,
  lang: Lang = "zh",
): AnnualReportContext {
  assertDocumentFields("annual-report", dataset, lang);
  const date = dataset.documents!.annualReport!.date;
  const narrative = Object.fromEntries(
    ANNUAL_REPORT_NARRATIVE_KEYS.map((k) => [k, dataset.narrative?.[k] ?? null]),
  ) as Record<AnnualReportNarrativeKey, string | null>;
  const a = dataset.agency;
  const figures = proseFigures(report);
  return {
    title: defaultAnnualReportTitle(dataset),
    year: dataset.year,
    version: report.version,
    formatBasis: FORMAT_BASIS[report.version],
    agency: {
      name: a.name,
      website: a.website ?? null,
      address: a.address ?? null,
      postcode: a.postcode ?? null,
      phone: a.phone ?? null,
      disclosureOffice: a.disclosureOffice.name,
      disclosureOfficePhone: a.disclosureOffice.phone ?? null,
      disclosureOfficeAddress: a.disclosureOffice.address ?? null,
    },
    signedOn: date,
    facts,
    report,
    figures,
    overview: overviewOf(facts),
    feeMeasures: dataset.year >= 2021,
    feeNoticesKnown: report.fees.notices !== null,
    ogi2008: ogi2008Figures(report, figures),
    cells: report.tables ? printedCells(report.tables) : null,
    narrative,
  };
}

/** The title of the section a table sits in (the last level-1 heading before it), for sheet names. */
export function tableSheets(tree: DocumentTree): TableSheet[] {
  const sheets: TableSheet[] = [];
  let heading = "";
  for (const b of tree.blocks) {
    if (b.type === "heading" && b.level === 1) heading = `${b.number}${runsText(b.runs)}`;
    if (b.type === "table") {
      const table: TableBlock = b;
      const base = heading.replace(/^([一二三四五六七八九十]+)、.*$/, "表$1") || `表${sheets.length + 1}`;
      sheets.push({ name: base, title: heading || undefined, table });
    }
  }
  return sheets;
}

/** The facts' calendar: the input's, else the shipped one wording its errors in the document's language. */
const calendarOf = (input: { calendar?: Calendar; lang: Lang }) => ({
  calendar: input.calendar ?? defaultCalendar(input.lang),
});

/** Build the annual report: facts, checks, tree, and the spreadsheet of its tables. */
export function buildAnnualReport(input: AnnualReportInput): AnnualReportBuild {
  const { dataset, lang } = input;
  const facts = input.facts ?? deriveFacts(dataset, calendarOf(input));
  const report =
    input.version && input.version !== facts.annualReport.version
      ? annualReportFacts(dataset, facts.applications, { version: input.version })
      : facts.annualReport;
  const violations = reportViolations(input, report);
  if (violations.length > 0) throw violationsError(violations, lang);
  return composeAnnualReport(input, facts, report);
}

/** The report's checks: every violation of the consistency rules (rule 5 with last year's data). */
function reportViolations(input: AnnualReportInput, report: AnnualReportFacts): WordedViolation[] {
  const violations = annualReportViolations(report, input.lang);
  if (input.previous && report.tables && !report.previousTables) {
    const previous = previousTables(input.previous, input.dataset, input.lang, input.calendar);
    violations.push(...carryOverViolations({ ...report, previousTables: previous }, input.lang));
  }
  return violations;
}

export interface AnnualReportReview {
  /** The report's tables as they would print, each named like its spreadsheet sheet (表二 …). */
  sheets: TableSheet[];
  /** Every violation of the consistency rules; each names its table (表二/表三/表四), row and column. */
  violations: WordedViolation[];
}

/**
 * The tables as composed and their consistency violations, also when the tables do not add up
 * (buildAnnualReport then refuses to print): for a clerk to find the cells a message names.
 */
export function reviewAnnualReport(input: AnnualReportInput): AnnualReportReview {
  const facts = input.facts ?? deriveFacts(input.dataset, calendarOf(input));
  const report =
    input.version && input.version !== facts.annualReport.version
      ? annualReportFacts(input.dataset, facts.applications, { version: input.version })
      : facts.annualReport;
  const violations = reportViolations(input, report);
  let sheets: TableSheet[] = [];
  if (report.tables) {
    try {
      sheets = tableSheets(composeAnnualReport(input, facts, report).tree);
    } catch (e) {
      // A report that cannot be composed yet (no date …) still has its violations; buildAnnualReport says why.
      if (!(e instanceof UserError)) throw e;
    }
  }
  return { sheets, violations };
}

function composeAnnualReport(
  input: AnnualReportInput,
  facts: Facts,
  report: AnnualReportFacts,
): AnnualReportBuild {
  const { dataset, lang } = input;
  const context = annualReportContext(dataset, facts, report, lang);
  const warnings = report.warnings.map((w) => factMessage(w, lang));
  if (report.publication.onTime === false) {
    warnings.push(
      t(
        lang,
        `年度报告成文日期 ${dateText(report.publication.date)} 晚于公布期限 ${dateText(report.publication.due)}`,
        `the report is dated ${dateText(report.publication.date, "en")}, after the publication deadline ${dateText(report.publication.due, "en")}`,
      ),
    );
  }
  const tree = composeDocument(`annual-report/${report.version}`, context, {
    kind: "document",
    meta: {
      title: context.title,
      author: context.agency.name,
      subject: "政府信息公开工作年度报告",
      date: context.signedOn,
    },
    templatesDir: input.templatesDir,
    lang,
  });
  const spreadsheet = report.tables
    ? { sheets: tableSheets(tree), date: context.signedOn, author: context.agency.name, title: context.title }
    : null;
  return { tree, report, context, warnings, spreadsheet };
}
