/**
 * The roll-up annual report (本级人民政府政府信息公开工作年度报告): the summed tables of a
 * roll-up (facts/rollup.ts) in the national format of the year (templates/annual-report/rollup.md.hbs,
 * which prints the annual report's own table partials), and the spreadsheet: the three tables
 * plus a comparison of the agencies (templates/annual-report/rollup-comparison.md.hbs).
 *
 * The narrative is the government's own (its dataset's narrative, when it keeps one); a section
 * the format needs words for and the government has none is printed as a marked placeholder
 * (【待填写：…】) for the clerk to fill in the DOCX, and listed in the warnings.
 *
 * Tables that do not add up are not printed: when a department's tables or the sum fail the
 * consistency rules, the build stops with a UserError naming each department and its messages.
 */
import type { Dataset } from "../../data/types.js";
import type { DocumentTree, Spreadsheet, TableSheet } from "../../document/tree.js";
import type { WordedViolation } from "../../annual-report/rules.js";
import type { FormatVersion } from "../../annual-report/format.js";
import type { RollupComparison } from "../../facts/rollup.js";
import type { AnnualReportRollup } from "../../audit/rollup.js";
import { UserError } from "../../util/errors.js";
import { t, type Lang } from "../../util/i18n.js";
import { composeDocument } from "../compose.js";
import {
  ANNUAL_REPORT_NARRATIVE_KEYS,
  FORMAT_BASIS,
  printedCells,
  proseFigures,
  tableSheets,
  type AnnualReportContext,
  type AnnualReportNarrativeKey,
  type ProseFigures,
} from "./annual-report.js";

/** The government whose report the roll-up is. */
export interface RollupGovernment {
  /** 示例市人民政府 */
  name: string;
  website?: string | null;
  /** Who answers questions about the report (its 政府信息公开工作机构). */
  disclosureOffice?: string | null;
  disclosureOfficePhone?: string | null;
  address?: string | null;
  postcode?: string | null;
}

export interface RollupReportInput {
  rollup: AnnualReportRollup;
  government: RollupGovernment;
  /** 成文日期 YYYY-MM-DD; absent or null: a placeholder the clerk fills in. */
  signedOn?: string | null;
  /** The government's own passages (the annual report's narrative keys); absent ones become placeholders where the format needs words. */
  narrative?: Partial<Record<AnnualReportNarrativeKey, string | null>>;
  /** Default: `${government.name}${year}年政府信息公开工作年度报告`. */
  title?: string;
  templatesDir?: string;
  lang: Lang;
}

export interface RollupReportContext {
  title: string;
  year: number;
  version: FormatVersion;
  formatBasis: string;
  government: Required<{ [K in keyof RollupGovernment]: NonNullable<RollupGovernment[K]> | null }> & {
    name: string;
  };
  signedOn: string | null;
  departmentCount: number;
  figures: ProseFigures;
  fees: AnnualReportRollup["fees"];
  feeMeasures: boolean;
  cells: NonNullable<AnnualReportContext["cells"]>;
  narrative: Record<AnnualReportNarrativeKey, string | null>;
}

export interface RollupComparisonRow {
  name: string;
  received: number;
  repliedOnTime: number | null;
  overdue: number | null;
  corrected: number;
  /** The on-time and overdue figures are known (the agency keeps application records). */
  recordsKnown: boolean;
}

export interface RollupComparisonContext {
  title: string;
  rows: RollupComparisonRow[];
  total: RollupComparisonRow;
}

export interface RollupReportBuild {
  tree: DocumentTree;
  /** 表二、表三、表四 and 各机关对比, for renderXlsx. */
  spreadsheet: Spreadsheet;
  /** The comparison sheet of the agencies (the spreadsheet's last). */
  comparison: TableSheet;
  context: RollupReportContext;
  /** Placeholders left for the clerk, agencies without records. */
  warnings: string[];
}

/** What a government's own dataset says of its report: its details, date and passages. */
export function rollupHeadOf(dataset: Dataset): {
  government: RollupGovernment;
  signedOn: string | null;
  narrative: Partial<Record<AnnualReportNarrativeKey, string | null>>;
} {
  const a = dataset.agency;
  return {
    government: {
      name: a.name,
      website: a.website ?? null,
      disclosureOffice: a.disclosureOffice.name,
      disclosureOfficePhone: a.disclosureOffice.phone ?? null,
      address: a.disclosureOffice.address ?? a.address ?? null,
      postcode: a.postcode ?? null,
    },
    signedOn: dataset.documents?.annualReport?.date ?? null,
    narrative: Object.fromEntries(
      ANNUAL_REPORT_NARRATIVE_KEYS.map((k) => [k, dataset.narrative?.[k] ?? null]),
    ),
  };
}

/** Every failing table as one UserError: each department by name, then its messages. */
export function rollupViolationsError(rollup: AnnualReportRollup, lang: Lang): UserError | null {
  const details: string[] = [];
  for (const f of rollup.failing) for (const m of f.messages) details.push(`${f.name}：${m}`);
  if (rollup.failing.length === 0)
    for (const v of rollup.violations) details.push(t(lang, `汇总表：${v.message}`, `the sum: ${v.message}`));
  if (details.length === 0) return null;
  const names = rollup.failing.map((f) => f.name);
  return new UserError(
    names.length > 0
      ? t(
          lang,
          `以下机关的年度报告表格不符合勾稽关系，不能汇总：${names.join("、")}`,
          `the tables of these agencies do not add up, so they cannot be summed: ${names.join(", ")}`,
        )
      : t(lang, "汇总后的表格不符合勾稽关系：", "the summed tables do not add up:"),
    details,
  );
}

