/**
 * Benchmark: the PDF writer on warm batches of one-page letters, side by side with a naive
 * pdf-lib path (the 15 MB CJK font's bytes read once, outside the timing, and parsed and
 * subset by fontkit — `embedFont(bytes, { subset: true })` — in every document),
 * plus a cold start (a fresh Node process rendering one letter). Needs the build
 * (`npx tsc -p tsconfig.build.json`). Run directly to print, or import `benchPdf` from a runner.
 * Issue 5 targets: ≤ 5 ms per warm letter; a summary cold (whole CLI) ≤ 1.5 s.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import * as fontkit from "fontkit";
import { PDFDocument, PageSizes } from "@cantoo/pdf-lib";
import { createPdfRenderer } from "gongwen";

const require = createRequire(import.meta.url);
const SERIF = require.resolve("@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf");

/** Deterministic letter text: the same template with a few varying characters. */
function letterParagraphs(i) {
  const vary = Array.from({ length: 12 }, (_, k) =>
    String.fromCodePoint(0x4e00 + ((i * 37 + k * 101) % 3000)),
  ).join("");
  return [
    `本机关于2014年3月${(i % 28) + 1}日收到您提出的政府信息公开申请，要求获取“${vary}”的相关信息。经审查，现答复如下：`,
    "您申请获取的信息属于本机关公开的政府信息，根据《中华人民共和国政府信息公开条例》第二十一条第（一）项的规定，现将该信息提供给您（见附件）。" +
      "如对本答复不服，可以在收到本答复之日起六十日内向某市人民政府申请行政复议，或者在六个月内向人民法院提起行政诉讼。",
  ];
}

export function letterTree(i) {
  const [p1, p2] = letterParagraphs(i);
  return {
    kind: "letter",
    meta: { title: "政府信息公开申请答复书", author: "某市商务局", date: "2015-01-23" },
    blocks: [
      { type: "title", text: "某市商务局政府信息公开申请答复书" },
      { type: "docNumber", text: `商务公开复〔2014〕${i + 1}号` },
      { type: "blank" },
      { type: "addressee", text: `申请人${i + 1}号：` },
      { type: "paragraph", runs: [{ text: p1 }] },
      { type: "paragraph", runs: [{ text: p2 }] },
      { type: "attachments", items: ["本市2013年度外商投资企业名录"] },
      { type: "signature", agency: "某市商务局", date: "2014年3月28日" },
    ],
  };
}

let serifBytes;

/** The naive path: pdf-lib + fontkit parsing and subsetting the font per document, 28 chars a line. */
async function naiveLetter(i) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(serifBytes, { subset: true });
  const page = doc.addPage(PageSizes.A4);
  let y = 841.89 - 105 - 22;
  const line = (text, size = 16) => {
    page.drawText(text, { x: 79.37, y, size, font });
    y -= 28.95;
  };
  line("某市商务局政府信息公开申请答复书", 22);
  line(`商务公开复〔2014〕${i + 1}号`);
  line(`申请人${i + 1}号：`);
  for (const p of letterParagraphs(i)) for (let k = 0; k < p.length; k += 28) line(p.slice(k, k + 28));
  line("某市商务局");
  line("2014年3月28日");
  return doc.save();
}

async function timeLoop(n, fn) {
  for (let i = 0; i < Math.min(20, n); i++) await fn(10_000 + i); // warm-up
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { perDoc: ms / n, cpuPerDoc: (cpu.user + cpu.system) / 1000 / n };
}

/** A fresh process: import the writer and render one letter (no benchmark code loaded). */
function coldStart() {
  const script = `
    const t0 = performance.now();
    const { renderPdf } = await import("gongwen");
    await renderPdf(${JSON.stringify(letterTree(0))}, { systemFonts: false });
    console.log(performance.now() - t0);`;
  const start = performance.now();
  const inner = Number(
    execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
      cwd: new URL("..", import.meta.url),
    }).trim(),
  );
  return { processMs: performance.now() - start, renderMs: inner };
}

export async function benchPdf({ letters = 300, naive = 30 } = {}) {
  const renderer = createPdfRenderer({ systemFonts: false });
  const ours = await timeLoop(letters, (i) => renderer.render(letterTree(i)));
  serifBytes ??= readFileSync(SERIF); // in memory before the timing: not a file read per letter
  const base = await timeLoop(naive, (i) => naiveLetter(i));
  return { letters, ours, naive: base, cold: coldStart() };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const r = await benchPdf();
  const f = (x) => x.toFixed(2).padStart(8);
  console.log("pdf: one-page letters, warm, ms per document (wall / cpu)");
  console.log(`  gongwen renderer      ${f(r.ours.perDoc)} / ${f(r.ours.cpuPerDoc)}   (target ≤ 5 ms)`);
  console.log(`  naive pdf-lib+fontkit ${f(r.naive.perDoc)} / ${f(r.naive.cpuPerDoc)}`);
  console.log(
    `pdf: cold start, one letter: ${r.cold.processMs.toFixed(0)} ms process, ${r.cold.renderMs.toFixed(0)} ms import+render`,
  );
}
