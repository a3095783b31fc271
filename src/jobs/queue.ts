/**
 * The year-end batch queue, as the workbench sees it: enqueue a batch of (agency, year), list
 * the jobs of some agencies with their state and progress. Two implementations, one job
 * function (runYearEnd):
 *
 * - PostgreSQL: BullMQ (6.x) with its PostgreSQL backend, in a schema of its own beside the
 *   workbench's tables in the same database (no Redis); `gongwen worker` processes, on this or
 *   other machines, run the jobs (worker.ts).
 * - The embedded SQLite database (one office, one machine, no queue server): the server runs
 *   the batches itself, one at a time, in its own process; the jobs list lives as long as the
 *   process (the files stay in the database).
 *
 * A job's id is its agency, year and data revision: enqueueing the same batch again while the
 * data is unchanged finds the job there and adds none.
 */
import { UnrecoverableError, withBackend, createPostgresBackend, type Job } from "bullmq";
import { UserError } from "../index.js";
import type { Store } from "../storage/index.js";
import {
  revisionOf,
  runYearEnd,
  yearEndJobId,
  type YearEndEnv,
  type YearEndJob,
  type YearEndResult,
} from "./year-end.js";

export const QUEUE_NAME = "year-end";

export type BatchState = "queued" | "running" | "done" | "failed";

export interface BatchJobView {
  id: string;
  officeId: number;
  year: number;
  revision: string;
  state: BatchState;
  /** 0–100. */
  progress: number;
  /** Runs started so far (a worker killed mid-job makes another). */
  attempts: number;
  /** Why it failed (the last attempt's message). */
  failedReason: string | null;
  result: YearEndResult | null;
  /** When it was enqueued / finished (ms since the epoch). */
  createdAt: number;
  finishedAt: number | null;
}

export interface BatchQueue {
  /** "bullmq": workers elsewhere run the jobs; "in-process": this process does. */
  readonly kind: "bullmq" | "in-process";
  /** Enqueue the batch of (agency, year) at its current data revision. */
  enqueue(job: YearEndJob): Promise<{ id: string; existed: boolean }>;
  /** The jobs of these agencies, newest first. */
  jobs(officeIds: readonly number[]): Promise<BatchJobView[]>;
  close(): Promise<void>;
}

// ---- PostgreSQL: BullMQ ---------------------------------------------------------------------

/** What the BullMQ PostgreSQL backend connects with. */
export type QueueConnection = {
  connectionString: string;
  schema: string;
  migrate: true;
};

/**
 * The queue's connection for a workbench database URL: the same server and database, in the
 * schema `<workbench schema>_jobs` (the URL's search_path, as the tests give one per test), or
 * `gongwen_jobs`. The URL's own search_path is taken out: BullMQ pins its schema itself.
 */
