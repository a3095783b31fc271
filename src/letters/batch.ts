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
import { join } from "node:path";
import { defaultCalendar, type Calendar } from "../calendar/index.js";
import type { Application, Dataset } from "../data/types.js";
import { applicationFact, type ApplicationFacts } from "../facts/applications.js";
import { renderDocx } from "../render/docx/index.js";
import { createPdfRenderer, formatSubstitution, mergePdfs, type PdfOptions } from "../render/pdf/index.js";
import { UserError } from "../util/errors.js";
import { assertWritable, writeFileAtomic } from "../util/fs-atomic.js";
import { t, type Lang } from "../util/i18n.js";
import { buildLetter, LetterError, type LetterEnv } from "./build.js";
import { lettersConfigFor, type LettersConfig } from "./config.js";
import { assignDocNumbers, type NumberedLetter } from "./doc-number.js";
import { uniqueStems } from "./file-names.js";
import { LETTER_KINDS, plannedLetters, type LetterKind, type PlannedLetter } from "./kinds.js";

export const LETTER_FORMATS = ["docx", "pdf"] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];
export const MERGED_FILE = "letters-print.pdf";

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
  calendar?: Calendar;
  /** PDF writer options (fonts). The seal placeholder follows config.seal. */
  pdf?: Omit<PdfOptions, "lang" | "sealPlaceholder">;
  /** Called after each letter (written or failed). */
  onProgress?: (done: number, total: number) => void;
}

export interface WrittenLetter {
  path: string;
  format: LetterFormat;
  id: string;
  kind: LetterKind;
  docNumber: string | null;
  bytes: number;
  pages?: number;
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
  app: Application;
  index: number;
  planned: PlannedLetter;
  stem: string;
}

/** The letters of a dataset (applications in `invalid` are reported, not written). */
export async function writeLetters(
  dataset: Dataset,
  invalid: ReadonlyMap<number, readonly string[]>,
  options: LettersOptions,
): Promise<LettersResult> {
  const lang = options.lang ?? "zh";
  const config = options.config ?? lettersConfigFor(options.templatesDir, lang);
  const calendar = (options.calendar ?? defaultCalendar(lang)).withLang(lang);
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
    for (const planned of plans[index]!)
      if (kinds.has(planned.kind)) jobs.push({ app, index, planned, stem: stems.get(id)! });
  });

  const pathOf = (job: Job, format: string) =>
    join(options.outDir, `${job.stem}-${job.planned.suffix}.${format}`);
  const mergedPath = join(options.outDir, MERGED_FILE);
  // Refuse before writing anything when a target exists (without force).
  for (const job of jobs)
    for (const f of formats) assertWritable(pathOf(job, f), { force: options.force, lang });
  if (options.merge) assertWritable(mergedPath, { force: options.force, lang });

  const env: LetterEnv = {
    dataset,
    config,
    docNumbers,
    ...(options.templatesDir !== undefined ? { templatesDir: options.templatesDir } : {}),
    lang,
  };
  const factsCtx = { year: dataset.year, calendar, ...(dataset.regime ? { pinned: dataset.regime } : {}) };
  const factOptions = {
    lang,
    feePaymentDays: config.feePaymentDays,
    consultationAnswerDays: config.consultationAnswerDays,
  };
  const factsCache = new Map<number, ApplicationFacts>();
  const needPdf = formats.includes("pdf") || options.merge === true;
  const pdf = needPdf ? createPdfRenderer({ ...options.pdf, lang, sealPlaceholder: config.seal }) : undefined;

  const files: WrittenLetter[] = [];
  const counts = Object.fromEntries(LETTER_KINDS.map((k) => [k, 0])) as Record<LetterKind, number>;
  const mergeParts: Uint8Array[] = [];
  const substitutions = new Set<string>();
  const pdfWarnings = new Set<string>();
  let done = 0;
  for (const job of jobs) {
    const { app, index, planned } = job;
    try {
      let facts = factsCache.get(index);
      if (!facts) {
        facts = applicationFact(app, index, factsCtx, factOptions);
        factsCache.set(index, facts);
      }
      const letter = buildLetter(env, app, facts, planned);
      warnings.push(...letter.warnings);
      let pdfBytes: Uint8Array | undefined;
      let pages: number | undefined;
      if (pdf) {
        const r = await pdf.render(letter.tree);
        pdfBytes = r.bytes;
        pages = r.pages;
        for (const w of r.warnings) pdfWarnings.add(w);
        for (const s of r.substitutions) substitutions.add(formatSubstitution(s, lang));
      }
      for (const format of formats) {
        const bytes = format === "docx" ? await renderDocx(letter.tree) : pdfBytes!;
        const path = pathOf(job, format);
        writeFileAtomic(path, bytes, { force: options.force, lang });
        files.push({
          path,
          format,
          id: app.id,
          kind: planned.kind,
          docNumber: letter.docNumber,
          bytes: bytes.byteLength,
          ...(format === "pdf" && pages !== undefined ? { pages } : {}),
        });
      }
      if (options.merge && pdfBytes) mergeParts.push(pdfBytes);
      counts[planned.kind]++;
    } catch (e) {
      if (e instanceof LetterError) errors.push(e.message);
      else if (e instanceof UserError)
        errors.push(
          t(lang, `${app.id}：${planned.suffix}：${e.message}`, `${app.id}: ${planned.suffix}: ${e.message}`),
        );
      else throw e;
    }
    options.onProgress?.(++done, jobs.length);
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
