/* global structuredClone */
/**
 * Letters for the benchmark: a generated dataset of exactly N letters (the 2023 sample's
 * applications repeated with their own ids and applicants), the whole `gongwen letters` CLI on
 * it (end to end: validation, facts, templates, writers, atomic writes, worker threads), and the
 * letter trees the product makes, for the warm per-letter comparison with the alternatives.
 * Needs the build (`npm run build`).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { median, runNode } from "./child.mjs";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const DIST = (p) => new URL(`../dist/${p}`, import.meta.url).href;
export const SAMPLE_2023 = join(ROOT, "samples", "2023-district-bureau.json");
export const CLI = join(ROOT, "dist", "cli", "main.js");

/**
 * A valid dataset with exactly `n` letters: the sample's applications in turn, each copy with a
 * new id (B000001 …) and its own applicant (fees are per applicant and month). The totals that
 * must equal the sample's records (annual-report table, fee totals) are dropped.
 */
export async function generateLettersDataset(n) {
  const { plannedLetters } = await import(DIST("letters/kinds.js"));
  const sample = JSON.parse(readFileSync(SAMPLE_2023, "utf8"));
  const base = sample.disclosure.applications.map((a) => ({ app: a, letters: plannedLetters(a).length }));
  const apps = [];
  let letters = 0;
  const add = (a) => {
    const copy = structuredClone(a.app);
    const i = apps.length + 1;
    copy.id = `B${String(i).padStart(6, "0")}`;
    if (copy.applicant && typeof copy.applicant === "object") copy.applicant.name = `申请人${i}`;
    apps.push(copy);
    letters += a.letters;
  };
  for (let k = 0; letters < n; k++) {
    const next = base[k % base.length];
    if (letters + next.letters <= n) add(next);
    else {
      // Fill the remainder exactly with an application that has that few letters.
      const fit = base.find((b) => b.letters === n - letters) ?? base.find((b) => b.letters === 1);
      if (!fit) break;
      add(fit);
    }
  }
  sample.disclosure.applications = apps;
  delete sample.disclosure.annualReportTable;
  delete sample.disclosure.fees;
  return { dataset: sample, letters, applications: apps.length };
}

/** Memory growth over a run: median RSS of the second quarter and of the last quarter (MB). */
export function rssTrend(samples) {
  if (samples.length < 8) return null;
  const q = Math.floor(samples.length / 4);
  const mb = (xs) => median(xs.map((s) => s[1])) / 1048576;
  return { secondQuarterMb: mb(samples.slice(q, 2 * q)), lastQuarterMb: mb(samples.slice(3 * q)) };
}

/**
 * `gongwen letters FILE --out DIR --format F` in a fresh process: wall, CPU of all threads, peak
 * RSS, RSS trend. Files are deleted afterwards.
 */
export async function benchLettersCli(datasetFile, letters, formats) {
  const out = mkdtempSync(join(tmpdir(), "gongwen-bench-letters-"));
  try {
    const r = await runNode([CLI, "letters", datasetFile, "--out", out, "--format", formats, "--json"], {
      cwd: ROOT,
    });
    let written = 0;
    try {
      written = JSON.parse(r.stdout).files.length;
    } catch {
      /* reported through exit code */
    }
    return {
      formats,
      letters,
      files: written,
      exitCode: r.code,
      error: r.code === 0 ? undefined : r.stderr.split("\n").slice(0, 3).join(" "),
      wallS: r.wallMs / 1000,
      cpuS: r.cpuMs / 1000,
      msPerLetter: r.wallMs / letters,
      cpuMsPerLetter: r.cpuMs / letters,
      peakRssMb: r.maxRssMb,
      rss: rssTrend(r.samples),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The letters of `dataset` as the product composes them: { tree, kind, id } for the first `m`. */
export async function letterTrees(dataset, m) {
  const { buildLetter } = await import(DIST("letters/build.js"));
  const { lettersConfigFor } = await import(DIST("letters/config.js"));
  const { assignDocNumbers } = await import(DIST("letters/doc-number.js"));
  const { plannedLetters } = await import(DIST("letters/kinds.js"));
  const { applicationFact } = await import(DIST("facts/applications.js"));
  const { defaultCalendar } = await import(DIST("calendar/index.js"));
  const config = lettersConfigFor(undefined, "zh");
  const calendar = defaultCalendar("zh");
  const apps = dataset.disclosure.applications;
  const docNumbers = assignDocNumbers(
    apps.flatMap((a) =>
      plannedLetters(a).map((p) => ({
        key: `${a.id}/${p.suffix}`,
        pattern: config.docNumber[p.kind],
        date: p.date ?? "",
        id: a.id,
      })),
    ),
    dataset.agency.shortName,
  );
  const env = { dataset, config, docNumbers, lang: "zh" };
  const jobs = [];
  for (const [index, app] of apps.entries()) {
    for (const planned of plannedLetters(app)) jobs.push({ app, index, planned });
    if (jobs.length >= m) break;
  }
  const compose = (job) => {
    const facts = applicationFact(
      job.app,
      job.index,
      { year: dataset.year, calendar, ...(dataset.regime ? { pinned: dataset.regime } : {}) },
      {
        lang: "zh",
        feePaymentDays: config.feePaymentDays,
        consultationAnswerDays: config.consultationAnswerDays,
      },
    );
    return buildLetter(env, job.app, facts, job.planned);
  };
  for (const job of jobs.slice(0, 20)) compose(job); // warm-up (templates compiled once)
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const built = jobs
    .slice(0, m)
    .map((job) => ({ tree: compose(job).tree, kind: job.planned.kind, id: job.app.id }));
  const composeStats = perLetter(t0, cpu0, built.length);
  return { letters: built, compose: composeStats };
}

/** Per-letter wall and CPU since (t0, cpu0) over n letters. */
export function perLetter(t0, cpu0, n) {
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { n, msPerLetter: ms / n, cpuMsPerLetter: (cpu.user + cpu.system) / 1000 / n };
}

/** Time `fn` over every item after a warm-up of up to 20 calls. */
export async function timeEach(items, fn) {
  for (const it of items.slice(0, Math.min(20, items.length))) await fn(it, -1);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let i = 0;
  for (const it of items) await fn(it, i++);
  return perLetter(t0, cpu0, items.length);
}

/** The product's writers on the letter trees, warm, in this thread: DOCX and PDF per letter. */
export async function benchWriters(letters) {
  const { renderDocx } = await import(DIST("render/docx/index.js"));
  const { createPdfRenderer } = await import(DIST("render/pdf/index.js"));
  const pdf = createPdfRenderer({ systemFonts: false });
  const docx = await timeEach(letters, (l) => renderDocx(l.tree));
  const pdfStats = await timeEach(letters, (l) => pdf.render(l.tree));
  return { docx, pdf: pdfStats };
}

/** Write the dataset to a temp file for the CLI; returns { file, cleanup }. */
export function datasetFile(dataset) {
  const dir = mkdtempSync(join(tmpdir(), "gongwen-bench-data-"));
  const file = join(dir, "letters.json");
  writeFileSync(file, JSON.stringify(dataset));
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
