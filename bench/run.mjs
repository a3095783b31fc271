#!/usr/bin/env node
/**
 * `npm run bench`: every speed figure of gongwen in one run, side by side with the alternatives
 * a user would otherwise pick, as a table (Markdown, on stdout) or, with --json, one object of
 * named figures. Progress goes to stderr; stdout carries only the table or the JSON.
 *
 *   node bench/run.mjs [--json [FILE]] [--results [FILE]] [--letters N] [--block B] [--blocks K]
 *                      [--lo K] [--runs R] [--repeat P]
 *                      [--skip batch,workers,warm,alternatives,libreoffice,typst,naive,summary,
 *                              audit,deadlines,server,server-load,batch-scaling,
 *                              letters-memory,typst-batch] [--only PART,…]
 *
 * --json [FILE]    every figure as JSON: on stdout (instead of the table), or into FILE (the
 *                  table still on stdout). Through npm, stdout starts with
 *                  npm's banner: use `npm run -s bench -- --json > file` or `npm run bench --
 *                  --json file`.
 * --results [FILE] also write the Markdown table to FILE (bench/RESULTS.md when no FILE is
 *                  given); without it nothing is written.
 * --letters N      letters in the end-to-end batch (default 10000; shorten for a quick look —
 *                  on a shared machine use e.g. --letters 1000)
 * --block B        letters per block in the warm comparison (default 50)
 * --blocks K       steady-state blocks after the first pass (default 6; every block has its own,
 *                  distinct letters, so (K+1)·B letters are composed)
 * --lo K           documents in the LibreOffice batch call (default 30)
 * --runs R         rounds of the cold pair (default 5)
 * --repeat P       runs of each letters batch, with workers and on one thread in turn (default 3)
 * --only PART,…    run only these parts (the names of --skip), e.g. --only server-load: two
 *                  `gongwen serve` on one PostgreSQL under 50 clerks' load (bench/server-load.mjs);
 *                  --only batch-scaling: 300 agencies' year-end batches on 1, 2 and 4 workers
 *                  (bench/batch-scaling.mjs); --only letters-memory: peak RSS of the letters
 *                  batch at 1,000, 10,000 and 50,000 letters (bench/letters-memory.mjs);
 *                  --only typst-batch: the letters batch (at most 1,000 letters, PDF) against
 *                  Typst's node compiler, both cold, REPEAT rounds (bench/typst-batch.mjs)
 *
 * Measuring honestly on a shared, noisy machine: every comparison is paired and interleaved
 * (A B A B …, engines in rotated order block by block), figures are medians of the repeats with
 * their spread (min–max), CPU time comes first (wall time beside it), ratios are taken pair by
 * pair, and the load average is printed with the results. Only the public API (`gongwen` and its
 * subpaths, i.e. package.json exports → dist/) is imported, the adapters' database and batch
 * modules through `gongwen/storage` and `gongwen/jobs`; bench/server.mjs and
 * bench/server-load.mjs also start the workbench itself from dist/server (an application, not a
 * library export). Needs the build (`npm run bench` builds first).
 */
import { existsSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  benchLibreOffice,
  docxtemplaterEngine,
  gongwenDocx,
  gongwenPdf,
  naivePdfLibEngine,
  typstEngine,
} from "./alternatives.mjs";
import { spread } from "./child.mjs";
import { benchDeadlines } from "./deadlines.mjs";
import { benchLettersCli, composeBlocks, datasetFile, generateLettersDataset, timeAll } from "./letters.mjs";
import { benchSummaryCold, benchSummaryWarm } from "./summary.mjs";
import { benchServer } from "./server.mjs";
import { benchServerLoad, serverLoadRows } from "./server-load.mjs";
import { batchScalingRows, benchBatchScaling } from "./batch-scaling.mjs";
import { benchLettersMemory, lettersMemoryRows } from "./letters-memory.mjs";
import { benchTypstBatch, typstBatchRows } from "./typst-batch.mjs";

