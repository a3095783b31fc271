/**
 * gongwen command line. Exit codes: 0 success, 1 audit failure, 2 bad input.
 * User errors print their message without a stack trace.
 */
import yargs from "yargs";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { commands } from "./commands/index.js";
import { PACKAGE_ROOT } from "../util/paths.js";
import { reportError } from "./report-error.js";
import { langOfArgv, localizeDescriptions, withExamples, YARGS_ZH } from "./help.js";

const version = (
  JSON.parse(readFileSync(resolve(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }
).version;

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const lang = langOfArgv(argv);
  const parser = yargs(argv).locale(lang === "en" ? "en" : "zh_CN");
  // y18n takes { one, other } for plurals; the typings say only strings.
  if (lang === "zh") parser.updateStrings(YARGS_ZH as unknown as Record<string, string>);
  localizeDescriptions(parser, lang);
  parser
    .scriptName("gongwen")
    .usage(
      lang === "en"
        ? "$0 <command> [options]\n\ngongwen: year-end summaries, disclosure letters, annual reports and self-audits (GB/T 9704-2012)"
        : "$0 <command> [options]\n\n公文工具：工作总结、依申请公开答复文本、年度报告、考核自查（GB/T 9704-2012）",
    )
    .option("lang", {
      choices: ["zh", "en"] as const,
      default: "zh" as const,
      describe: "提示语言 / language of messages",
      global: true,
    })
    .version(version)
    .describe("version", lang === "en" ? "Show version number" : "显示版本号")
    .strict()
    .demandCommand(1)
    .recommendCommands()
    .help()
    .alias("h", "help")
    .exitProcess(false)
    .fail((msg, err) => {
      throw err ?? new CliUsageError(msg);
    })
    .wrap(Math.min(100, process.stdout.columns ?? 100));
  for (const c of commands) parser.command(withExamples(c, lang));
  if (!argv.some((a) => a === "--help" || a === "-h")) skipHelpCache(parser);
  // Commands report a non-zero outcome through process.exitCode; keep each run's own.
  const previous = process.exitCode;
  process.exitCode = undefined;
  try {
    await parser.parseAsync();
    if (typeof process.exitCode === "number") exitCode = process.exitCode;
  } catch (e) {
    exitCode = reportError(e, argv);
  } finally {
    process.exitCode = previous;
  }
  return exitCode;
}

export class CliUsageError extends Error {}

/**
 * yargs formats a command's whole help text before running its handler (the usage instance's
 * cacheHelpMessage, kept to show help after an asynchronous failure): cliui, wrap-ansi and
 * string-width over every Chinese description, ≈7% of a cold `render summary` in a CPU profile
 * (0.42 of 6.1 s, profiled under load). gongwen never shows help after a failure (.fail throws;
 * reportError prints the message and points to --help), so unless help is asked for, that text
 * is never read: skip making it, as Angular's CLI does (angular/angular-cli#34087). With --help
 * or -h the cache stays, so help output is unchanged.
 */
function skipHelpCache(parser: unknown): void {
  const internal = parser as {
    getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } };
  };
  const usage = internal.getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === "function") usage.cacheHelpMessage = () => {};
}
