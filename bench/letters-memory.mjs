/**
 * Memory of the letters batch as it grows (issue 18: peak RSS flat, ≤ 400 MB, from 1,000 to
 * 50,000 letters): `gongwen letters --format docx,pdf --json` in a fresh process on generated
 * datasets of 1,000, 10,000 and 50,000 letters (bench/letters.mjs), each size once, smallest
 * first. Reported per size: peak RSS (VmHWM), RSS of the second and of the last quarter of the
 * run (median of the 100 ms samples), CPU ms per letter (all threads) and wall time. The
 * product's own choice of threads (one thread on fewer than 4 cores).
 *
 *   node bench/letters-memory.mjs [--sizes 1000,10000,50000] [--json]
 *
 * or `npm run bench -- --only letters-memory`. Needs the build. About 6 minutes on 2 cores.
 */
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { benchLettersCli, datasetFile, generateLettersDataset } from "./letters.mjs";

export const MEMORY_SIZES = [1000, 10000, 50000];

/** One `gongwen letters` run per size: { sizes: [{ letters, peakRssMb, … }], load }. */
export async function benchLettersMemory({ sizes = MEMORY_SIZES, formats = "docx,pdf" } = {}) {
  const loadBefore = loadavg().map((x) => Number(x.toFixed(2)));
  const out = [];
  for (const n of sizes) {
    const { dataset, letters } = generateLettersDataset(n);
    const data = datasetFile(dataset);
    try {
      const r = await benchLettersCli(data.file, letters, formats);
      out.push({
        letters,
        files: r.files,
        exitCode: r.exitCode,
        error: r.error,
        peakRssMb: r.peakRssMb,
        secondQuarterRssMb: r.rss?.secondQuarterMb,
        lastQuarterRssMb: r.rss?.lastQuarterMb,
        cpuMsPerLetter: r.cpuMsPerLetter,
        wallS: r.wallS,
      });
    } finally {
      data.cleanup();
    }
  }
  const first = out[0]?.peakRssMb;
  const last = out.at(-1)?.peakRssMb;
  return {
    formats,
    loadBefore,
    loadAfter: loadavg().map((x) => Number(x.toFixed(2))),
    sizes: out,
    // Peak RSS of the largest batch less that of the smallest (flat: small).
    peakGrowthMb: first !== undefined && last !== undefined ? last - first : undefined,
    maxPeakRssMb: out.length ? Math.max(...out.map((x) => x.peakRssMb ?? 0)) : undefined,
  };
}

/** The section npm run bench prints. */
export function lettersMemoryRows(r) {
  if (!r || r.skipped) return [];
  if (r.unavailable) return ["### Letters batch memory by size", "", r.unavailable, ""];
  const f = (v, d = 0) => (typeof v === "number" && Number.isFinite(v) ? v.toFixed(d) : "n/a");
  const L = [
    `### Letters batch memory by size: \`gongwen letters --format ${r.formats}\`, fresh process, one run per size`,
    "",
    `Load average ${r.loadBefore.join(" / ")} before, ${r.loadAfter.join(" / ")} after (bench/letters-memory.mjs).`,
    "",
    "| letters | files | peak RSS MB | RSS 2nd quarter → last quarter MB | CPU ms/letter | wall s |",
    "|---:|---:|---:|---:|---:|---:|",
  ];
  for (const x of r.sizes) {
    if (x.exitCode !== 0) {
      L.push(`| ${x.letters.toLocaleString("en")} | exit ${x.exitCode}: ${x.error ?? ""} |||||`);
      continue;
    }
    L.push(
      `| ${x.letters.toLocaleString("en")} | ${x.files.toLocaleString("en")} | ${f(x.peakRssMb)} | ${f(x.secondQuarterRssMb)} → ${f(x.lastQuarterRssMb)} | ${f(x.cpuMsPerLetter, 2)} | ${f(x.wallS, 1)} |`,
    );
  }
  L.push("");
  return L;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: MEMORY_SIZES.join(",") },
      json: { type: "boolean", default: false },
    },
  });
  const r = await benchLettersMemory({ sizes: values.sizes.split(",").map(Number) });
  console.log(values.json ? JSON.stringify(r, null, 2) : lettersMemoryRows(r).join("\n"));
}
