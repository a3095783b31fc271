/**
 * Test helpers for reading back DOCX files (and the PDFs LibreOffice makes of them).
 *
 * - docxParts / docxPart: the package's parts (unzipped) and one part as text.
 * - docxParagraphs: paragraph texts of word/document.xml in reading order (body paragraphs and
 *   table cells row by row; cells continuing a vertical merge are skipped; w:br / w:cr → "\n",
 *   w:tab → "\t"); docxText joins them with "\n".
 * - readWithPythonDocx: what python-docx (Debian's python3-docx, run with /usr/bin/python3) reads.
 * - convertDocxToPdf: LibreOffice headless conversion in a temp dir with its own profile.
 * - pdfPageCount, pdfWords (pdftotext -bbox), pdfText (pdftotext -raw), pdfLayoutLines,
 *   pdfToPng (pdftoppm).
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";

type DocxInput = Uint8Array | string;

function bytesOf(input: DocxInput): Uint8Array {
  return typeof input === "string" ? new Uint8Array(fs.readFileSync(input)) : input;
}

/** All parts of a DOCX (or any zip), by path. */
export function docxParts(input: DocxInput): Record<string, Uint8Array> {
  return unzipSync(bytesOf(input));
}

/** One part as UTF-8 text; throws when the part is missing. */
export function docxPart(input: DocxInput, part: string): string {
  const data = docxParts(input)[part];
  if (!data) throw new Error(`no part ${part} in the package`);
  return strFromU8(data);
}

export function decodeXmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/**
 * Paragraph texts of a WordprocessingML part (default word/document.xml) in reading order.
 * A tokenizer, not a full XML parser: enough for machine-written OOXML.
 */
export function docxParagraphs(input: DocxInput, part = "word/document.xml"): string[] {
  const xml = docxPart(input, part);
  const out: string[] = [];
  const token =
    /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->|([^<]+)/g;
  let current: string | undefined;
  let inText = false;
  let runDepth = 0;
  // Stack of table cells: true when the cell continues a vertical merge (its text is skipped).
  const cells: boolean[] = [];
  const skipping = () => cells.some(Boolean);
  for (const m of xml.matchAll(token)) {
    const [, closing, name, attrs = "", selfClosing, text] = m;
    if (text !== undefined) {
      if (inText && current !== undefined) current += decodeXmlEntities(text);
      continue;
    }
    if (!name) continue;
    if (closing) {
      if (name === "w:t") inText = false;
      else if (name === "w:r") runDepth--;
      else if (name === "w:p" && current !== undefined) {
        if (!skipping()) out.push(current);
        current = undefined;
      } else if (name === "w:tc") cells.pop();
      continue;
    }
    switch (name) {
      case "w:p":
        if (selfClosing) {
          if (!skipping()) out.push("");
        } else current = "";
        break;
      case "w:r":
        if (!selfClosing) runDepth++;
        break;
      case "w:t":
        if (!selfClosing) inText = true;
        break;
      case "w:br": {
        const type = /w:type="([^"]*)"/.exec(attrs)?.[1];
        if (runDepth > 0 && current !== undefined && (type === undefined || type === "textWrapping"))
          current += "\n";
        break;
      }
      case "w:cr":
        if (runDepth > 0 && current !== undefined) current += "\n";
        break;
      case "w:tab":
        if (runDepth > 0 && current !== undefined) current += "\t";
        break;
      case "w:tc":
        if (!selfClosing) cells.push(false);
        break;
      case "w:vMerge": {
        const val = /w:val="([^"]*)"/.exec(attrs)?.[1];
        if (cells.length > 0 && (val === undefined || val === "continue")) cells[cells.length - 1] = true;
        break;
      }
    }
  }
  return out;
}

/** Paragraph texts joined with "\n". */
export function docxText(input: DocxInput, part?: string): string {
  return docxParagraphs(input, part).join("\n");
}

export interface PythonDocxSection {
  /** Lengths in twips. */
  pageWidth: number;
  pageHeight: number;
  topMargin: number;
  bottomMargin: number;
  leftMargin: number;
  rightMargin: number;
  footerDistance: number;
  differentFirstPage: boolean;
  startType: string;
  /** Paragraph texts of the section's footers. */
  footer: string[];
  evenFooter: string[];
  firstFooter: string[];
}

