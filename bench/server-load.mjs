#!/usr/bin/env node
/**
 * The workbench under a city's load (not a test): two `gongwen serve` processes on one
 * PostgreSQL database (a schema of its own, dropped after), five agencies with N open
 * applications each, 50 clerks (spread over the agencies, each request one clerk's session in turn). The load comes from this process with autocannon, against both servers at once:
 *   - registration (POST /applications: validation, save, history),
 *   - the worklist (GET /: every open application's deadline and standing from the library);
 * requests per second and latency (median, p95, p99) of each. Then, for the sizing note, the
 * database's size per application taken through its whole course (registration, consultation,
 * the 负责人's extension, reply, sign-off, reply letter with its 文号).
 *
 *   node bench/server-load.mjs [--open 1000] [--seconds 10] [--connections 50] [--json]
 *
 * PostgreSQL: GONGWEN_BENCH_PG, else GONGWEN_TEST_PG, else the local test cluster
 * (postgres://gongwen:gongwen@127.0.0.1:5432/gongwen_test); unreachable → reported, not run.
 * Needs the build (npm run build).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL, URLSearchParams } from "node:url";
import { parseArgs } from "node:util";
/* global fetch */
import autocannon from "autocannon";
import { dataset } from "./server.mjs";

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
const CLI = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const LOCAL_PG = "postgres://gongwen:gongwen@127.0.0.1:5432/gongwen_test";
const AGENCIES = ["甲局", "乙局", "丙局", "丁局", "戊局"];

function pct(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN;
}