/** `--json` and `--results` take an optional FILE: `--json out.json`, `--json=out.json`, `--json`. */
function optionalValue(argv, name) {
  const out = [];
  let value;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === `--${name}`) {
      value = value ?? true;
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith("-")) {
        value = next;
        i++;
      }
    } else if (a.startsWith(`--${name}=`)) value = a.slice(name.length + 3);
    else out.push(a);
  }
  return { value, rest: out };
}
const json = optionalValue(process.argv.slice(2), "json");
const results = optionalValue(json.rest, "results");
const { values: opts } = parseArgs({
  args: results.rest,
  options: {
    letters: { type: "string", default: "10000" },
    block: { type: "string", default: "50" },
    blocks: { type: "string", default: "6" },
    lo: { type: "string", default: "30" },
    runs: { type: "string", default: "5" },
    repeat: { type: "string", default: "3" },
    skip: { type: "string", default: "" },
    only: { type: "string", default: "" },
  },
});
const int = (s, d, min) => Math.max(min, Number.parseInt(s, 10) || d);
const N = int(opts.letters, 10000, 1);
const BLOCK = int(opts.block, 50, 5);
const BLOCKS = int(opts.blocks, 6, 1);
const LO = int(opts.lo, 30, 2);
const RUNS = int(opts.runs, 5, 1);
const REPEAT = int(opts.repeat, 3, 1);
const skip = new Set(opts.skip.split(",").filter(Boolean));
const PARTS =
  "batch,workers,warm,alternatives,libreoffice,typst,naive,summary,audit,deadlines,server,server-load,batch-scaling,letters-memory,typst-batch";
const only = new Set(opts.only.split(",").filter(Boolean));
if (only.size > 0) for (const p of PARTS.split(",")) if (!only.has(p)) skip.add(p);
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

// 1. The end-to-end batch through the CLI: DOCX only, PDF only, both; the product's own worker
//    choice and, in turn, REPEAT times, the other side of the comparison: one thread
//    (GONGWEN_LETTER_WORKERS=1) when the product chose workers, two threads forced
//    (GONGWEN_LETTER_WORKERS=2) when it chose one thread (as on fewer than 4 cores), so that
//    workers are always compared with one thread, never one thread with itself.
const { dataset, letters } = generateLettersDataset(N);
const lettersCli = {};
const workersVsOne = {};
if (!skip.has("batch")) {
  const data = datasetFile(dataset);
  try {
    for (const formats of ["docx", "pdf", "docx,pdf"]) {
      const auto = [];
      const other = [];
      let otherThreads;
      await part("batch", async () => {
        for (let r = 0; r < REPEAT; r++) {
          const a = await benchLettersCli(data.file, letters, formats);
          auto.push(a);
          if (skip.has("workers")) continue;
          otherThreads ??= a.threads === 1 ? 2 : 1;
          other.push(await benchLettersCli(data.file, letters, formats, otherThreads));
        }
      });
      lettersCli[formats] = batchFigures(auto);
      if (other.length > 0) {
        // Pair by pair, the run with workers over the run on one thread (> 1: workers cost more).
        const [many, one] = otherThreads === 1 ? [auto, other] : [other, auto];
        workersVsOne[formats] = {
          productThreads: auto[0]?.threads,
          other: { threads: otherThreads, ...batchFigures(other) },
          cpuRatio: spread(many.map((m, i) => m.cpuS / one[i].cpuS)),
          wallRatio: spread(many.map((m, i) => m.wallS / one[i].wallS)),
        };
      }
    }
  } finally {
    data.cleanup();
  }
}

function batchFigures(rs) {
  const failed = rs.find((r) => r.exitCode !== 0);
  if (failed) return { exitCode: failed.exitCode, error: failed.error };
  return {
    runs: rs.length,
    files: rs[0]?.files,
    workers: rs[0]?.workers,
    threads: rs[0]?.threads,
    exitCode: 0,
    wallS: spread(rs.map((r) => r.wallS)),
    cpuS: spread(rs.map((r) => r.cpuS)),
    cpuMsPerLetter: spread(rs.map((r) => r.cpuMsPerLetter)),
    msPerLetter: spread(rs.map((r) => r.msPerLetter)),
    peakRssMb: spread(rs.map((r) => r.peakRssMb)),
    rssGrowthMb: spread(rs.map((r) => (r.rss ? r.rss.lastQuarterMb - r.rss.secondQuarterMb : undefined))),
  };
}

