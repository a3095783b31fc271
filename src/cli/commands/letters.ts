/**
 * gongwen letters <data.json> --out DIR [--request ID]... [--kind reply|receipt|correction|extension|consultation|fee]...
 *                 [--format docx,pdf] [--merge] [--templates DIR] [--force] [--missing] [--json]
 *
 * The unified on-request disclosure letters: DIR/<id>-<kind>.docx|pdf for every application and
 * every letter that applies to it; --merge also writes DIR/letters-print.pdf for duplex printing.
 * Letters that cannot be made are reported (id and field) after the others are written; exit 2.
 * --missing writes only the files DIR/manifest.json does not list (an interrupted batch is
 * completed; what was skipped is reported).
 */
import type { Argv, CommandModule } from "yargs";
import { resolve } from "node:path";
import { UserError } from "../../util/errors.js";
import { maskPersonalPatterns } from "../../util/personal-patterns.js";
import { isBatchFatal } from "../../util/fs-atomic.js";
import { cliCalendar, withCalendarOption } from "../calendar-option.js";
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
import { resolveInterpretations } from "../../facts/interpretations.js";
import { FONT_CONFIG_OPTION, FORCE_OPTION, VERBOSE_OPTION } from "../options.js";

interface LettersArgs {
  data: string;
  "calendar-override"?: string;
  out: string;
  request?: string[];
  kind?: string[];
  format?: string | string[];
  merge: boolean;
  templates?: string;
  "font-config"?: string;
  seal?: string;
  "seal-image"?: string;
  force: boolean;
  missing: boolean;
  json: boolean;
  verbose: boolean;
  names: "ascii" | "zh";
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

/**
 * Load the dataset and write its letters: the dataset (and its text, kept to place errors at
 * line:column) is dropped when this returns, before the manifest is folded and the result
 * printed — at 50,000 letters ≈35 MB that the rest of the command does not need.
 */
async function makeLetters(argv: LettersArgs, lang: Lang) {
  // Loaded when the command runs, not when the CLI starts.
  const { LETTER_FORMATS, writeLetters } = await import("../../letters/batch.js");
  const { loadLettersDataset } = await import("../../letters/load.js");
  const formats = parseFormats(argv.format ?? "docx,pdf", LETTER_FORMATS, lang) as LetterFormat[];
  const kinds = parseKinds(argv.kind, lang);
  const { sealMark } = await import("../../render/seal.js");
  const seal =
    argv.seal !== undefined || argv["seal-image"] !== undefined
      ? sealMark(argv.seal, argv["seal-image"], lang)
      : undefined;
  const loaded = loadLettersDataset(argv.data, lang, { fieldKeys: argv.json });
  const { invalid } = loaded;
  const dataset = argv.redact
    ? (await import("../../data/redact.js")).redactPersonalData(loaded.dataset)
    : loaded.dataset;
  const { checkManifest, finishManifestRun, startManifestRun } = await import("../../render/manifest.js");
  // Records what an interrupted run left in its journal; lists what the manifest has.
  const listed = checkManifest(argv.out, { force: argv.force, lang });
  // Each letter is recorded as it is renamed into place, so a batch killed half-way leaves a
  // manifest (folded by the next run) listing every file it wrote; --missing completes it.
  const recorder = startManifestRun(
    argv.out,
    {
      command: "letters",
      input: argv.data,
      ...(argv.templates ? { templatesDir: resolve(argv.templates) } : {}),
      inputs: {
        fontConfig: argv["font-config"],
        calendarOverride: argv["calendar-override"],
        ...(seal?.mode === "image" ? { sealImage: seal.file } : {}),
      },
      redacted: argv.redact,
      interpretations: resolveInterpretations(dataset),
    },
    { force: argv.force, lang },
  );

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
    names: argv.names,
    ...(argv.templates ? { templatesDir: resolve(argv.templates) } : {}),
    force: argv.force,
    lang,
    ...(argv["font-config"] ? { pdf: { fontConfig: argv["font-config"] } } : {}),
    ...(seal ? { seal } : {}),
    ...(argv["calendar-override"] !== undefined
      ? { calendar: await cliCalendar(argv["calendar-override"], lang) }
      : {}),
    recorder,
    // --json names fields by their keys; the Chinese output by their Chinese names.
    fieldKeys: argv.json,
    source: loaded.source,
    ...(argv.missing ? { listed } : {}),
    onProgress: (done, total) => {
      if (!bar) return;
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
      if (done === total) bar.stop();
    },
  }).catch((e: unknown) => {
    // Stopped (a full disk): record what was written, if the manifest can still be written;
    // otherwise the journal keeps it for the next run.
    if (isBatchFatal(e))
      try {
        finishManifestRun(recorder);
      } catch {
        // Left in the journal.
      }
    throw e;
  });
  if (bar && started) bar.stop();
  return { result, recorder };
}

