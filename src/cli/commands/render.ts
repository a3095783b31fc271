/**
 * gongwen render <kind> <data.json> --out DIR [--format docx,pdf] [--templates DIR] [--force]
 * One subcommand per document kind registered in ../documents.ts.
 */
import type { Argv, CommandModule } from "yargs";
import { langOfArgv, withExamplesOf } from "../help.js";
import { resolve } from "node:path";
import type { DocumentKind } from "../documents.js";
import { parseFormats, writeDocument } from "../../render/output.js";
import { parseLang, t } from "../../util/i18n.js";
import { printOutputResult } from "../print.js";
import { isDocumentTarget } from "../../data/requirements.js";
import { refuseMissingFields } from "./validate.js";
import { cliCalendar, withCalendarOption } from "../calendar-option.js";
import { resolveInterpretations } from "../../facts/interpretations.js";
import {
  FONT_CONFIG_OPTION,
  FORCE_OPTION,
  JSON_OPTION,
  TEMPLATES_OPTION,
  VERBOSE_OPTION,
} from "../options.js";

interface RenderArgs {
  data: string;
  out: string;
  format?: string | string[];
  templates?: string;
  force: boolean;
  json: boolean;
  verbose?: boolean;
  redact: boolean;
  "font-config"?: string;
  seal?: string;
  "seal-image"?: string;
  "calendar-override"?: string;
  lang: string;
  [k: string]: unknown;
}

function kindCommand(kind: DocumentKind): CommandModule<object, RenderArgs> {
  return {
    command: `${kind.name} <data>`,
    describe: `${kind.describe.zh} / ${kind.describe.en}`,
    builder: (y: Argv) => {
      const b = withCalendarOption(y)
        .positional("data", {
          type: "string",
          describe: "年度数据文件（JSON）/ dataset JSON file",
          demandOption: true,
        })
        .option("out", { type: "string", describe: "输出目录 / output folder", demandOption: true })
        .option("format", {
          type: "string",
          array: true,
          describe: `输出格式，逗号分隔：${kind.formats.join(",")} / output formats, comma separated: ${kind.formats.join(",")}`,
        })
        .option("templates", TEMPLATES_OPTION)
        .option("font-config", FONT_CONFIG_OPTION)
        .option("seal", {
          type: "string",
          describe:
            "盖章处显示：none（默认，打印后手工盖章）| placeholder（草稿，红色占位圈）| image（电子印章）/ what a sealed signature shows: none (default: stamped by hand) | placeholder | image",
        })
        .option("seal-image", {
          type: "string",
          describe:
            "电子印章图片：透明背景的 PNG（即 --seal image）/ electronic seal, a PNG with transparency (implies --seal image)",
        })
        .option("force", FORCE_OPTION)
        .option("json", JSON_OPTION)
        .option("verbose", VERBOSE_OPTION)
        .option("redact", {
          type: "boolean",
          default: false,
          describe:
            "隐去申请人个人信息（姓名作申请人A、B…，联系方式和证件号作 ***），用于公开发布 / replace applicants' personal data for publication (申请人A…, ***)",
        });
      return (kind.options ? kind.options(b as unknown as Argv) : b) as unknown as Argv<RenderArgs>;
    },
    handler: async (argv) => {
      const lang = parseLang(argv.lang);
      const formats = parseFormats(argv.format ?? kind.formats[0], kind.formats, lang);
      const { sealMark } = await import("../../render/seal.js");
      const seal = sealMark(argv.seal, argv["seal-image"], lang);
      // Heavy modules are loaded when a command runs, not when the CLI starts.
      const { loadDataset } = await import("../../data/load.js");
      let dataset = loadDataset(argv.data, { lang });
      if (isDocumentTarget(kind.name)) await refuseMissingFields(kind.name, dataset, argv.data, lang);
      if (argv.redact) dataset = (await import("../../data/redact.js")).redactPersonalData(dataset);
      const built = await kind.build({
        file: argv.data,
        dataset,
        argv,
        templatesDir: argv.templates ? resolve(argv.templates) : undefined,
        lang,
        calendar: await cliCalendar(argv["calendar-override"], lang),
      });
      const { checkManifest, recordedRun, startManifestRun } = await import("../../render/manifest.js");
      checkManifest(argv.out, { force: argv.force, lang });
      const fileArg = (k: string) => (typeof argv[k] === "string" ? (argv[k] as string) : undefined);
      // Each output is journaled as it is renamed into place: a run killed (or failing) between
      // two formats leaves what it wrote recorded, now or by the next run into the folder.
      const recorder = startManifestRun(
        argv.out,
        {
          command: `render ${kind.name}`,
          input: argv.data,
          ...(argv.templates ? { templatesDir: resolve(argv.templates) } : {}),
          inputs: {
            scheme: fileArg("scheme"),
            previous: fileArg("previous"),
            fontConfig: fileArg("font-config"),
            calendarOverride: fileArg("calendar-override"),
            sealImage: seal.mode === "image" ? seal.file : undefined,
          },
          redacted: argv.redact,
          interpretations: resolveInterpretations(dataset),
        },
        { force: argv.force, lang },
      );
      const run = await recordedRun(recorder, () =>
        writeDocument(built.tree, {
          outDir: argv.out,
          baseName: kind.baseName,
          formats,
          force: argv.force,
          fontConfig: argv["font-config"],
          seal,
          lang,
          extra: built.extra,
          recorder,
        }),
      );
      const result = { ...run.result, manifest: run.manifest };
      result.warnings.unshift(...(built.warnings ?? []));
      printOutputResult(result, { json: argv.json, lang, verbose: argv.verbose === true });
    },
  };
}

export const renderCommand: CommandModule<object, object> = {
  command: "render",
  describe: "渲染公文（DOCX/PDF）/ render a document",
  // Async: the document kinds (and their builders) are loaded only when `render` is used.
  builder: async (y: Argv) => {
    const { documentKinds } = await import("../documents.js");
    let b = y;
    const lang = langOfArgv(process.argv);
    for (const k of documentKinds)
      b = b.command(
        withExamplesOf(
          kindCommand(k),
          [
            [
              `$0 render ${k.name} operations.json --out 输出`,
              { zh: `生成${k.describe.zh}（DOCX 和 PDF）`, en: `the ${k.describe.en} (DOCX and PDF)` },
            ],
          ],
          lang,
        ) as unknown as CommandModule<object, object>,
      );
    return b.demandCommand(1, t("zh", "请指定要渲染的公文种类", "choose a document kind"));
  },
  handler: () => {},
};