// 2. Warm, one thread: interleaved blocks of distinct letters. Block 0 is each engine's first
//    pass (its set-up, JIT and caches included); blocks 1..K are the steady state. Within a
//    block every engine gets the same letters; the engines' order rotates from block to block.
const warm = await part("warm", () => warmComparison());

async function warmComparison() {
  const blocks = composeBlocks(dataset, BLOCK, BLOCKS + 1);
  const makers = [
    ["docx", gongwenDocx, "warm"],
    ["pdf", gongwenPdf, "warm"],
    ["docxtemplater", docxtemplaterEngine, "alternatives"],
    ["typst", typstEngine, "typst"],
    ["naivePdfLib", naivePdfLibEngine, "naive"],
  ];
  const engines = [];
  const unavailable = {};
  for (const [name, make, group] of makers) {
    if (skip.has(group) || skip.has(name)) {
      unavailable[name] = { skipped: true };
      continue;
    }
    try {
      const e = await make();
      if (e.unavailable) unavailable[name] = e;
      else engines.push(e);
    } catch (err) {
      unavailable[name] = { unavailable: `failed: ${err.message}` };
    }
  }
  const inputs = new Map(engines.map((e) => [e.name, blocks.map((b) => b.trees.map((t) => e.prepare(t)))]));
  const times = new Map(engines.map((e) => [e.name, []]));
  const typstRss = [];
  for (let k = 0; k < blocks.length; k++) {
    const order = engines.map((_, i) => engines[(i + k) % engines.length]);
    for (const e of order) {
      const rss0 = process.memoryUsage.rss();
      times.get(e.name).push(await timeAll(inputs.get(e.name)[k], (x) => e.run(x)));
      if (e.name === "typst") typstRss.push((process.memoryUsage.rss() - rss0) / 1048576);
    }
  }
  const compose = blocks.map((b) => b.compose);
  const summarise = (ts) => ({
    firstPass: ts[0],
    steady: {
      cpuMsPerLetter: spread(ts.slice(1).map((t) => t.cpuMsPerLetter)),
      msPerLetter: spread(ts.slice(1).map((t) => t.msPerLetter)),
    },
  });
  const perEngine = { compose: summarise(compose), ...unavailable };
  for (const [name, ts] of times) perEngine[name] = summarise(ts);
  // Ratios block by block (steady blocks): how many times the alternative's time is ours, writer
  // to writer and end to end (our compose + writer against the alternative given the texts).
  const ratio = (alt, ours, endToEnd, field) => {
    const a = times.get(alt);
    const o = times.get(ours);
    if (!a || !o) return undefined;
    return spread(
      a.slice(1).map((t, i) => t[field] / (o[i + 1][field] + (endToEnd ? compose[i + 1][field] : 0))),
    );
  };
  const pair = (alt, ours) => ({
    writer: { cpu: ratio(alt, ours, false, "cpuMsPerLetter"), wall: ratio(alt, ours, false, "msPerLetter") },
    endToEnd: { cpu: ratio(alt, ours, true, "cpuMsPerLetter"), wall: ratio(alt, ours, true, "msPerLetter") },
  });
  return {
    block: BLOCK,
    blocks: BLOCKS,
    letters: blocks.reduce((n, b) => n + b.trees.length, 0),
    engines: perEngine,
    typstRssGrowthMb: typstRss.length ? typstRss.reduce((a, b) => a + b, 0) : undefined,
    rssEndMb: process.memoryUsage.rss() / 1048576,
    ratios: {
      docxVsDocxtemplater: pair("docxtemplater", "docx"),
      pdfVsTypst: pair("typst", "pdf"),
      pdfVsNaivePdfLib: pair("naivePdfLib", "pdf"),
    },
    trees: blocks.flatMap((b) => b.trees).slice(0, LO),
  };
}