export const lettersCommand: CommandModule<object, LettersArgs> = {
  command: "letters <data>",
  describe: "依申请公开答复文本（回执、补正、延期、征求意见、收费、答复书）/ on-request disclosure letters",
  builder: (y: Argv) =>
    withCalendarOption(y)
      .positional("data", {
        type: "string",
        describe: "年度数据文件（JSON）/ dataset JSON file",
        demandOption: true,
      })
      .option("out", { type: "string", describe: "输出目录 / output folder", demandOption: true })
      .option("request", {
        type: "string",
        array: true,
        describe: "只写这些申请编号的文书（可重复）/ only these application ids (repeatable)",
      })
      .option("kind", {
        type: "string",
        array: true,
        describe: `只写这些种类的文书（可重复）：${KIND_OPTIONS.join("|")} / only these letters (repeatable): ${KIND_OPTIONS.join("|")}`,
      })
      .option("format", {
        type: "string",
        array: true,
        describe: "输出格式：docx、pdf，逗号分隔（默认两种都写）/ docx,pdf (default both)",
      })
      .option("merge", {
        type: "boolean",
        default: false,
        describe: `另写合并打印文件 letters-print.pdf，每件文书从奇数页起 / also write letters-print.pdf, each letter on an odd page`,
      })
      .option("templates", {
        type: "string",
        describe:
          "模板目录（含 letters/config.json），其中的模板替换同名内置模板 / folder of templates (and letters/config.json)",
      })
      .option("font-config", FONT_CONFIG_OPTION)
      .option("seal", {
        type: "string",
        describe:
          "盖章处显示：none（打印后手工盖章）| placeholder（草稿，红色占位圈）| image（电子印章）；默认取 letters/config.json 的 sealMode，否则 none / what sealed letters show: none (stamped by hand) | placeholder | image; default: letters/config.json sealMode, else none",
      })
      .option("seal-image", {
        type: "string",
        describe:
          "电子印章图片：透明背景的 PNG（即 --seal image）/ electronic seal, a PNG with transparency (implies --seal image)",
      })
      .option("force", FORCE_OPTION)
      .option("missing", {
        type: "boolean",
        default: false,
        describe:
          "只补写 DIR/manifest.json 中没有的文书（续写中断的批次）/ write only the letters DIR/manifest.json does not list (completes an interrupted batch)",
      })
      .option("redact", {
        type: "boolean",
        default: false,
        describe:
          "隐去申请人个人信息（申请人A…、***）；答复文书寄给申请人本人，默认不隐去 / replace the applicant's personal data (申请人A…, ***); letters go to the applicant, so off by default",
      })
      .option("json", {
        type: "boolean",
        default: false,
        describe: "以 JSON 输出写出的文件 / print the files written as JSON",
      })
      .option("names", {
        choices: ["ascii", "zh"] as const,
        default: "ascii" as const,
        describe:
          "文件名：ascii 如 YSQ2025-001-reply.pdf（默认），zh 如 YSQ2025-001-答复书.pdf / file names: ascii (YSQ2025-001-reply.pdf, the default) or zh (YSQ2025-001-答复书.pdf)",
      })
      .option("verbose", VERBOSE_OPTION) as unknown as Argv<LettersArgs>,
  handler: async (argv) => {
    const lang = parseLang(argv.lang);
    // A batch's heap stays within 1.5× what is live (see util/heap.ts).
    (await import("../../util/heap.js")).boundHeapGrowth();
    const { result, recorder } = await makeLetters(argv, lang);
    // Messages go to logs: phone, ID and e-mail shaped values in them are masked.
    for (const list of [result.errors, result.warnings, result.notices])
      list.splice(0, list.length, ...list.map((m) => maskPersonalPatterns(m)));
    const { countsLine } = await import("../../letters/batch.js");
    const { finishManifestRun } = await import("../../render/manifest.js");
    // Recorded whether or not some letters failed: DIR/manifest.json lists what was written.
    const manifest = finishManifestRun(recorder, result.merged ? [result.merged] : []);

    if (argv.json) {
      // In pieces: the list of a 50,000-letter batch is ≈25 MB of JSON, not built as one string.
      const { jsonChunks, writeChunksTo } = await import("../../util/json-chunks.js");
      const out = {
        files: result.files,
        merged: result.merged,
        counts: result.counts,
        skipped: result.skipped,
        errors: result.errors,
        warnings: result.warnings,
        notices: result.notices,
        threads: result.threads,
        manifest,
      };
      // Waiting for a pipe's reader: otherwise the whole text is queued in memory at once.
      await writeChunksTo(
        (function* () {
          yield* jsonChunks(out);
          yield "\n";
        })(),
        process.stdout,
      );
    } else if (argv.verbose) {
      const { writeChunksTo } = await import("../../util/json-chunks.js");
      // A line per file (100,000 for 50,000 letters), waiting for a pipe's reader as --json does.
      await writeChunksTo(
        (function* () {
          for (const f of result.files) {
            const pages = f.pages !== undefined ? t(lang, `，${f.pages}页`, `, ${f.pages} pages`) : "";
            yield t(lang, `已写入 ${f.path}${pages}`, `wrote ${f.path}${pages}`) + "\n";
          }
        })(),
        process.stdout,
      );
      if (result.merged)
        process.stdout.write(
          t(
            lang,
            `已写入 ${result.merged.path}，${result.merged.pages}页（合并打印）`,
            `wrote ${result.merged.path}, ${result.merged.pages} pages (print file)`,
          ) + "\n",
        );
      if (result.skipped.length > 0)
        process.stdout.write(
          t(
            lang,
            `已跳过清单中已有的 ${result.skipped.length} 个文件（--missing）`,
            `skipped ${result.skipped.length} file${result.skipped.length === 1 ? "" : "s"} the manifest lists (--missing)`,
          ) + "\n",
        );
      process.stdout.write(t(lang, `已更新清单 ${manifest}`, `recorded in ${manifest}`) + "\n");
      process.stdout.write(countsLine(result, lang, LETTER_KIND_LABELS) + "\n");
    } else {
      // One line: how many letters of each kind, what was skipped, the manifest (every file with --verbose).
      const n = result.skipped.length;
      const skipped =
        n > 0
          ? t(
              lang,
              `；已跳过清单中已有的 ${n} 个文件（--missing）`,
              `; skipped ${n} file${n === 1 ? "" : "s"} the manifest lists (--missing)`,
            )
          : "";
      const merged = result.merged
        ? t(lang, `，合并打印 ${result.merged.pages}页`, `, print file ${result.merged.pages} pages`)
        : "";
      process.stdout.write(
        countsLine(result, lang, LETTER_KIND_LABELS) +
          merged +
          skipped +
          t(lang, `；清单 ${manifest}`, `; recorded in ${manifest}`) +
          "\n",
      );
    }
    for (const n of result.notices) process.stderr.write(t(lang, `提示：${n}`, `note: ${n}`) + "\n");
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