export interface PythonDocxResult {
  /** document.paragraphs (body-level paragraphs only). */
  paragraphs: string[];
  /** Body text in reading order: paragraphs, and table cells row by row (merge continuations skipped). */
  bodyTexts: string[];
  /** Each table as rows of cell texts, as python-docx expands spans (a spanned cell repeats). */
  tables: string[][][];
  core: {
    title: string;
    author: string;
    subject: string;
    keywords: string;
    lastModifiedBy: string;
    created: string | null;
    modified: string | null;
  };
  oddAndEvenPages: boolean;
  sections: PythonDocxSection[];
}

const PYTHON_DOCX_SCRIPT = String.raw`
import json, sys
import docx
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.oxml.ns import qn

d = docx.Document(sys.argv[1])
tw = lambda v: None if v is None else round(v / 635)

def body_texts(parent_el, parent):
    out = []
    for el in parent_el.iterchildren():
        if el.tag == qn("w:p"):
            out.append(Paragraph(el, parent).text)
        elif el.tag == qn("w:tbl"):
            for tr in el.tr_lst:
                for tc in tr.tc_lst:
                    if tc.vMerge == "continue":
                        continue
                    out.extend(body_texts(tc, parent))
    return out

def footer_texts(f):
    return [] if f.is_linked_to_previous else [p.text for p in f.paragraphs]

cp = d.core_properties
iso = lambda v: None if v is None else v.strftime("%Y-%m-%dT%H:%M:%S")
print(json.dumps({
    "paragraphs": [p.text for p in d.paragraphs],
    "bodyTexts": body_texts(d.element.body, d),
    "tables": [[[c.text for c in row.cells] for row in t.rows] for t in d.tables],
    "core": {
        "title": cp.title, "author": cp.author, "subject": cp.subject, "keywords": cp.keywords,
        "lastModifiedBy": cp.last_modified_by, "created": iso(cp.created), "modified": iso(cp.modified),
    },
    "oddAndEvenPages": bool(d.settings.odd_and_even_pages_header_footer),
    "sections": [{
        "pageWidth": tw(s.page_width), "pageHeight": tw(s.page_height),
        "topMargin": tw(s.top_margin), "bottomMargin": tw(s.bottom_margin),
        "leftMargin": tw(s.left_margin), "rightMargin": tw(s.right_margin),
        "footerDistance": tw(s.footer_distance),
        "differentFirstPage": bool(s.different_first_page_header_footer),
        "startType": str(s.start_type),
        "footer": footer_texts(s.footer), "evenFooter": footer_texts(s.even_page_footer),
        "firstFooter": footer_texts(s.first_page_footer),
    } for s in d.sections],
}, ensure_ascii=False))
`;

/** Reads a .docx file with python-docx (Debian's python3-docx through /usr/bin/python3). */
export function readWithPythonDocx(docxPath: string): PythonDocxResult {
  const res = spawnSync("/usr/bin/python3", ["-c", PYTHON_DOCX_SCRIPT, docxPath], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.status !== 0) throw new Error(`python-docx failed (${res.status}): ${res.stderr}`);
  return JSON.parse(res.stdout) as PythonDocxResult;
}

export interface PdfConversion {
  pdfPath: string;
  pages: number;
  /** Temp dir holding the PDF and the LibreOffice profile; removed by cleanup(). */
  dir: string;
  cleanup(): void;
}

/**
 * Converts a .docx to PDF with LibreOffice (soffice --headless --convert-to pdf) in a fresh temp
 * dir with its own user profile (so parallel conversions and a desktop session don't collide).
 * Blank pages a section break inserts (an odd-page section after an odd page) are exported, as a
 * printer would print them, unless `skipBlankPages` (LibreOffice's own default) is set.
 * Throws with LibreOffice's output when no PDF appears.
 */
export function convertDocxToPdf(
  docxPath: string,
  opts: { timeoutMs?: number; skipBlankPages?: boolean } = {},
): PdfConversion {
  const { pdfs, cleanup } = convertDocxesToPdf([docxPath], opts);
  const one = pdfs[0]!;
  return { ...one, cleanup };
}

export interface PdfConversions {
  /** One per input, in the order given. */
  pdfs: { docxPath: string; pdfPath: string; pages: number; dir: string }[];
  /** Removes the temp dir holding every PDF and the LibreOffice profile. */
  cleanup(): void;
}