// LibreOffice's marginal cost per letter (a batch call) against the PDF writer's steady state.
const libreoffice = await part("libreoffice", async () => {
  if (!warm?.trees?.length) return { unavailable: "no letters (warm comparison skipped)" };
  return benchLibreOffice(warm.trees, Math.min(LO, warm.trees.length), REPEAT);
});
if (warm?.trees) delete warm.trees;
if (warm?.ratios && libreoffice?.cpuMsPerLetter !== undefined) {
  const pdf = warm.engines.pdf?.steady;
  const compose = warm.engines.compose?.steady;
  if (pdf)
    warm.ratios.pdfVsLibreOfficeMarginal = {
      writer: {
        cpu: libreoffice.cpuMsPerLetter / pdf.cpuMsPerLetter.median,
        wall: libreoffice.msPerLetter / pdf.msPerLetter.median,
      },
      endToEnd: {
        cpu: libreoffice.cpuMsPerLetter / (pdf.cpuMsPerLetter.median + compose.cpuMsPerLetter.median),
        wall: libreoffice.msPerLetter / (pdf.msPerLetter.median + compose.msPerLetter.median),
      },
    };
}

// 3. Summary cold (paired with LibreOffice and Typst) and warm; audit; deadlines; server.
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
const server = await part("server", () => benchServer(10_000));
const serverLoad = await part("server-load", () => benchServerLoad());
// 300 agencies keep the part to a few minutes on 2 cores; `node bench/batch-scaling.mjs
// --agencies 2000` is the issue's full size.
const batchScaling = await part("batch-scaling", () => benchBatchScaling({ agencies: 300 }));
// Peak RSS of the letters batch at 1,000, 10,000 and 50,000 letters (bench/letters-memory.mjs).
const lettersMemory = await part("letters-memory", () => benchLettersMemory());
// The letters batch against Typst's node compiler, both cold (bench/typst-batch.mjs): at most
// 1,000 letters, as Typst's memo cache grows with every compile.
const typstBatch = await part("typst-batch", () =>
  benchTypstBatch({ letters: Math.min(N, 1000), repeat: REPEAT }),
);
machine.loadavgEnd = loadavg().map((x) => Number(x.toFixed(2)));

