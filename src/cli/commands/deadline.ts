/**
 * `gongwen deadline`: the statutory reply deadline of one request, optionally with its trace.
 *
 *   gongwen deadline --received YYYY-MM-DD [--regime ogi-2008|ogi-2019] [--extension N]
 *                    [--correction-received YYYY-MM-DD] [--pause YYYY-MM-DD..YYYY-MM-DD]...
 *                    [--calendar-override FILE] [--explain [--format text|md]] [--json]
 */
import type { CommandModule } from "yargs";
import { UserError } from "../../util/errors.js";
import { cliCalendar, withCalendarOption } from "../calendar-option.js";
import { parseLang, t, type Lang } from "../../util/i18n.js";
import { parseDay } from "../../calendar/dates.js";
import { dateText } from "../../data/date-text.js";
import type { DeadlinePause } from "../../calendar/deadline.js";
import { REGIMES, type Regime } from "../../law/regime.js";
import {
  deadlineEventsJson,
  eventNote,
  deadlineFigures,
  formatDeadlineSummary,
  formatTrace,
  traceTable,
} from "../../calendar/trace-format.js";

interface DeadlineArgs {
  received: string;
  regime?: Regime;
  extension?: string;
  "correction-received"?: string;
  pause?: string[];
  "calendar-override"?: string;
  explain: boolean;
  format?: "text" | "md";
  json: boolean;
  lang?: string;
}

function parseExtension(v: string | undefined, lang: Lang): number {
  if (v === undefined) return 0;
  if (!/^\d+$/.test(v))
    throw new UserError(
      t(
        lang,
        `--extension 应为非负整数（工作日数）：${v}`,
        `--extension must be a whole number of working days: ${v}`,
      ),
    );
  return Number(v);
}

function parsePause(v: string, lang: Lang): DeadlinePause {
  const m = /^(.+?)\.\.(.+)$/.exec(v);
  if (!m)
    throw new UserError(
      t(lang, `--pause 应为 YYYY-MM-DD..YYYY-MM-DD：${v}`, `--pause must be YYYY-MM-DD..YYYY-MM-DD: ${v}`),
    );
  const from = m[1] as string;
  const to = m[2] as string;
  parseDay(from, "--pause", lang);
  parseDay(to, "--pause", lang);
  return { from, to };
}

export const deadlineCommand: CommandModule<object, DeadlineArgs> = {
  command: "deadline",
  describe: "计算依申请公开答复期限（工作日） / Reply deadline in working days",
  builder: (y) =>
    withCalendarOption(y)
      .option("received", {
        type: "string",
        demandOption: true,
        describe: "收到申请之日 / Receipt date (YYYY-MM-DD)",
      })
      .option("regime", {
        choices: REGIMES,
        describe: "条例版本，默认按收到日期 / Regime (default: by receipt date)",
      })
      .option("extension", { type: "string", describe: "延期工作日数 / Extension in working days" })
      .option("correction-received", {
        type: "string",
        describe: "收到补正申请之日，重新起算 / Corrected request received (restarts counting)",
      })
      .option("pause", {
        type: "string",
        array: true,
        describe: "征求意见期间，不计入期限（可重复） / Consultation pause FROM..TO (repeatable)",
      })
      .option("explain", { type: "boolean", default: false, describe: "逐日列出计算过程 / Show the trace" })
      .option("format", {
        choices: ["text", "md"] as const,
        describe:
          "--explain 的表格：text 对齐的文本表格（终端上默认），md Markdown 表格（其他情况默认）/ the --explain table: text (default on a terminal) or md (Markdown, default otherwise)",
      })
      .option("json", { type: "boolean", default: false, describe: "输出 JSON / Print JSON" }) as never,
  handler: async (argv) => {
    const lang = parseLang(argv.lang);
    parseDay(argv.received, "--received", lang);
    if (argv["correction-received"] !== undefined)
      parseDay(argv["correction-received"], "--correction-received", lang);
    const pauses = (argv.pause ?? []).map((p) => parsePause(p, lang));
    // Loaded when the command runs (the calendar pulls in the override schema validator).
    const { computeDeadline } = await import("../../calendar/deadline.js");
    const calendar = await cliCalendar(argv["calendar-override"], lang);
    const result = computeDeadline(
      {
        received: argv.received,
        regime: argv.regime,
        extensionDays: parseExtension(argv.extension, lang),
        correctionReceived: argv["correction-received"],
        pauses,
      },
      { calendar, lang },
    );
    if (argv.json) {
      const out: Record<string, unknown> = {
        ...deadlineFigures(result),
        dueWithoutExtension: result.dueWithoutExtension,
        correctionDue: result.correctionDue,
      };
      if (argv.explain) {
        out.trace = result.trace;
        out.events = deadlineEventsJson(result, lang);
      }
      process.stdout.write(JSON.stringify(out, null, 2) + "\n");
      return;
    }
    process.stdout.write(formatDeadlineSummary(result, lang) + "\n");
    if (!argv.explain) return;
    const format = argv.format ?? (process.stdout.isTTY === true ? "text" : "md");
    if (format === "md") process.stdout.write("\n" + formatTrace(result, lang));
    else {
      const { textTable } = await import("../print.js");
      const { header, rows } = traceTable(result, lang);
      process.stdout.write(
        "\n" +
          textTable(header, rows) +
          "\n" +
          t(lang, "事件：", "Events:") +
          "\n" +
          result.events.map((e) => `  ${dateText(e.date, lang)} ${eventNote(e, lang)}\n`).join(""),
      );
    }
  },
};
