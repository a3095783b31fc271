#!/usr/bin/env node
/**
 * `npm run bench`: every speed figure of gongwen in one run, side by side with the alternatives
 * a user would otherwise pick, as a table (Markdown) or, with --json, one object of named figures.
 *
 *   node bench/run.mjs [--json] [--letters N] [--sample M] [--lo K] [--runs R]
 *                      [--skip batch,alternatives,libreoffice,typst,naive,summary,audit,deadlines]
 *                      [--results FILE]
 *
 * --letters N   letters in the end-to-end batch (default 10000; shorten for a quick look)
 * --sample M    letters in the warm per-letter comparison (default min(N, 400))
 * --lo K        documents in the LibreOffice batch call (default 30)
 * --runs R      fresh processes for the cold summary (default 5; the median is reported)
 * --results F   also write the table to F (default: bench/RESULTS.md for a full 10,000-letter run)
 *
 * This machine is shared and noisy: ratios are computed from CPU time of the same letters in the
 * same process (wall time is shown too), and the load average is printed with the results.
 * Needs the build (`npm run bench` builds first).
 */
import { existsSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { benchDocxtemplater, benchLibreOffice, benchNaivePdfLib, benchTypst } from "./alternatives.mjs";
import { benchDeadlines } from "./deadlines.mjs";
import {
  benchLettersCli,
  benchWriters,
  datasetFile,
  generateLettersDataset,
  letterTrees,
} from "./letters.mjs";
import { benchSummaryCold, benchSummaryWarm } from "./summary.mjs";

const { values: opts } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    letters: { type: "string", default: "10000" },
    sample: { type: "string" },
    lo: { type: "string", default: "30" },
    runs: { type: "string", default: "5" },
    skip: { type: "string", default: "" },
    results: { type: "string" },
  },
});
const N = Math.max(1, Number.parseInt(opts.letters, 10) || 10000);
const M = Math.max(20, Number.parseInt(opts.sample ?? String(Math.min(N, 400)), 10));
const LO = Math.max(2, Number.parseInt(opts.lo, 10) || 30);
const RUNS = Math.max(1, Number.parseInt(opts.runs, 10) || 5);
const skip = new Set(opts.skip.split(",").filter(Boolean));
const log = (msg) => process.stderr.write(`bench: ${msg}\n`);

