/**
 * The document kinds `gongwen render <kind>` knows. One entry per kind; the builder turns the
 * loaded dataset and its facts into a document tree (and optional extra outputs such as xlsx).
 * The entries map command-line flags onto the options of the library's document builders
 * (src/compose/documents/). Each kind imports its builder when it builds: a summary does not load
 * the audit rules, the annual report's model or the spreadsheet writer.
 */
import type { Argv } from "yargs";
import type { Calendar } from "../calendar/index.js";
import type { Dataset } from "../data/types.js";
import type { DocumentTree } from "../document/tree.js";
import type { Lang } from "../util/i18n.js";
import { FORMAT_VERSIONS, isFormatVersion } from "../annual-report/format.js";
import type { SummaryInput } from "../compose/documents/summary.js";
import { loadDataset } from "../data/load.js";
import { redactPersonalData } from "../data/redact.js";
import { UserError } from "../util/errors.js";
import { t } from "../util/i18n.js";

export interface RenderContext {
  /** Path of the dataset file as given. */
  file: string;
  dataset: Dataset;
  /** Parsed command-line arguments (kind-specific options such as --scheme). */
  argv: Record<string, unknown>;
  templatesDir?: string;
  lang: Lang;
  /** The run's working-day calendar (--calendar-override). */
  calendar: Calendar;
}

export interface BuiltDocument {
  tree: DocumentTree;
  /** Extra outputs by format, e.g. { xlsx: () => bytes }. */
  extra?: Record<string, () => Promise<Uint8Array>>;
  /** Messages for the clerk (e.g. findings), printed after writing. */
  warnings?: string[];
}

export interface DocumentKind {
  name: string;
  /** Default output file name without extension. */
  baseName: string;
  describe: { zh: string; en: string };
  /** Output formats this kind supports; the first is the default. */
  formats: readonly string[];
  /** Kind-specific options. */
  options?: (y: Argv) => Argv;
  build(ctx: RenderContext): Promise<BuiltDocument>;
}

/** Last year's dataset (--previous), redacted like this year's under --redact. */
function loadPrevious(ctx: RenderContext, file: unknown): Dataset | undefined {
  if (typeof file !== "string") return undefined;
  const previous = loadDataset(file, { lang: ctx.lang });
  return ctx.argv.redact === true ? redactPersonalData(previous) : previous;
}

/** The `summary` entry kind. */
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
    const { buildSummary } = await import("../compose/documents/summary.js");
    const previous = loadPrevious(ctx, ctx.argv.previous);
    return { tree: buildSummary({ ...(ctx as SummaryInput), previous }) };
  },
};

/** The formats asked for on the command line (--format docx,pdf,xlsx). */
function requestedFormats(argv: Record<string, unknown>): string[] {
  const v = argv.format;
  return (Array.isArray(v) ? v : [v])
    .flatMap((x) => String(x ?? "").split(","))
    .map((x) => x.trim().toLowerCase())
    .filter((x) => x !== "");
}

/** The `annual-report` entry kind. */
export const annualReportDocument: DocumentKind = {
  name: "annual-report",
  baseName: "annual-report",
  describe: {
    zh: "政府信息公开工作年度报告",
    en: "annual report on government information disclosure",
  },
  formats: ["docx", "pdf", "xlsx"],
  options: (y) =>
    y
      .option("format-version", {
        type: "string",
        choices: [...FORMAT_VERSIONS],
        describe:
          "年度报告格式版本（默认按报告年度：2021年起2021，2019–2020年2019，此前2008）/ format version (default by the report year)",
      })
      .option("previous", {
        type: "string",
        describe:
          "上一年度的数据文件，核对“上年结转”与上年“结转下年度” / last year's dataset, to check the carry-over",
      }),
  build: async (ctx) => {
    const { lang } = ctx;
    const versionArg = ctx.argv["format-version"];
    const version = versionArg === undefined ? undefined : String(versionArg);
    if (version !== undefined && !isFormatVersion(version)) {
      throw new UserError(
        t(
          lang,
          `--format-version 只能是 ${FORMAT_VERSIONS.join("、")}`,
          `--format-version must be one of ${FORMAT_VERSIONS.join(", ")}`,
        ),
      );
    }
    const previous = loadPrevious(ctx, ctx.argv.previous);
    const { buildAnnualReport } = await import("../compose/documents/annual-report.js");
    const built = buildAnnualReport({
      dataset: ctx.dataset,
      version,
      previous,
      calendar: ctx.calendar,
      templatesDir: ctx.templatesDir,
      lang,
    });
    if (!built.spreadsheet && requestedFormats(ctx.argv).includes("xlsx")) {
      throw new UserError(
        t(
          lang,
          `${built.report.version}年格式的年度报告没有统计表，不能输出 xlsx`,
          `the ${built.report.version} format has no tables; xlsx output is not available`,
        ),
      );
    }
    const spreadsheet = built.spreadsheet;
    return {
      tree: built.tree,
      ...(spreadsheet
        ? {
            extra: {
              xlsx: async () => (await import("../render/xlsx/index.js")).renderXlsx(spreadsheet),
            },
          }
        : {}),
      warnings: built.warnings,
    };
  },
};

/** The `self-audit` entry kind. */
export const selfAuditDocument: DocumentKind = {
  name: "self-audit",
  baseName: "self-audit",
  describe: { zh: "考核自查报告", en: "self-audit report against an assessment scheme" },
  formats: ["docx", "pdf"],
  options: (y) =>
    y
      .option("scheme", {
        type: "string",
        describe:
          "考核方案文件（默认按数据年度：2019年及以前 samples/assessment-2014.json，2020年起 samples/assessment-2019.json）/ assessment scheme file (default by the data's year)",
      })
      .option("previous", {
        type: "string",
        describe: "上年度数据文件（核对年度报告上年结转）/ last year's dataset (annual report carry-over)",
      }),
  build: async (ctx) => {
    const schemeFile = typeof ctx.argv.scheme === "string" ? ctx.argv.scheme : undefined;
    const previous = loadPrevious(ctx, ctx.argv.previous);
    const [{ loadScheme }, { buildSelfAudit }] = await Promise.all([
      import("../audit/scheme.js"),
      import("../compose/documents/self-audit.js"),
    ]);
    const { tree } = buildSelfAudit({
      dataset: ctx.dataset,
      scheme: loadScheme(schemeFile, ctx.lang, ctx.dataset.year),
      ...(previous ? { previous } : {}),
      calendar: ctx.calendar,
      templatesDir: ctx.templatesDir,
      lang: ctx.lang,
    });
    return { tree };
  },
};

export const documentKinds: DocumentKind[] = [];
documentKinds.push(summaryDocument);
documentKinds.push(annualReportDocument);
documentKinds.push(selfAuditDocument);
