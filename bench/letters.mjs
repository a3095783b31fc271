/* global structuredClone */
/**
 * Letters for the benchmark: a generated dataset of exactly N letters (the 2023 sample's
 * applications in turn, each copy with its own id, applicant and requested information, so no
 * two letters have the same text), the whole `gongwen letters` CLI on it (end to end:
 * validation, facts, templates, writers, atomic writes, worker threads), and the letter trees the
 * product composes, for the warm comparison with the alternatives. Only the public API
 * (`gongwen`, i.e. package.json exports → dist/index.js) is imported. Needs the build.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { composeLetters, parseDataset, plannedLetters } from "gongwen";
import { median, runNode } from "./child.mjs";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
export const SAMPLE_2023 = join(ROOT, "samples", "2023-district-bureau.json");
export const CLI = join(ROOT, "dist", "cli", "main.js");

// What copies ask for: subject × area × period, so the requested information (quoted in every
// reply) differs from letter to letter and the fonts' subsets differ too.
const AREAS = ["青禾区", "东湖街道", "北岭镇", "南塘乡", "西山片区", "滨江新区", "老城区", "高新园区"];
const SUBJECTS = [
  "农贸市场食品安全抽检结果",
  "老旧小区改造项目招标文件",
  "城市道路占用挖掘审批记录",
  "建设工程规划许可证及附图",
  "义务教育学校划片招生方案",
  "生活垃圾分类运输车辆调度",
  "排水管网维护经费支出明细",
  "养老服务机构补贴发放名单",
  "行政处罚决定书及听证笔录",
  "重大项目环境影响评价报告",
  "公共租赁住房轮候分配记录",
  "河道整治工程竣工验收资料",
  "网格化管理人员考核办法",
  "防汛物资储备及调拨台账",
];
const PERIODS = ["2019年度", "2020年度", "2021年第二季度", "2022年上半年", "2022年9月", "近三年"];

function requested(i) {
  const a = AREAS[i % AREAS.length];
  const s = SUBJECTS[Math.floor(i / AREAS.length) % SUBJECTS.length];
  const p = PERIODS[Math.floor(i / (AREAS.length * SUBJECTS.length)) % PERIODS.length];
  return `${p}${a}${s}（第${i}号）`;
}

/**
 * A valid dataset with exactly `n` letters: the sample's applications in turn, each copy with a
 * new id (B000001 …), its own applicant (fees are per applicant and month) and its own
 * requested information. The totals that must equal the sample's records (annual-report table,
 * fee totals) are dropped.
 */
export function generateLettersDataset(n) {
  const sample = JSON.parse(readFileSync(SAMPLE_2023, "utf8"));
  const base = sample.disclosure.applications.map((a) => ({ app: a, letters: plannedLetters(a).length }));
  const apps = [];
  let letters = 0;
  const add = (a) => {
    const copy = structuredClone(a.app);
    const i = apps.length + 1;
    copy.id = `B${String(i).padStart(6, "0")}`;
    if (copy.applicant && typeof copy.applicant === "object") copy.applicant.name = `申请人${i}`;
    if (typeof copy.content === "string") copy.content = requested(i);
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
 * RSS, RSS trend. `workers`: GONGWEN_LETTER_WORKERS for the process (undefined: the product's
 * own choice). Files are deleted afterwards.
 */
export async function benchLettersCli(datasetFile, letters, formats, workers) {
  const out = mkdtempSync(join(tmpdir(), "gongwen-bench-letters-"));
  try {
    const env = workers === undefined ? {} : { GONGWEN_LETTER_WORKERS: String(workers) };
    const r = await runNode([CLI, "letters", datasetFile, "--out", out, "--format", formats, "--json"], {
      cwd: ROOT,
      env,
    });
    let written = 0;
    let threads;
    try {
      const result = JSON.parse(r.stdout);
      written = result.files.length;
      threads = result.threads;
    } catch {
      /* reported through exit code */
    }
    return {
      formats,
      workers: workers ?? "default",
      // The threads that made the letters, as the product reports them (--json).
      threads,
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

/**
 * The letters of `dataset` as the product composes them (composeLetters, the library's path to
 * letter trees), `block` letters at a time: `blocks` consecutive slices of applications, each
 * composed alone and timed. Returns the trees by block and the compose time of each block.
 */
export function composeBlocks(dataset, block, blocks) {
  const valid = parseDataset(JSON.stringify(dataset), "bench-letters.json");
  const apps = valid.disclosure.applications;
  const out = [];
  let a = 0;
  for (let k = 0; k < blocks && a < apps.length; k++) {
    const slice = [];
    let n = 0;
    while (a < apps.length && n < block) {
      slice.push(apps[a]);
      n += plannedLetters(apps[a]).length;
      a++;
    }
    const part = { ...valid, disclosure: { ...valid.disclosure, applications: slice } };
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const { letters, errors } = composeLetters(part, { lang: "zh" });
    const time = perLetter(t0, cpu0, letters.length);
    if (errors.length > 0) throw new Error(`composeLetters: ${errors[0]}`);
    out.push({ trees: letters.map((l) => l.tree), compose: time });
  }
  return out;
}

/** Per-letter wall and CPU since (t0, cpu0) over n letters. */
export function perLetter(t0, cpu0, n) {
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { n, msPerLetter: ms / n, cpuMsPerLetter: (cpu.user + cpu.system) / 1000 / n };
}

/** Time `fn` over every item (no warm-up: the caller's first block is the first pass). */
export async function timeAll(items, fn) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let i = 0;
  for (const it of items) await fn(it, i++);
  return perLetter(t0, cpu0, items.length);
}

/** Write the dataset to a temp file for the CLI; returns { file, cleanup }. */
export function datasetFile(dataset) {
  const dir = mkdtempSync(join(tmpdir(), "gongwen-bench-data-"));
  const file = join(dir, "letters.json");
  writeFileSync(file, JSON.stringify(dataset));
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
