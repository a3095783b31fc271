/**
 * What a letters worker thread is sent (workerShare): only the applications and document numbers
 * of its own letters, the rest of the dataset without the other applications; and the runner it
 * builds from that share (workerSetup) writes the same bytes as a runner given the whole dataset.
 * How this thread's share and the workers' settle (runShares): a failing worker stops this thread
 * before the batch rejects. Whole batches on worker threads: letters.test.ts (same bytes as one
 * thread), robustness/full-disk.full.test.ts and worker-temps.full.test.ts (clean-up).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  configSealMark,
  planLetters,
  runShares,
  workerShare,
  yieldToEventLoop,
} from "../../src/letters/batch.js";
import { lettersConfigFor } from "../../src/letters/config.js";
import { JobRunner, type JobSpec, type RunnerSetup } from "../../src/letters/job-runner.js";
import { loadLettersDataset } from "../../src/letters/load.js";
import { workerSetup } from "../../src/letters/worker.js";
import { SAMPLE_2023 } from "./fixtures.js";

const tmp = mkdtempSync(join(tmpdir(), "gongwen-worker-share-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
for (const d of ["a", "b"]) mkdirSync(join(tmp, d));

const { dataset } = loadLettersDataset(SAMPLE_2023);
const config = lettersConfigFor(undefined, "zh");
const { plans, docNumbers } = planLetters(dataset, config);
const setup: RunnerSetup = {
  dataset,
  config,
  docNumbers,
  lang: "zh",
  formats: ["docx"],
  force: false,
  keepPdf: false,
  seal: configSealMark(config),
};
const apps = dataset.disclosure.applications!;
// A share from the middle of the batch: every letter of applications 5 to 7.
const share = [5, 6, 7].flatMap((index) => plans[index]!.map((_, plan) => ({ index, plan })));
const jobs = (dir: string) =>
  share.map(({ index, plan }, i) => ({
    seq: 100 + i,
    spec: { index, plan, paths: { docx: join(tmp, dir, `${index}-${plan}.docx`) } } satisfies JobSpec,
  }));

describe("a worker's share of a letters batch", () => {
  it("holds only its applications, at their positions, and their document numbers", () => {
    const input = workerShare(setup, jobs("a"));
    expect(input.applications.map(([i, a]) => [i, a.id])).toEqual([5, 6, 7].map((i) => [i, apps[i]!.id]));
    expect(input.setup.dataset.disclosure.applications).toBeUndefined();
    expect(input.setup.dataset.agency).toEqual(dataset.agency);
    const ids = new Set([5, 6, 7].map((i) => apps[i]!.id));
    expect(input.setup.docNumbers.size).toBeGreaterThan(0);
    expect(input.setup.docNumbers.size).toBeLessThan(setup.docNumbers.size);
    expect([...input.setup.docNumbers]).toEqual(
      [...setup.docNumbers].filter(([k]) => ids.has(k.split("/")[0]!)),
    );
    // What a worker rebuilds: the records back at their indexes, nothing else.
    const rebuilt = workerSetup(structuredClone(input)).dataset.disclosure.applications!;
    expect(Object.keys(rebuilt)).toEqual(["5", "6", "7"]);
    expect(rebuilt[6]).toEqual(apps[6]);
  });

  it("makes the same files as a runner given the whole dataset", async () => {
    const whole = new JobRunner(setup);
    const part = new JobRunner(workerSetup(structuredClone(workerShare(setup, jobs("b")))));
    const a = jobs("a");
    const b = jobs("b");
    expect(a.length).toBeGreaterThan(3);
    for (let i = 0; i < a.length; i++) {
      const ra = await whole.run(a[i]!.spec);
      const rb = await part.run(b[i]!.spec);
      expect(ra.error).toBeNull();
      expect(rb.files.map((f) => f.docNumber)).toEqual(ra.files.map((f) => f.docNumber));
      expect(readFileSync(b[i]!.spec.paths.docx).equals(readFileSync(a[i]!.spec.paths.docx))).toBe(true);
    }
  });
});

describe("this thread's share beside the workers'", () => {
  /** This thread's share: `n` letters, one per turn of the event loop, until told to stop. */
  const share = (n: number, log: string[]) => async (halt: { stopped: boolean }) => {
    for (let i = 0; i < n && !halt.stopped; i++) {
      log.push(`letter ${i}`);
      await yieldToEventLoop();
    }
    log.push("this thread stopped");
  };

  it("a failing worker stops this thread after its current letter, then the batch rejects", async () => {
    const log: string[] = [];
    const worker = (async () => {
      for (let i = 0; i < 3; i++) await yieldToEventLoop();
      log.push("worker failed");
      throw new Error("worker failed");
    })();
    await expect(runShares(share(1000, log), worker)).rejects.toThrow("worker failed");
    // Rejected only once this thread has stopped: the clean-up after it is the last write.
    expect(log.at(-1)).toBe("this thread stopped");
    const failed = log.indexOf("worker failed");
    expect(failed).toBeGreaterThan(0);
    expect(log.slice(failed + 1).filter((l) => l.startsWith("letter")).length).toBeLessThanOrEqual(1);
    expect(log.length).toBeLessThan(20);
  });

  it("resolves once both shares are done; this thread failing rejects at once", async () => {
    const log: string[] = [];
    let workerDone = false;
    const worker = (async () => {
      for (let i = 0; i < 50; i++) await yieldToEventLoop();
      workerDone = true;
    })();
    await runShares(share(5, log), worker);
    expect(workerDone).toBe(true);
    expect(log).toHaveLength(6);
    const slow = new Promise<void>((resolve) => setTimeout(resolve, 60_000).unref());
    await expect(
      runShares(async () => {
        throw new Error("disk full");
      }, slow),
    ).rejects.toThrow("disk full");
  });
});