const PLACEHOLDER_KEYS: readonly AnnualReportNarrativeKey[] = ["reportOverview", "problems", "improvements"];
const PLACEHOLDER_NAMES: Record<string, { zh: string; en: string }> = {
  reportOverview: { zh: "总体情况", en: "overview" },
  problems: { zh: "存在的主要问题", en: "main problems" },
  improvements: { zh: "改进情况", en: "improvements" },
};

function comparisonRow(name: string, c: RollupComparison): RollupComparisonRow {
  return {
    name,
    received: c.received,
    repliedOnTime: c.repliedOnTime,
    overdue: c.overdue,
    corrected: c.reconsiderationCorrected,
    recordsKnown: c.repliedOnTime !== null,
  };
}

/** Compose the roll-up: the report (national format) and its spreadsheet. */
export function buildRollupReport(input: RollupReportInput): RollupReportBuild {
  const failed = rollupViolationsError(input.rollup, input.lang);
  if (failed) throw failed;
  return composeRollup(input);
}

export interface RollupReview {
  /** The summed tables as they would print (表二、表三、表四). */
  sheets: TableSheet[];
  /** The consistency rules on the sum. */
  violations: WordedViolation[];
  /** The departments whose tables fail, with their messages. */
  failing: AnnualReportRollup["failing"];
}

/**
 * The summed tables as composed, also when some do not add up (buildRollupReport then refuses
 * to print): for a clerk to see the sums and which departments to correct.
 */
export function reviewRollupReport(input: RollupReportInput): RollupReview {
  const { spreadsheet, comparison } = composeRollup(input);
  return {
    sheets: spreadsheet.sheets.filter((s) => s !== comparison),
    violations: input.rollup.violations,
    failing: input.rollup.failing,
  };
}

function composeRollup(input: RollupReportInput): RollupReportBuild {
  const { rollup, lang } = input;
  const g = input.government;
  const narrative = Object.fromEntries(
    ANNUAL_REPORT_NARRATIVE_KEYS.map((k) => [k, input.narrative?.[k] ?? null]),
  ) as Record<AnnualReportNarrativeKey, string | null>;
  const context: RollupReportContext = {
    title: input.title ?? `${g.name}${rollup.year}年政府信息公开工作年度报告`,
    year: rollup.year,
    version: rollup.version,
    formatBasis: FORMAT_BASIS[rollup.version],
    government: {
      name: g.name,
      website: g.website ?? null,
      disclosureOffice: g.disclosureOffice ?? null,
      disclosureOfficePhone: g.disclosureOfficePhone ?? null,
      address: g.address ?? null,
      postcode: g.postcode ?? null,
    },
    signedOn: input.signedOn ?? null,
    departmentCount: rollup.departments.length,
    figures: proseFigures(rollup),
    fees: rollup.fees,
    feeMeasures: rollup.year >= 2021,
    cells: printedCells(rollup.tables),
    narrative,
  };
  // The files' dates: the report's, else the year's last day (the same input, the same bytes).
  const date = context.signedOn ?? `${rollup.year}-12-31`;
  const meta = { title: context.title, author: g.name, subject: "政府信息公开工作年度报告", date };
  const tree = composeDocument("annual-report/rollup", context, {
    kind: "document",
    meta,
    templatesDir: input.templatesDir,
    lang,
  });
  const comparison: RollupComparisonContext = {
    title: t(
      lang,
      `${rollup.year}年度各机关政府信息公开申请办理情况`,
      `${rollup.year}: applications by agency`,
    ),
    rows: rollup.departments.map((d) => comparisonRow(d.name, d.comparison)),
    total: comparisonRow("", rollup.total),
  };
  const comparisonTree = composeDocument("annual-report/rollup-comparison", comparison, {
    kind: "document",
    meta: { ...meta, title: comparison.title },
    templatesDir: input.templatesDir,
    lang,
  });
  const comparisonTable = comparisonTree.blocks.find((b) => b.type === "table");
  if (!comparisonTable || comparisonTable.type !== "table")
    throw new Error("annual-report/rollup-comparison: the template printed no table");
  const comparisonSheet: TableSheet = {
    name: t(lang, "各机关对比", "by agency"),
    title: comparison.title,
    table: comparisonTable,
  };
  const spreadsheet: Spreadsheet = {
    sheets: [...tableSheets(tree), comparisonSheet],
    date,
    author: g.name,
    title: context.title,
  };
  const warnings = [...rollup.warnings];
  const placeholders = PLACEHOLDER_KEYS.filter((k) => narrative[k] === null);
  if (placeholders.length > 0) {
    warnings.push(
      t(
        lang,
        `以下部分为待填写的占位文字（【待填写：…】），请在文档中补写：${placeholders.map((k) => PLACEHOLDER_NAMES[k]!.zh).join("、")}`,
        `these parts are placeholders (【待填写：…】) to be written in the document: ${placeholders.map((k) => PLACEHOLDER_NAMES[k]!.en).join(", ")}`,
      ),
    );
  }
  if (context.signedOn === null)
    warnings.push(t(lang, "成文日期未填写（【成文日期】）", "no date of the report (【成文日期】)"));
  return { tree, spreadsheet, comparison: comparisonSheet, context, warnings };
}
