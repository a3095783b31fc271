#!/usr/bin/env node
/**
 * The letters batch against Typst as a second cold peer (`--only typst-batch`): N letters to PDF
 * from a fresh process each, interleaved A B A B … over `repeat` rounds.
 * - gongwen: `gongwen letters DATA --format pdf` (bin/gongwen as installed: validation, facts,
 *   templates, the PDF writer, atomic writes, its own choice of worker threads).
 * - Typst: a fresh Node process that loads the node compiler and its fonts, then compiles the
 *   same letters' texts (composed by gongwen beforehand, untimed, written as .typ files) one by
 *   one and writes each PDF — what `typst compile` over N files does, minus N process starts.
 * Reported: CPU and wall time and peak RSS (Typst's memo cache grows with every distinct
 * compile), medians with spread, and the ratio pair by pair. The letters are distinct and varied
 * (bench/letters.mjs). Only the public API (`gongwen`) is imported. Needs the build.
 *
 *   node bench/typst-batch.mjs [--letters N] [--repeat R] [--json]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { letterFields, typstLetter, TYPST_FONT_DIRS } from "./alternatives.mjs";
import { runCommand, runNode, spread } from "./child.mjs";
import { composeBlocks, datasetFile, generateLettersDataset } from "./letters.mjs";

const BIN = fileURLToPath(new URL("../bin/gongwen", import.meta.url));
const ROOT = fileURLToPath(new URL("..", import.meta.url));

const TYPST_BATCH = `
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
const [srcDir, outDir, ...fonts] = process.argv.slice(1);
const { NodeCompiler } = await import("@myriaddreamin/typst-ts-node-compiler");
const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: fonts }] });
for (const f of readdirSync(srcDir).sort()) {
  const r = compiler.compile({ mainFileContent: readFileSync(join(srcDir, f), "utf8") });
  if (!r.result) { console.error("typst compile failed: " + f); process.exit(1); }
  writeFileSync(join(outDir, f.replace(/\\.typ$/, ".pdf")), compiler.pdf(r.result));
}
`;

const load = () => loadavg().map((x) => Number(x.toFixed(2)));

export async function benchTypstBatch({ letters = 1000, repeat = 3 } = {}) {
  const loadBefore = load();
  const { dataset } = generateLettersDataset(letters);
  const dir = mkdtempSync(join(tmpdir(), "gongwen-bench-typst-batch-"));
  const data = datasetFile(dataset);
  try {
    const src = join(dir, "src");
    mkdirSync(src);
    let n = 0;
    for (const block of composeBlocks(dataset, letters, 1))
      for (const tree of block.trees)
        writeFileSync(join(src, `${String(n++).padStart(6, "0")}.typ`), typstLetter(letterFields(tree)));
    const typst = async (round) => {
      const out = join(dir, `typst-${round}`);
      mkdirSync(out);
      return runNode(["--input-type=module", "-e", TYPST_BATCH, src, out, ...TYPST_FONT_DIRS], { cwd: ROOT });
    };
    const gongwen = (round) =>
      runCommand(BIN, ["letters", data.file, "--out", join(dir, `gongwen-${round}`), "--format", "pdf"], {
        cwd: ROOT,
      });
    const probe = await typst("probe");
    if (probe.code !== 0)
      return { unavailable: `typst-ts-node-compiler cannot compile here: ${probe.stderr.split("\n")[0]}` };
    const g = [];
    const t = [];
    for (let r = 0; r < repeat; r++) {
      g.push(await gongwen(r));
      t.push(await typst(r));
    }
    const failed = [...g, ...t].find((x) => x.code !== 0);
    if (failed) return { unavailable: `a run failed: ${failed.stderr.split("\n")[0]}` };
    const fig = (rs) => ({
      cpuMs: spread(rs.map((x) => x.cpuMs)),
      wallMs: spread(rs.map((x) => x.wallMs)),
      cpuMsPerLetter: spread(rs.map((x) => x.cpuMs / n)),
      ...(rs[0]?.maxRssMb !== undefined ? { peakRssMb: spread(rs.map((x) => x.maxRssMb)) } : {}),
    });
    return {
      letters: n,
      repeat,
      gongwen: fig(g),
      typst: fig(t),
      // < 1: gongwen takes less than Typst (pair by pair).
      vsTypst: {
        cpu: spread(g.map((x, i) => x.cpuMs / t[i].cpuMs)),
        wall: spread(g.map((x, i) => x.wallMs / t[i].wallMs)),
      },
      loadBefore,
      loadAfter: load(),
    };
  } finally {
    data.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function typstBatchRows(r) {
  if (!r || r.skipped) return [];
  const title = "### Letters batch against Typst, cold (PDF)";
  if (r.unavailable) return [title, "", r.unavailable, ""];
  const f = (x, d = 0) => (x ? `${x.median.toFixed(d)} (${x.min.toFixed(d)}–${x.max.toFixed(d)})` : "");
  return [
    `### Letters batch against Typst, cold: ${r.letters.toLocaleString("en")} letters to PDF, fresh process, ${r.repeat} interleaved rounds`,
    "",
    `Load average ${r.loadBefore.join(" / ")} before, ${r.loadAfter.join(" / ")} after (bench/typst-batch.mjs). Typst compiles the texts of the same letters, composed by gongwen beforehand (untimed).`,
    "",
    "| engine | CPU s | wall s | CPU ms/letter | peak RSS MB | gongwen / it, CPU | (wall) |",
    "|---|---:|---:|---:|---:|---:|---:|",
    `| \`gongwen letters --format pdf\` | ${f(r.gongwen.cpuMs && scale(r.gongwen.cpuMs), 2)} | ${f(scale(r.gongwen.wallMs), 2)} | ${f(r.gongwen.cpuMsPerLetter, 2)} | | | |`,
    `| Typst node compiler, one process | ${f(scale(r.typst.cpuMs), 2)} | ${f(scale(r.typst.wallMs), 2)} | ${f(r.typst.cpuMsPerLetter, 2)} | ${f(r.typst.peakRssMb)} | ${f(r.vsTypst.cpu, 2)}× | ${f(r.vsTypst.wall, 2)}× |`,
    "",
  ];
}

const scale = (x) => ({ ...x, median: x.median / 1000, min: x.min / 1000, max: x.max / 1000 });

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      letters: { type: "string", default: "1000" },
      repeat: { type: "string", default: "3" },
      json: { type: "boolean", default: false },
    },
  });
  const r = await benchTypstBatch({ letters: Number(values.letters), repeat: Number(values.repeat) });
  console.log(values.json ? JSON.stringify(r, null, 2) : typstBatchRows(r).join("\n"));
}
