/**
 * Reading PDFs back in tests with the tools a reader would use: poppler (pdftotext, pdffonts,
 * pdfinfo, pdftoppm), qpdf, and tesseract OCR (chi_sim) — so tests check what a person sees,
 * not just what the text layer claims.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Run `fn` with the PDF written to a temporary file. */
export function withPdfFile<T>(pdf: Uint8Array, fn: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "gongwen-pdf-"));
  try {
    const file = join(dir, "doc.pdf");
    writeFileSync(file, pdf);
    return fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PageRange {
  first?: number;
  last?: number;
}

function rangeArgs(r: PageRange): string[] {
  const a: string[] = [];
  if (r.first) a.push("-f", String(r.first));
  if (r.last) a.push("-l", String(r.last));
  return a;
}

/** pdftotext (content-stream order with `raw`, the default here). */
export function pdfText(
  pdf: Uint8Array,
  range: PageRange & { mode?: "raw" | "layout" | "plain" } = {},
): string {
  const mode = range.mode ?? "raw";
  return withPdfFile(pdf, (f) =>
    execFileSync(
      "pdftotext",
      [...(mode === "plain" ? [] : [`-${mode}`]), "-enc", "UTF-8", ...rangeArgs(range), f, "-"],
      {
        encoding: "utf8",
      },
    ),
  );
}

/** Text with all whitespace removed. */
export const squeezeSpace = (s: string): string => s.replace(/\s+/g, "");

export interface PdfFontRow {
  name: string;
  type: string;
  encoding: string;
  emb: boolean;
  sub: boolean;
  uni: boolean;
}

/** pdffonts, parsed (columns located from the header's dashes). */
export function pdfFonts(pdf: Uint8Array): PdfFontRow[] {
  const out = withPdfFile(pdf, (f) => execFileSync("pdffonts", [f], { encoding: "utf8" }));
  const lines = out.split("\n");
  const dashes = lines[1] ?? "";
  const cols: [number, number][] = [];
  const re = /-+/g;
  for (let m = re.exec(dashes); m; m = re.exec(dashes)) cols.push([m.index, m.index + m[0].length]);
  return lines
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const c = cols.map(([a, b], i) => l.slice(a, i === cols.length - 1 ? undefined : b + 1).trim());
      return {
        name: c[0]!,
        type: c[1]!,
        encoding: c[2]!,
        emb: c[3] === "yes",
        sub: c[4] === "yes",
        uni: c[5] === "yes",
      };
    });
}

/** qpdf --check: ok when qpdf exits 0 (no errors, no warnings). */
export function qpdfCheck(pdf: Uint8Array): { ok: boolean; output: string } {
  return withPdfFile(pdf, (f) => {
    const r = spawnSync("qpdf", ["--check", f], { encoding: "utf8" });
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
  });
}

export interface PdfInfo {
  pages: number;
  /** Page size of page 1 in points. */
  width: number;
  height: number;
  fields: Record<string, string>;
}

export function pdfInfo(pdf: Uint8Array): PdfInfo {
  const out = withPdfFile(pdf, (f) => execFileSync("pdfinfo", ["-isodates", f], { encoding: "utf8" }));
  const fields: Record<string, string> = {};
  for (const line of out.split("\n")) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) fields[m[1]!.trim()] = m[2]!.trim();
  }
  const size = /([\d.]+) x ([\d.]+) pts/.exec(fields["Page size"] ?? "");
  return { pages: Number(fields.Pages), width: Number(size?.[1]), height: Number(size?.[2]), fields };
}

/** Sizes of every page in points (pdfinfo -l). */
export function pageSizes(pdf: Uint8Array): { width: number; height: number }[] {
  const out = withPdfFile(pdf, (f) =>
    execFileSync("pdfinfo", ["-f", "1", "-l", "9999", f], { encoding: "utf8" }),
  );
  return [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Words with their boxes (pdftotext -bbox; y grows downwards from the page top), per page. */
export function pdfWords(pdf: Uint8Array, range: PageRange = {}): Word[][] {
  const html = withPdfFile(pdf, (f) =>
    execFileSync("pdftotext", ["-bbox", ...rangeArgs(range), f, "-"], { encoding: "utf8" }),
  );
  const unescape = (s: string): string =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  return html
    .split("<page ")
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: unescape(m[5]!),
      })),
    );
}

