/**
 * Writing the letters of a dataset: one file per application, letter and format
 * (DIR/<id>-<kind>.docx|pdf), optionally every letter in one print file (DIR/letters-print.pdf,
 * each letter starting on an odd page for duplex printing).
 *
 * - An application whose record is invalid, or lacks what one of its letters needs, gives an
 *   error naming its id and the field; every other letter is still written. The caller exits 2.
 * - A reply after its deadline is written, with a warning naming the application.
 * - Fast for big batches: one PDF renderer (fonts parsed once, subsets cached), templates
 *   compiled once per process (compose), facts computed per application; each file is written
 *   as soon as it is made (only --merge keeps the PDFs until the end).
 * - Nothing is overwritten without `force`: every target is checked before the first write.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Calendar } from "../calendar/index.js";
import type { Application, Dataset } from "../data/types.js";
import { mergePdfs, type PdfOptions } from "../render/pdf/index.js";
import type { ManifestRecorder } from "../render/manifest.js";
import { sealMark, type SealMark } from "../render/seal.js";
import { FileSystemError, UserError } from "../util/errors.js";
import {
  assertWritable,
  fsWhy,
  isBatchFatal,
  onInterrupt,
  removeOwnTempsOf,
  writeFileAtomic,
} from "../util/fs-atomic.js";
import { t, type Lang } from "../util/i18n.js";
import { lettersConfigFor, type LettersConfig } from "./config.js";
import { assignDocNumbers, type IssuedNumber, type NumberedLetter } from "./doc-number.js";
import { issuedOfDataset, readIssuedLedger, recordIssued } from "./issued-ledger.js";
import { uniqueStems } from "./file-names.js";
import {
  JobRunner,
  LETTER_FORMATS,
  type JobOutcome,
  type JobSpec,
  type LetterFormat,
  type RunnerSetup,
  type WrittenLetter,
} from "./job-runner.js";
import {
  fileSuffix,
  LETTER_KINDS,
  letterNameZh,
  plannedLetters,
  type FileNaming,
  type LetterKind,
  type PlannedLetter,
} from "./kinds.js";
import type { DatasetSource } from "./load.js";
import type { WorkerInput, WorkerMessage } from "./worker.js";
import { dateText } from "../data/date-text.js";

export { LETTER_FORMATS, type LetterFormat, type WrittenLetter };
export const MERGED_FILE = "letters-print.pdf";

/** The seal mark the configuration asks for (sealMode, sealImage). */
export function configSealMark(config: LettersConfig, lang: Lang = "zh"): SealMark {
  return config.sealMode === "image"
    ? sealMark("image", config.sealImage, lang)
    : sealMark(config.sealMode, undefined, lang);
}

/**
 * Batches of at least WORKER_THRESHOLD letters use threads beside this one, on machines with at
 * least WORKER_MIN_CORES cores; this thread makes a share too (workerShare). Measured on this
 * 2-core machine, shared with other work (issue 18; `gongwen letters --format docx,pdf --json`,
 * /usr/bin/time, CPU = user+sys, 2 threads = this one and one worker; load average given):
 *
 *   letters  threads  peak RSS MB  CPU s          CPU ms/letter  wall s       load
 *    1,000      1        164        10.9           10.9           27           8–9
 *    1,000      2        234        11.9           11.9           26           9–10
 *    3,000      1        180        17.2            5.7           19           8–9
 *    3,000      2        253        19.5            6.5           26           9
 *   10,000      1        212–217    50.4–57.0       5.0–5.7      100–173        6–13
 *   10,000      2        279–282    57.7–69.6       5.8–7.0       94–142        8–13
 *   50,000      1        356       217.2            4.3          213           8 → 2
 *   50,000      2        453       202.2            4.0          109           2
 *
 * Paired at 10,000 letters (4 runs of one thread, 3 of two) two threads cost 1.01×, 1.13× and
 * 1.28× the CPU of one (load 8–13), at 3,000 1.13×, at 1,000 1.09× (a worker's start-up, ≈ 1 s
 * CPU); only at 50,000 letters on a nearly idle machine (one run each, load 8 → 2 and 2) did
 * they cost less (0.93×) and halve the wall time. Their memory is the worker's heap on top of
 * this thread's (+70–100 MB; at 50,000 letters 453 MB, above the 400 MB this thread alone stays
 * under). So on fewer than 4 cores one thread; on more, cores − 1 threads (one core left to the
 * rest of the machine) from 1,000 letters, where a worker's start-up is a tenth of the batch's
 * CPU or less.
 *
 * Since the batch keeps less per letter (each letter's paths made when it is, the dataset
 * dropped before the manifest is folded, a journal of short lines), 50,000 letters peak at
 * 311–316 MB on one thread and 398 MB on two (VmHWM, load ≈ 2).
 */