const med = (x) => x?.median;
const both = lettersCli["docx,pdf"];
const auditMs = audit?.text?.ms;
const r = warm?.ratios;
const targets = [
  target(
    "DOCX ≥ 5× faster than docxtemplater (CPU per letter, compose + writer, steady median)",
    med(r?.docxVsDocxtemplater?.endToEnd.cpu),
    (v) => v >= 5,
    fx,
  ),
  target(
    "PDF ≥ 20× faster than LibreOffice's marginal cost (CPU, compose + writer)",
    r?.pdfVsLibreOfficeMarginal?.endToEnd.cpu,
    (v) => v >= 20,
    fx,
  ),
  target(
    "PDF writer no slower than Typst, warm (CPU, writer to writer)",
    med(r?.pdfVsTypst?.writer.cpu),
    (v) => v >= 1,
    fx,
  ),
  target(
    "PDF ≤ 5 ms per one-page letter, warm (writer alone, CPU)",
    med(warm?.engines?.pdf?.steady?.cpuMsPerLetter),
    (v) => v <= 5,
    fms,
  ),
  target(
    "10,000 letters (DOCX+PDF, end to end) ≤ 60 s",
    med(both?.wallS) !== undefined ? (med(both.wallS) * 10000) / letters : undefined,
    (v) => v <= 60,
    (v) => `${v.toFixed(1)} s${letters !== 10000 ? " (scaled to 10,000)" : ""}`,
  ),
  // The product's choice against one thread: when it chose one thread the two are the same (1×
  // by construction) and the forced two threads' ratio is shown beside it.
  target(
    "the product's thread choice costs no more CPU than one thread (DOCX+PDF batch, CPU ratio)",
    workersVsOne["docx,pdf"]
      ? workersVsOne["docx,pdf"].productThreads === 1
        ? 1
        : med(workersVsOne["docx,pdf"].cpuRatio)
      : undefined,
    (v) => v <= 1.05,
    (v) =>
      workersVsOne["docx,pdf"]?.productThreads === 1
        ? `one thread chosen (two forced: ${med(workersVsOne["docx,pdf"].cpuRatio).toFixed(2)}×)`
        : `${v.toFixed(2)}×`,
  ),
  target(
    "peak RSS ≤ 400 MB (DOCX+PDF batch)",
    med(both?.peakRssMb),
    (v) => v <= 400,
    (v) => `${v.toFixed(0)} MB`,
  ),
  target(
    "memory flat as the batch grows (RSS last quarter − second quarter ≤ 50 MB)",
    med(both?.rssGrowthMb),
    (v) => v <= 50,
    (v) => `${v >= 0 ? "+" : ""}${v.toFixed(0)} MB`,
  ),
  target(
    "summary cold ≤ 0.35× LibreOffice's cold convert of the same DOCX (CPU)",
    med(summaryCold?.vsLibreOffice?.cpu),
    (v) => v <= 0.35,
    (v) => `${v.toFixed(2)}×`,
  ),
  target(
    "summary cold ≤ 0.35× LibreOffice's cold convert of the same DOCX (wall)",
    med(summaryCold?.vsLibreOffice?.wall),
    (v) => v <= 0.35,
    (v) => `${v.toFixed(2)}×`,
  ),
  target(
    "letters batch peak RSS ≤ 400 MB at every size, 1,000 to 50,000 letters (DOCX+PDF)",
    lettersMemory?.maxPeakRssMb,
    (v) => v <= 400,
    (v) => `${v.toFixed(0)} MB`,
  ),
  target("audit of 100,000 applications + 100,000 cases ≤ 1 s", auditMs, (v) => v <= 1000, fms),
  target("deadlines for 100,000 applications ≤ 200 ms", deadlines?.ms, (v) => v <= 200, fms),
  target(
    "workbench: worklist of 10,000 open applications ≤ 100 ms",
    server?.worklist?.medianMs,
    (v) => v <= 100,
    fms,
  ),
  target("workbench: registering an application ≤ 20 ms", server?.register?.medianMs, (v) => v <= 20, fms),
  target("workbench: a letter PDF, warm ≤ 50 ms", server?.letter?.medianMs, (v) => v <= 50, fms),
];

