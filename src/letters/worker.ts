/**
 * Worker thread of a big letters batch: makes and writes its share of the letters with its own
 * runner (own PDF renderer and compiled templates) and reports each outcome to the main thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Application } from "../data/types.js";
import { FileSystemError } from "../util/errors.js";
import { JobRunner, type JobSpec, type RunnerSetup } from "./job-runner.js";

/**
 * What one worker is sent (cloned into its heap): the setup with the dataset's applications and
 * document numbers left out, only the applications its jobs are about (with their positions in
 * the dataset) and their numbers. See workerShare in batch.ts.
 */
export interface WorkerInput {
  setup: RunnerSetup;
  /** The share's applications: [position in disclosure.applications, record]. */
  applications: [number, Application][];
  /** Jobs with their position in the whole batch. */
  jobs: { seq: number; spec: JobSpec }[];
}

/** The runner's setup in the worker: its applications back at their positions (the rest holes). */
export function workerSetup(input: WorkerInput): RunnerSetup {
  const applications: Application[] = [];
  for (const [index, app] of input.applications) applications[index] = app;
  const { dataset } = input.setup;
  return { ...input.setup, dataset: { ...dataset, disclosure: { ...dataset.disclosure, applications } } };
}

export type WorkerMessage =
  | { type: "outcome"; seq: number; outcome: Awaited<ReturnType<JobRunner["run"]>> }
  | { type: "done" }
  | { type: "fatal"; message: string; fs?: { code: string; path: string } };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const input = workerData as WorkerInput;
  try {
    const runner = new JobRunner(workerSetup(input));
    for (const { seq, spec } of input.jobs) {
      const outcome = await runner.run(spec);
      port.postMessage({ type: "outcome", seq, outcome } satisfies WorkerMessage);
    }
    port.postMessage({ type: "done" } satisfies WorkerMessage);
  } catch (e) {
    port.postMessage({
      type: "fatal",
      message: e instanceof Error ? e.message : String(e),
      // A file-system failure that stops the batch (a full disk) crosses to the main thread as such.
      ...(e instanceof FileSystemError ? { fs: { code: e.fsCode, path: e.path } } : {}),
    } satisfies WorkerMessage);
  }
}

void main();
