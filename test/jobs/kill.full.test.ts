/**
 * A worker killed with SIGKILL in the middle of a batch loses nothing and duplicates nothing:
 * `gongwen worker` (a child process) is killed while the job is under way, before its files
 * are stored; another worker takes the job over once its lock has run out, and the files are
 * written exactly once. Then two workers share one queue, and SIGTERM stops a worker cleanly.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BATCH_FILES, BullBatchQueue, queueConnection, revisionOf } from "../../src/jobs/index.js";
import { jobsDb, NO_PG_REASON, PG, sample2023, until, type JobsDb } from "./helpers.js";

const CLI = resolve("dist/cli/main.js");
const running: ChildProcess[] = [];

/**
 * `gongwen worker` on `target`, once it is ready. The kill test gives a short job lock (1.5 s)
 * so that the job of a killed worker is taken over soon; a lock that short can also run out
 * under a live worker whose event loop a big PDF holds, so the other tests keep the default.
 */
function worker(target: string, ...extra: string[]): Promise<ChildProcess> {
  const child = spawn("node", [CLI, "worker", "--database", target, ...extra], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  return new Promise((done, fail) => {
    let text = "";
    child.stdout!.on("data", (b: Buffer) => {
      text += b.toString();
      if (text.includes("Ctrl+C")) done(child);
    });
    child.stderr!.on("data", (b: Buffer) => (text += b.toString()));
    child.once("exit", (code) => fail(new Error(`worker exited ${code}: ${text}`)));
  });
}

const exited = (c: ChildProcess) =>
  new Promise<number | null>((done) => {
    if (c.exitCode !== null || c.signalCode !== null) done(c.exitCode);
    else c.once("exit", (code) => done(code));
  });

describe.skipIf(!PG)(`a worker killed mid-job (${PG ? "PostgreSQL" : NO_PG_REASON})`, () => {
  let db: JobsDb;
  let queue: BullBatchQueue;

  beforeEach(async () => {
    db = await jobsDb();
    queue = new BullBatchQueue(db.store, queueConnection(db.target));
  });
  afterEach(async () => {
    for (const c of running.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await queue.close();
    await db.close();
  });

  const jobOf = async (id: string) =>
    (await queue.jobs(db.store ? [db.officeId] : [])).find((j) => j.id === id);

  it("kill -9 mid-job, another worker: the job completes and its files exist once", async () => {
    const first = await worker(db.target, "--lock-ms", "1500");
    const { id } = await queue.enqueue({ officeId: db.officeId, year: 2023 });
    // Killed while the letters are being made (after the reports, before anything is stored).
    await until(
      async () => {
        const j = await jobOf(id);
        return j?.state === "running" && j.progress >= 45 && j.progress < 95;
      },
      "the job to be under way",
      3000,
      10,
    );
    first.kill("SIGKILL");
    await exited(first);
    const revision = await revisionOf(db.store, db.officeId, 2023);
    expect(await db.store.batchOutputs.count(db.officeId, 2023, revision)).toBe(0);
    expect((await jobOf(id))?.state).toBe("running"); // still locked by the dead worker

    await worker(db.target, "--lock-ms", "1500");
    await until(async () => (await jobOf(id))?.state === "done", "the job to be taken over and finish");
    const job = (await jobOf(id))!;
    expect(job.attempts).toBeGreaterThanOrEqual(2);
    const files = await db.store.batchOutputs.list(db.officeId, 2023, revision);
    expect(files.map((f) => f.name)).toEqual(Object.keys(BATCH_FILES).sort());
    expect(await db.store.batchOutputs.count(db.officeId, 2023, revision)).toBe(6);
  });

  it("two workers share the queue: one job per agency, each run once; SIGTERM stops a worker cleanly", async () => {
    // Three more agencies with the 2023 sample: four jobs.
    const agencies = [db.officeId];
    for (let i = 0; i < 3; i++) {
      const d = sample2023();
      d.agency = { ...d.agency, name: `示例市青禾区第${i + 1}局`, shortName: `青禾${i + 1}局` };
      agencies.push(await db.store.createOffice(d, "测试员", [], db.officeId));
    }
    const workers = [await worker(db.target), await worker(db.target, "--concurrency", "2")];
    for (const officeId of agencies) await queue.enqueue({ officeId, year: 2023 });
    await until(
      async () => (await queue.jobs(agencies)).filter((j) => j.state === "done").length === 4,
      "four jobs to finish",
    );
    for (const officeId of agencies) {
      const revision = await revisionOf(db.store, officeId, 2023);
      expect(await db.store.batchOutputs.count(officeId, 2023, revision)).toBe(6);
    }
    expect((await queue.jobs(agencies)).every((j) => j.attempts === 1)).toBe(true);
    for (const w of workers) w.kill("SIGTERM");
    expect(await Promise.all(workers.map(exited))).toEqual([0, 0]);
  });
});
