/**
 * gongwen audit <data.json> [--scheme FILE] [--previous FILE] [--as-of DATE] [--format text|json] [--fail-on error|warning] [--lang zh|en]
 * gongwen audit --rules [--scheme FILE]
 *
 * The pre-assessment self-audit: every rule over the dataset's facts, scored by the scheme
 * (default: the shipped scheme for the data's year, see audit/scheme.ts defaultSchemeFile). Text is a table for a terminal (colour only on a TTY
 * without NO_COLOR); JSON is every finding and the score. Exit 0 when no finding is at or
 * above --fail-on (default error), 1 otherwise, 2 for a bad dataset or scheme. After the score it
 * lists the applications still open on --as-of (default today): their due dates, and those
 * already overdue (JSON: asOf and open).
 */
import type { Argv, CommandModule } from "yargs";
import type { Severity } from "../../audit/finding.js";
import { EXIT, UserError } from "../../util/errors.js";
import { cliCalendar, withCalendarOption } from "../calendar-option.js";
import { parseLang, t, type Lang } from "../../util/i18n.js";
import type { OpenApplication } from "../../facts/worklist.js";
import { dateText } from "../../data/date-text.js";
import { problemsText } from "../../data/input-messages.js";

interface AuditArgs {
  data?: string;
  scheme?: string;
  previous?: string;
  format: string;
  "fail-on": string;
  rules: boolean;
  "as-of"?: string;
  "calendar-override"?: string;
  lang?: string;
}

/** Today's date where the clerk is (the machine's local calendar day), YYYY-MM-DD. */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The open applications on a day, as text lines (ids and dates only: no personal data). */
export function formatOpen(open: readonly OpenApplication[], asOf: string, lang: Lang): string {
  const day = dateText(asOf, lang);
  if (open.length === 0)
    return t(lang, `截至${day}，没有尚未答复的申请。`, `No application is open on ${day}.`) + "\n";
  const overdue = open.filter((o) => o.status === "overdue").length;
  const head = t(
    lang,
    `截至${day}尚未答复的申请 ${open.length} 件${overdue > 0 ? `，其中已逾期 ${overdue} 件` : ""}：`,
    `Open on ${day}: ${open.length} application${open.length === 1 ? "" : "s"}${overdue > 0 ? `, ${overdue} overdue` : ""}:`,
  );
  const lines = open.map((o) => {
    const received = o.received
      ? t(lang, `收到${dateText(o.received)}`, `received ${dateText(o.received, "en")}`)
      : t(lang, "收到日期不明", "receipt date unknown");
    const due = o.due
      ? t(lang, `应于${dateText(o.due)}前答复`, `due ${dateText(o.due, "en")}`)
      : t(lang, "答复期限不明", "due date unknown");
    const standing =
      o.status === "overdue"
        ? o.daysLeft !== null
          ? t(
              lang,
              `已逾期${-o.daysLeft}个工作日`,
              `overdue by ${-o.daysLeft} working day${o.daysLeft === -1 ? "" : "s"}`,
            )
          : t(lang, "已逾期", "overdue")
        : o.status === "unknown"
          ? t(lang, "无法判断", "cannot tell")
          : o.daysLeft === 0
            ? t(lang, "今日到期", "due today")
            : t(
                lang,
                `还剩${o.daysLeft}个工作日`,
                `${o.daysLeft} working day${o.daysLeft === 1 ? "" : "s"} left`,
              );
    const problem = problemsText(o.problems, lang);
    const why = problem ? t(lang, `（${problem}）`, ` (${problem})`) : "";
    return `  ${o.id}  ${received}，${due}，${standing}${why}`.replace(/，/g, t(lang, "，", ", "));
  });
  return [head, ...lines].join("\n") + "\n";
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
    withCalendarOption(y)
      .positional("data", { type: "string", describe: "数据文件 (JSON) / dataset file" })
      .option("scheme", {
        type: "string",
        describe:
          "考核方案文件（默认按数据年度：2019年及以前 samples/assessment-2014.json，2020年起 samples/assessment-2019.json）/ assessment scheme file (default by the data's year)",
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
      .option("as-of", {
        type: "string",
        describe:
          "列出截至该日（YYYY-MM-DD，默认今天）尚未答复和已逾期的申请 / list applications open and overdue on this day (default today)",
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
    if (argv.rules) {
      // Without a dataset: the shipped scheme for this year's data.
      const scheme = loadScheme(argv.scheme, lang, Number(localToday().slice(0, 4)));
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
    // Without --scheme, the shipped scheme for the data's year.
    const scheme = loadScheme(argv.scheme, lang, dataset.year);
    const previous = argv.previous === undefined ? undefined : loadDataset(argv.previous, { lang });
    const asOf = argv["as-of"] ?? localToday();
    const { deriveFacts, openApplications } = await import("../../facts/index.js");
    const calendar = await cliCalendar(argv["calendar-override"], lang);
    try {
      calendar.parse(asOf, "--as-of");
    } catch {
      throw new UserError(
        t(
          lang,
          `--as-of 应为日期，如 2026-12-02：${asOf}`,
          `--as-of must be a date such as 2026-12-02: ${asOf}`,
        ),
      );
    }
    const facts = deriveFacts(dataset, { calendar, ...(previous ? { previous } : {}) });
    const result = runAudit(dataset, { scheme, lang, facts, calendar, ...(previous ? { previous } : {}) });
    const open = openApplications(facts.applications, asOf, calendar);
    process.stdout.write(
      argv.format === "json"
        ? JSON.stringify(
            {
              ...result,
              asOf,
              open: open.map(({ problems, ...o }) => ({ ...o, problem: problemsText(problems, lang) })),
            },
            null,
            2,
          ) + "\n"
        : formatAuditText(result, { lang, color: useColor(), dataset }) + "\n" + formatOpen(open, asOf, lang),
    );
    if (failsAt(result, argv["fail-on"] as Severity)) process.exitCode = EXIT.audit;
  },
};
