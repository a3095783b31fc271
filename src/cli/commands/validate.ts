/**
 * `gongwen validate <file> [--json] [--lang zh|en]`: check a dataset file against the schema and
 * the rules beyond it. Exit 0 when valid, 2 when not (every error listed at once). With --json
 * the errors are printed to stdout as a JSON array ([] when valid).
 */
import type { Argv, CommandModule } from "yargs";
import { countText } from "../../data/count.js";
import type { Dataset } from "../../data/types.js";
import { EXIT } from "../../util/errors.js";
import { parseLang, t, type Lang } from "../../util/i18n.js";

interface ValidateArgs {
  file: string;
  json: boolean;
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
      }) as unknown as Argv<ValidateArgs>,
  handler: async (argv) => {
    const lang = parseLang(argv.lang);
    // Loaded when the command runs, not when the CLI starts.
    const { DatasetError, readDatasetText } = await import("../../data/load.js");
    const { validateDatasetText } = await import("../../data/validate.js");
    const file = argv.file;
    const result = validateDatasetText(readDatasetText(file, lang), file, lang);
    if (argv.json) {
      process.stdout.write(JSON.stringify(result.errors, null, 2) + "\n");
      if (!result.ok) process.exitCode = EXIT.input;
      return;
    }
    if (result.ok) {
      process.stdout.write(
        t(
          lang,
          `${file}：数据有效（${digest(result.data, lang)}）`,
          `${file}: valid (${digest(result.data, lang)})`,
        ) + "\n",
      );
      return;
    }
    const n = result.errors.length;
    throw new DatasetError(
      t(lang, `${file}：数据有 ${n} 处错误`, `${file}: ${n} error${n === 1 ? "" : "s"} in the data`),
      result.errors,
      lang,
    );
  },
};
