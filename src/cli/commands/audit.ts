/**
 * gongwen audit <data.json> [--scheme FILE] [--previous FILE] [--format text|json] [--fail-on error|warning] [--lang zh|en]
 * gongwen audit --rules [--scheme FILE]
 *
 * The pre-assessment self-audit: every rule over the dataset's facts, scored by the scheme
 * (default samples/assessment-2014.json). Text is a table for a terminal (colour only on a TTY
 * without NO_COLOR); JSON is every finding and the score. Exit 0 when no finding is at or
 * above --fail-on (default error), 1 otherwise, 2 for a bad dataset or scheme.
 */
import type { Argv, CommandModule } from "yargs";
import type { Severity } from "../../audit/finding.js";
import { EXIT, UserError } from "../../util/errors.js";
import { parseLang, t } from "../../util/i18n.js";

interface AuditArgs {
  data?: string;
  scheme?: string;
  previous?: string;
  format: string;
  "fail-on": string;
  rules: boolean;
  lang?: string;
}

/** Colour on a terminal only, and never when NO_COLOR is set (no-color.org). */
export function useColor(): boolean {
  const noColor = process.env.NO_COLOR;
  return process.stdout.isTTY === true && (noColor === undefined || noColor === "");
}

export const auditCommand: CommandModule<object, AuditArgs> = {
  command: "audit [data]",
  describe: "考核自查：按考核方案审核数据并计分 / self-audit against an assessment scheme",
  builder: (y: Argv) =>
    y
      .positional("data", { type: "string", describe: "数据文件 (JSON) / dataset file" })
      .option("scheme", {
        type: "string",
        describe: "考核方案文件（默认 samples/assessment-2014.json）/ assessment scheme file",
      })
      .option("previous", {
        type: "string",
        describe: "上年度数据文件（核对年度报告上年结转）/ last year's dataset (annual report carry-over)",
      })
      .option("format", {
        choices: ["text", "json"] as const,
        default: "text",
        describe: "输出格式 / output format",
      })
      .option("fail-on", {
        choices: ["error", "warning"] as const,
        default: "error",
        describe: "有该级别及以上的问题时以 1 退出 / exit 1 when a finding is at or above this severity",
      })
      .option("rules", {
        type: "boolean",
        default: false,
        describe: "列出全部审核规则 / list every audit rule",
      }) as unknown as Argv<AuditArgs>,
  handler: async (argv) => {
    const lang = parseLang(argv.lang);
    // Loaded here, not at start-up: other commands do not pay for the audit.
    const { failsAt, formatAuditText, formatRuleList, listRules, loadScheme, runAudit } =
      await import("../../audit/index.js");
    const { loadDataset } = await import("../../data/load.js");
    const scheme = loadScheme(argv.scheme, lang);
    if (argv.rules) {
      const runs = listRules(scheme, lang);
      process.stdout.write(
        argv.format === "json" ? JSON.stringify(runs, null, 2) + "\n" : formatRuleList(runs, lang),
      );
      return;
    }
    if (argv.data === undefined)
      throw new UserError(
        t(
          lang,
          "请指定数据文件：gongwen audit <data.json>",
          "give a dataset file: gongwen audit <data.json>",
        ),
      );
    const dataset = loadDataset(argv.data, { lang });
    const previous = argv.previous === undefined ? undefined : loadDataset(argv.previous, { lang });
    const result = runAudit(dataset, { scheme, lang, ...(previous ? { previous } : {}) });
    process.stdout.write(
      argv.format === "json"
        ? JSON.stringify(result, null, 2) + "\n"
        : formatAuditText(result, { lang, color: useColor() }),
    );
    if (failsAt(result, argv["fail-on"] as Severity)) process.exitCode = EXIT.audit;
  },
};
