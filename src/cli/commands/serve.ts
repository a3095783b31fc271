/**
 * `gongwen serve [--database FILE|postgres://…] [--port N]`: the workbench on 127.0.0.1, on an
 * embedded database (default gongwen-data/workbench.sqlite, folder created) or on a PostgreSQL
 * server (the same application, migrations and queries). Prints the address, and on a database
 * without users the one-time setup link (with its token) that creates the first administrator;
 * opens nothing else.
 */
import { randomBytes } from "node:crypto";
import type { Argv, CommandModule } from "yargs";
import { UserError } from "../../util/errors.js";
import { cliCalendar, withCalendarOption } from "../calendar-option.js";
import { parseLang, t } from "../../util/i18n.js";
import { DEFAULT_DB, databaseOption, openStore, shownTarget } from "./db.js";

export { DEFAULT_DB };

interface ServeArgs {
  database: string;
  port: number;
  host: string;
  "digest-days"?: number;
  "calendar-override"?: string;
  lang?: string;
}

export const serveCommand: CommandModule<object, ServeArgs> = {
  command: "serve",
  describe: "启动工作台（本机网页） / start the workbench (local web app)",
  builder: (y: Argv) =>
    withCalendarOption(y)
      .option("database", databaseOption)
      .option("port", { type: "number", default: 8470, describe: "端口 / port" })
      .option("host", {
        type: "string",
        default: "127.0.0.1",
        describe: "监听地址（默认仅本机） / address to bind (default: this machine only)",
      })
      .option("digest-days", {
        type: "number",
        describe:
          "每日提醒：几个工作日内到期算即将到期（机关未设置时；默认5） / digest: working days ahead (default 5)",
      }) as unknown as Argv<ServeArgs>,
  handler: async (argv) => {
    const lang = parseLang(argv.lang);
    if (!Number.isInteger(argv.port) || argv.port < 0 || argv.port > 65535)
      throw new UserError(
        t(lang, `端口应为 0–65535 的整数：${argv.port}`, `--port must be 0–65535: ${argv.port}`),
      );
    const days = argv["digest-days"];
    if (days !== undefined && !(Number.isInteger(days) && days >= 0 && days <= 60))
      throw new UserError(
        t(lang, `--digest-days 应为 0–60 的整数：${days}`, `--digest-days must be 0–60: ${days}`),
      );
    const { Workbench } = await import("../../server/workbench.js");
    const { buildServer } = await import("../../server/app.js");
    const calendar = await cliCalendar(argv["calendar-override"], lang);
    const { store, target } = await openStore(argv.database, lang);
    const token = randomBytes(24).toString("base64url");
    // On PostgreSQL the year-end batches go to the job queue (`gongwen worker` runs them).
    let batch: import("../../jobs/index.js").BatchQueue | undefined;
    if (store.engine === "postgres") {
      const jobs = await import("../../jobs/index.js");
      batch = new jobs.BullBatchQueue(store, jobs.queueConnection(target));
    }
    const app = await buildServer({
      workbench: new Workbench(store, undefined, calendar),
      token,
      logger: true,
      ...(batch ? { batch } : {}),
      ...(argv["digest-days"] !== undefined ? { digestDays: argv["digest-days"] } : {}),
    });
    await app.listen({ host: argv.host, port: argv.port });
    const addr = app.server.address();
    const port = typeof addr === "object" && addr ? addr.port : argv.port;
    const base = `http://${argv.host}:${port}/`;
    // The setup link only while the database has no user; afterwards users log in.
    const firstStart = (await store.accounts.userCount()) === 0;
    process.stdout.write(
      firstStart
        ? t(
            lang,
            `工作台已启动：${base}\n数据库：${shownTarget(target)}\n首次使用：请用以下网址打开（含一次性设置令牌，勿转发），建立机关和第一位管理员：\n${base}?token=${token}\n按 Ctrl+C 停止。\n`,
            `Workbench running at ${base}\nDatabase: ${shownTarget(target)}\nFirst start: open this address (one-time setup token; do not share) to create the agency and its first administrator:\n${base}?token=${token}\nPress Ctrl+C to stop.\n`,
          )
        : t(
            lang,
            `工作台已启动：${base}\n数据库：${shownTarget(target)}\n请在浏览器中打开上述网址，用用户名和密码登录。\n按 Ctrl+C 停止。\n`,
            `Workbench running at ${base}\nDatabase: ${shownTarget(target)}\nOpen it in a browser and log in with your user name and password.\nPress Ctrl+C to stop.\n`,
          ),
    );
    const stop = () => {
      void app
        .close()
        .then(() => store.close())
        .then(() => process.exit(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    await new Promise<void>(() => undefined);
  },
};
