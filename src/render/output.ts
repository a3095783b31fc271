/**
 * Writes one document tree in the requested formats. The only place that knows which writer
 * serves which format; writers themselves know nothing about files or disclosure law.
 */
import { join } from "node:path";
import type { DocumentTree } from "../document/tree.js";
import type { LayoutOptions } from "../document/layout.js";
import type { FontSubstitution } from "./pdf/index.js";
import type { SealMark } from "./seal.js";
import { assertWritable, writeFileAtomic } from "../util/fs-atomic.js";
import { recordOutput, sha256Hex, type ManifestRecorder } from "./manifest.js";
import { UserError } from "../util/errors.js";
import { type Lang, t } from "../util/i18n.js";

export const DOCUMENT_FORMATS = ["docx", "pdf"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export interface OutputOptions {
  outDir: string;
  /** File name without extension, e.g. "summary". */
  baseName: string;
  formats: readonly string[];
  force?: boolean;
  layout?: LayoutOptions;
  /** Path of a font configuration file for the PDF writer. */
  fontConfig?: string;
  /** What is drawn on a sealed signature (default: nothing). */
  seal?: SealMark;
  lang?: Lang;
  /** Extra outputs by format (e.g. xlsx for the annual report): produce the bytes on demand. */
  extra?: Record<string, () => Promise<Uint8Array>>;
  /**
   * The manifest run to journal each output in once it is in place: a run that fails or is
   * killed between two formats leaves the first recorded. (Only after the rename, unlike letters,
   * which journal their intent too: the document is then the first thing written, so a folder
   * that cannot be made or a full disk is reported with the document's name, and a run that
   * writes nothing leaves nothing behind.)
   */
  recorder?: ManifestRecorder;
}

export interface WrittenFile {
  path: string;
  format: string;
  bytes: number;
  /** sha256 of the bytes written (hex), as recorded in DIR/manifest.json. */
  sha256: string;
  pages?: number;
}

export interface OutputResult {
  files: WrittenFile[];
  warnings: string[];
  substitutions: FontSubstitution[];
  /** Path of DIR/manifest.json once the run is recorded there. */
  manifest?: string;
}

/** Parse "docx,pdf" or ["docx","pdf"] into a unique list, checking each against what is supported. */
export function parseFormats(value: unknown, supported: readonly string[], lang: Lang = "zh"): string[] {
  const raw = (Array.isArray(value) ? value : [value])
    .flatMap((v) => String(v ?? "").split(","))
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== "");
  const out: string[] = [];
  for (const f of raw) {
    if (!supported.includes(f)) {
      throw new UserError(
        t(
          lang,
          `不支持的输出格式 ${f}，可选：${supported.join("、")}`,
          `unsupported format ${f}; choose from ${supported.join(", ")}`,
        ),
      );
    }
    if (!out.includes(f)) out.push(f);
  }
  if (out.length === 0) return [supported[0] ?? "docx"];
  return out;
}

export async function writeDocument(tree: DocumentTree, opts: OutputOptions): Promise<OutputResult> {
  const paths = opts.formats.map((f) => join(opts.outDir, `${opts.baseName}.${f}`));
  // Check every target before writing any, so a refusal leaves nothing half done.
  for (const p of paths) assertWritable(p, { force: opts.force, lang: opts.lang });
  const result: OutputResult = { files: [], warnings: [], substitutions: [] };
  for (const [i, format] of opts.formats.entries()) {
    const path = paths[i]!;
    let bytes: Uint8Array;
    let pages: number | undefined;
    if (format === "docx") {
      // The writers are loaded on first use: importing this module stays cheap (CLI start-up).
      const { renderDocx } = await import("./docx/index.js");
      bytes = await renderDocx(tree, { layout: opts.layout, ...(opts.seal ? { seal: opts.seal } : {}) });
    } else if (format === "pdf") {
      const { renderPdf } = await import("./pdf/index.js");
      const r = await renderPdf(tree, {
        layout: opts.layout,
        fontConfig: opts.fontConfig,
        lang: opts.lang,
        ...(opts.seal ? { seal: opts.seal } : {}),
      });
      bytes = r.bytes;
      pages = r.pages;
      result.warnings.push(...r.warnings);
      result.substitutions.push(...r.substitutions);
    } else {
      const make = opts.extra?.[format];
      if (!make) {
        throw new UserError(
          t(opts.lang ?? "zh", `不支持的输出格式 ${format}`, `unsupported format ${format}`),
        );
      }
      bytes = await make();
    }
    const sha256 = sha256Hex(bytes);
    writeFileAtomic(path, bytes, { force: opts.force, lang: opts.lang });
    if (opts.recorder) recordOutput(opts.recorder, path, sha256, bytes.byteLength);
    result.files.push({
      path,
      format,
      bytes: bytes.byteLength,
      sha256,
      ...(pages !== undefined ? { pages } : {}),
    });
  }
  return result;
}
