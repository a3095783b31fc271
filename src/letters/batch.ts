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
import type { Dataset } from "../data/types.js";
import { mergePdfs, type PdfOptions } from "../render/pdf/index.js";
import { UserError } from "../util/errors.js";
import { assertWritable, writeFileAtomic } from "../util/fs-atomic.js";
import { t, type Lang } from "../util/i18n.js";
import { lettersConfigFor, type LettersConfig } from "./config.js";
import { assignDocNumbers, type NumberedLetter } from "./doc-number.js";
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
import { LETTER_KINDS, plannedLetters, type LetterKind, type PlannedLetter } from "./kinds.js";
import type { WorkerInput, WorkerMessage } from "./worker.js";

export { LETTER_FORMATS, type LetterFormat, type WrittenLetter };
export const MERGED_FILE = "letters-print.pdf";

/** Batches of at least this many letters use worker threads (when there is more than one core). */
export const WORKER_THRESHOLD = 200;

export interface LettersOptions {
  outDir: string;
  formats: readonly LetterFormat[];
  /** Letter kinds to write (default: all that apply). */
  kinds?: readonly LetterKind[];
  /** Application ids to write (default: all). Unknown ids are an error before anything is written. */
  requests?: readonly string[];
  /** Also write DIR/letters-print.pdf. */
  merge?: boolean;
  templatesDir?: string;
  force?: boolean;
  lang?: Lang;
  /** Default: the templates folder's letters/config.json, else the defaults. */
  config?: LettersConfig;
  /** A calendar other than the shipped one (in-process only). */
  calendar?: Calendar;
  /** PDF writer options (fonts). The seal placeholder follows config.seal. */
  pdf?: Omit<PdfOptions, "lang" | "sealPlaceholder">;
  /**
   * Worker threads: 1 = in this thread. Default: GONGWEN_LETTER_WORKERS, else the cores
   * (at most 4) for batches of WORKER_THRESHOLD letters or more.
   */
  workers?: number;
  /** Called after each letter (written or failed). */
  onProgress?: (done: number, total: number) => void;
}

export interface LettersResult {
  files: WrittenLetter[];
  merged: { path: string; pages: number; bytes: number } | null;
  /** Letters written per kind (a letter in two formats counts once). */
  counts: Record<LetterKind, number>;
  /** Letters that could not be written: id, field and why (exit 2). */
  errors: string[];
  warnings: string[];
}

interface Job {
  index: number;
  plan: number;
  planned: PlannedLetter;
  stem: string;
}

const WORKER_FILE = fileURLToPath(new URL("./worker.js", import.meta.url));

function workerCount(option: number | undefined, jobs: number, customCalendar: boolean): number {
  if (customCalendar || !existsSync(WORKER_FILE)) return 1;
  const env = Number(process.env.GONGWEN_LETTER_WORKERS);
  const asked = option ?? (Number.isInteger(env) && env > 0 ? env : undefined);
  if (asked !== undefined) return Math.max(1, Math.min(asked, jobs));
  return jobs >= WORKER_THRESHOLD ? Math.max(1, Math.min(availableParallelism(), 4)) : 1;
}

