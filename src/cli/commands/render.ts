/**
 * gongwen render <kind> <data.json> --out DIR [--format docx,pdf] [--templates DIR] [--force]
 * One subcommand per document kind registered in ../documents.ts.
 */
import type { Argv, CommandModule } from "yargs";
import { resolve } from "node:path";
import type { DocumentKind } from "../documents.js";
import { parseFormats, writeDocument } from "../../render/output.js";
import { parseLang, t } from "../../util/i18n.js";
import { printOutputResult } from "../print.js";

interface RenderArgs {
  data: string;
  out: string;
  format?: string | string[];
  templates?: string;
  force: boolean;
  json: boolean;
  redact: boolean;
  "font-config"?: string;
  lang: string;
  [k: string]: unknown;
}

function kindCommand(kind: DocumentKind): CommandModule<object, RenderArgs> {
  return {
    command: `${kind.name} <data>`,
    describe: `${kind.describe.zh} / ${kind.describe.en}`,
    builder: (y: Argv) => {
      const b = y
        .positional("data", {
          type: "string",
          describe: "dataset JSON file / 年度数据文件",
          demandOption: true,
        })
        .option("out", { type: "string", describe: "output folder / 输出目录", demandOption: true })
        .option("format", {
          type: "string",
          array: true,
          describe: `output formats, comma separated: ${kind.formats.join(",")}`,
        })
        .option("templates", { type: "string", describe: "folder of templates overriding the built-in ones" })
        .option("font-config", { type: "string", describe: "font configuration file for PDF output" })
        .option("force", {
          type: "boolean",
          default: false,
          describe: "overwrite existing files / 覆盖已有文件",
        })
        .option("json", { type: "boolean", default: false, describe: "print the result as JSON" })
        .option("redact", {
          type: "boolean",
          default: false,
          describe: "replace applicants' personal data for publication (申请人A…, ***) / 隐去申请人个人信息",
        });
      return (kind.options ? kind.options(b as unknown as Argv) : b) as unknown as Argv<RenderArgs>;
    },
    handler: async (argv) => {
      const lang = parseLang(argv.lang);
      const formats = parseFormats(argv.format ?? kind.formats[0], kind.formats, lang);
      // Heavy modules are loaded when a command runs, not when the CLI starts.
      const { loadDataset } = await import("../../data/load.js");
      let dataset = loadDataset(argv.data, { lang });
      if (argv.redact) dataset = (await import("../../data/redact.js")).redactPersonalData(dataset);
      const built = await kind.build({
        file: argv.data,
        dataset,
        argv,
        templatesDir: argv.templates ? resolve(argv.templates) : undefined,
        lang,
      });
      const { checkManifest, updateManifest } = await import("../../render/manifest.js");
      checkManifest(argv.out, { force: argv.force, lang });
      const result = await writeDocument(built.tree, {
        outDir: argv.out,
        baseName: kind.baseName,
        formats,
        force: argv.force,
        fontConfig: argv["font-config"],
        lang,
        extra: built.extra,
      });
      const fileArg = (k: string) => (typeof argv[k] === "string" ? (argv[k] as string) : undefined);
      result.manifest = updateManifest(
        argv.out,
        {
          command: `render ${kind.name}`,
          input: argv.data,
          ...(argv.templates ? { templatesDir: resolve(argv.templates) } : {}),
          inputs: {
            scheme: fileArg("scheme"),
            previous: fileArg("previous"),
            fontConfig: fileArg("font-config"),
          },
          redacted: argv.redact,
        },
        result.files,
        { force: argv.force, lang },
      );
      result.warnings.unshift(...(built.warnings ?? []));
      printOutputResult(result, { json: argv.json, lang });
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
    for (const k of documentKinds) b = b.command(kindCommand(k) as unknown as CommandModule<object, object>);
    return b.demandCommand(1, t("zh", "请指定要渲染的公文种类", "choose a document kind"));
  },
  handler: () => {},
};
