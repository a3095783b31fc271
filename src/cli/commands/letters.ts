/**
 * gongwen letters <data.json> --out DIR [--request ID]... [--kind reply|receipt|correction|extension|consultation|fee]...
 *                 [--format docx,pdf] [--merge] [--templates DIR] [--force] [--json]
 *
 * The unified on-request disclosure letters: DIR/<id>-<kind>.docx|pdf for every application and
 * every letter that applies to it; --merge also writes DIR/letters-print.pdf for duplex printing.
 * Letters that cannot be made are reported (id and field) after the others are written; exit 2.
 */
import type { Argv, CommandModule } from "yargs";
import { resolve } from "node:path";
import { UserError } from "../../util/errors.js";
import { parseLang, t, type Lang } from "../../util/i18n.js";
import { parseFormats } from "../../render/output.js";
import type { LetterFormat } from "../../letters/batch.js";
import {
  KIND_OPTIONS,
  kindsOfOption,
  LETTER_KIND_LABELS,
  type KindOption,
  type LetterKind,
} from "../../letters/kinds.js";

interface LettersArgs {
  data: string;
  out: string;
  request?: string[];
  kind?: string[];
  format?: string | string[];
  merge: boolean;
  templates?: string;
  "font-config"?: string;
  force: boolean;
  json: boolean;
  redact: boolean;
  lang: string;
}

function parseKinds(values: readonly string[] | undefined, lang: Lang): LetterKind[] | undefined {
  if (!values || values.length === 0) return undefined;
  const out: LetterKind[] = [];
  for (const raw of values.flatMap((v) => String(v).split(","))) {
    const v = raw.trim();
    if (v === "") continue;
    if (!(KIND_OPTIONS as readonly string[]).includes(v))
      throw new UserError(
        t(
          lang,
          `未知的文书种类 ${v}，可选：${KIND_OPTIONS.join("、")}`,
          `unknown letter kind ${v}; choose from ${KIND_OPTIONS.join(", ")}`,
        ),
      );
    for (const k of kindsOfOption(v as KindOption)) if (!out.includes(k)) out.push(k);
  }
  return out;
}

export const lettersCommand: CommandModule<object, LettersArgs> = {
  command: "letters <data>",
  describe: "依申请公开答复文本（回执、补正、延期、征求意见、收费、答复书）/ on-request disclosure letters",
  builder: (y: Argv) =>
    y
      .positional("data", {
        type: "string",
        describe: "dataset JSON file / 年度数据文件",
        demandOption: true,
      })
      .option("out", { type: "string", describe: "output folder / 输出目录", demandOption: true })
      .option("request", {
        type: "string",
        array: true,
        describe: "only these application ids (repeatable) / 只写这些申请",
      })
      .option("kind", {
        type: "string",
        array: true,
        describe: `only these letters (repeatable): ${KIND_OPTIONS.join("|")} / 只写这些文书`,
      })
      .option("format", { type: "string", array: true, describe: "docx,pdf (default both) / 输出格式" })
      .option("merge", {
        type: "boolean",
        default: false,
        describe: `also write letters-print.pdf, each letter on an odd page / 另出合并打印文件`,
      })
      .option("templates", {
        type: "string",
        describe: "folder of templates (and letters/config.json) / 模板目录",
      })
      .option("font-config", {
        type: "string",
        describe: "font configuration file for PDF output / 字体配置",
      })
      .option("force", {
        type: "boolean",
        default: false,
        describe: "overwrite existing files / 覆盖已有文件",
      })
      .option("redact", {
        type: "boolean",
        default: false,
        describe:
          "replace the applicant's personal data (申请人A…, ***); letters go to the applicant, so off by default / 隐去申请人个人信息",
      })
      .option("json", {
        type: "boolean",
        default: false,
        describe: "print the files written as JSON",
      }) as unknown as Argv<LettersArgs>,
  handler: async (argv) => {
    const lang = parseLang(argv.lang);
    // Loaded when the command runs, not when the CLI starts.
    const { countsLine, LETTER_FORMATS, writeLetters } = await import("../../letters/batch.js");
    const { loadLettersDataset } = await import("../../letters/load.js");
    const formats = parseFormats(argv.format ?? "docx,pdf", LETTER_FORMATS, lang) as LetterFormat[];
    const kinds = parseKinds(argv.kind, lang);
    const loaded = loadLettersDataset(argv.data, lang);
    const { invalid } = loaded;
    const dataset = argv.redact
      ? (await import("../../data/redact.js")).redactPersonalData(loaded.dataset)
      : loaded.dataset;
    const { checkManifest, updateManifest } = await import("../../render/manifest.js");
    checkManifest(argv.out, { force: argv.force, lang });

    const tty = process.stderr.isTTY === true && !argv.json;
    const bar = tty
      ? new (await import("cli-progress")).SingleBar({
          format: t(lang, "生成文书 {bar} {value}/{total}", "letters {bar} {value}/{total}"),
          stream: process.stderr,
          hideCursor: true,
          clearOnComplete: true,
        })
      : undefined;
    let started = false;
    const result = await writeLetters(dataset, invalid, {
      outDir: argv.out,
      formats,
      ...(kinds ? { kinds } : {}),
      ...(argv.request ? { requests: argv.request.map(String) } : {}),
      merge: argv.merge,
      ...(argv.templates ? { templatesDir: resolve(argv.templates) } : {}),
      force: argv.force,
      lang,
      ...(argv["font-config"] ? { pdf: { fontConfig: argv["font-config"] } } : {}),
      onProgress: (done, total) => {
        if (!bar) return;
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
        if (done === total) bar.stop();
      },
    });
    if (bar && started) bar.stop();
    // Recorded whether or not some letters failed: DIR/manifest.json lists what was written.
    const manifest = updateManifest(
      argv.out,
      {
        command: "letters",
        input: argv.data,
        ...(argv.templates ? { templatesDir: resolve(argv.templates) } : {}),
        inputs: { fontConfig: argv["font-config"] },
        redacted: argv.redact,
      },
      [...result.files, ...(result.merged ? [result.merged] : [])],
      { force: argv.force, lang },
    );

    if (argv.json) {
      process.stdout.write(
        JSON.stringify(
          {
            files: result.files,
            merged: result.merged,
            counts: result.counts,
            errors: result.errors,
            warnings: result.warnings,
            manifest,
          },
          null,
          2,
        ) + "\n",
      );
    } else {
      for (const f of result.files) {
        const pages = f.pages !== undefined ? t(lang, `，${f.pages}页`, `, ${f.pages} pages`) : "";
        process.stdout.write(t(lang, `已写入 ${f.path}${pages}`, `wrote ${f.path}${pages}`) + "\n");
      }
      if (result.merged)
        process.stdout.write(
          t(
            lang,
            `已写入 ${result.merged.path}，${result.merged.pages}页（合并打印）`,
            `wrote ${result.merged.path}, ${result.merged.pages} pages (print file)`,
          ) + "\n",
        );
      process.stdout.write(t(lang, `已更新清单 ${manifest}`, `recorded in ${manifest}`) + "\n");
      process.stdout.write(countsLine(result, lang, LETTER_KIND_LABELS) + "\n");
    }
    for (const w of result.warnings) process.stderr.write(t(lang, `警告：${w}`, `warning: ${w}`) + "\n");
    if (result.errors.length > 0) {
      const n = result.errors.length;
      throw new UserError(
        t(lang, `${n} 件文书未能生成：`, `${n} letter${n === 1 ? "" : "s"} could not be made:`),
        result.errors,
      );
    }
  },
};
