/**
 * Worker thread of a big letters batch: makes and writes its share of the letters with its own
 * runner (own PDF renderer and compiled templates) and reports each outcome to the main thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { FileSystemError } from "../util/errors.js";
import { JobRunner, type JobSpec, type RunnerSetup } from "./job-runner.js";

export interface WorkerInput {
  setup: RunnerSetup;
  /** Jobs with their position in the whole batch. */
  jobs: { seq: number; spec: JobSpec }[];
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
    const runner = new JobRunner(input.setup);
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
