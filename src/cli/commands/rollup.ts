/**
 * gongwen rollup <data.json>... --year Y --out DIR [--format docx,pdf,xlsx] [--government FILE]
 *
 * The 本级人民政府's roll-up annual report from its departments' yearly datasets (one file per
 * department): the tables summed, the consistency rules run on every department and on the sum
 * (a department whose tables fail is named, exit 2), DOCX/PDF in the national format and XLSX
 * with the tables and a comparison sheet of the agencies. --government names the government's own
 * dataset (its name, contacts, report date and passages head the report; it is summed as one of
 * the agencies); without it the report is the departments' parentGovernment's, dated and
 * worded by the clerk (placeholders). Outputs as `render` writes them: never over an existing
 * file without --force, a manifest of every input and output.
 */
import type { Argv, CommandModule } from "yargs";
import { resolve } from "node:path";
import { parseFormats, writeDocument } from "../../render/output.js";
import { UserError } from "../../util/errors.js";
import { parseLang, t } from "../../util/i18n.js";
import { printOutputResult } from "../print.js";
import { cliCalendar, withCalendarOption } from "../calendar-option.js";
import {
  FONT_CONFIG_OPTION,
  FORCE_OPTION,
  JSON_OPTION,
  TEMPLATES_OPTION,
  VERBOSE_OPTION,
} from "../options.js";

interface RollupArgs {
  data: string[];
  year: string;
  out: string;
  government?: string;
  format?: string | string[];
  templates?: string;
  force: boolean;
  json: boolean;
  verbose?: boolean;
  "font-config"?: string;
  "calendar-override"?: string;
  lang: string;
}

const FORMATS = ["docx", "pdf", "xlsx"] as const;

export const rollupCommand: CommandModule<object, RollupArgs> = {
  command: "rollup <data..>",
  describe:
    "汇总各部门的政府信息公开工作年度报告（本级人民政府年度报告）/ roll the departments' annual reports up into the government's",
  builder: (y: Argv) =>
    withCalendarOption(y)
      .positional("data", {
        type: "string",
        array: true,
        describe:
          "各部门的年度数据文件（JSON，每个部门一个）/ the departments' yearly datasets, one per department",
        demandOption: true,
      })
      .option("year", { type: "string", describe: "报告年度 / report year", demandOption: true })
      .option("out", { type: "string", describe: "输出目录 / output folder", demandOption: true })
      .option("government", {
        type: "string",
        describe:
          "本级人民政府自己的年度数据文件：名称、联系方式、成文日期和文字取自该文件，其表格一并汇总 / the government's own dataset (name, contacts, date, passages; summed too)",
      })
      .option("format", {
        type: "string",
        array: true,
        describe: `输出格式，逗号分隔：${FORMATS.join(",")} / output formats, comma separated: ${FORMATS.join(",")}`,
      })
      .option("templates", TEMPLATES_OPTION)
      .option("font-config", FONT_CONFIG_OPTION)
      .option("force", FORCE_OPTION)
      .option("json", JSON_OPTION)
      .option("verbose", VERBOSE_OPTION) as unknown as Argv<RollupArgs>,
  handler: async (argv) => {
    const lang = parseLang(argv.lang);
    const formats = parseFormats(argv.format ?? "docx,pdf,xlsx", FORMATS, lang);
    if (!/^\d{4}$/.test(String(argv.year)))
      throw new UserError(
        t(lang, `--year 应为四位年份：${argv.year}`, `--year must be a four-digit year: ${argv.year}`),
      );
    const year = Number(argv.year);
    const { loadDataset } = await import("../../data/load.js");
    const { deriveFacts, rollupDepartment } = await import("../../facts/index.js");
    const { rollupAnnualReport } = await import("../../audit/rollup.js");
    const { buildRollupReport, rollupHeadOf } = await import("../../compose/documents/index.js");
    const { renderXlsx } = await import("../../render/xlsx/index.js");
    const calendar = await cliCalendar(argv["calendar-override"], lang);
    // The government's own file is summed too, once, also when it is listed among the departments.
    const seen = new Set<string>();
    const files = [...(argv.government ? [argv.government] : []), ...argv.data].filter((f) => {
      const key = resolve(f);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const datasets = files.map((f) => ({ file: f, dataset: loadDataset(f, { lang }) }));
    const names = new Map<string, string>();
    for (const { file, dataset } of datasets) {
      const other = names.get(dataset.agency.name);
      if (other)
        throw new UserError(
          t(
            lang,
            `两个数据文件是同一机关“${dataset.agency.name}”的：${other}、${file}`,
            `two datasets are of the same agency “${dataset.agency.name}”: ${other}, ${file}`,
          ),
        );
      names.set(dataset.agency.name, file);
    }
    const rollup = rollupAnnualReport(
      datasets.map(({ file, dataset }) =>
        rollupDepartment(dataset.agency.name, deriveFacts(dataset, { calendar }), file),
      ),
      { year, lang },
    );
    const head = argv.government ? rollupHeadOf(datasets[0]!.dataset) : null;
    const parents = [...new Set(datasets.map((d) => d.dataset.agency.parentGovernment))];
    if (!head && parents.length !== 1) {
      throw new UserError(
        t(
          lang,
          `各部门的上级人民政府不一致（${parents.join("、")}）：请用 --government 指定本级人民政府的数据文件`,
          `the departments name different governments (agency.parentGovernment: ${parents.join(", ")}); name the government's dataset with --government`,
        ),
      );
    }
    const built = buildRollupReport({
      rollup,
      government: head?.government ?? { name: parents[0]! },
      signedOn: head?.signedOn ?? null,
      narrative: head?.narrative ?? {},
      templatesDir: argv.templates ? resolve(argv.templates) : undefined,
      lang,
    });
    const { checkManifest, recordedRun, startManifestRun } = await import("../../render/manifest.js");
    checkManifest(argv.out, { force: argv.force, lang });
    const inputs: Record<string, string | undefined> = {
      fontConfig: argv["font-config"],
      calendarOverride: argv["calendar-override"],
    };
    files.slice(1).forEach((f, i) => (inputs[`department${String(i + 2).padStart(3, "0")}`] = f));
    const recorder = startManifestRun(
      argv.out,
      {
        command: "rollup",
        input: files[0]!,
        ...(argv.templates ? { templatesDir: resolve(argv.templates) } : {}),
        inputs,
        redacted: false,
      },
      { force: argv.force, lang },
    );
    const run = await recordedRun(recorder, () =>
      writeDocument(built.tree, {
        outDir: argv.out,
        baseName: "rollup-annual-report",
        formats,
        force: argv.force,
        fontConfig: argv["font-config"],
        lang,
        extra: { xlsx: () => renderXlsx(built.spreadsheet) },
        recorder,
      }),
    );
    const result = { ...run.result, manifest: run.manifest };
    result.warnings.unshift(...built.warnings);
    printOutputResult(result, { json: argv.json, lang, verbose: argv.verbose === true });
  },
};