export function queueConnection(target: string): QueueConnection {
  const url = new URL(target);
  const options = url.searchParams.get("options") ?? "";
  const m = /(?:^|\s)-c\s*search_path=("?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(options);
  url.searchParams.delete("options");
  const schema = m ? `${m[2]}_jobs` : "gongwen_jobs";
  return { connectionString: url.toString(), schema, migrate: true };
}

const Bull = withBackend(createPostgresBackend);
export type BullQueue = InstanceType<typeof Bull.Queue<YearEndJob, YearEndResult>>;
export type BullWorker = InstanceType<typeof Bull.Worker<YearEndJob, YearEndResult>>;

export function bullQueue(connection: QueueConnection): BullQueue {
  return new Bull.Queue<YearEndJob, YearEndResult>(QUEUE_NAME, {
    connection,
    defaultJobOptions: {
      // A failure that is no bad data (the database gone, a worker out of memory) is retried.
      attempts: 3,
      backoff: { type: "exponential", delay: 5_000 },
      removeOnComplete: { count: 20_000 },
      removeOnFail: { count: 20_000 },
    },
  });
}

/**
 * A worker running the batches of the queue in this process (`gongwen worker`). `lockMs` is
 * how long a job stays locked without its worker renewing it: after a worker dies (kill -9),
 * another takes its job over once the lock has run out (BullMQ's stalled-job check).
 */
export function bullWorker(
  connection: QueueConnection,
  store: Store,
  env: () => YearEndEnv,
  opts: { concurrency?: number; lockMs?: number; stalledMs?: number } = {},
): BullWorker {
  return new Bull.Worker<YearEndJob, YearEndResult>(
    QUEUE_NAME,
    async (job) => {
      try {
        return await runYearEnd(store, env(), job.data, {
          jobId: job.id!,
          onProgress: (p) => job.updateProgress(p),
        });
      } catch (e) {
        // Bad or missing data stays bad on a retry.
        if (e instanceof UserError) throw new UnrecoverableError(e.message);
        throw e;
      }
    },
    {
      connection,
      concurrency: opts.concurrency ?? 1,
      lockDuration: opts.lockMs ?? 30_000,
      stalledInterval: opts.stalledMs ?? 30_000,
      maxStalledCount: 2,
    },
  );
}

function viewOf(job: Job<YearEndJob, YearEndResult>, state: BatchState, revision: string): BatchJobView {
  return {
    id: job.id!,
    officeId: job.data.officeId,
    year: job.data.year,
    revision,
    state,
    progress: typeof job.progress === "number" ? job.progress : state === "done" ? 100 : 0,
    attempts: job.attemptsStarted ?? job.attemptsMade,
    failedReason: state === "failed" ? (job.failedReason ?? null) : null,
    result: state === "done" ? (job.returnvalue ?? null) : null,
    createdAt: job.timestamp,
    finishedAt: job.finishedOn ?? null,
  };
}

/** The revision a job id names (year-end-<office>-<year>-r<a>-<b>). */
function revisionOfId(id: string): string {
  const m = /-r(\d+)-(\d+)$/.exec(id);
  return m ? `${m[1]}.${m[2]}` : "";
}

export class BullBatchQueue implements BatchQueue {
  readonly kind = "bullmq" as const;
  readonly queue: BullQueue;

  constructor(
    private readonly store: Store,
    connection: QueueConnection,
  ) {
    this.queue = bullQueue(connection);
  }

  async enqueue(job: YearEndJob): Promise<{ id: string; existed: boolean }> {
    const revision = await revisionOf(this.store, job.officeId, job.year);
    const id = yearEndJobId(job, revision);
    const before = await this.queue.getJob(id);
    if (before && (await before.getState()) !== "failed") return { id, existed: true };
    // A failed batch asked for again runs again (under the same id).
    if (before) await before.retry("failed");
    else await this.queue.add("year-end", { officeId: job.officeId, year: job.year }, { jobId: id });
    return { id, existed: false };
  }

  async jobs(officeIds: readonly number[]): Promise<BatchJobView[]> {
    const want = new Set(officeIds);
    const groups: [
      BatchState,
      ("active" | "waiting" | "delayed" | "prioritized" | "completed" | "failed")[],
    ][] = [
      ["running", ["active"]],
      ["queued", ["waiting", "delayed", "prioritized"]],
      ["done", ["completed"]],
      ["failed", ["failed"]],
    ];
    const out: BatchJobView[] = [];
    const seen = new Set<string>();
    for (const [state, types] of groups)
      for (const j of await this.queue.getJobs(types, 0, -1)) {
        if (!j?.id || seen.has(j.id) || !want.has(j.data.officeId)) continue;
        seen.add(j.id);
        out.push(viewOf(j, state, revisionOfId(j.id)));
      }
    return out.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

// ---- the embedded database: in this process -------------------------------------------------

export class InProcessBatchQueue implements BatchQueue {
  readonly kind = "in-process" as const;
  private readonly views = new Map<string, BatchJobView>();
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly env: () => YearEndEnv,
  ) {}

  async enqueue(job: YearEndJob): Promise<{ id: string; existed: boolean }> {
    const revision = await revisionOf(this.store, job.officeId, job.year);
    const id = yearEndJobId(job, revision);
    const before = this.views.get(id);
    if (before && before.state !== "failed") return { id, existed: true };
    const view: BatchJobView = {
      id,
      officeId: job.officeId,
      year: job.year,
      revision,
      state: "queued",
      progress: 0,
      attempts: before?.attempts ?? 0,
      failedReason: null,
      result: null,
      createdAt: Date.now(),
      finishedAt: null,
    };
    this.views.set(id, view);
    this.chain = this.chain.then(() => this.run(view, job));
    return { id, existed: false };
  }

  private async run(view: BatchJobView, job: YearEndJob): Promise<void> {
    view.state = "running";
    view.attempts++;
    try {
      view.result = await runYearEnd(this.store, this.env(), job, {
        jobId: view.id,
        onProgress: (p) => void (view.progress = p),
      });
      view.revision = view.result.revision;
      view.state = "done";
      view.progress = 100;
    } catch (e) {
      view.state = "failed";
      view.failedReason = e instanceof UserError ? e.message : "内部错误";
    }
    view.finishedAt = Date.now();
  }

  /** Resolves once every batch enqueued so far has run (tests, shutdown). */
  idle(): Promise<void> {
    return this.chain;
  }

  jobs(officeIds: readonly number[]): Promise<BatchJobView[]> {
    const want = new Set(officeIds);
    return Promise.resolve(
      [...this.views.values()]
        .filter((v) => want.has(v.officeId))
        .map((v) => ({ ...v }))
        .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1)),
    );
  }

  close(): Promise<void> {
    return this.chain;
  }
}