const result = {
  machine,
  letters: { requested: N, inBatch: letters, repeat: REPEAT },
  lettersCli,
  workersVsOne,
  warm,
  libreoffice,
  summaryCold,
  summaryWarm,
  audit,
  deadlines,
  server,
  serverLoad,
  batchScaling,
  lettersMemory,
  typstBatch,
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

/** A median with its spread: "3.10 (2.90–3.40)". */
function ms3(x, d = 2) {
  if (!x || typeof x.median !== "number") return "n/a";
  const f = (v) => v.toFixed(d);
  return x.n > 1 ? `${f(x.median)} (${f(x.min)}–${f(x.max)})` : f(x.median);
}
function x3(x) {
  if (!x || typeof x.median !== "number") return "n/a";
  return x.n > 1
    ? `${x.median.toFixed(2)}× (${x.min.toFixed(2)}–${x.max.toFixed(2)})`
    : `${x.median.toFixed(2)}×`;
}

function table() {
  const L = [];
  const n = (v, d = 2) => (typeof v === "number" && Number.isFinite(v) ? v.toFixed(d) : "n/a");
  const why = (x) => (x?.skipped ? "skipped" : (x?.unavailable ?? "n/a"));
  L.push(
    `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load average ` +
      `${machine.loadavgStart.join(" / ")} at start, ${machine.loadavgEnd.join(" / ")} at the end ` +
      `(shared and noisy: compare the ratios, not the times). Figures are medians with their ` +
      `spread (min–max) in brackets; ratios are taken pair by pair.`,
    "",
  );
  L.push(
    `### Letters end to end: \`gongwen letters\`, ${fint(letters)} letters, fresh process, ${REPEAT} runs`,
    "",
  );
  L.push(
    "| formats | threads | files | wall s | CPU ms/letter | peak RSS MB | RSS growth MB | workers/one thread CPU | (wall) |",
  );
  L.push("|---|---|---:|---:|---:|---:|---:|---:|---:|");
  const batchRow = (f, label, x, vs) => {
    if (!x || x.skipped || x.exitCode !== 0) {
      L.push(
        `| ${f} | ${label} | ${x?.exitCode !== undefined ? `exit ${x.exitCode}: ${x.error ?? ""}` : why(x)} |||||||`,
      );
      return;
    }
    L.push(
      `| ${f} | ${label} | ${fint(x.files)} | ${ms3(x.wallS, 1)} | ${ms3(x.cpuMsPerLetter)} | ${ms3(x.peakRssMb, 0)} | ${ms3(x.rssGrowthMb, 0)} | ${vs ? x3(vs.cpuRatio) : ""} | ${vs ? x3(vs.wallRatio) : ""} |`,
    );
  };
  const threadsText = (n) => (n === undefined ? "" : n === 1 ? ": one" : `: ${n}`);
  for (const [f, x] of Object.entries(lettersCli)) {
    const vs = workersVsOne[f];
    batchRow(f, `product's choice${threadsText(x?.threads)}`, x, vs?.other.threads === 1 ? vs : undefined);
    if (vs)
      batchRow(
        f,
        vs.other.threads === 1 ? "one thread" : `${vs.other.threads} threads, forced`,
        vs.other,
        vs.other.threads === 1 ? undefined : vs,
      );
  }
  L.push("");
  const w = warm;
  L.push(
    `### Per letter, warm, one thread: ${w?.letters ?? "?"} distinct letters in ${w ? w.blocks + 1 : "?"} interleaved blocks of ${w?.block ?? "?"}`,
    "",
    "gongwen = compose (template → document tree) + writer; the alternatives get the texts of the same letters. " +
      "First pass = each engine's first block in the process (set-up, JIT and caches included); steady = the median " +
      "of the later blocks (spread in brackets). Engines run block by block in rotated order.",
    "",
  );
  L.push("| engine | output | first pass CPU ms/letter | steady CPU ms/letter | steady wall ms/letter |");
  L.push("|---|---|---:|---:|---:|");
  const row = (label, out, x) => {
    if (!x || x.unavailable || x.skipped) return L.push(`| ${label} | ${out} | ${why(x)} |||`);
    L.push(
      `| ${label} | ${out} | ${n(x.firstPass.cpuMsPerLetter)} | ${ms3(x.steady.cpuMsPerLetter)} | ${ms3(x.steady.msPerLetter)} |`,
    );
  };
  const e = w?.engines ?? {};
  row("gongwen: compose", "document tree", e.compose);
  row("gongwen: DOCX writer", "DOCX", e.docx);
  row("gongwen: PDF writer", "PDF", e.pdf);
  row("docxtemplater + pizzip", "DOCX", e.docxtemplater);
  row(
    `Typst (typst-ts-node-compiler), one warm compiler${w?.typstRssGrowthMb !== undefined ? ` — RSS grew ${n(w.typstRssGrowthMb, 0)} MB over its blocks (memo cache)` : ""}`,
    "PDF",
    e.typst,
  );
  row(
    "pdf-lib + fontkit naive: parse and subset the 15 MB TTF (bytes in memory) per document",
    "PDF",
    e.naivePdfLib,
  );
  const lo = libreoffice;
  L.push(
    `| LibreOffice --convert-to pdf, marginal (${lo?.n ?? "?"} in one call, start-up ${lo?.startupMs ? n(lo.startupMs / 1000, 1) : "?"} s, ${lo?.runs ?? "?"} runs) | PDF | | ${
      lo?.cpuMsPerLetter !== undefined ? ms3(lo.spread.cpu) : why(lo)
    } | ${lo?.msPerLetter !== undefined ? ms3(lo.spread.wall) : ""} |`,
  );
  L.push("");
  L.push(
    "| gongwen faster by (steady, block by block) | writer to writer, CPU | (wall) | end to end, CPU | (wall) |",
  );
  L.push("|---|---:|---:|---:|---:|");
  const rr = w?.ratios ?? {};
  const ratioRow = (label, x) => {
    if (!x) return L.push(`| ${label} | n/a ||||`);
    const f = (v) => (typeof v === "number" ? `${v.toFixed(2)}×` : x3(v));
    L.push(
      `| ${label} | ${f(x.writer.cpu)} | ${f(x.writer.wall)} | ${f(x.endToEnd.cpu)} | ${f(x.endToEnd.wall)} |`,
    );
  };
  ratioRow("DOCX vs docxtemplater", rr.docxVsDocxtemplater);
  ratioRow("PDF vs Typst, warm", rr.pdfVsTypst);
  ratioRow("PDF vs pdf-lib naive", rr.pdfVsNaivePdfLib);
  ratioRow("PDF vs LibreOffice's marginal cost (medians)", rr.pdfVsLibreOfficeMarginal);
  L.push("");
  const sc = summaryCold;
  L.push(
    `### One document from a cold process: the year-end summary (${sc?.runs ?? "?"} interleaved rounds)`,
    "",
    "| command | CPU ms | wall ms | peak RSS MB | gongwen / it, CPU | (wall) |",
    "|---|---:|---:|---:|---:|---:|",
  );
  const coldRow = (label, x, vs) => {
    if (!x || x.unavailable || x.skipped) return L.push(`| ${label} | ${why(x ?? sc)} |||||`);
    L.push(
      `| ${label} | ${ms3(x.cpuMs, 0)} | ${ms3(x.wallMs, 0)} | ${x.peakRssMb ? ms3(x.peakRssMb, 0) : ""} | ${vs ? x3(vs.cpu) : ""} | ${vs ? x3(vs.wall) : ""} |`,
    );
  };
  coldRow(
    "`gongwen render summary --format docx,pdf` (bin/gongwen: from the start-up snapshot)",
    sc?.gongwen,
  );
  coldRow(
    "the same through `node dist/cli/main.js` (no snapshot; snapshot / it)",
    sc?.withoutSnapshot,
    sc?.snapshotVsWithout,
  );
  coldRow("`soffice --headless --convert-to pdf` of the same DOCX", sc?.libreoffice, sc?.vsLibreOffice);
  coldRow("Typst cold compile of the same texts (fresh Node process, node compiler)", sc?.typst, sc?.vsTypst);
  coldRow("`gongwen --version`", sc?.version);
  coldRow("`gongwen validate` (the 2014 sample)", sc?.validate);
  L.push("");
  L.push("### Other figures", "");
  L.push("| figure | value |", "|---|---:|");
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
  if (server?.worklist)
    L.push(
      `| workbench (bench/server.mjs, SQLite file, ${server.open.toLocaleString("en")} open applications): worklist page / registration / letter PDF warm, median | ${fms(server.worklist.medianMs)} / ${fms(server.register.medianMs)} / ${fms(server.letter.medianMs)} |`,
    );
  L.push(...serverLoadRows(serverLoad));
  L.push(...batchScalingRows(batchScaling));
  L.push("");
  L.push(...lettersMemoryRows(lettersMemory));
  L.push(...typstBatchRows(typstBatch));
  L.push("### Targets", "", "| target | measured | met |", "|---|---:|:---:|");
  for (const t of targets)
    L.push(`| ${t.name} | ${t.shown} | ${t.met === null ? "–" : t.met ? "yes" : "**no**"} |`);
  L.push("");
  return L.join("\n");
}

const text = table();
if (results.value !== undefined) {
  const file =
    results.value === true ? fileURLToPath(new URL("./RESULTS.md", import.meta.url)) : results.value;
  writeFileSync(
    file,
    `<!-- Written by \`npm run bench -- --results\` (bench/run.mjs). Do not edit by hand. -->\n\n` +
      "Run `npm run bench` (many minutes; `npm run bench -- --letters 1000` for a quick look, " +
      "`npm run -s bench -- --json` or `npm run bench -- --json FILE` for every figure as JSON, " +
      "`-- --results` to rewrite this file). Timing is never asserted in `npm test`.\n\n" +
      text,
  );
  log(`table written to ${file}`);
}
const body = JSON.stringify(result, null, 2) + "\n";
if (typeof json.value === "string") {
  writeFileSync(json.value, body);
  log(`JSON written to ${json.value}`);
}
process.stdout.write(json.value === true ? body : text);
