/**
 * Making and writing one letter: facts (once per application), context, document tree, PDF and
 * DOCX, atomic writes. The same runner serves the in-process batch and each worker thread, so
 * both produce byte-identical files.
 */
import { defaultCalendar, type Calendar } from "../calendar/index.js";
import { clerkMessage } from "../data/messages.js";
import type { Dataset } from "../data/types.js";
import { applicationFact, applicationFactContext, type ApplicationFacts } from "../facts/applications.js";
import { renderDocx } from "../render/docx/index.js";
import {
  createPdfRenderer,
  formatSubstitution,
  type PdfOptions,
  type PdfRenderer,
} from "../render/pdf/index.js";
import type { SealMark } from "../render/seal.js";
import { UserError } from "../util/errors.js";
import { ensureDir, isBatchFatal, writeFileAtomic } from "../util/fs-atomic.js";
import { dirname } from "node:path";
import { recordIntent, recordOutput, sha256Hex, type ManifestRecorder } from "../render/manifest.js";
import { t, type Lang } from "../util/i18n.js";
import { buildLetter, LetterError, type LetterEnv } from "./build.js";
import type { LettersConfig } from "./config.js";
import { letterNameZh, plannedLetters, type LetterKind, type PlannedLetter } from "./kinds.js";
import { fieldToPointer } from "./fields.js";

export const LETTER_FORMATS = ["docx", "pdf"] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

export interface WrittenLetter {
  path: string;
  format: LetterFormat;
  id: string;
  kind: LetterKind;
  docNumber: string | null;
  bytes: number;
  pages?: number;
}

/** Everything a runner needs; plain data, so it can be sent to a worker thread. */
export interface RunnerSetup {
  dataset: Dataset;
  config: LettersConfig;
  /** Document numbers by `${id}/${suffix}` (a Map crosses to a worker by structured clone). */
  docNumbers: ReadonlyMap<string, string>;
  templatesDir?: string;
  lang: Lang;
  /** Messages name fields by their keys (--json). */
  fieldKeys?: boolean;
  formats: LetterFormat[];
  force: boolean;
  /** Keep the PDF bytes in the outcome (for the print file). */
  keepPdf: boolean;
  pdf?: Omit<PdfOptions, "lang" | "sealPlaceholder" | "seal">;
  /** What sealed letters show where the seal goes (PDF and DOCX). */
  seal?: SealMark;
  /** DIR/manifest.json's recorder: each file is recorded as it is renamed into place. */
  recorder?: ManifestRecorder;
}

/** One letter to make: the application, which of its planned letters, and the target files. */
export interface JobSpec {
  index: number;
  plan: number;
  paths: Partial<Record<LetterFormat, string>>;
}

export interface JobOutcome {
  kind: LetterKind;
  files: WrittenLetter[];
  warnings: string[];
  pdfWarnings: string[];
  substitutions: string[];
  /** Why the letter could not be made (names the application id), or null. */
  error: string | null;
  /** The JSON pointer of the field the error is about (for its line:column), or null. */
  errorAt: string | null;
  pdf: Uint8Array | null;
}

export class JobRunner {
  private readonly env: LetterEnv;
  private readonly calendar: Calendar;
  private readonly pdf: PdfRenderer | undefined;
  /**
   * The facts and planned letters of the application the last job was about: a batch's jobs
   * come application by application, so one is enough, and nothing is kept per application for
   * the rest of the batch (memory stays flat as the batch grows).
   */
  private current: { index: number; facts?: ApplicationFacts; plan: PlannedLetter[] } | undefined;

  constructor(
    private readonly setup: RunnerSetup,
    calendar?: Calendar,
  ) {
    this.env = {
      dataset: setup.dataset,
      config: setup.config,
      docNumbers: setup.docNumbers,
      ...(setup.templatesDir !== undefined ? { templatesDir: setup.templatesDir } : {}),
      lang: setup.lang,
      ...(setup.fieldKeys ? { fieldKeys: true } : {}),
    };
    this.calendar = (calendar ?? defaultCalendar(setup.lang)).withLang(setup.lang);
    this.pdf =
      setup.formats.includes("pdf") || setup.keepPdf
        ? createPdfRenderer({ ...setup.pdf, lang: setup.lang, ...(setup.seal ? { seal: setup.seal } : {}) })
        : undefined;
  }

  private factsOf(index: number): ApplicationFacts {
    const cur = this.current!;
    if (!cur.facts) {
      const { dataset } = this.setup;
      const app = dataset.disclosure.applications![index]!;
      cur.facts = applicationFact(app, index, applicationFactContext(dataset, this.calendar));
    }
    return cur.facts;
  }

  async run(spec: JobSpec): Promise<JobOutcome> {
    const { dataset, lang, formats, force } = this.setup;
    const app = dataset.disclosure.applications![spec.index]!;
    if (this.current?.index !== spec.index) this.current = { index: spec.index, plan: plannedLetters(app) };
    const planned = this.current.plan[spec.plan]!;
    const out: JobOutcome = {
      kind: planned.kind,
      files: [],
      warnings: [],
      pdfWarnings: [],
      substitutions: [],
      error: null,
      errorAt: null,
      pdf: null,
    };
    try {
      const letter = buildLetter(this.env, app, this.factsOf(spec.index), planned);
      out.warnings.push(...letter.warnings);
      let pdfBytes: Uint8Array | undefined;
      let pages: number | undefined;
      if (this.pdf) {
        const r = await this.pdf.render(letter.tree);
        pdfBytes = r.bytes;
        pages = r.pages;
        out.pdfWarnings.push(...r.warnings);
        out.substitutions.push(...r.substitutions.map((s) => formatSubstitution(s, lang)));
        if (this.setup.keepPdf) out.pdf = pdfBytes;
      }
      for (const format of formats) {
        const path = spec.paths[format];
        if (path === undefined) continue; // already written (--missing)
        const bytes =
          format === "docx"
            ? await renderDocx(letter.tree, this.setup.seal ? { seal: this.setup.seal } : {})
            : pdfBytes!;
        // Journaled before and after the rename: a kill -9 between the two leaves the intent,
        // which the next run checks against the file (recorded when it is this content).
        const rec = this.setup.recorder;
        const hash = rec ? sha256Hex(bytes) : "";
        if (rec) {
          ensureDir(dirname(path), lang); // the journal lives beside the letters
          recordIntent(rec, path, hash, bytes.byteLength);
        }
        writeFileAtomic(path, bytes, { force, lang });
        if (rec) recordOutput(rec, path, hash, bytes.byteLength);
        out.files.push({
          path,
          format,
          id: app.id,
          kind: planned.kind,
          docNumber: letter.docNumber,
          bytes: bytes.byteLength,
          ...(format === "pdf" && pages !== undefined ? { pages } : {}),
        });
      }
    } catch (e) {
      const at = `/disclosure/applications/${spec.index}`;
      // A full disk (or quota, or a read-only file system): the batch stops here (see batch.ts).
      if (isBatchFatal(e)) throw e;
      // For people: labels, not keys, and dates in words (--json: as built).
      const said = (m: string): string => (this.setup.fieldKeys ? m : clerkMessage(m, lang));
      if (e instanceof LetterError) {
        out.error = said(e.message);
        out.errorAt = at + fieldToPointer(e.field);
      } else if (e instanceof UserError) {
        out.errorAt = at;
        out.error = t(
          lang,
          `${app.id}：${letterNameZh(planned, this.setup.fieldKeys)}：${said(e.message)}`,
          `${app.id}: ${planned.suffix}: ${said(e.message)}`,
        );
      } else throw e;
    }
    return out;
  }
}
