/**
 * The year-end summary, as a clerk meets it: one document from a cold process.
 * - The cold pair, interleaved A B A B …: `gongwen render summary … --format docx,pdf` (a fresh
 *   CLI process writing both files, through bin/gongwen as installed — from its start-up
 *   snapshot when the build made one — and, beside it, `node dist/cli/main.js` without the
 *   snapshot) against LibreOffice's cold convert of the same DOCX
 *   (`soffice --headless --convert-to pdf`, a fresh soffice with an existing profile), and, when
 *   the node compiler loads, a Typst cold compile of the same texts (a fresh Node process: load
 *   the compiler, its fonts, compile, write the PDF — what the Typst CLI does). Medians, spread,
 *   and the ratio pair by pair.
 * - Cold `gongwen --version` and `gongwen validate` (start-up and the validator path).
 * - Warm: ms per document once the writers are loaded.
 * Only the public API (`gongwen`) is imported. Needs the build.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { buildSummary, createPdfRenderer, loadDataset, renderDocx } from "gongwen";
import { runCommand, runNode, spread } from "./child.mjs";
import { letterFields, sofficePath, typstLetter, TYPST_FONT_DIRS } from "./alternatives.mjs";
import { CLI } from "./letters.mjs";

/** The installed command (package.json "bin"): starts from the snapshot when there is one. */
const BIN = fileURLToPath(new URL("../bin/gongwen", import.meta.url));

export const SAMPLE_2014 = fileURLToPath(new URL("../samples/2014-commerce-bureau.json", import.meta.url));

const TYPST_COLD = `
import { readFileSync, writeFileSync } from "node:fs";
const [src, out, ...fonts] = process.argv.slice(1);
const { NodeCompiler } = await import("@myriaddreamin/typst-ts-node-compiler");
const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: fonts }] });
const r = compiler.compile({ mainFileContent: readFileSync(src, "utf8") });
if (!r.result) { console.error("typst compile failed"); process.exit(1); }
writeFileSync(out, compiler.pdf(r.result));
`;

const figures = (rs) => ({
  wallMs: spread(rs.map((r) => r.wallMs)),
  cpuMs: spread(rs.map((r) => r.cpuMs)),
  ...(rs[0]?.maxRssMb !== undefined ? { peakRssMb: spread(rs.map((r) => r.maxRssMb)) } : {}),
});
const ratios = (as, bs) => ({
  wall: spread(as.map((a, i) => a.wallMs / bs[i].wallMs)),
  cpu: spread(as.map((a, i) => a.cpuMs / bs[i].cpuMs)),
});

/**
 * The cold pair in `runs` rounds (after one unmeasured round: file-system caches warm, as on a
 * clerk's second run). Each round runs gongwen (bin/gongwen, then dist/cli/main.js), LibreOffice,
 * Typst, `--version` and `validate` (both through bin/gongwen). bin/gongwen and LibreOffice are
 * measured alike (a shell's `times`: CPU of the whole process tree, no peak RSS);
 * dist/cli/main.js through Node's usage hook (with peak RSS).
 */
export async function benchSummaryCold(runs = 5) {
  const dir = mkdtempSync(join(tmpdir(), "gongwen-bench-summary-"));
  try {
    const out = join(dir, "out");
    const render = ["render", "summary", SAMPLE_2014, "--out", out, "--format", "docx,pdf", "--force"];
    const args = [CLI, ...render];
    const first = await runNode(args);
    if (first.code !== 0) return { unavailable: `render summary failed: ${first.stderr.split("\n")[0]}` };
    const bin = (a) => runCommand(BIN, a);
    await bin(render);
    const docx = join(out, "summary.docx");
    const soffice = sofficePath();
    const profile = `-env:UserInstallation=file://${join(dir, "lo-profile")}`;
    const lo = soffice
      ? () =>
          runCommand(soffice, [
            profile,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            join(dir, "lo"),
            docx,
          ])
      : null;
    const typstSrc = join(dir, "summary.typ");
    const { tree } = await summaryTree();
    writeFileSync(typstSrc, typstLetter(letterFields(tree)));
    // `-e` code resolves packages from the working folder: the project's node_modules.
    const typstCwd = fileURLToPath(new URL("..", import.meta.url));
    const typst = async () =>
      runNode(
        ["--input-type=module", "-e", TYPST_COLD, typstSrc, join(dir, "typst.pdf"), ...TYPST_FONT_DIRS],
        { cwd: typstCwd },
      );
    let typstOk = (await typst()).code === 0;
    if (lo) await lo(); // creates the profile
    const version = ["--version"];
    const validate = ["validate", SAMPLE_2014];
    await bin(validate);
    const g = [];
    const plain = [];
    const l = [];
    const t = [];
    const v = [];
    const val = [];
    for (let i = 0; i < runs; i++) {
      g.push(await bin(render));
      plain.push(await runNode(args));
      if (lo) l.push(await lo());
      if (typstOk) t.push(await typst());
      v.push(await bin(version));
      val.push(await bin(validate));
    }
    const failed = [...g, ...plain, ...v, ...val].find((r) => r.code !== 0);
    if (failed) return { unavailable: `gongwen failed: ${failed.stderr.split("\n")[0]}` };
    if (t.some((r) => r.code !== 0)) typstOk = false;
    const loOk = lo && l.every((r) => r.code === 0);
    return {
      runs,
      gongwen: figures(g),
      withoutSnapshot: figures(plain),
      snapshotVsWithout: ratios(g, plain),
      libreoffice: loOk ? figures(l) : { unavailable: soffice ? "soffice failed" : "soffice not installed" },
      typst: typstOk ? figures(t) : { unavailable: "typst-ts-node-compiler cannot compile here" },
      version: figures(v),
      validate: figures(val),
      vsLibreOffice: loOk ? ratios(g, l) : undefined,
      vsTypst: typstOk ? ratios(g, t) : undefined,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function summaryTree() {
  const dataset = loadDataset(SAMPLE_2014);
  return { tree: buildSummary({ dataset, lang: "zh" }) };
}

/** The summary rendered `n` times in this process after a warm-up: ms per document per format. */
export async function benchSummaryWarm(n = 10) {
  const { tree } = await summaryTree();
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
