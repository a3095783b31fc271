/**
 * The engines of the warm comparison, each as { name, output, prepare(tree), run(input) }: the
 * runner (bench/run.mjs) feeds them interleaved blocks of the same letters. The product's two
 * writers, and the alternatives a user would otherwise pick, fed the same texts:
 * - docxtemplater (+ pizzip) filling a letter template — the template is our own DOCX of a letter
 *   whose texts are placeholders, so styles and layout are the same;
 * - Typst's node compiler (@myriaddreamin/typst-ts-node-compiler) on an equivalent letter source
 *   (A4, GB/T 9704 margins, Noto Serif SC 16 pt body, 22 pt title), one warm compiler;
 * - the naive pdf-lib path: pdf-lib + fontkit embedding the 15 MB CJK TTF (bytes read once,
 *   outside the timing) with `subset: true` in every document: what it measures is fontkit
 *   parsing the font and subsetting it per document, plus pdf-lib's writing, 28 characters a line;
 * - LibreOffice `soffice --headless --convert-to pdf` of our DOCX files in one batch call: the
 *   start-up (one document) and the marginal cost per further document; and the cold pair, one
 *   DOCX in a fresh soffice (see bench/summary.mjs).
 * All alternatives are devDependencies used only here; a missing one is reported, not fatal.
 * Only the public API (`gongwen`) is imported.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runCommand, spread } from "./child.mjs";

const require = createRequire(import.meta.url);
const FONT_REGULAR =
  require.resolve("@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf");

const runsText = (runs) => runs.map((r) => r.text + (r.breakAfter ? "\n" : "")).join("");

/** The texts of a letter tree, in order, as the alternatives need them. */
export function letterFields(tree) {
  const f = { title: "", titleLines: [], docNumber: "", addressee: "", paragraphs: [], agency: "", date: "" };
  for (const b of tree.blocks) {
    if (b.type === "title") {
      f.title = b.text;
      f.titleLines = b.lines ?? [b.text];
    } else if (b.type === "docNumber") f.docNumber = b.text;
    else if (b.type === "addressee") f.addressee = b.text;
    else if (b.type === "paragraph" || b.type === "heading" || b.type === "note")
      f.paragraphs.push((b.number ?? "") + runsText(b.runs));
    else if (b.type === "list") for (const item of b.items) f.paragraphs.push(runsText(item));
    else if (b.type === "table")
      for (const row of b.rows)
        f.paragraphs.push(row.cells.map((c) => c.paragraphs.map(runsText).join(" ")).join("　"));
    else if (b.type === "attachments") f.paragraphs.push(`附件：${b.items.join("；")}`);
    else if (b.type === "signature") {
      f.agency = b.agency;
      f.date = b.date;
    }
  }
  return f;
}

/** The product's DOCX writer. */
export async function gongwenDocx() {
  const { renderDocx } = await import("gongwen");
  return { name: "docx", output: "DOCX", prepare: (tree) => tree, run: (tree) => renderDocx(tree) };
}

/** The product's PDF writer (one renderer: fonts loaded once, as in a batch). */
export async function gongwenPdf() {
  const { createPdfRenderer } = await import("gongwen");
  const pdf = createPdfRenderer({ systemFonts: false });
  return { name: "pdf", output: "PDF", prepare: (tree) => tree, run: (tree) => pdf.render(tree) };
}

/** docxtemplater: one template (our DOCX with placeholders), filled per letter, zipped (DEFLATE). */
export async function docxtemplaterEngine() {
  let PizZip;
  let Docxtemplater;
  try {
    PizZip = (await import("pizzip")).default;
    Docxtemplater = (await import("docxtemplater")).default;
  } catch (e) {
    return { unavailable: `docxtemplater/pizzip not installed (${e.message})` };
  }
  const { renderDocx } = await import("gongwen");
  const template = await renderDocx({
    kind: "letter",
    meta: { title: "{title}", author: "{agency}", date: "2023-01-01" },
    blocks: [
      { type: "title", text: "{title}" },
      { type: "docNumber", text: "{docNumber}" },
      { type: "addressee", text: "{addressee}" },
      { type: "paragraph", runs: [{ text: "{#paragraphs}" }] },
      { type: "paragraph", runs: [{ text: "{text}" }] },
      { type: "paragraph", runs: [{ text: "{/paragraphs}" }] },
      { type: "signature", agency: "{agency}", date: "{date}", seal: true },
    ],
  });
  return {
    name: "docxtemplater",
    output: "DOCX",
    prepare: (tree) => {
      const f = letterFields(tree);
      return { ...f, paragraphs: f.paragraphs.map((text) => ({ text })) };
    },
    run: (d) => {
      const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
      doc.render(d);
      return doc.getZip().generate({ type: "uint8array", compression: "DEFLATE" });
    },
  };
}

/** Typst source of an equivalent letter (texts as string literals: nothing is markup). */
export function typstLetter(f) {
  const s = (x) => `#${JSON.stringify(x)}`;
  return [
    `#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm))`,
    `#set text(font: "Noto Serif SC", size: 16pt, lang: "zh")`,
    `#set par(first-line-indent: 2em, justify: true, leading: 0.75em)`,
    // The title as the PDF writer draws it: the regular face with a stroke of 0.03 em (synthetic bold).
    `#align(center, text(size: 22pt, stroke: 0.66pt + black)[${f.titleLines.map(s).join(" \\ ")}])`,
    f.docNumber ? `#align(center)[${s(f.docNumber)}]` : "",
    "",
    f.addressee ? `#par(first-line-indent: 0em)[${s(f.addressee)}]` : "",
    "",
    ...f.paragraphs.flatMap((p) => [p.split("\n").map(s).join(" \\ "), ""]),
    `#align(right)[${s(f.agency)} \\ ${s(f.date)}]`,
    "",
  ].join("\n");
}

