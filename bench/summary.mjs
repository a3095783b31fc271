/**
 * The year-end summary: cold (a whole fresh CLI process rendering DOCX and PDF, as a clerk runs
 * it) and warm (ms per document once the writers are loaded). Needs the build.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { median, runNode } from "./child.mjs";
import { CLI } from "./letters.mjs";

const DIST = (p) => new URL(`../dist/${p}`, import.meta.url).href;
export const SAMPLE_2014 = fileURLToPath(new URL("../samples/2014-commerce-bureau.json", import.meta.url));

/** `gongwen render summary … --format docx,pdf` in `runs` fresh processes: medians. */
export async function benchSummaryCold(runs = 5) {
  const out = mkdtempSync(join(tmpdir(), "gongwen-bench-summary-"));
  try {
    const args = [CLI, "render", "summary", SAMPLE_2014, "--out", out, "--format", "docx,pdf", "--force"];
    await runNode(args); // file-system caches warm, as on a clerk's second run
    const rs = [];
    for (let i = 0; i < runs; i++) rs.push(await runNode(args));
    const failed = rs.find((r) => r.code !== 0);
    if (failed) return { unavailable: `render summary failed: ${failed.stderr.split("\n")[0]}` };
    const help = [];
    for (let i = 0; i < runs; i++) help.push(await runNode([CLI, "--version"]));
    return {
      runs,
      wallMs: median(rs.map((r) => r.wallMs)),
      cpuMs: median(rs.map((r) => r.cpuMs)),
      peakRssMb: median(rs.map((r) => r.maxRssMb)),
      startupWallMs: median(help.map((r) => r.wallMs)),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The summary rendered `n` times in this process after a warm-up: ms per document per format. */
export async function benchSummaryWarm(n = 10) {
  const { loadDataset } = await import(DIST("data/load.js"));
  const { summaryDocument } = await import(DIST("compose/documents/summary.js"));
  const { renderDocx } = await import(DIST("render/docx/index.js"));
  const { createPdfRenderer } = await import(DIST("render/pdf/index.js"));
  const dataset = loadDataset(SAMPLE_2014);
  const { tree } = await summaryDocument.build({ file: SAMPLE_2014, dataset, argv: {}, lang: "zh" });
  const pdf = createPdfRenderer({});
  await renderDocx(tree);
  const pages = (await pdf.render(tree)).pages;
  const time = async (fn) => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await fn();
    const c = process.cpuUsage(cpu0);
    return { msPerDoc: (performance.now() - t0) / n, cpuMsPerDoc: (c.user + c.system) / 1000 / n };
  };
  return { n, pages, docx: await time(() => renderDocx(tree)), pdf: await time(() => pdf.render(tree)) };
}