export const WORKER_THRESHOLD = 1000;
export const WORKER_MIN_CORES = 4;

export interface LettersOptions {
  outDir: string;
  formats: readonly LetterFormat[];
  /** Letter kinds to write (default: all that apply). */
  kinds?: readonly LetterKind[];
  /** Application ids to write (default: all). Unknown ids are an error before anything is written. */
  requests?: readonly string[];
  /** Also write DIR/letters-print.pdf. */
  merge?: boolean;
  /** File names: ascii (YSQ2025-001-reply.pdf, the default) or zh (YSQ2025-001-答复书.pdf). */
  names?: FileNaming;
  templatesDir?: string;
  force?: boolean;
  lang?: Lang;
  /** Default: the templates folder's letters/config.json, else the defaults. */
  config?: LettersConfig;
  /** A calendar other than the shipped one (in-process only). */
  calendar?: Calendar;
  /** PDF writer options (fonts). The seal mark is `seal`, not a PDF option. */
  pdf?: Omit<PdfOptions, "lang" | "sealPlaceholder" | "seal">;
  /** What sealed letters show where the seal goes (default: the configuration's sealMode). */
  seal?: SealMark;
  /**
   * Threads making letters: 1 = this thread alone; n = this thread and n − 1 worker threads,
   * each with an equal share. Default: GONGWEN_LETTER_WORKERS, else one thread on fewer than
   * WORKER_MIN_CORES cores, and cores − 1 (at most 4) for batches of WORKER_THRESHOLD letters or
   * more on larger machines.
   */
  workers?: number;
  /** Record each file in DIR/manifest.json as it is written (see render/manifest.ts). */
  recorder?: ManifestRecorder;
  /**
   * Paths (relative to outDir, forward slashes) the manifest lists: a letter whose every file is
   * listed and present is skipped (--missing), and reported in `skipped`.
   */
  listed?: ReadonlySet<string>;
  /** Messages name fields by their keys (received), as --json prints them, not in Chinese (收到日期). */
  fieldKeys?: boolean;
  /** Called after each letter (written or failed). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Where the dataset was read from: a letter that cannot be made is reported at the field's
   * file and line:column, as validate reports (see letters/load.ts).
   */
  source?: DatasetSource;
}

export interface LettersResult {
  files: WrittenLetter[];
  merged: { path: string; pages: number; bytes: number } | null;
  /** Letters written per kind (a letter in two formats counts once). */
  counts: Record<LetterKind, number>;
  /** Files not written because the manifest lists them (--missing). */
  skipped: string[];
  /** Letters that could not be written: id, field and why (exit 2). */
  errors: string[];
  warnings: string[];
  /** Information, once per run: the font substitutions of the PDFs (not a defect of the letters). */
  notices: string[];
  /** Threads that made the letters: 1 = this thread alone (see WORKER_MIN_CORES). */
  threads: number;
}

interface Job {
  index: number;
  plan: number;
  planned: PlannedLetter;
  stem: string;
}

const WORKER_FILE = fileURLToPath(new URL("./worker.js", import.meta.url));