/**
 * Converts many .docx files in ONE LibreOffice process (each start with a fresh profile costs
 * seconds; the conversions themselves are fast), same settings as convertDocxToPdf. The inputs
 * must have distinct base names (the PDFs land in one folder).
 */
export function convertDocxesToPdf(
  docxPaths: string[],
  opts: { timeoutMs?: number; skipBlankPages?: boolean } = {},
): PdfConversions {
  const stems = docxPaths.map((p) => path.basename(p).replace(/\.docx$/i, ""));
  if (new Set(stems).size !== stems.length)
    throw new Error(`convertDocxesToPdf: repeated base names in ${stems.join(", ")}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gongwen-soffice-"));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const profile = path.join(dir, "profile");
    const outDir = path.join(dir, "out");
    fs.mkdirSync(outDir);
    const res = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        opts.skipBlankPages
          ? "pdf"
          : 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}',
        "--outdir",
        outDir,
        ...docxPaths.map((p) => path.resolve(p)),
      ],
      { encoding: "utf8", timeout: opts.timeoutMs ?? 60_000 + 30_000 * docxPaths.length },
    );
    const pdfs = docxPaths.map((docxPath, i) => {
      const pdfPath = path.join(outDir, `${stems[i]}.pdf`);
      if (res.status !== 0 || !fs.existsSync(pdfPath)) {
        throw new Error(
          `LibreOffice did not convert ${path.basename(docxPath)} (status ${res.status}, signal ${res.signal}): ${res.stdout}${res.stderr}`,
        );
      }
      return { docxPath, pdfPath, pages: pdfPageCount(pdfPath), dir };
    });
    return { pdfs, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

/** Page count from pdfinfo. */
export function pdfPageCount(pdfPath: string): number {
  const info = execFileSync("pdfinfo", [pdfPath], { encoding: "utf8" });
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error(`pdfinfo gave no page count for ${pdfPath}`);
  return Number(m[1]);
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPageWords {
  page: number;
  width: number;
  height: number;
  words: PdfWord[];
}

/** Words with bounding boxes (points, origin top-left) from `pdftotext -bbox`, per page. */
export function pdfWords(pdfPath: string, range: { first?: number; last?: number } = {}): PdfPageWords[] {
  const args = ["-bbox"];
  if (range.first !== undefined) args.push("-f", String(range.first));
  if (range.last !== undefined) args.push("-l", String(range.last));
  const html = execFileSync("pdftotext", [...args, pdfPath, "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages: PdfPageWords[] = [];
  let pageNo = (range.first ?? 1) - 1;
  const re =
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(re)) {
    if (m[1] !== undefined) {
      pageNo++;
      pages.push({ page: pageNo, width: Number(m[1]), height: Number(m[2]), words: [] });
    } else {
      pages[pages.length - 1]?.words.push({
        page: pageNo,
        text: decodeXmlEntities(m[7] ?? ""),
        xMin: Number(m[3]),
        yMin: Number(m[4]),
        xMax: Number(m[5]),
        yMax: Number(m[6]),
      });
    }
  }
  return pages;
}

/** The whole text of a PDF in content order (pdftotext -raw); pages end with a form feed. */
export function pdfText(pdfPath: string): string {
  return execFileSync("pdftotext", ["-raw", pdfPath, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** Text lines of a page as pdftotext -layout gives them (empty lines dropped). */
export function pdfLayoutLines(pdfPath: string, page: number): string[] {
  const text = execFileSync("pdftotext", ["-layout", "-f", String(page), "-l", String(page), pdfPath, "-"], {
    encoding: "utf8",
  });
  return text.split("\n").filter((l) => l.trim() !== "");
}

/** Renders pages to PNG with pdftoppm; returns the PNG paths in page order. */
export function pdfToPng(
  pdfPath: string,
  outPrefix: string,
  opts: { dpi?: number; first?: number; last?: number } = {},
) {
  const args = ["-png", "-r", String(opts.dpi ?? 60)];
  if (opts.first !== undefined) args.push("-f", String(opts.first));
  if (opts.last !== undefined) args.push("-l", String(opts.last));
  execFileSync("pdftoppm", [...args, pdfPath, outPrefix]);
  const dir = path.dirname(outPrefix);
  const base = path.basename(outPrefix);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(base + "-") && f.endsWith(".png"))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)?.[1]) - Number(/-(\d+)\.png$/.exec(b)?.[1]))
    .map((f) => path.join(dir, f));
}
