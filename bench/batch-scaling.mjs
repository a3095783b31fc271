#!/usr/bin/env node
/**
 * The year-end batch at a city's scale (not a test): N agencies on one PostgreSQL database, each
 * with a small year (the 2023 sample's agency and three of its applications: its annual report,
 * self-audit and six letters), every batch enqueued (`gongwen worker --enqueue`), then run by
 * 1, 2 and 4 `gongwen worker` processes (concurrency 1 each): wall time from the workers' start
 * to the last batch's files, batches per second, and the scaling against one worker. Each worker
 * count runs on a fresh schema (the batches are idempotent: a second run would write nothing).
 *
 *   node bench/batch-scaling.mjs [--agencies 2000] [--workers 1,2,4] [--json]
 *
 * PostgreSQL: GONGWEN_BENCH_PG, else GONGWEN_TEST_PG, else the local test cluster. Needs the
 * build (npm run build). Worker processes share the machine's cores: past the core count the
 * figure shows what more processes cost, not what more machines would give.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import { admin, benchPostgres } from "./server-load.mjs";
/* global structuredClone */

const CLI = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const SAMPLE = fileURLToPath(new URL("../samples/2023-district-bureau.json", import.meta.url));

const SAMPLE_YEAR = JSON.parse(readFileSync(SAMPLE, "utf8"));

/** The small year every agency gets: three applications, no given fee totals. */
function smallYear(n) {
  const d = structuredClone(SAMPLE_YEAR);
  d.agency.name = `示例市第${n}局`;
  d.agency.shortName = `示例${n}局`;
  d.disclosure.applications = d.disclosure.applications.filter((a) =>
    ["YSQ2023-001", "YSQ2023-002", "YSQ2023-003"].includes(a.id),
  );
  delete d.disclosure.fees;
  return d;
}

async function oneRun(url, agencies, workers) {
  const schema = `bench_batch_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin(url, (c) => c.query(`CREATE SCHEMA ${schema}`));
  const u = new URL(url);
  u.searchParams.set("options", `-c search_path=${schema}`);
  const target = u.toString();
  const procs = [];
  try {
    const { Store } = await import("gongwen/storage");
    const store = await Store.open(target);
    const t0 = performance.now();
    for (let i = 1; i <= agencies; i++) await store.createOffice(smallYear(i), "bench");
    const setupMs = performance.now() - t0;
    await store.close();
    const enq = spawnSync(process.execPath, [CLI, "worker", "--database", target, "--enqueue", "2023"], {
      encoding: "utf8",
    });
    if (enq.status !== 0) throw new Error(`enqueue failed: ${enq.stderr}`);
    const start = performance.now();
    for (let w = 0; w < workers; w++) {
      const child = spawn(process.execPath, [CLI, "worker", "--database", target, "--concurrency", "1"], {
        stdio: ["ignore", "ignore", "pipe"],
      });
      child.stderr.on("data", () => undefined);
      procs.push(child);
    }
    const { BATCH_FILES } = await import("gongwen/jobs");
    const want = agencies * Object.keys(BATCH_FILES).length;
    const files = await admin(url, async (c) => {
      for (;;) {
        await sleep(250);
        const n = (await c.query(`SELECT count(*)::int AS n FROM ${schema}.batch_output`)).rows[0].n;
        if (n >= want) return n;
        if (procs.every((p) => p.exitCode !== null)) throw new Error("every worker exited before the end");
      }
    });
    const wallMs = performance.now() - start;
    return { workers, agencies, wallMs, batchesPerSecond: agencies / (wallMs / 1000), setupMs, files };
  } finally {
    for (const p of procs) p.kill("SIGTERM");
    await Promise.all(procs.map((p) => (p.exitCode !== null ? null : new Promise((r) => p.once("exit", r)))));
    await admin(url, (c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
    await admin(url, (c) => c.query(`DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`));
  }
}

export async function benchBatchScaling({ agencies = 2000, workers = [1, 2, 4] } = {}) {
  const pg = await benchPostgres();
  if (pg.unavailable) return pg;
  const { url } = pg;
  const runs = [];
  for (const w of workers) runs.push(await oneRun(url, agencies, w));
  const one = runs.find((r) => r.workers === 1);
  return {
    cores: cpus().length,
    loadBefore: loadavg()[0],
    runs: runs.map((r) => ({ ...r, speedup: one ? one.wallMs / r.wallMs : null })),
  };
}

/** The rows npm run bench prints. */
export function batchScalingRows(r) {
  if (!r || r.skipped) return [];
  if (r.unavailable) return [`| year-end batch scaling (bench/batch-scaling.mjs) | ${r.unavailable} |`];
  return r.runs.map(
    (x) =>
      `| year-end batch (annual report, self-audit, letters) of ${x.agencies.toLocaleString("en")} agencies on PostgreSQL, ${x.workers} \`gongwen worker\` (${r.cores} cores) | ${(x.wallMs / 1000).toFixed(1)} s, ${x.batchesPerSecond.toFixed(2)} batches/s, ${x.speedup?.toFixed(2) ?? "–"}× one worker |`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      agencies: { type: "string", default: "2000" },
      workers: { type: "string", default: "1,2,4" },
      json: { type: "boolean", default: false },
    },
  });
  const r = await benchBatchScaling({
    agencies: Number(values.agencies),
    workers: values.workers.split(",").map(Number),
  });
  if (values.json || r.unavailable) console.log(JSON.stringify(r, null, 2));
  else {
    console.log(`year-end batch scaling (${r.cores} cores, load ${r.loadBefore.toFixed(1)} before)`);
    console.log("| workers | agencies | wall | batches/s | speed-up vs 1 |");
    console.log("|---:|---:|---:|---:|---:|");
    for (const x of r.runs)
      console.log(
        `| ${x.workers} | ${x.agencies} | ${(x.wallMs / 1000).toFixed(1)} s | ${x.batchesPerSecond.toFixed(2)} | ${x.speedup?.toFixed(2) ?? "–"}× |`,
      );
  }
}
