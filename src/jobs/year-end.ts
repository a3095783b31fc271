/**
 * The year-end batch of one agency and year: the annual report (DOCX, PDF, XLSX), the
 * self-audit report (DOCX, PDF) and every letter of the year (DOCX and PDF, in one ZIP), made
 * by the library's public API over the year's dataset as stored, and stored in the database
 * (storage's batch_output) at the data revision they were made from.
 *
 * One function serves every way a batch runs: a BullMQ worker (`gongwen worker`, PostgreSQL),
 * the workbench's in-process runner on the embedded database, and the tests. It is idempotent:
 * the files of (agency, year, revision) are written once in one transaction; a batch whose
 * files are already there (a retried job whose worker died after the commit) writes nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { zipSync } from "fflate";
import {
  buildAnnualReport,
  buildSelfAudit,
  createPdfRenderer,
  lettersConfigFor,
  renderDocx,
  renderXlsx,
  UserError,
  writeLetters,
  type Calendar,
  type Dataset,
  type LettersConfig,
  type PdfRenderer,
} from "../index.js";
import type { BatchFile, Store } from "../storage/index.js";

/** The files of a batch, by name: what the workbench offers for download. */
export const BATCH_FILES = {
  "annual-report.docx": "政府信息公开工作年度报告（DOCX）",
  "annual-report.pdf": "政府信息公开工作年度报告（PDF）",
  "annual-report.xlsx": "政府信息公开工作年度报告统计表（XLSX）",
  "self-audit.docx": "考核自查报告（DOCX）",
  "self-audit.pdf": "考核自查报告（PDF）",
  "letters.zip": "本年度全部答复文书（DOCX和PDF，ZIP压缩包）",
} as const;
export type BatchFileName = keyof typeof BATCH_FILES;

const MEDIA: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  zip: "application/zip",
};

export function mediaTypeOf(name: string): string {
  return MEDIA[name.split(".").pop() ?? ""] ?? "application/octet-stream";
}

/** What a batch is about: plain data (a queue job's payload). */
export interface YearEndJob {
  officeId: number;
  year: number;
}

export interface YearEndResult {
  officeId: number;
  year: number;
  /** The data revision the files were made from (see revisionOf). */
  revision: string;
  /** Files this run added (0 when they were all there already). */
  added: number;
  /** The batch's files. */
  files: string[];
  letters: number;
  /** Why a document could not be made, or a letter not written (the library's messages). */
  problems: string[];
  ms: number;
}

/** What the batch needs once per process: the PDF writer (fonts parsed once), the letters' config. */
export interface YearEndEnv {
  pdf: PdfRenderer;
  config: LettersConfig;
  calendar?: Calendar;
}

export function yearEndEnv(calendar?: Calendar): YearEndEnv {
  const config = lettersConfigFor(undefined, "zh");
  return {
    config,
    pdf: createPdfRenderer({ lang: "zh", sealPlaceholder: config.seal }),
    ...(calendar ? { calendar } : {}),
  };
}

/**
 * The data revision of (agency, year): the year's count of writes and the previous year's
 * (which the annual report and the self-audit compare with), as "<year>.<previous>".
 */
export async function revisionOf(store: Store, officeId: number, year: number): Promise<string> {
  return revisionText(await store.revisions(officeId, [year - 1, year]), year);
}

/** revisionOf from an agency's revisions by year (already read, e.g. for a whole scope). */
export function revisionText(revisions: ReadonlyMap<number, number>, year: number): string {
  return `${revisions.get(year) ?? 0}.${revisions.get(year - 1) ?? 0}`;
}

/** The queue job id of a batch: one job per agency, year and data revision. */
export function yearEndJobId(job: YearEndJob, revision: string): string {
  return `year-end-${job.officeId}-${job.year}-r${revision.replace(".", "-")}`;
}

/** The dataset of a year and the year before, read at one revision (re-read if a write came between). */
async function readYear(
  store: Store,
  job: YearEndJob,
): Promise<{ revision: string; dataset: Dataset; previous: Dataset | undefined }> {
  for (let attempt = 0; ; attempt++) {
    const revision = await revisionOf(store, job.officeId, job.year);
    const dataset = await store.exportYear(job.officeId, job.year);
    if (!dataset) throw new UserError(`没有${job.year}年度的数据`);
    const previous = (await store.exportYear(job.officeId, job.year - 1)) ?? undefined;
    if ((await revisionOf(store, job.officeId, job.year)) === revision || attempt >= 4)
      return { revision, dataset, previous };
  }
}