/** The default number of threads for a batch of `jobs` letters on `cores` cores (see above). */
export function defaultWorkers(jobs: number, cores: number): number {
  if (jobs < WORKER_THRESHOLD || cores < WORKER_MIN_CORES) return 1;
  return Math.min(cores - 1, 4);
}

function workerCount(option: number | undefined, jobs: number, customCalendar: boolean): number {
  if (customCalendar || !existsSync(WORKER_FILE)) return 1;
  const env = Number(process.env.GONGWEN_LETTER_WORKERS);
  const asked = option ?? (Number.isInteger(env) && env > 0 ? env : undefined);
  if (asked !== undefined) return Math.max(1, Math.min(asked, jobs));
  return defaultWorkers(jobs, availableParallelism());
}

/** The running workers of a batch; `interrupted` once a signal stops them (the process exits). */
interface WorkerPool {
  workers: Set<Worker>;
  interrupted: boolean;
}

/**
 * What a worker making `jobs` is sent: the setup without the dataset's applications and
 * document numbers, plus the applications and numbers of its own letters only. Each worker's
 * heap holds its share, not a copy of the whole dataset (at 10,000 letters on 2 workers the
 * structured clone of the whole setup was 2 × 1.9 MB of JSON-sized data and its numbers).
 */
export function workerShare(setup: RunnerSetup, jobs: WorkerInput["jobs"]): WorkerInput {
  const all = setup.dataset.disclosure.applications ?? [];
  const indexes = [...new Set(jobs.map((j) => j.spec.index))];
  const applications = indexes.map((i): [number, Application] => [i, all[i]!]);
  const ids = new Set(applications.map(([, a]) => a.id));
  // Keys are `${id}/${suffix}`; a suffix holds no "/".
  const docNumbers = new Map(
    [...setup.docNumbers].filter(([key]) => ids.has(key.slice(0, key.lastIndexOf("/")))),
  );
  const { applications: _all, ...disclosure } = setup.dataset.disclosure;
  return {
    setup: { ...setup, dataset: { ...setup.dataset, disclosure }, docNumbers },
    applications,
    jobs,
  };
}

/**
 * A worker thread making the letters from `from` to `to` (exclusive). Its share is cloned into
 * the worker when it starts; nothing of it is kept in this thread.
 */
function startWorker(setup: RunnerSetup, specOf: (seq: number) => JobSpec, from: number, to: number): Worker {
  const jobs: WorkerInput["jobs"] = [];
  for (let seq = from; seq < to; seq++) jobs.push({ seq, spec: specOf(seq) });
  return new Worker(WORKER_FILE, {
    workerData: workerShare(setup, jobs),
    // Without limits each worker lets its heap and garbage PDF buffers grow for the whole
    // batch (peak RSS ~590 MB for 10,000 letters); a small young generation and a set
    // old-generation ceiling keep it collected (~300 MB) for ~5% more CPU. 512 MB is far
    // above what a worker uses (~40 MB live), so a very long letter still fits.
    resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 512 },
  });
}

/**
 * Run the jobs from `size` on (of `total`, each made by `specOf`) in worker threads, `size` jobs
 * each (the first `size` are this thread's); outcomes are delivered by position in the batch.
 * Rejects when a worker fails.
 */
function runInWorkers(
  setup: RunnerSetup,
  total: number,
  specOf: (seq: number) => JobSpec,
  size: number,
  onOutcome: (seq: number, outcome: JobOutcome) => void,
  pool: WorkerPool,
): Promise<void> {
  const runs: Promise<void>[] = [];
  for (let w = 1; w * size < total; w++) {
    const worker = startWorker(setup, specOf, w * size, Math.min((w + 1) * size, total));
    runs.push(
      new Promise<void>((resolve, reject) => {
        pool.workers.add(worker);
        worker.on("exit", () => pool.workers.delete(worker));
        let finished = false;
        worker.on("message", (m: WorkerMessage) => {
          if (m.type === "outcome") onOutcome(m.seq, m.outcome);
          else if (m.type === "done") {
            finished = true;
            void worker.terminate().then(() => resolve());
          } else {
            finished = true;
            void worker.terminate();
            reject(m.fs ? new FileSystemError(m.message, m.fs.code, m.fs.path) : new Error(m.message));
          }
        });
        worker.on("error", reject);
        worker.on("exit", (code) => {
          if (!finished && !pool.interrupted) reject(new Error(`letters worker exited with code ${code}`));
        });
      }),
    );
  }
  return Promise.all(runs).then(() => undefined);
}