/** Run jobs on `n` worker threads; outcomes are delivered by position in `specs`. */
function runInWorkers(
  setup: RunnerSetup,
  specs: JobSpec[],
  n: number,
  onOutcome: (seq: number, outcome: JobOutcome) => void,
): Promise<void> {
  const size = Math.ceil(specs.length / n);
  const runs: Promise<void>[] = [];
  for (let w = 0; w < n; w++) {
    const jobs = specs.slice(w * size, (w + 1) * size).map((spec, i) => ({ seq: w * size + i, spec }));
    if (jobs.length === 0) continue;
    runs.push(
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(WORKER_FILE, {
          workerData: { setup, jobs } satisfies WorkerInput,
          // Without limits each worker lets its heap and garbage PDF buffers grow for the whole
          // batch (peak RSS ~590 MB for 10,000 letters); a small young generation and a set
          // old-generation ceiling keep it collected (~300 MB) for ~5% more CPU. 512 MB is far
          // above what a worker uses (~40 MB live), so a very long letter still fits.
          resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 512 },
        });
        let finished = false;
        worker.on("message", (m: WorkerMessage) => {
          if (m.type === "outcome") onOutcome(m.seq, m.outcome);
          else if (m.type === "done") {
            finished = true;
            void worker.terminate().then(() => resolve());
          } else {
            finished = true;
            void worker.terminate();
            reject(new Error(m.message));
          }
        });
        worker.on("error", reject);
        worker.on("exit", (code) => {
          if (!finished) reject(new Error(`letters worker exited with code ${code}`));
        });
      }),
    );
  }
  return Promise.all(runs).then(() => undefined);
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

  // Document numbers over the whole dataset, so a partial run numbers letters as a full one.
  const numbered: NumberedLetter[] = [];
  const plans: PlannedLetter[][] = apps.map((a) => {
    const plan = plannedLetters(a);
    for (const p of plan)
      numbered.push({
        key: `${a.id}/${p.suffix}`,
        pattern: config.docNumber[p.kind],
        date: p.date ?? "",
        id: a.id,
      });
    return plan;
  });
  const docNumbers = assignDocNumbers(numbered, dataset.agency.shortName);
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

  const pathOf = (job: Job, format: string) =>
    join(options.outDir, `${job.stem}-${job.planned.suffix}.${format}`);
  const mergedPath = join(options.outDir, MERGED_FILE);
  // Refuse before writing anything when a target exists (without force).
  for (const job of jobs)
    for (const f of formats) assertWritable(pathOf(job, f), { force: options.force, lang });
  if (options.merge) assertWritable(mergedPath, { force: options.force, lang });

  const setup: RunnerSetup = {
    dataset,
    config,
    docNumbers: [...docNumbers.entries()],
    ...(options.templatesDir !== undefined ? { templatesDir: options.templatesDir } : {}),
    lang,
    formats,
    force: options.force === true,
    keepPdf: options.merge === true,
    ...(options.pdf ? { pdf: options.pdf } : {}),
  };
  const specs: JobSpec[] = jobs.map((job) => ({
    index: job.index,
    plan: job.plan,
    paths: Object.fromEntries(formats.map((f) => [f, pathOf(job, f)])),
  }));

  const outcomes: (JobOutcome | undefined)[] = new Array(specs.length);
  let done = 0;
  const collect = (seq: number, outcome: JobOutcome): void => {
    outcomes[seq] = outcome;
    options.onProgress?.(++done, specs.length);
  };
  const workers = workerCount(options.workers, specs.length, options.calendar !== undefined);
  if (workers > 1) await runInWorkers(setup, specs, workers, collect);
  else {
    const runner = new JobRunner(setup, options.calendar);
    for (const [seq, spec] of specs.entries()) collect(seq, await runner.run(spec));
  }

  const files: WrittenLetter[] = [];
  const counts = Object.fromEntries(LETTER_KINDS.map((k) => [k, 0])) as Record<LetterKind, number>;
  const mergeParts: Uint8Array[] = [];
  const substitutions = new Set<string>();
  const pdfWarnings = new Set<string>();
  for (const o of outcomes) {
    if (!o) continue;
    if (o.error !== null) {
      errors.push(o.error);
      continue;
    }
    files.push(...o.files);
    warnings.push(...o.warnings);
    for (const w of o.pdfWarnings) pdfWarnings.add(w);
    for (const x of o.substitutions) substitutions.add(x);
    if (o.pdf) mergeParts.push(o.pdf);
    counts[o.kind]++;
  }

  let merged: LettersResult["merged"] = null;
  if (options.merge && mergeParts.length > 0) {
    const bytes = await mergePdfs(mergeParts, { oddPageStarts: true });
    writeFileAtomic(mergedPath, bytes, { force: options.force, lang });
    merged = { path: mergedPath, pages: await pageCount(bytes), bytes: bytes.byteLength };
  }
  for (const s of substitutions) warnings.push(t(lang, `字体替换：${s}`, `font substitution: ${s}`));
  warnings.push(...pdfWarnings);
  return { files, merged, counts, errors, warnings };
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
