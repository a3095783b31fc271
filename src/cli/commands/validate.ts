/**
 * `gongwen validate <file> [--json] [--lang zh|en]`: check a dataset file against the schema and
 * the rules beyond it. Exit 0 when valid, 2 when not (every error listed at once). Chinese labels
 * given for codes and dates written otherwise than YYYY-MM-DD are read and listed ("读作").
 * With --json, stdout is { errors, normalised } (errors [] when valid).
 */
import type { Argv, CommandModule } from "yargs";
import { countText } from "../../data/count.js";
import { resolve } from "node:path";
import {
  DOCUMENT_TARGET_NAMES,
  DOCUMENT_TARGETS,
  isDocumentTarget,
  type DocumentTarget,
} from "../../data/requirements.js";
import type { Dataset } from "../../data/types.js";
import type { ValidationError } from "../../data/validate.js";
import { EXIT, UserError } from "../../util/errors.js";
import { parseLang, t, type Lang } from "../../util/i18n.js";

interface ValidateArgs {
  file: string;
  json: boolean;
  for?: string[];
  templates?: string;
  lang?: string;
}

/** One line saying what the file holds, so a clerk sees the right file was checked. */
export function digest(d: Dataset, lang: Lang): string {
  const cases = d.approval?.cases;
  const completed = cases
    ? cases.filter((c) => c.completed?.startsWith(`${d.year}-`)).length
    : d.approval?.totals?.completed !== undefined
      ? countText(d.approval.totals.completed)
      : undefined;
  const apps = d.disclosure.applications?.length;
  const parts = [
    t(lang, `${d.year} 年度`, `year ${d.year}`),
    ...(completed !== undefined
      ? [t(lang, `审批办结 ${completed} 件`, `${completed} approval cases completed`)]
      : []),
    ...(apps !== undefined ? [t(lang, `依申请公开申请 ${apps} 件`, `${apps} disclosure requests`)] : []),
  ];
  return parts.join(t(lang, "，", ", "));
}

/** Lines shown of the values read otherwise than written; the rest are counted (all in --json). */
export const NORMALISED_SHOWN = 20;

function normalisedLines<N>(
  list: readonly N[],
  file: string,
  lang: Lang,
  format: (n: N, file: string, lang: Lang) => string,
): string {
  const n = list.length;
  const head = t(
    lang,
    `按中文名称或日期的其他写法读取了 ${n} 处：`,
    `${n} value${n === 1 ? "" : "s"} read from a Chinese label or another way of writing a date:`,
  );
  const lines = list.slice(0, NORMALISED_SHOWN).map((x) => "  " + format(x, file, lang));
  if (n > NORMALISED_SHOWN)
    lines.push(
      t(
        lang,
        `  ……另有 ${n - NORMALISED_SHOWN} 处（全部见 --json）`,
        `  … and ${n - NORMALISED_SHOWN} more (all in --json)`,
      ),
    );
  return [head, ...lines].join("\n") + "\n";
}

/** Placeholders (××) init wrote and nobody replaced: line, column and the text. */
export function placeholders(text: string): { line: number; column: number; value: string }[] {
  const out: { line: number; column: number; value: string }[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const m of text.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) {
    if (!m[1]!.includes("××")) continue;
    for (let i = scanned; i < m.index; i++)
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    scanned = m.index;
    out.push({ line, column: m.index - lineStart + 1, value: m[1]! });
  }
  return out;
}

/** The documents of --for (repeated or comma separated), or a UserError naming the unknown one. */
function documentTargets(given: readonly unknown[] | undefined, lang: Lang): DocumentTarget[] {
  const names = (given ?? [])
    .flatMap((x) => String(x).split(/[,，、]/))
    .map((x) => x.trim())
    .filter((x) => x !== "");
  const unknown = names.filter((x) => !isDocumentTarget(x));
  if (unknown.length > 0)
    throw new UserError(
      t(
        lang,
        `--for 的取值 ${unknown.join("、")} 无法识别，可选：${DOCUMENT_TARGETS.join("、")}`,
        `--for: unknown ${unknown.join(", ")}; choose from ${DOCUMENT_TARGETS.join(", ")}`,
      ),
    );
  return names.filter(isDocumentTarget);
}

/** A field a document needs, located in the file, as validate reports errors (and for which document). */
export type DocumentGap = ValidationError & { for: DocumentTarget };

/**
 * Every field the documents `targets` need that the dataset lacks: the same functions the
 * builders call when they refuse (missingFields; letterContext through letterGaps), located in
 * the text.
 */
export async function documentGaps(
  targets: readonly DocumentTarget[],
  data: Dataset,
  text: string,
  file: string,
  templatesDir: string | undefined,
  lang: Lang,
): Promise<DocumentGap[]> {
  const { missingFields } = await import("../../data/requirements.js");
  const { locatePointers } = await import("../../data/validate.js");
  const found: { for: DocumentTarget; pointer: string; message: string }[] = [];
  for (const target of new Set(targets)) {
    for (const m of missingFields(target, data))
      found.push({ for: target, pointer: m.pointer, message: lang === "en" ? m.message.en : m.message.zh });
    if (target === "letters") {
      const { letterGaps } = await import("../../letters/index.js");
      for (const g of letterGaps(data, {
        lang,
        ...(templatesDir ? { templatesDir: resolve(templatesDir) } : {}),
      }))
        found.push({ for: target, pointer: g.pointer, message: g.message });
    }
  }
  const positions = locatePointers(
    text,
    found.map((f) => f.pointer),
  );
  return found.map((f, i) => ({
    file,
    ...positions[i]!,
    pointer: f.pointer,
    code: "required" as const,
    message: f.message,
    for: f.for,
  }));
}