/**
 * The letters every application calls for, and their document numbers (`${id}/${suffix}` →
 * 文号), numbered over the whole dataset so a partial run numbers letters as a full one.
 */
export function planLetters(
  dataset: Dataset,
  config: LettersConfig,
  ledger: ReadonlyMap<string, IssuedNumber> = new Map(),
  invalid?: ReadonlyMap<number, unknown>,
): { plans: PlannedLetter[][]; docNumbers: Map<string, string>; issued: Map<string, IssuedNumber> } {
  const numbered: NumberedLetter[] = [];
  const plans: PlannedLetter[][] = (dataset.disclosure.applications ?? []).map((a, i) => {
    // A record set aside as invalid may be anything (null, a string, a reply that is a number):
    // it gets the letters its shape allows, or none; it is reported, not written.
    const plan = invalid?.has(i) ? plannedLettersOfMalformed(a) : plannedLetters(a);
    for (const p of plan)
      numbered.push({
        key: `${a.id}/${p.suffix}`,
        pattern: config.docNumber[p.kind],
        date: p.date ?? "",
        id: a.id,
      });
    return plan;
  });
  // Issued numbers: the folder's ledger, then the records' own (which take precedence).
  const issued = new Map([...ledger, ...issuedOfDataset(dataset)]);
  return { plans, docNumbers: assignDocNumbers(numbered, dataset.agency.shortName, issued), issued };
}

function plannedLettersOfMalformed(a: unknown): PlannedLetter[] {
  if (!a || typeof a !== "object" || Array.isArray(a)) return [];
  try {
    return plannedLetters(a as Application);
  } catch {
    return [];
  }
}

/**
 * Make and write the letters of `jobs` (those whose files are all listed and present with
 * --missing are left out of `jobs`, their files added to `skipped`): the outcome of each, by
 * its position in `jobs`. What only the run needs — each letter's paths, the targets to clean up
 * when interrupted — is dropped when it returns, before the batch's result is put together.
 */