/** Run a part; a failure is reported as the figure's value, never aborts the run. */
async function part(name, fn) {
  if (skip.has(name)) return { skipped: true };
  const t0 = performance.now();
  log(`${name} …`);
  try {
    const r = await fn();
    log(`${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return r;
  } catch (e) {
    log(`${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    return { unavailable: `failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

const machine = {
  cpu: cpus()[0]?.model ?? "unknown",
  cores: availableParallelism(),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  loadavgStart: loadavg().map((x) => Number(x.toFixed(2))),
};

// 1. The end-to-end batch through the CLI: DOCX only, PDF only, both.
const { dataset, letters } = await generateLettersDataset(N);
const data = datasetFile(dataset);
const lettersCli = {};
try {
  for (const formats of ["docx", "pdf", "docx,pdf"])
    lettersCli[formats] = await part("batch", () => benchLettersCli(data.file, letters, formats));
} finally {
  data.cleanup();
}

// 2. Warm, one thread, the same letters: our compose + writers and the alternatives.
const trees = await part("alternatives", () => letterTrees(dataset, M));
const sample = trees.letters ?? [];
const perLetter = { compose: trees.compose ?? trees };
if (sample.length > 0) {
  Object.assign(perLetter, await part("alternatives", () => benchWriters(sample)));
  perLetter.docxtemplater = await part("alternatives", () => benchDocxtemplater(sample));
  perLetter.typst = await part("typst", () => benchTypst(sample));
  perLetter.naivePdfLib = await part("naive", () =>
    benchNaivePdfLib(sample.slice(0, Math.min(20, sample.length))),
  );
  perLetter.libreoffice = await part("libreoffice", () =>
    benchLibreOffice(sample, Math.min(LO, sample.length)),
  );
}

// 3. Summary cold and warm; audit; deadlines.
const summaryCold = await part("summary", () => benchSummaryCold(RUNS));
const summaryWarm = await part("summary", () => benchSummaryWarm(10));
const audit = await part("audit", async () => {
  const file = fileURLToPath(new URL("./audit.mjs", import.meta.url));
  if (!existsSync(file)) return { unavailable: "bench/audit.mjs is not there yet" };
  const { benchAudit } = await import(pathToFileURL(file).href);
  benchAudit(10_000); // warm-up
  return { text: benchAudit(100_000, { from: "text" }), object: benchAudit(100_000, { from: "object" }) };
});
const deadlines = await part("deadlines", async () => {
  benchDeadlines(10_000); // warm-up
  return benchDeadlines(100_000);
});
machine.loadavgEnd = loadavg().map((x) => Number(x.toFixed(2)));

// Ratios: how many times the alternative's time per letter is ours (CPU, and wall).
const ours = (w) => {
  const c = perLetter.compose;
  const x = perLetter[w];
  if (!c?.cpuMsPerLetter || !x?.cpuMsPerLetter) return undefined;
  return { cpu: c.cpuMsPerLetter + x.cpuMsPerLetter, wall: c.msPerLetter + x.msPerLetter };
};
const ratio = (alt, w) => {
  const a = perLetter[alt];
  const o = ours(w);
  if (!o || !a || a.unavailable || a.skipped) return undefined;
  return {
    cpu: a.cpuMsPerLetter !== undefined ? a.cpuMsPerLetter / o.cpu : undefined,
    wall: a.msPerLetter / o.wall,
  };
};
const ratios = {
  docxVsDocxtemplater: ratio("docxtemplater", "docx"),
  pdfVsLibreOffice: ratio("libreoffice", "pdf"),
  pdfVsTypst: ratio("typst", "pdf"),
  pdfVsNaivePdfLib: ratio("naivePdfLib", "pdf"),
};

const both = lettersCli["docx,pdf"];
const auditMs = audit?.text?.ms;
const targets = [
  target(
    "DOCX ≥ 5× faster than docxtemplater (CPU per letter)",
    ratios.docxVsDocxtemplater?.cpu,
    (v) => v >= 5,
    fx,
  ),
  target(
    "PDF ≥ 20× faster than LibreOffice's marginal cost",
    ratios.pdfVsLibreOffice?.cpu,
    (v) => v >= 20,
    fx,
  ),
  target("PDF no slower than Typst, warm", ratios.pdfVsTypst?.cpu, (v) => v >= 1, fx),
  target(
    "PDF ≤ 5 ms per one-page letter, warm (writer alone)",
    perLetter.pdf?.cpuMsPerLetter,
    (v) => v <= 5,
    fms,
  ),
  target(
    "10,000 letters (DOCX+PDF, end to end) ≤ 60 s",
    both?.wallS !== undefined ? (both.wallS * 10000) / letters : undefined,
    (v) => v <= 60,
    (v) => `${v.toFixed(1)} s${letters !== 10000 ? " (scaled to 10,000)" : ""}`,
  ),
  target(
    "peak RSS ≤ 400 MB (DOCX+PDF batch)",
    both?.peakRssMb,
    (v) => v <= 400,
    (v) => `${v.toFixed(0)} MB`,
  ),
  target(
    "memory flat as the batch grows (RSS last quarter − second quarter ≤ 50 MB)",
    both?.rss ? both.rss.lastQuarterMb - both.rss.secondQuarterMb : undefined,
    (v) => v <= 50,
    (v) => `${v >= 0 ? "+" : ""}${v.toFixed(0)} MB`,
  ),
  target("summary cold (whole CLI process, DOCX+PDF) ≤ 1.5 s", summaryCold?.wallMs, (v) => v <= 1500, fms),
  target("audit of 100,000 applications + 100,000 cases ≤ 1 s", auditMs, (v) => v <= 1000, fms),
  target("deadlines for 100,000 applications ≤ 200 ms", deadlines?.ms, (v) => v <= 200, fms),
];

const result = {
  machine,
  letters: { requested: N, inBatch: letters, warmSample: sample.length },
  lettersCli,
  perLetter,
  ratios,
  summaryCold,
  summaryWarm,
  audit,
  deadlines,
  targets,
};

function target(name, value, ok, format) {
  return value === undefined || Number.isNaN(value)
    ? { name, value: null, met: null, shown: "n/a" }
    : { name, value, met: ok(value), shown: format(value) };
}
function fms(v) {
  return `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ms`;
}
function fx(v) {
  return `${v.toFixed(1)}×`;
}
function fint(v) {
  return v.toLocaleString("en-US");
}

function table() {
  const L = [];
  const n = (v, d = 2) => (typeof v === "number" && Number.isFinite(v) ? v.toFixed(d) : "n/a");
  const why = (x) => (x?.skipped ? "skipped" : (x?.unavailable ?? "n/a"));
  L.push(
    `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load average ` +
      `${machine.loadavgStart.join(" / ")} at start, ${machine.loadavgEnd.join(" / ")} at the end ` +
      `(shared and noisy: compare the ratios, not the times).`,
    "",
  );
  L.push(`### Letters end to end: \`gongwen letters\`, ${fint(letters)} letters, fresh process`, "");
  L.push(
    "| formats | files | wall s | ms/letter | CPU ms/letter | peak RSS MB | RSS 2nd → last quarter MB |",
  );
  L.push("|---|---:|---:|---:|---:|---:|---:|");
  for (const [f, r] of Object.entries(lettersCli)) {
    if (!r || r.unavailable || r.skipped || r.exitCode !== 0) {
      L.push(`| ${f} | ${why(r) === "n/a" ? `exit ${r?.exitCode}: ${r?.error ?? ""}` : why(r)} ||||||`);
      continue;
    }
    const rss = r.rss ? `${r.rss.secondQuarterMb.toFixed(0)} → ${r.rss.lastQuarterMb.toFixed(0)}` : "n/a";
    L.push(
      `| ${f} | ${fint(r.files)} | ${n(r.wallS, 1)} | ${n(r.msPerLetter)} | ${n(r.cpuMsPerLetter)} | ${n(r.peakRssMb, 0)} | ${rss} |`,
    );
  }
  L.push("");
  L.push(
    `### Per letter, warm, one thread: the same ${sample.length} letters`,
    "",
    "gongwen = compose (template → document tree) + writer; the alternatives get the texts of the same letters.",
    "",
  );
  L.push("| engine | output | ms/letter | CPU ms/letter | gongwen faster by (CPU) | (wall) |");
  L.push("|---|---|---:|---:|---:|---:|");
  const row = (label, out, x, r) => {
    if (!x || x.unavailable || x.skipped) return L.push(`| ${label} | ${out} | ${why(x)} ||||`);
    L.push(
      `| ${label} | ${out} | ${n(x.msPerLetter)} | ${n(x.cpuMsPerLetter)} | ${r ? fx(r.cpu ?? NaN) : ""} | ${r ? fx(r.wall) : ""} |`,
    );
  };
  row("gongwen: compose", "document tree", perLetter.compose);
  row("gongwen: DOCX writer", "DOCX", perLetter.docx);
  row("gongwen: PDF writer", "PDF", perLetter.pdf);
  row("docxtemplater + pizzip", "DOCX", perLetter.docxtemplater, ratios.docxVsDocxtemplater);
  row("Typst (typst-ts-node-compiler), warm", "PDF", perLetter.typst, ratios.pdfVsTypst);
  row("pdf-lib naive (embed the 15 MB TTF each time)", "PDF", perLetter.naivePdfLib, ratios.pdfVsNaivePdfLib);
  const lo = perLetter.libreoffice;
  row(
    `LibreOffice --convert-to pdf, marginal${lo?.n ? ` (${lo.n} in one call, start-up ${n(lo.startupMs / 1000, 1)} s)` : ""}`,
    "PDF",
    lo,
    ratios.pdfVsLibreOffice,
  );
  L.push("");
  L.push("### Other figures", "");
  L.push("| figure | value |", "|---|---:|");
  const sc = summaryCold;
  L.push(
    `| summary cold: \`gongwen render summary --format docx,pdf\`, fresh process (median of ${sc?.runs ?? "?"}) | ${
      sc?.wallMs ? `${fms(sc.wallMs)} (CPU ${fms(sc.cpuMs)}, peak RSS ${n(sc.peakRssMb, 0)} MB)` : why(sc)
    } |`,
  );
  if (sc?.startupWallMs) L.push(`| CLI start-up (\`gongwen --version\`) | ${fms(sc.startupWallMs)} |`);
  const sw = summaryWarm;
  L.push(
    `| summary warm, ${sw?.pages ?? "?"} pages: DOCX / PDF per document | ${
      sw?.docx ? `${fms(sw.docx.msPerDoc)} / ${fms(sw.pdf.msPerDoc)}` : why(sw)
    } |`,
  );
  const at = audit?.text;
  L.push(
    `| audit: validate + facts + audit of 100,000 applications and 100,000 approval cases, from the JSON text | ${
      at
        ? `${fms(at.ms)} (validate ${fms(at.validateMs)}, facts ${fms(at.factsMs)}, audit ${fms(at.auditMs)}; CPU ${fms(at.cpuMs)})`
        : why(audit)
    } |`,
  );
  if (audit?.object)
    L.push(
      `| the same from the object in memory (no parsing) | ${fms(audit.object.ms)} (CPU ${fms(audit.object.cpuMs)}) |`,
    );
  L.push(
    `| deadlines for 100,000 applications, one process | ${
      deadlines?.ms !== undefined ? `${fms(deadlines.ms)} (CPU ${fms(deadlines.cpuMs)})` : why(deadlines)
    } |`,
  );
  L.push("");
  L.push("### Targets", "", "| target | measured | met |", "|---|---:|:---:|");
  for (const t of targets)
    L.push(`| ${t.name} | ${t.shown} | ${t.met === null ? "–" : t.met ? "yes" : "**no**"} |`);
  L.push("");
  return L.join("\n");
}

const text = table();
const resultsFile =
  opts.results ??
  (N === 10000 && skip.size === 0 ? fileURLToPath(new URL("./RESULTS.md", import.meta.url)) : undefined);
if (resultsFile) {
  writeFileSync(
    resultsFile,
    `<!-- Written by \`npm run bench\` (bench/run.mjs). Do not edit by hand. -->\n\n` +
      "Run `npm run bench` (a few minutes; `npm run bench -- --letters 1000` for a quick look, " +
      "`-- --json` for every figure as JSON). Timing is never asserted in `npm test`.\n\n" +
      text,
  );
  log(`table written to ${resultsFile}`);
}
process.stdout.write(opts.json ? JSON.stringify(result, null, 2) + "\n" : text);
