/**
 * `gongwen worker --database postgres://… [--concurrency N]`: runs the year-end batch jobs of
 * the deployment's queue (BullMQ on the same PostgreSQL) in this process until SIGTERM or
 * SIGINT, which let the jobs under way finish (a second signal stops at once; an unfinished
 * job is taken over by another worker). Several workers, on one machine or several, share the
 * queue. `--enqueue YEAR [--agency ID]` instead adds the batches of that year (every agency
 * with data for it, or the one named) and exits.
 *
 * The embedded SQLite database has no queue: there the workbench runs a batch itself.
 */
import type { Argv, CommandModule } from "yargs";
import { UserError } from "../../util/errors.js";
import { runInterruptHooks } from "../../util/fs-atomic.js";
import { cliCalendar, withCalendarOption } from "../calendar-option.js";
import { parseLang, t } from "../../util/i18n.js";
import { databaseOption, openStore, shownTarget } from "./db.js";

interface WorkerArgs {
  database: string;
  concurrency: number;
  enqueue?: number;
  agency?: number;
  "lock-ms": number;
  "calendar-override"?: string;
  lang?: string;
}

export const workerCommand: CommandModule<object, WorkerArgs> = {
  command: "worker",
  describe: "运行年终批量任务（PostgreSQL 任务队列） / run the year-end batch jobs (PostgreSQL job queue)",
  builder: (y: Argv) =>
    withCalendarOption(y)
      .option("database", { ...databaseOption, default: undefined, demandOption: true })
      .option("concurrency", {
        type: "number",
        default: 1,
        describe: "同时处理的任务数 / jobs at once",
      })
      .option("enqueue", {
        type: "number",
        describe: "只把该年度的批量任务加入队列后退出 / only enqueue that year's batches, then exit",
      })
      .option("agency", {
        type: "number",
        describe: "--enqueue：只为该机关（编号见 db user list） / --enqueue: this agency only",
      })
      .option("lock-ms", {
        type: "number",
        default: 30_000,
        hidden: true,
        describe: "任务锁的时长（毫秒） / job lock duration (ms)",
      }) as unknown as Argv<WorkerArgs>,
  handler: async (argv) => {
    const lang = parseLang(argv.lang);
    if (!/^postgres(ql)?:\/\//.test(argv.database))
      throw new UserError(
        t(
          lang,
          "任务队列需要 PostgreSQL 数据库（--database postgres://…）；内置 SQLite 数据库的年终批量由工作台自己运行",
          "the job queue needs a PostgreSQL database (--database postgres://…); on the embedded SQLite database the workbench runs the batches itself",
        ),
      );
    if (!Number.isInteger(argv.concurrency) || argv.concurrency < 1 || argv.concurrency > 64)
      throw new UserError(
        t(
          lang,
          `--concurrency 应为 1–64 的整数：${argv.concurrency}`,
          `--concurrency must be 1–64: ${argv.concurrency}`,
        ),
      );
    const jobs = await import("../../jobs/index.js");
    // The shipped calendar unless overridden (then the letters run in one thread: see letters/batch.ts).
    const override = argv["calendar-override"];
    const calendar = override === undefined ? undefined : await cliCalendar(override, lang);
    const { store, target } = await openStore(argv.database, lang);
    const connection = jobs.queueConnection(target);

    if (argv.enqueue !== undefined) {
      const year = argv.enqueue;
      const queue = new jobs.BullBatchQueue(store, connection);
      try {
        const offices = await store.offices();
        const chosen = argv.agency === undefined ? offices : offices.filter((o) => o.id === argv.agency);
        if (chosen.length === 0)
          throw new UserError(t(lang, `没有编号为 ${argv.agency} 的机关`, `no agency ${argv.agency}`));
        let added = 0;
        let known = 0;
        for (const o of chosen) {
          if (!(await store.years(o.id)).includes(year)) continue;
          const r = await queue.enqueue({ officeId: o.id, year });
          if (r.existed) known++;
          else added++;
        }
        process.stdout.write(
          t(
            lang,
            `${year}年度年终批量：新加入${added}个任务，${known}个已在队列中（数据未变）\n`,
            `${year} year-end batches: ${added} enqueued, ${known} already queued (data unchanged)\n`,
          ),
        );
      } finally {
        await queue.close();
        await store.close();
      }
      return;
    }

    let env: ReturnType<typeof jobs.yearEndEnv> | null = null;
    const worker = jobs.bullWorker(connection, store, () => (env ??= jobs.yearEndEnv(calendar)), {
      concurrency: argv.concurrency,
      lockMs: argv["lock-ms"],
      stalledMs: Math.max(1000, Math.min(30_000, argv["lock-ms"])),
    });
    // A job's agency, year and time only: never a record.
    worker.on("completed", (job, r) => {
      process.stdout.write(
        t(
          lang,
          `完成：机关${r.officeId} ${r.year}年度，${r.added}个文件，${(r.ms / 1000).toFixed(1)}秒\n`,
          `done: agency ${r.officeId} ${r.year}, ${r.added} files, ${(r.ms / 1000).toFixed(1)} s\n`,
        ),
      );
      void job;
    });
    worker.on("failed", (job) => {
      if (!job) return;
      process.stdout.write(
        t(
          lang,
          `失败：机关${job.data.officeId} ${job.data.year}年度（第${job.attemptsMade}次）\n`,
          `failed: agency ${job.data.officeId} ${job.data.year} (attempt ${job.attemptsMade})\n`,
        ),
      );
    });
    worker.on("error", () => undefined);
    await worker.waitUntilReady();
    process.stdout.write(
      t(
        lang,
        `年终批量工作进程已启动：数据库 ${shownTarget(target)}，同时处理${argv.concurrency}个任务。按 Ctrl+C 停止（正在处理的任务做完再退出）。\n`,
        `Year-end batch worker running: database ${shownTarget(target)}, ${argv.concurrency} job(s) at once. Press Ctrl+C to stop (jobs under way finish first).\n`,
      ),
    );
    // This command owns the process's signals: the binary's handler (main.ts) would interrupt
    // the letters of a job under way. The first signal stops taking jobs and lets those under
    // way finish (exit 0); a second one interrupts them as the binary's handler does (the
    // unfinished job is taken over by another worker once its lock runs out).
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.removeAllListeners(signal);
    let stopping = false;
    const stop = (signal: "SIGINT" | "SIGTERM") => {
      if (stopping) {
        void runInterruptHooks().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
        return;
      }
      stopping = true;
      void worker
        .close()
        .then(() => store.close())
        .then(() => process.exit(0));
    };
    process.on("SIGINT", () => stop("SIGINT"));
    process.on("SIGTERM", () => stop("SIGTERM"));
    await new Promise<void>(() => undefined);
  },
};