async function runBatch(
  setup: RunnerSetup,
  jobs: Job[],
  skipped: string[],
  options: LettersOptions,
): Promise<{ outcomes: (JobOutcome | undefined)[]; workers: number }> {
  const { formats, lang } = setup;
  const fileOf = (job: Job, format: string) =>
    `${job.stem}-${fileSuffix(job.planned, options.names)}.${format}`;
  const pathOf = (job: Job, format: string) => join(options.outDir, fileOf(job, format));
  const mergedPath = join(options.outDir, MERGED_FILE);
  // --missing: leave out files the manifest lists that are there (a letter with none missing is
  // not made at all). Only letters with some formats left out are in `partial`.
  const partial = new Map<Job, LetterFormat[]>();
  const listed = options.listed;
  if (listed) {
    const kept = jobs.filter((job) => {
      const missing = formats.filter((f) => !(listed.has(fileOf(job, f)) && existsSync(pathOf(job, f))));
      for (const f of formats) if (!missing.includes(f)) skipped.push(pathOf(job, f));
      if (missing.length > 0 && missing.length < formats.length) partial.set(job, missing);
      return missing.length > 0;
    });
    jobs.length = 0;
    jobs.push(...kept);
  }
  const formatsOf = (job: Job): readonly LetterFormat[] => partial.get(job) ?? formats;
  // Refuse before writing anything when a target exists (without force).
  for (const job of jobs)
    for (const f of formatsOf(job)) assertWritable(pathOf(job, f), { force: options.force, lang });
  if (options.merge) assertWritable(mergedPath, { force: options.force, lang });

  // Each letter's spec (its paths) is made when the letter is, not kept for the whole batch:
  // at 50,000 letters the specs, with the outcomes' own copies of what they held, were ≈20 MB.
  const specOf = (seq: number): JobSpec => {
    const job = jobs[seq]!;
    return {
      index: job.index,
      plan: job.plan,
      paths: Object.fromEntries(formatsOf(job).map((f) => [f, pathOf(job, f)])),
    };
  };
  const total = jobs.length;
  const outcomes: (JobOutcome | undefined)[] = new Array(total);
  let done = 0;
  // Kept until the batch ends (the result lists every file): per letter only what differs from
  // letter to letter; the lists nearly every letter repeats (its font substitutions, no
  // warnings) are kept once and shared, so memory grows by little more than the file list.
  const shared = new Map<string, string[]>();
  const intern = (xs: string[]): string[] => {
    const key = xs.join("\n");
    let v = shared.get(key);
    if (!v) shared.set(key, (v = xs));
    return v;
  };
  const collect = (seq: number, outcome: JobOutcome): void => {
    outcome.warnings = intern(outcome.warnings);
    outcome.pdfWarnings = intern(outcome.pdfWarnings);
    outcome.substitutions = intern(outcome.substitutions);
    outcomes[seq] = outcome;
    options.onProgress?.(++done, total);
  };
  const workers = workerCount(options.workers, total, options.calendar !== undefined);
  try {
    if (workers > 1) {
      // The files this batch writes: their temp files are removed when it ends or is interrupted.
      const targets = function* (): Generator<string> {
        for (let seq = 0; seq < total; seq++) yield* Object.values(specOf(seq).paths);
        yield mergedPath;
      };
      const pool: WorkerPool = { workers: new Set(), interrupted: false };
      const stop = async (): Promise<void> => {
        await Promise.allSettled([...pool.workers].map((w) => w.terminate()));
        removeOwnTempsOf(targets());
      };
      const unregister = onInterrupt(() => {
        // The process exits once this is done: the stopped workers are not a failure to report.
        pool.interrupted = true;
        return stop();
      });
      try {
        // This thread makes the first share while worker threads make the others: one start-up
        // fewer than with workers alone, and no thread idles (see WORKER_MIN_CORES).
        const size = Math.ceil(total / workers);
        await runShares(
          // Called once the workers are started: they load while this thread starts its own.
          (halt) => runHere(new JobRunner(setup, options.calendar), size, specOf, collect, halt),
          runInWorkers(setup, total, specOf, size, collect, pool),
        );
      } finally {
        // A worker that failed leaves the others running: stop them all, then remove what any
        // of them left half-written (a worker stopped mid-write cannot remove its own).
        unregister();
        await stop();
      }
    } else await runHere(new JobRunner(setup, options.calendar), total, specOf, collect);
  } catch (e) {
    // A full disk: one message naming the folder, not one per letter; what was written is
    // complete (each file is renamed into place whole) and in the run's journal.
    if (!isBatchFatal(e)) throw e;
    const why = fsWhy(e.fsCode, lang);
    throw new FileSystemError(
      t(
        lang,
        `无法写入 ${options.outDir}：${why}；已停止生成文书，已写入的文件是完整的`,
        `cannot write ${options.outDir}: ${why}; the letters batch stopped (the files written are complete)`,
      ),
      e.fsCode,
      options.outDir,
    );
  }
  return { outcomes, workers };
}