/** Group a page's words into lines by their top edge (within `tol` points). */
export function textLines(
  words: readonly Word[],
  tol = 1,
): { y: number; text: string; xMin: number; xMax: number }[] {
  const sorted = [...words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
  const lines: { y: number; words: Word[] }[] = [];
  for (const w of sorted) {
    const l = lines.find((x) => Math.abs(x.y - w.yMin) <= tol);
    if (l) l.words.push(w);
    else lines.push({ y: w.yMin, words: [w] });
  }
  return lines.map((l) => {
    const ws = l.words.sort((a, b) => a.xMin - b.xMin);
    return {
      y: l.y,
      text: ws.map((w) => w.text).join(""),
      xMin: Math.min(...ws.map((w) => w.xMin)),
      xMax: Math.max(...ws.map((w) => w.xMax)),
    };
  });
}

/** Render one page to PNG (pdftoppm) and return the PNG's path inside `dir`. */
export function renderPage(file: string, dir: string, page: number, dpi = 150): string {
  const prefix = join(dir, `p${page}`);
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    String(dpi),
    "-f",
    String(page),
    "-l",
    String(page),
    "-singlefile",
    file,
    prefix,
  ]);
  return `${prefix}.png`;
}

/** OCR one page (pdftoppm at `dpi`, tesseract chi_sim). */
export function ocrPage(pdf: Uint8Array, page = 1, dpi = 150, lang = "chi_sim"): string {
  return withPdfFile(pdf, (f, dir) => {
    const png = renderPage(f, dir, page, dpi);
    return execFileSync("tesseract", [png, "-", "-l", lang], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  });
}

/** PNG bytes of a rendered page. */
export function pagePng(pdf: Uint8Array, page = 1, dpi = 60): Buffer {
  return withPdfFile(pdf, (f, dir) => readFileSync(renderPage(f, dir, page, dpi)));
}

/**
 * Share of the reference's non-space characters found in the candidate (multiset overlap):
 * 1 when every character of `reference` was recognised.
 */
export function charOverlap(reference: string, candidate: string): number {
  const count = new Map<string, number>();
  for (const ch of squeezeSpace(candidate)) count.set(ch, (count.get(ch) ?? 0) + 1);
  let hit = 0;
  let total = 0;
  for (const ch of squeezeSpace(reference)) {
    total++;
    const n = count.get(ch) ?? 0;
    if (n > 0) {
      hit++;
      count.set(ch, n - 1);
    }
  }
  return total === 0 ? 0 : hit / total;
}

export interface GrayPage {
  width: number;
  height: number;
  /** One byte a pixel, 0 black … 255 white, row by row. */
  data: Uint8Array;
  /** Pixels per point. */
  scale: number;
}

/** One page rendered in grey (pdftoppm -gray, a binary PGM), for measuring drawn rules. */
export function pageGray(pdf: Uint8Array, page = 1, dpi = 144): GrayPage {
  return withPdfFile(pdf, (f, dir) => {
    const prefix = join(dir, "g");
    execFileSync("pdftoppm", [
      "-gray",
      "-r",
      String(dpi),
      "-f",
      String(page),
      "-l",
      String(page),
      "-singlefile",
      f,
      prefix,
    ]);
    const buf = readFileSync(`${prefix}.pgm`);
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString("latin1"));
    if (!header) throw new Error("pdftoppm -gray gave no PGM");
    const width = Number(header[1]);
    const height = Number(header[2]);
    const data = new Uint8Array(buf.subarray(header[0].length, header[0].length + width * height));
    return { width, height, data, scale: dpi / 72 };
  });
}