/**
 * Refuse to render `target` from a dataset that lacks a field it needs, as `validate --for`
 * reports it (file, line:column, pointer): the same list, before anything is composed.
 */
export async function refuseMissingFields(
  target: DocumentTarget,
  data: Dataset,
  file: string,
  lang: Lang,
): Promise<void> {
  const { missingFields } = await import("../../data/requirements.js");
  if (missingFields(target, data).length === 0) return;
  const { DatasetError, readDatasetText } = await import("../../data/load.js");
  const gaps = await documentGaps([target], data, readDatasetText(file, lang), file, undefined, lang);
  const n = gaps.length;
  const name = DOCUMENT_TARGET_NAMES[target];
  throw new DatasetError(
    t(
      lang,
      `${file}：生成${name.zh}还缺少 ${n} 项`,
      `${file}: ${n} field${n === 1 ? "" : "s"} missing for the ${name.en}`,
    ),
    gaps,
    lang,
    data,
  );
}

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: "validate <file>",
  describe: "校验数据文件 / Validate a dataset file",
  builder: (y: Argv) =>
    y
      .positional("file", { type: "string", demandOption: true, describe: "数据文件 (JSON) / dataset file" })
      .option("json", {
        type: "boolean",
        default: false,
        describe: "以 JSON 输出错误列表 / print the errors as JSON",
      })
      .option("for", {
        type: "string",
        array: true,
        describe: "还要检查生成这些公文所需的字段 / also check the fields these documents need",
      })
      .option("templates", {
        type: "string",
        describe: "答复文本模板目录（--for letters 读取其中的 letters/config.json）/ templates folder",
      }) as unknown as Argv<ValidateArgs>,
  handler: async (argv) => {
    const lang = parseLang(argv.lang);
    // Loaded when the command runs, not when the CLI starts.
    const { DatasetError, readDatasetText } = await import("../../data/load.js");
    const { validateDatasetText } = await import("../../data/validate.js");
    const file = argv.file;
    const text = readDatasetText(file, lang);
    const result = validateDatasetText(text, file, lang);
    const targets = documentTargets(argv.for, lang);
    const missing = result.ok
      ? await documentGaps(targets, result.data, text, file, argv.templates, lang)
      : [];
    if (argv.json) {
      const normalised = result.normalised.map((n) => ({
        line: n.line,
        column: n.column,
        pointer: n.pointer,
        kind: n.kind,
        list: n.list,
        from: n.from,
        to: n.to,
        ...(n.source !== undefined ? { source: n.source } : {}),
      }));
      const errors = result.ok ? missing : result.errors;
      process.stdout.write(JSON.stringify({ errors, normalised }, null, 2) + "\n");
      if (errors.length > 0) process.exitCode = EXIT.input;
      return;
    }
    if (result.ok)
      process.stdout.write(
        t(
          lang,
          `${file}：数据有效（${digest(result.data, lang)}）`,
          `${file}: valid (${digest(result.data, lang)})`,
        ) + "\n",
      );
    if (result.ok) {
      const left = placeholders(text);
      for (const p of left)
        process.stderr.write(
          t(
            lang,
            `警告：${file} 第${p.line}行第${p.column}列：仍是占位符“${p.value}”，请换成本机关的信息`,
            `warning: ${file}:${p.line}:${p.column}: still the placeholder "${p.value}"; replace it with the office's details`,
          ) + "\n",
        );
    }
    if (result.normalised.length > 0) {
      const { formatNormalisation } = await import("../../data/validate.js");
      process.stdout.write(normalisedLines(result.normalised, file, lang, formatNormalisation));
    }
    if (result.ok && missing.length > 0) {
      const n = missing.length;
      const names = [...new Set(missing.map((m) => m.for))].map((k) =>
        t(lang, DOCUMENT_TARGET_NAMES[k].zh, DOCUMENT_TARGET_NAMES[k].en),
      );
      throw new DatasetError(
        t(
          lang,
          `${file}：生成${names.join("、")}还缺少 ${n} 项`,
          `${file}: ${n} field${n === 1 ? "" : "s"} missing for the ${names.join(", ")}`,
        ),
        missing,
        lang,
        result.data,
      );
    }
    if (result.ok) {
      for (const k of targets)
        process.stdout.write(
          t(
            lang,
            `${file}：可以生成${DOCUMENT_TARGET_NAMES[k].zh}`,
            `${file}: has what the ${DOCUMENT_TARGET_NAMES[k].en} needs`,
          ) + "\n",
        );
      return;
    }
    const n = result.errors.length;
    throw new DatasetError(
      t(lang, `${file}：数据有 ${n} 处错误`, `${file}: ${n} error${n === 1 ? "" : "s"} in the data`),
      result.errors,
      lang,
      result.value,
    );
  },
};