/** The letters of a dataset (applications in `invalid` are reported, not written). */
export async function writeLetters(
  dataset: Dataset,
  invalid: ReadonlyMap<number, readonly string[]>,
  options: LettersOptions,
): Promise<LettersResult> {
  const lang = options.lang ?? "zh";
  const config = options.config ?? lettersConfigFor(options.templatesDir, lang);
  const apps = dataset.disclosure.applications ?? [];
  const kinds = new Set<LetterKind>(options.kinds ?? LETTER_KINDS);
  const formats = [...new Set(options.formats)];

  // Which applications.
  const ids = apps.map((a, i) => (typeof a?.id === "string" ? a.id : `applications[${i}]`));
  let wanted: Set<string> | null = null;
  if (options.requests && options.requests.length > 0) {
    const known = new Set(ids);
    const unknown = [...new Set(options.requests)].filter((r) => !known.has(r));
    if (unknown.length > 0)
      throw new UserError(
        t(
          lang,
          `数据中没有这些申请：${unknown.join("、")}`,
          `no application with these ids in the data: ${unknown.join(", ")}`,
        ),
      );
    wanted = new Set(options.requests);
  }

  // Document numbers over the whole dataset: issued ones (the folder's ledger, the records'
  // issued) kept, the others next after the highest issued.
  const ledger = readIssuedLedger(options.outDir, lang);
  const { plans, docNumbers, issued } = planLetters(dataset, config, ledger, invalid);
  const stems = uniqueStems(ids);

  const errors: string[] = [];
  const warnings: string[] = [];
  const jobs: Job[] = [];
  apps.forEach((app, index) => {
    const id = ids[index]!;
    if (wanted && !wanted.has(id)) return;
    const bad = invalid.get(index);
    if (bad) {
      errors.push(...bad);
      return;
    }
    plans[index]!.forEach((planned, plan) => {
      if (kinds.has(planned.kind)) jobs.push({ index, plan, planned, stem: stems.get(id)! });
    });
  });

  // An issued letter whose date in the record has changed since: the number stays; say so.
  for (const job of jobs) {
    const was = issued.get(`${ids[job.index]}/${job.planned.suffix}`);
    if (was && job.planned.date !== undefined && was.date !== job.planned.date)
      warnings.push(
        t(
          lang,
          `${ids[job.index]}：${letterNameZh(job.planned, options.fieldKeys)}：已于${dateText(was.date)}以${was.docNumber}签发，记录中的文书日期现为${dateText(job.planned.date)}；文号不变`,
          `${ids[job.index]}: ${job.planned.suffix}: issued on ${dateText(was.date, "en")} as ${was.docNumber}; the record now dates it ${dateText(job.planned.date, "en")}; the number stays`,
        ),
      );
  }

  const setup: RunnerSetup = {
    dataset,
    config,
    docNumbers,
    ...(options.templatesDir !== undefined ? { templatesDir: options.templatesDir } : {}),
    lang,
    ...(options.fieldKeys ? { fieldKeys: true } : {}),
    formats,
    force: options.force === true,
    keepPdf: options.merge === true,
    ...(options.pdf ? { pdf: options.pdf } : {}),
    ...(options.recorder ? { recorder: options.recorder } : {}),
    seal: options.seal ?? configSealMark(config, lang),
  };
  const skipped: string[] = [];
  const { outcomes, workers } = await runBatch(setup, jobs, skipped, options);

  const files: WrittenLetter[] = [];
  const counts = Object.fromEntries(LETTER_KINDS.map((k) => [k, 0])) as Record<LetterKind, number>;
  const mergeParts: Uint8Array[] = [];
  const substitutions = new Set<string>();
  const pdfWarnings = new Set<string>();
  const failed = outcomes.filter((o): o is JobOutcome => o !== undefined && o.error !== null);
  if (options.source && failed.length > 0)
    errors.push(
      ...options.source.locate(
        failed.map((o) => o.errorAt ?? ""),
        failed.map((o) => o.error!),
      ),
    );
  else errors.push(...failed.map((o) => o.error!));
  for (const o of outcomes) {
    if (!o || o.error !== null) continue;
    files.push(...o.files);
    warnings.push(...o.warnings);
    for (const w of o.pdfWarnings) pdfWarnings.add(w);
    for (const x of o.substitutions) substitutions.add(x);
    if (o.pdf) mergeParts.push(o.pdf);
    counts[o.kind]++;
  }

  // The numbers written by this run are issued now: recorded beside the letters.
  const newlyIssued = new Map<string, IssuedNumber>();
  outcomes.forEach((o, seq) => {
    const f = o?.error === null ? o.files[0] : undefined;
    const { planned } = jobs[seq]!;
    const key = `${f?.id}/${planned.suffix}`;
    if (f?.docNumber && planned.date !== undefined && !issued.has(key))
      newlyIssued.set(key, { docNumber: f.docNumber, date: planned.date });
  });
  recordIssued(options.outDir, newlyIssued, lang);

  let merged: LettersResult["merged"] = null;
  if (options.merge && mergeParts.length > 0) {
    const mergedPath = join(options.outDir, MERGED_FILE);
    const bytes = await mergePdfs(mergeParts, { oddPageStarts: true });
    writeFileAtomic(mergedPath, bytes, { force: options.force, lang });
    merged = { path: mergedPath, pages: await pageCount(bytes), bytes: bytes.byteLength };
  }
  const notices = [...substitutions].map((s) => t(lang, `字体替换：${s}`, `font substitution: ${s}`));
  warnings.push(...pdfWarnings);
  return { files, merged, counts, skipped, errors, warnings, notices, threads: workers };
}

