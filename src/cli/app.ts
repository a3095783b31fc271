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

const version = (
  JSON.parse(readFileSync(resolve(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }
).version;

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const parser = yargs(argv)
    .scriptName("gongwen")
    .usage(
      "$0 <command> [options]\n\n公文工具：工作总结、依申请公开答复文本、年度报告、考核自查 (GB/T 9704-2012)",
    )
    .option("lang", {
      choices: ["zh", "en"] as const,
      default: "zh" as const,
      describe: "Language of messages / 提示语言",
      global: true,
    })
    .version(version)
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
  for (const c of commands) parser.command(c);
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