export async function admin(url, run) {
  const pg = (await import("pg")).default;
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

/** `gongwen serve --database URL --port 0`, its log drained; resolves with its address. */
function serve(target) {
  const child = spawn(process.execPath, [CLI, "serve", "--database", target, "--port", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr.on("data", () => undefined);
  return new Promise((done, fail) => {
    let out = "";
    child.stdout.on("data", (b) => {
      if (out.length < 100_000) out += b.toString();
      const m = /工作台已启动：(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m && out.includes("Ctrl+C")) done({ child, base: m[1] });
    });
    child.once("exit", (code) => fail(new Error(`serve exited ${code}: ${out.slice(0, 500)}`)));
  });
}

/**
 * One scenario against both servers at once (half the connections each); each connection is
 * clerk's session in turn; `make(session, n)` builds the n-th request (n unique in the run).
 */
async function load(servers, sessions, { connections, seconds, expect, make }) {
  const latencies = [];
  let wrong = 0;
  let firstWrong = "";
  let next = 0;
  const t0 = performance.now();
  const runs = servers.map((s, k) => {
    const inst = autocannon({
      url: s.base,
      connections: Math.ceil(connections / servers.length) - (k === 0 ? 0 : connections % servers.length),
      duration: seconds,
      requests: [
        {
          // autocannon clears a connection's context before each request of a one-request
          // list, so the clerks take turns request by request (every request a session's).
          setupRequest: (req) => {
            const n = next++;
            return { ...req, ...make(sessions[n % sessions.length], n) };
          },
        },
      ],
    });
    inst.on("response", (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status !== expect) {
        wrong++;
        firstWrong ||= String(status);
      }
    });
    return inst;
  });
  const results = await Promise.all(runs);
  const wall = (performance.now() - t0) / 1000;
  const errors = results.reduce((n, r) => n + r.errors + r.timeouts, 0);
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: sorted.length,
    rps: sorted.length / wall,
    medianMs: pct(sorted, 0.5),
    p95Ms: pct(sorted, 0.95),
    p99Ms: pct(sorted, 0.99),
    wrongStatus: wrong,
    ...(firstWrong ? { firstWrongStatus: firstWrong } : {}),
    errors,
    connections,
    seconds,
  };
}

/** The bytes of the schema's tables with their indexes and TOAST. */
async function schemaBytes(url, schema) {
  return admin(url, async (c) => {
    const r = await c.query(
      `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint AS b FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
      [schema],
    );
    return Number(r.rows[0].b);
  });
}

/**
 * The PostgreSQL the benches run on (GONGWEN_BENCH_PG, else GONGWEN_TEST_PG, else the local test
 * cluster): `{ url }`, or `{ unavailable }` saying why not (password hidden).
 */
export async function benchPostgres() {
  const url = process.env.GONGWEN_BENCH_PG || process.env.GONGWEN_TEST_PG || LOCAL_PG;
  try {
    await admin(url, (c) => c.query("SELECT 1"));
    return { url };
  } catch (e) {
    return { unavailable: `no PostgreSQL at ${url.replace(/:[^:@/]*@/, ":***@")} (${e.message})` };
  }
}

export async function benchServerLoad({ open = 1000, seconds = 10, connections = 50, lifecycle = 200 } = {}) {
  const pg = await benchPostgres();
  if (pg.unavailable) return pg;
  const { url } = pg;
  const schema = `bench_load_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin(url, (c) => c.query(`CREATE SCHEMA ${schema}`));
  const u = new URL(url);
  u.searchParams.set("options", `-c search_path=${schema}`);
  const target = u.toString();
  const servers = [];
  try {
    const { Store } = await import("gongwen/storage");
    const { hashPassword, startSession, SESSION_COOKIE } = await import(dist("server/auth.js"));
    const store = await Store.open(target);
    const agencies = [];
    for (const [i, short] of AGENCIES.entries()) {
      const d = dataset(open);
      d.agency = { ...d.agency, name: `示例市${short}`, shortName: `示例${short}` };
      agencies.push(await store.createOffice(d, "bench", [], i === 0 ? null : agencies[0]));
    }
    const hash = await hashPassword("bench-password");
    const sessions = [];
    const heads = [];
    for (const [i, officeId] of agencies.entries()) {
      const head = await store.accounts.createUser({
        officeId,
        username: `head-${i}`,
        displayName: `负责人${i}`,
        roles: ["head"],
        passwordHash: hash,
      });
      heads.push({ officeId, ...(await startSession(store, await store.accounts.user(head))) });
    }
    for (let c = 0; c < connections; c++) {
      const officeId = agencies[c % agencies.length];
      const id = await store.accounts.createUser({
        officeId,
        username: `clerk-${c}`,
        displayName: `经办人${c}`,
        roles: ["clerk"],
        passwordHash: hash,
      });
      const s = await startSession(store, await store.accounts.user(id));
      sessions.push({ c, officeId, cookie: `${SESSION_COOKIE}=${s.cookie}`, csrf: s.csrf });
    }
    await store.close();
    servers.push(await serve(target), await serve(target));
    // Warm: every clerk's worklist once on each server (the year's settings and facts cached).
    for (const s of servers)
      await Promise.all(
        sessions.map((x) => fetch(`${s.base}/`, { headers: { cookie: x.cookie } }).then((r) => r.text())),
      );
    const loadavgStart = loadavg().map((x) => Number(x.toFixed(2)));
    const worklist = await load(servers, sessions, {
      connections,
      seconds,
      expect: 200,
      make: (s) => ({ method: "GET", path: "/", headers: { cookie: s.cookie } }),
    });
    const register = await load(servers, sessions, {
      connections,
      seconds,
      expect: 303,
      make: (s, n) => ({
        method: "POST",
        path: "/applications",
        headers: { cookie: s.cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          _csrf: s.csrf,
          id: `LOAD2026-${s.c}-${n}`,
          "applicant.type": "natural-person",
          "applicant.name": "张某某",
          channel: "registered-post",
          submitted: "2026-10-30",
          signedFor: "2026-11-02",
          content: `基准测试第${n}件`,
        }).toString(),
      }),
    });
    // The size of an application taken through its whole course, for the sizing note.
    const before = await schemaBytes(url, schema);
    const t0 = performance.now();
    const base = servers[1].base;
    const post = (who, path, form) =>
      fetch(base + path, {
        method: "POST",
        redirect: "manual",
        headers: { cookie: who.cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ ...form, _csrf: who.csrf }).toString(),
      }).then(async (r) => {
        await r.text();
        if (r.status !== 303) throw new Error(`${path}: ${r.status}`);
      });
    await Promise.all(
      sessions.map(async (s) => {
        const head = heads.find((h) => h.officeId === s.officeId);
        const hd = { cookie: `${SESSION_COOKIE}=${head.cookie}`, csrf: head.csrf };
        for (let n = 0; n < Math.ceil(lifecycle / sessions.length); n++) {
          const id = `FULL2026-${s.c}-${n}`;
          const p = `/applications/2026/${id}`;
          await post(s, "/applications", {
            id,
            "applicant.type": "natural-person",
            "applicant.name": "张某某",
            "applicant.phone": "13800000000",
            channel: "registered-post",
            submitted: "2026-10-30",
            signedFor: "2026-11-02",
            content: "2026年青禾区食品安全抽检结果",
          });
          await post(s, `${p}/steps/consultation-sent`, {
            version: "1",
            party: "third-party",
            name: "示例公司",
            sent: "2026-11-04",
          });
          await post(s, `${p}/steps/consultation-answered`, {
            version: "2",
            index: "0",
            answered: "2026-11-11",
            consent: "yes",
          });
          await post(hd, `${p}/steps/extension`, {
            version: "3",
            "extension.approved": "2026-11-24",
            "extension.notified": "2026-11-24",
            "extension.days": "20",
          });
          await post(s, `${p}/steps/reply`, {
            version: "4",
            "reply.date": "2026-11-26",
            "reply.type": "disclosed",
          });
          await post(hd, `${p}/sign-off`, { version: "5" });
          await post(s, `${p}/letters/reply/issue`, {});
        }
      }),
    );
    const lifecycleMs = performance.now() - t0;
    const done = Math.ceil(lifecycle / sessions.length) * sessions.length;
    const after = await schemaBytes(url, schema);
    return {
      servers: 2,
      agencies: agencies.length,
      openPerAgency: open,
      worklist,
      register,
      lifecycle: {
        applications: done,
        requests: done * 7,
        ms: lifecycleMs,
        requestsPerSecond: (done * 7) / (lifecycleMs / 1000),
        bytesPerApplication: (after - before) / done,
      },
      databaseBytes: after,
      loadavgStart,
      loadavgEnd: loadavg().map((x) => Number(x.toFixed(2))),
    };
  } finally {
    for (const s of servers) s.child.kill("SIGTERM");
    await Promise.all(
      servers.map((s) => new Promise((r) => (s.child.exitCode !== null ? r() : s.child.once("exit", r)))),
    );
    await admin(url, (c) => c.query(`DROP SCHEMA ${schema} CASCADE`));
  }
}

/** The figures as lines of the Markdown table (bench/run.mjs prints them beside the others). */
export function serverLoadRows(r) {
  if (!r || r.skipped) return [];
  if (r.unavailable) return [`| workbench under load (bench/server-load.mjs) | ${r.unavailable} |`];
  const f = (x) =>
    `${x.rps.toFixed(0)} req/s, median ${x.medianMs.toFixed(0)} ms, p95 ${x.p95Ms.toFixed(0)} ms`;
  const bad = (x) =>
    x.wrongStatus || x.errors ? ` (**${x.wrongStatus} wrong answers, ${x.errors} errors**)` : "";
  const head = `two \`gongwen serve\` on one PostgreSQL, ${r.register.connections} clerks over ${r.agencies} agencies (${r.openPerAgency.toLocaleString("en")} open applications each at the start), autocannon from a third process, ${r.register.seconds} s each`;
  return [
    `| ${head}: registration (POST /applications) | ${f(r.register)}${bad(r.register)} |`,
    `| the same: worklist page (GET /) | ${f(r.worklist)}${bad(r.worklist)} |`,
    `| the same: an application's whole course (register, 4 steps, sign-off, reply letter; 7 requests), ${r.lifecycle.applications} applications | ${r.lifecycle.requestsPerSecond.toFixed(0)} req/s; ${(r.lifecycle.bytesPerApplication / 1024).toFixed(1)} KB of database per application |`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: {
      open: { type: "string", default: "1000" },
      seconds: { type: "string", default: "10" },
      connections: { type: "string", default: "50" },
      json: { type: "boolean", default: false },
    },
  });
  const r = await benchServerLoad({
    open: Number(values.open),
    seconds: Number(values.seconds),
    connections: Number(values.connections),
  });
  process.stdout.write(values.json ? JSON.stringify(r, null, 2) + "\n" : serverLoadRows(r).join("\n") + "\n");
}