/** The font folder Typst is given (the face the PDF writer uses). */
export const TYPST_FONT_DIRS = [dirname(FONT_REGULAR)];

/**
 * Typst's node compiler, warm (one compiler, fonts loaded once), PDF per letter. Its memo cache
 * grows with every distinct compile: `rssMb()` is this process's RSS, sampled by the runner.
 */
export async function typstEngine() {
  let NodeCompiler;
  try {
    ({ NodeCompiler } = await import("@myriaddreamin/typst-ts-node-compiler"));
  } catch (e) {
    return { unavailable: `@myriaddreamin/typst-ts-node-compiler cannot be loaded here (${e.message})` };
  }
  const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: TYPST_FONT_DIRS }] });
  return {
    name: "typst",
    output: "PDF",
    prepare: (tree) => typstLetter(letterFields(tree)),
    run: (src) => {
      const r = compiler.compile({ mainFileContent: src });
      if (!r.result) throw new Error(`typst: ${JSON.stringify(r.takeDiagnostics?.() ?? "compile failed")}`);
      return compiler.pdf(r.result);
    },
  };
}

/**
 * pdf-lib + fontkit the naive way: the 15 MB font's bytes are in memory (read once, not timed);
 * every document parses and subsets them (`embedFont(bytes, { subset: true })`), 28 chars a line.
 */
export async function naivePdfLibEngine() {
  const { PDFDocument, PageSizes } = await import("@cantoo/pdf-lib");
  const fontkit = (await import("fontkit")).default ?? (await import("fontkit"));
  const fontBytes = readFileSync(FONT_REGULAR);
  const render = async (f) => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(fontBytes, { subset: true });
    let page = doc.addPage(PageSizes.A4);
    let y = 841.89 - 105 - 22;
    const line = (text, size = 16) => {
      if (y < 99) {
        page = doc.addPage(PageSizes.A4);
        y = 841.89 - 105 - 16;
      }
      page.drawText(text, { x: 79.37, y, size, font });
      y -= 28.95;
    };
    for (const t of f.titleLines) line(t, 22);
    if (f.docNumber) line(f.docNumber);
    if (f.addressee) line(f.addressee);
    for (const p of f.paragraphs) {
      const chars = [...("　　" + p.replace(/\n/g, ""))];
      for (let k = 0; k < chars.length; k += 28) line(chars.slice(k, k + 28).join(""));
    }
    line(f.agency);
    line(f.date);
    return doc.save();
  };
  return { name: "naivePdfLib", output: "PDF", prepare: (tree) => letterFields(tree), run: render };
}

/** Is soffice on the PATH? */
export function sofficePath() {
  for (const name of ["soffice", "libreoffice"]) {
    try {
      return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim() || null;
    } catch {
      /* next */
    }
  }
  return null;
}

/**
 * LibreOffice converting our DOCX letters in one batch call, with its own profile; a first call
 * creates the profile (not measured). Start-up = a call with one document; marginal = (a call
 * with `k` documents − the call with one) / (k − 1). `runs` pairs (one, k) in turn: medians and
 * spread of the marginal cost per pair.
 */
export async function benchLibreOffice(trees, k, runs = 3) {
  const soffice = sofficePath();
  if (!soffice) return { unavailable: "soffice (LibreOffice) is not installed" };
  const { renderDocx } = await import("gongwen");
  const dir = mkdtempSync(join(tmpdir(), "gongwen-bench-lo-"));
  try {
    const profile = `-env:UserInstallation=file://${join(dir, "profile")}`;
    const one = join(dir, "one");
    const many = join(dir, "many");
    const out = join(dir, "out");
    for (const d of [one, many, out]) mkdirSync(d);
    const used = trees.slice(0, k);
    for (const [i, tree] of used.entries())
      writeFileSync(join(many, `l${String(i).padStart(4, "0")}.docx`), await renderDocx(tree));
    writeFileSync(join(one, "l.docx"), await renderDocx(used[0]));
    const convert = (files) =>
      runCommand(soffice, [profile, "--headless", "--convert-to", "pdf", "--outdir", out, ...files]);
    await convert([join(one, "l.docx")]); // creates the profile
    const n = used.length;
    const pairs = [];
    for (let r = 0; r < runs; r++) {
      const single = await convert([join(one, "l.docx")]);
      const batch = await convert(readdirSync(many).map((f) => join(many, f)));
      const pdfs = readdirSync(out).filter((f) => f.endsWith(".pdf")).length;
      if (single.code !== 0 || batch.code !== 0 || pdfs < used.length)
        return { unavailable: `soffice failed (exit ${single.code}/${batch.code}, ${pdfs} PDFs)` };
      pairs.push({
        startupMs: single.wallMs,
        ms: (batch.wallMs - single.wallMs) / (n - 1),
        cpu:
          batch.cpuMs !== undefined && single.cpuMs !== undefined
            ? (batch.cpuMs - single.cpuMs) / (n - 1)
            : undefined,
      });
    }
    const wall = spread(pairs.map((p) => p.ms));
    const cpu = spread(pairs.map((p) => p.cpu));
    return {
      n,
      runs,
      startupMs: spread(pairs.map((p) => p.startupMs))?.median,
      msPerLetter: wall?.median,
      cpuMsPerLetter: cpu?.median,
      spread: { wall, cpu },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
