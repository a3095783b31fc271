/**
 * What a letters worker thread is sent (workerShare): only the applications and document numbers
 * of its own letters, the rest of the dataset without the other applications; and the runner it
 * builds from that share (workerSetup) writes the same bytes as a runner given the whole dataset.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { configSealMark, planLetters, workerShare } from "../../src/letters/batch.js";
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
  docNumbers: [...docNumbers.entries()],
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
    expect(input.setup.docNumbers.length).toBeGreaterThan(0);
    expect(input.setup.docNumbers.length).toBeLessThan(setup.docNumbers.length);
    expect(input.setup.docNumbers).toEqual(setup.docNumbers.filter(([k]) => ids.has(k.split("/")[0]!)));
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
