/**
 * Year-end batches on BullMQ's PostgreSQL backend: a job enqueued is run by a worker, its files
 * are in the database and show the agency's own figures; the same batch enqueued or run again
 * writes nothing more (idempotent by agency, year and data revision); a change of the data
 * makes a new batch.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultCalendar, deriveFacts, yearStatistics } from "../../src/index.js";
import {
  BATCH_FILES,
  BullBatchQueue,
  bullWorker,
  queueConnection,
  revisionOf,
  runYearEnd,
  yearEndEnv,
  type BullWorker,
} from "../../src/jobs/index.js";
import { buildServer } from "../../src/server/app.js";
import { hashPassword } from "../../src/server/auth.js";
import { Workbench } from "../../src/server/workbench.js";
import { docxParagraphs } from "../helpers/docx.js";
import { clientOf, TOKEN } from "../server/helpers.js";
import { jobsDb, NO_PG_REASON, PG, until, type JobsDb } from "./helpers.js";

const env = yearEndEnv();

describe.skipIf(!PG)(`year-end batches on the job queue (${PG ? "PostgreSQL" : NO_PG_REASON})`, () => {
  let db: JobsDb;
  let queue: BullBatchQueue;
  let worker: BullWorker | null = null;

  beforeEach(async () => {
    db = await jobsDb();
    queue = new BullBatchQueue(db.store, queueConnection(db.target));
  });
  afterEach(async () => {
    await worker?.close();
    worker = null;
    await queue.close();
    await db.close();
  });

  const startWorker = () => {
    worker = bullWorker(queueConnection(db.target), db.store, () => env, { concurrency: 2 });
    return worker;
  };
  const jobOf = async (id: string) => (await queue.jobs([db.officeId])).find((j) => j.id === id);

  it("enqueue → worker → the files are stored, with the agency's figures in them", async () => {
    const { id, existed } = await queue.enqueue({ officeId: db.officeId, year: 2023 });
    expect(existed).toBe(false);
    expect((await jobOf(id))?.state).toBe("queued");
    startWorker();
    await until(async () => (await jobOf(id))?.state === "done", "the job to finish");
    const job = (await jobOf(id))!;
    expect(job.progress).toBe(100);
    expect(job.result?.problems).toEqual([]);
    expect(job.result?.letters).toBeGreaterThan(50);

    const revision = await revisionOf(db.store, db.officeId, 2023);
    const files = await db.store.batchOutputs.list(db.officeId, 2023, revision);
    expect(files.map((f) => f.name)).toEqual(Object.keys(BATCH_FILES).sort());
    expect(files.every((f) => f.jobId === id && f.size > 1000)).toBe(true);

    // The annual report's table 三 shows what the library counts for this agency's year.
    const dataset = (await db.store.exportYear(db.officeId, 2023))!;
    const facts = deriveFacts(dataset, { lang: "zh" });
    const received = yearStatistics(
      dataset,
      facts.applications,
      facts.annualReport,
      defaultCalendar("zh"),
    ).reportReceived;
    const docx = await db.store.batchOutputs.file(db.officeId, 2023, revision, "annual-report.docx");
    const paragraphs = docxParagraphs(docx!.bytes);
    expect(paragraphs[0]).toContain(dataset.agency.name);
    const row = paragraphs.indexOf("一、本年新收政府信息公开申请数量");
    expect(row).toBeGreaterThan(0);
    expect(paragraphs[row + 7]).toBe(String(received));
    const pdf = await db.store.batchOutputs.file(db.officeId, 2023, revision, "annual-report.pdf");
    expect(Buffer.from(pdf!.bytes.subarray(0, 5)).toString()).toBe("%PDF-");
  });

  it("the same batch again writes nothing more; changed data makes a new batch", async () => {
    startWorker();
    const first = await queue.enqueue({ officeId: db.officeId, year: 2023 });
    await until(async () => (await jobOf(first.id))?.state === "done", "the job to finish");
    const revision = await revisionOf(db.store, db.officeId, 2023);
    const before = await db.store.batchOutputs.list(db.officeId, 2023, revision);
    expect(before).toHaveLength(6);

    // Enqueued again with the data unchanged: the same job, none added.
    expect(await queue.enqueue({ officeId: db.officeId, year: 2023 })).toEqual({
      id: first.id,
      existed: true,
    });
    // The job function run again (a retry after its worker died past the commit): nothing written.
    const again = await runYearEnd(db.store, env, { officeId: db.officeId, year: 2023 }, { jobId: "retry" });
    expect(again.added).toBe(0);
    // Even with the finished job removed from the queue, a new run adds no file.
    await queue.queue.remove(first.id);
    const rerun = await queue.enqueue({ officeId: db.officeId, year: 2023 });
    expect(rerun).toEqual({ id: first.id, existed: false });
    await until(async () => (await jobOf(first.id))?.state === "done", "the second run to finish");
    expect((await jobOf(first.id))?.result?.added).toBe(0);
    expect(await db.store.batchOutputs.list(db.officeId, 2023, revision)).toEqual(before);
    expect(await db.store.batchOutputs.count(db.officeId, 2023, revision)).toBe(6);

    // A write to the year moves its revision: a new job, new files beside the old ones.
    const body = (await db.store.yearBody(db.officeId, 2023))!;
    await db.store.updateYearBody(
      db.officeId,
      { ...body, agency: { ...body.agency, phone: "0571-88009999" } },
      "测试员",
    );
    const next = await queue.enqueue({ officeId: db.officeId, year: 2023 });
    expect(next.id).not.toBe(first.id);
    await until(async () => (await jobOf(next.id))?.state === "done", "the new batch to finish");
    const revision2 = await revisionOf(db.store, db.officeId, 2023);
    expect(revision2).not.toBe(revision);
    expect(await db.store.batchOutputs.count(db.officeId, 2023, revision2)).toBe(6);
    expect(await db.store.batchOutputs.count(db.officeId, 2023, revision)).toBe(6);
  });

  it("a year without its annual report date still gets its self-audit, and says why not the report", async () => {
    startWorker();
    const { id } = await queue.enqueue({ officeId: db.officeId, year: 2014 });
    await until(async () => (await jobOf(id))?.state === "done", "the job to finish");
    const job = (await jobOf(id))!;
    expect(job.result?.files).toEqual(["self-audit.docx", "self-audit.pdf"]);
    expect(job.result?.problems.join()).toContain("成文日期");
  });

  it("the workbench on PostgreSQL enqueues on BullMQ and shows the worker's progress and files", async () => {
    const app = await buildServer({
      workbench: new Workbench(db.store, "测试员"),
      token: TOKEN,
      batch: queue,
    });
    try {
      await db.store.accounts.createUser({
        officeId: db.officeId,
        username: "head",
        displayName: "赵主任",
        roles: ["head"],
        passwordHash: await hashPassword("pass-word-9"),
      });
      const head = clientOf(app, false);
      expect((await head.login("head", "pass-word-9")).statusCode).toBe(303);
      expect((await head.post("/batch", { year: "2023" })).headers.location).toBe("/batch?flash=queued");
      // No worker yet: queued, and the page says who runs the jobs.
      const waiting = await head.get("/batch");
      expect(waiting.body).toContain("排队中");
      expect(waiting.body).toContain("gongwen worker");
      // …and reloads itself while a job is queued or running (progress); not once all are done.
      expect(waiting.body).toContain("/static/refresh.js");
      startWorker();
      await until(
        async () => (await head.get("/batch")).body.includes("已完成"),
        "the page to show the job done",
      );
      const page = (await head.get("/batch")).body;
      expect(page).not.toContain("/static/refresh.js");
      const link = /href="(\/batch\/files\/[^"?]+\/letters\.zip)/.exec(page)?.[1];
      expect(link).toBeDefined();
      const zip = await head.get(link!);
      expect(zip.statusCode).toBe(200);
      expect(zip.headers["content-type"]).toBe("application/zip");
    } finally {
      await app.close();
    }
  });
});
