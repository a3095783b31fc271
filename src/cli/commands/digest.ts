/**
 * `gongwen digest --database … [--date YYYY-MM-DD] [--days N] [--send [--smtp-host H
 * --smtp-port P --smtp-from ADDR --smtp-user U]] [--base-url URL]`: every user's daily digest
 * (what is overdue or due within N working days in the agencies they handle). Without --send it
 * only reports, user by user, how many applications each digest holds; with --send it mails each
 * digest that has something in it to the user's e-mail address through the SMTP server stored
 * on the workbench's 邮件设置 page, each setting overridden by the flag given (the password by
 * GONGWEN_SMTP_PASSWORD, never a flag: a command line is visible to other users), at most once
 * a user and day (the database records each send: run it twice, it sends once). Prints user
 * names and counts only — never an applicant's data.
 */
import type { Argv, CommandModule } from "yargs";
import { dateText } from "../../data/date-text.js";
import { UserError } from "../../util/errors.js";
import { parseLang, t, type Lang } from "../../util/i18n.js";
import { cliCalendar, withCalendarOption } from "../calendar-option.js";
import { databaseOption, openStore } from "./db.js";

interface DigestArgs {
  database: string;
  date?: string;
  days?: number;
  send: boolean;
  "smtp-host"?: string;
  "smtp-port"?: number;
  "smtp-from"?: string;
  "smtp-secure"?: boolean;
  "smtp-user"?: string;
  "base-url"?: string;
  "calendar-override"?: string;
  lang?: string;
}

function todayLocal(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const OUTCOME: Record<string, [string, string]> = {
  sent: ["已发送", "sent"],
  "already-sent": ["今日已发送过，未重发", "already sent today, not again"],
  empty: ["无逾期或即将到期的申请，不发送", "nothing due, not sent"],
  "no-email": ["未登记电子邮箱，未发送", "no e-mail address, not sent"],
  "not-sending": ["未发送（未加 --send）", "not sent (no --send)"],
  failed: ["发送失败，下次运行时重试", "sending failed; the next run tries again"],
};

function checkArgs(argv: DigestArgs, lang: Lang): void {
  if (argv.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(argv.date))
    throw new UserError(
      t(lang, `--date 应为 YYYY-MM-DD：${argv.date}`, `--date must be YYYY-MM-DD: ${argv.date}`),
    );
  if (argv.days !== undefined && !(Number.isInteger(argv.days) && argv.days >= 0 && argv.days <= 60))
    throw new UserError(
      t(lang, `--days 应为 0–60 的整数：${argv.days}`, `--days must be 0–60: ${argv.days}`),
    );
  if (!argv.send) return;
  const port = argv["smtp-port"];
  if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535))
    throw new UserError(
      t(lang, `--smtp-port 应为 1–65535 的整数：${port}`, `--smtp-port must be 1–65535: ${port}`),
    );
}

export const digestCommand: CommandModule<object, DigestArgs> = {
  command: "digest",
  describe:
    "每日提醒：逾期和即将到期的申请，按用户汇总，可发送邮件 / daily digest per user, optionally e-mailed",
  builder: (y: Argv) =>
    withCalendarOption(y)
      .option("database", databaseOption)
      .option("date", {
        type: "string",
        describe: "提醒的日期（默认今天）YYYY-MM-DD / the digest's day (default today)",
      })
      .option("days", {
        type: "number",
        describe:
          "几个工作日内到期算即将到期（机关未设置时；默认5） / working days ahead (where an agency sets none; default 5)",
      })
      .option("send", { type: "boolean", default: false, describe: "发送邮件 / send the e-mails" })
      .option("smtp-host", { type: "string", describe: "SMTP 服务器 / SMTP host" })
      .option("smtp-port", {
        type: "number",
        describe: "SMTP 端口（未设置时25） / SMTP port (default 25)",
      })
      .option("smtp-secure", {
        type: "boolean",
        describe: "一开始即用 TLS（端口465） / TLS from the start (port 465)",
      })
      .option("smtp-from", { type: "string", describe: "发件地址 / sender address" })
      .option("smtp-user", {
        type: "string",
        describe:
          "SMTP 登录用户名（密码由环境变量 GONGWEN_SMTP_PASSWORD 给出） / SMTP user (password from GONGWEN_SMTP_PASSWORD)",
      })
      .option("base-url", {
        type: "string",
        describe: "工作台网址，邮件中的登记号链接到申请页面 / the workbench's address, for links",
      }) as unknown as Argv<DigestArgs>,
  handler: async (argv) => {
    const lang = parseLang(argv.lang);
    checkArgs(argv, lang);
    const calendar = await cliCalendar(argv["calendar-override"], lang);
    const day = argv.date ?? todayLocal();
    try {
      calendar.parse(day, "--date");
    } catch (e) {
      throw new UserError((e as Error).message);
    }
    const { Workbench } = await import("../../server/workbench.js");
    const { runDigests, smtpConfigOf, smtpSender } = await import("../../server/digest.js");
    const { store } = await openStore(argv.database, lang);
    let sender: ReturnType<typeof smtpSender> | null = null;
    try {
      if (argv.send) {
        // The stored settings (邮件设置), each overridden by the flag given.
        const config = await smtpConfigOf(store, {
          host: argv["smtp-host"],
          port: argv["smtp-port"],
          from: argv["smtp-from"],
          secure: argv["smtp-secure"],
          user: argv["smtp-user"],
          password: process.env.GONGWEN_SMTP_PASSWORD,
        });
        if (!config)
          throw new UserError(
            t(
              lang,
              "发送邮件须先在工作台的“邮件设置”页面设置发信服务器，或给出 --smtp-host 和 --smtp-from（发件地址）",
              "--send needs the SMTP server set on the workbench's mail settings page, or --smtp-host and --smtp-from (the sender's address)",
            ),
          );
        sender = smtpSender(config);
      }
      const runs = await runDigests(new Workbench(store, undefined, calendar), day, {
        ...(argv.days !== undefined ? { defaultDays: argv.days } : {}),
        ...(sender ? { send: sender } : {}),
        ...(argv["base-url"] ? { baseUrl: argv["base-url"] } : {}),
      });
      const lines = runs.map((r) =>
        t(
          lang,
          `  ${r.username}：已逾期${r.overdue}件，即将到期${r.dueSoon}件；${OUTCOME[r.outcome]![0]}`,
          `  ${r.username}: ${r.overdue} overdue, ${r.dueSoon} due soon; ${OUTCOME[r.outcome]![1]}`,
        ),
      );
      process.stdout.write(
        t(
          lang,
          `${dateText(day, "zh")}的每日提醒（${runs.length}位用户）：\n`,
          `Digest of ${dateText(day, "en")} (${runs.length} users):\n`,
        ) +
          lines.join("\n") +
          (lines.length ? "\n" : ""),
      );
      if (runs.some((r) => r.outcome === "failed")) process.exitCode = 1;
    } finally {
      sender?.close();
      await store.close();
    }
  },
};