/**
 * This thread's share (`here`) beside the workers' (`others`): settles once both have. A worker
 * that fails sets `halt.stopped`, so this thread stops after its current letter, and then the
 * batch rejects with the worker's error — after this thread's last write, so the clean-up that
 * follows (workers stopped, temp files removed) is the last thing to touch the folder. This
 * thread failing rejects at once (the caller stops the workers).
 */
export async function runShares(
  here: (halt: { stopped: boolean }) => Promise<void>,
  others: Promise<void>,
): Promise<void> {
  const halt = { stopped: false };
  void others.catch(() => {
    halt.stopped = true;
  });
  await here(halt);
  await others;
}

/**
 * Make the batch's first `count` letters (each spec made by `specOf` as its letter is) in this
 * thread, letter by letter, until `halt.stopped`.
 */
async function runHere(
  runner: JobRunner,
  count: number,
  specOf: (seq: number) => JobSpec,
  onOutcome: (seq: number, outcome: JobOutcome) => void,
  halt: { stopped: boolean } = { stopped: false },
): Promise<void> {
  for (let seq = 0; seq < count; seq++) {
    if (halt.stopped) return;
    onOutcome(seq, await runner.run(specOf(seq)));
    // A letter is made and written without a real wait (its awaits resolve as microtasks), so
    // without this the event loop would not turn until the batch ends: a SIGINT/SIGTERM
    // handler would never run while letters are written (the batch went on and exited 0), nor
    // would the workers' outcomes be received. One turn per letter (a few microseconds) lets it
    // stop the batch between two letters.
    await yieldToEventLoop();
  }
}

/** Let the event loop run once (timers, I/O, signal handlers) before continuing. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function pageCount(bytes: Uint8Array): Promise<number> {
  const { PDFDocument } = await import("@cantoo/pdf-lib");
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.getPageCount();
}

/** "回执 42、答复书 39 …" — the final line's counts per kind (kinds with letters only). */
export function countsLine(
  result: LettersResult,
  lang: Lang,
  labels: Record<LetterKind, { zh: string; en: string }>,
): string {
  const parts = LETTER_KINDS.filter((k) => result.counts[k] > 0).map((k) =>
    t(lang, `${labels[k].zh} ${result.counts[k]}`, `${labels[k].en} ${result.counts[k]}`),
  );
  const total = LETTER_KINDS.reduce((s, k) => s + result.counts[k], 0);
  const list = parts.length > 0 ? parts.join(t(lang, "，", ", ")) : t(lang, "无", "none");
  return t(lang, `共写出 ${total} 件文书：${list}`, `${total} letters written: ${list}`);
}