/** Files of a folder (recursively), by path relative to it with forward slashes, sorted. */
function filesOf(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/** A fixed time for every ZIP entry: the same letters make the same archive, byte for byte. */
const ZIP_TIME = new Date("2000-01-01T00:00:00Z");

/**
 * Run the batch of (agency, year). `onProgress` gets 0–100. Library problems of one document
 * (missing data) are reported in `problems` and the other documents still made; anything else
 * throws (the queue retries the job).
 */
export async function runYearEnd(
  store: Store,
  env: YearEndEnv,
  job: YearEndJob,
  opts: { jobId?: string; onProgress?: (percent: number) => void | Promise<void> } = {},
): Promise<YearEndResult> {
  const started = Date.now();
  const progress = async (p: number) => {
    if (opts.onProgress) await opts.onProgress(Math.round(p));
  };
  const { revision, dataset, previous } = await readYear(store, job);
  const jobId = opts.jobId ?? yearEndJobId(job, revision);
  const done = await store.batchOutputs.list(job.officeId, job.year, revision);
  if (done.length > 0) {
    // Written by an earlier run (one transaction: all of its files or none).
    await progress(100);
    return {
      ...job,
      revision,
      added: 0,
      files: done.map((f) => f.name),
      letters: 0,
      problems: [],
      ms: Date.now() - started,
    };
  }
  await progress(5);
  const files: BatchFile[] = [];
  const problems: string[] = [];
  const add = (name: string, bytes: Uint8Array) => files.push({ name, mediaType: mediaTypeOf(name), bytes });
  const input = {
    dataset,
    lang: "zh" as const,
    ...(previous ? { previous } : {}),
    ...(env.calendar ? { calendar: env.calendar } : {}),
  };
  const libraryProblem = (what: string, e: unknown) => {
    if (!(e instanceof UserError)) throw e;
    problems.push(`${what}：${[e.message, ...e.details].join("；")}`);
  };

  try {
    const report = buildAnnualReport(input);
    add("annual-report.docx", await renderDocx(report.tree));
    add("annual-report.pdf", (await env.pdf.render(report.tree)).bytes);
    if (report.spreadsheet) add("annual-report.xlsx", await renderXlsx(report.spreadsheet));
  } catch (e) {
    libraryProblem("政府信息公开工作年度报告", e);
  }
  await progress(30);
  try {
    const audit = buildSelfAudit(input);
    add("self-audit.docx", await renderDocx(audit.tree));
    add("self-audit.pdf", (await env.pdf.render(audit.tree)).bytes);
  } catch (e) {
    libraryProblem("考核自查报告", e);
  }
  await progress(45);

  // The letters through the library's batch writer (its worker threads where they pay), into a
  // private folder, then one archive.
  const dir = mkdtempSync(join(tmpdir(), "gongwen-batch-"));
  let letters = 0;
  try {
    const written = await writeLetters(dataset, new Map(), {
      outDir: dir,
      formats: ["docx", "pdf"],
      config: env.config,
      lang: "zh",
      ...(env.calendar ? { calendar: env.calendar } : {}),
      onProgress: (n, total) => void progress(45 + (50 * n) / Math.max(1, total)),
    });
    letters = Object.values(written.counts).reduce((a, b) => a + b, 0);
    problems.push(...written.errors.map((m) => `答复文书：${m}`));
    // Stored, not deflated: DOCX is a ZIP already and PDF streams are compressed (deflating
    // them again took about a third of the batch's time for an archive 13% smaller).
    const entries: Record<string, [Uint8Array, { mtime: Date; level: 0 }]> = {};
    for (const f of filesOf(dir)) entries[f] = [readFileSync(join(dir, f)), { mtime: ZIP_TIME, level: 0 }];
    if (Object.keys(entries).length > 0) add("letters.zip", zipSync(entries));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await progress(95);
  const added = await store.batchOutputs.put(
    { officeId: job.officeId, year: job.year, revision },
    jobId,
    files,
  );
  await progress(100);
  return {
    ...job,
    revision,
    added,
    files: files.map((f) => f.name).sort(),
    letters,
    problems,
    ms: Date.now() - started,
  };
}
