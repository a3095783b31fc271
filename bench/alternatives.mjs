/**
 * The alternatives a user would otherwise pick for the same letter, fed the same texts as the
 * product's letters:
 * - docxtemplater (+ pizzip) filling a letter template — the template is our own DOCX of a letter
 *   whose texts are placeholders, so styles and layout are the same;
 * - Typst's node compiler (@myriaddreamin/typst-ts-node-compiler) on an equivalent letter source
 *   (A4, GB/T 9704 margins, Noto Serif SC 16 pt body, 22 pt title), warm compiler;
 * - the naive pdf-lib path: pdf-lib + fontkit, reading the 15 MB CJK TTF and embedding it with
 *   `subset: true` for every document, 28 characters a line;
 * - LibreOffice `soffice --headless --convert-to pdf` of our DOCX files in one batch call: the
 *   start-up (one document) and the marginal cost per further document.
 * All are devDependencies used only here; a missing one is reported, not fatal.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runCommand } from "./child.mjs";
import { timeEach } from "./letters.mjs";

const require = createRequire(import.meta.url);
const DIST = (p) => new URL(`../dist/${p}`, import.meta.url).href;
const FONT_REGULAR =
  require.resolve("@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf");
const FONT_BOLD = require.resolve("@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf");

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

/** docxtemplater: one template (our DOCX with placeholders), filled per letter, zipped (DEFLATE). */
export async function benchDocxtemplater(letters) {
  let PizZip;
  let Docxtemplater;
  try {
    PizZip = (await import("pizzip")).default;
    Docxtemplater = (await import("docxtemplater")).default;
  } catch (e) {
    return { unavailable: `docxtemplater/pizzip not installed (${e.message})` };
  }
  const { renderDocx } = await import(DIST("render/docx/index.js"));
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
  const data = letters.map((l) => {
    const f = letterFields(l.tree);
    return { ...f, paragraphs: f.paragraphs.map((text) => ({ text })) };
  });
  let sample;
  const stats = await timeEach(data, (d, i) => {
    const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
    doc.render(d);
    const bytes = doc.getZip().generate({ type: "uint8array", compression: "DEFLATE" });
    if (i === 0) sample = bytes;
  });
  return { ...stats, sampleBytes: sample?.byteLength };
}

/** Typst source of an equivalent letter (texts as string literals: nothing is markup). */
export function typstLetter(f) {
  const s = (x) => `#${JSON.stringify(x)}`;
  return [
    `#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm))`,
    `#set text(font: "Noto Serif SC", size: 16pt, lang: "zh")`,
    `#set par(first-line-indent: 2em, justify: true, leading: 0.75em)`,
    `#align(center, text(size: 22pt, weight: "bold")[${f.titleLines.map(s).join(" \\ ")}])`,
    f.docNumber ? `#align(center)[${s(f.docNumber)}]` : "",
    "",
    f.addressee ? `#par(first-line-indent: 0em)[${s(f.addressee)}]` : "",
    "",
    ...f.paragraphs.flatMap((p) => [p.split("\n").map(s).join(" \\ "), ""]),
    `#align(right)[${s(f.agency)} \\ ${s(f.date)}]`,
    "",
  ].join("\n");
}

/** Typst's node compiler, warm (one compiler, fonts loaded once), PDF per letter. */
export async function benchTypst(letters) {
  let NodeCompiler;
  try {
    ({ NodeCompiler } = await import("@myriaddreamin/typst-ts-node-compiler"));
  } catch (e) {
    return { unavailable: `@myriaddreamin/typst-ts-node-compiler cannot be loaded here (${e.message})` };
  }
  const compiler = NodeCompiler.create({
    fontArgs: [{ fontPaths: [dirname(FONT_REGULAR), dirname(FONT_BOLD)] }],
  });
  const sources = letters.map((l) => typstLetter(letterFields(l.tree)));
  let sample;
  const stats = await timeEach(sources, (src, i) => {
    const r = compiler.compile({ mainFileContent: src });
    if (!r.result) throw new Error(`typst: ${JSON.stringify(r.takeDiagnostics?.() ?? "compile failed")}`);
    const pdf = compiler.pdf(r.result);
    if (i === 0) sample = pdf;
  });
  return { ...stats, sampleBytes: sample?.byteLength };
}

/** pdf-lib the naive way: the whole 15 MB font read and embedded (subset) for every document. */
export async function benchNaivePdfLib(letters) {
  const { PDFDocument, PageSizes } = await import("@cantoo/pdf-lib");
  const fontkit = (await import("fontkit")).default ?? (await import("fontkit"));
  const render = async (f) => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(readFileSync(FONT_REGULAR), { subset: true });
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
  const fields = letters.map((l) => letterFields(l.tree));
  return timeEach(fields, (f) => render(f));
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
 * LibreOffice converting our DOCX letters in one batch call. With its own profile; a first call
 * creates the profile (not measured). Start-up = a call with one document; marginal = (a call
 * with `k` documents − the call with one) / (k − 1).
 */
export async function benchLibreOffice(letters, k) {
  const soffice = sofficePath();
  if (!soffice) return { unavailable: "soffice (LibreOffice) is not installed" };
  const { renderDocx } = await import(DIST("render/docx/index.js"));
  const dir = mkdtempSync(join(tmpdir(), "gongwen-bench-lo-"));
  try {
    const profile = `-env:UserInstallation=file://${join(dir, "profile")}`;
    const one = join(dir, "one");
    const many = join(dir, "many");
    const out = join(dir, "out");
    for (const d of [one, many, out]) mkdirSync(d);
    const used = letters.slice(0, k);
    for (const [i, l] of used.entries())
      writeFileSync(join(many, `l${String(i).padStart(4, "0")}.docx`), await renderDocx(l.tree));
    writeFileSync(join(one, "l.docx"), await renderDocx(used[0].tree));
    const convert = (files) =>
      runCommand(soffice, [profile, "--headless", "--convert-to", "pdf", "--outdir", out, ...files]);
    await convert([join(one, "l.docx")]); // creates the profile
    const single = await convert([join(one, "l.docx")]);
    const batch = await convert(readdirSync(many).map((f) => join(many, f)));
    const pdfs = readdirSync(out).filter((f) => f.endsWith(".pdf")).length;
    if (single.code !== 0 || batch.code !== 0 || pdfs < used.length)
      return { unavailable: `soffice failed (exit ${single.code}/${batch.code}, ${pdfs} PDFs)` };
    const n = used.length;
    return {
      n,
      startupMs: single.wallMs,
      batchMs: batch.wallMs,
      msPerLetter: (batch.wallMs - single.wallMs) / (n - 1),
      cpuMsPerLetter:
        batch.cpuMs !== undefined && single.cpuMs !== undefined
          ? (batch.cpuMs - single.cpuMs) / (n - 1)
          : undefined,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
