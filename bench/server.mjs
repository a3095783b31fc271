#!/usr/bin/env node
/**
 * The workbench's server figures (not a test): on a SQLite file with N open applications,
 *   - the worklist page (GET /, every open application's deadline and standing from the library),
 *   - registering an application (POST /applications: validation + save + history),
 *   - a letter PDF, warm (GET …/letters/receipt.pdf).
 * Requests go through Fastify's inject (the whole server path without the socket). Median of
 * the runs after a warm-up.
 *
 *   node bench/server.mjs [--open 10000] [--json]     (needs npm run build)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { pathToFileURL, URLSearchParams } from "node:url";

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(fn, runs, warm = 3) {
  for (let i = 0; i < warm; i++) await fn(i);
  const ms = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn(warm + i);
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return {
    medianMs: median(ms),
    p95Ms: [...ms].sort((a, b) => a - b)[Math.floor(ms.length * 0.95)],
    cpuMedianMs: median(cpu),
    runs,
  };
}

/** Open applications received on working days of November–December 2026, none replied. */
export function dataset(n) {
  const days = [];
  for (let d = 2; days.length < 40; d++) {
    const date = new Date(Date.UTC(2026, 10, d));
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) days.push(date.toISOString().slice(0, 10));
  }
  const applications = [];
  for (let i = 0; i < n; i++)
    applications.push({
      id: `YSQ2026-${String(i + 1).padStart(5, "0")}`,
      applicant: { type: "natural-person", name: `申请人${i + 1}`, phone: "13800000000" },
      channel: "in-person",
      submitted: days[i % days.length],
      content: `第${i + 1}件申请的内容`,
    });
  return {
    year: 2026,
    agency: {
      name: "示例市示例局",
      shortName: "示例",
      parentGovernment: "示例市人民政府",
      reconsiderationBody: { name: "示例市人民政府" },
      court: { name: "示例市人民法院" },
      address: "示例路1号",
      disclosureOffice: { name: "示例局办公室", head: "办公室主任" },
    },
    disclosure: { applications },
  };
}

export async function benchServer(n = 10_000) {
  const { Store } = await import("gongwen/storage");
  const { Workbench } = await import(dist("server/workbench.js"));
  const { buildServer } = await import(dist("server/app.js"));
  const { hashPassword, startSession, SESSION_COOKIE } = await import(dist("server/auth.js"));
  const dir = mkdtempSync(join(tmpdir(), "gongwen-bench-server-"));
  try {
    const store = await Store.open(join(dir, "workbench.sqlite"));
    const t0 = performance.now();
    await store.createOffice(dataset(n), "bench");
    const importMs = performance.now() - t0;
    const token = "bench-token";
    const app = await buildServer({
      workbench: new Workbench(store, "bench"),
      token,
      today: () => "2026-12-01",
    });
    // A logged-in clerk: every request below goes through the session and access check.
    const userId = await store.accounts.createUser({
      officeId: (await store.offices())[0].id,
      username: "bench",
      displayName: "基准",
      roles: ["clerk"],
      passwordHash: await hashPassword("bench-password"),
    });
    const session = await startSession(store, await store.accounts.user(userId));
    const cookies = { [SESSION_COOKIE]: session.cookie };
    const worklist = await time(async () => {
      const r = await app.inject({ method: "GET", url: "/?asOf=2026-12-01", cookies });
      if (r.statusCode !== 200) throw new Error(`worklist ${r.statusCode}`);
    }, 15);
    const csrf = session.csrf;
    const register = await time(async (i) => {
      const body = new URLSearchParams({
        _csrf: csrf,
        id: `NEW2026-${i}`,
        "applicant.type": "natural-person",
        "applicant.name": "张某某",
        channel: "online",
        submitted: "2026-11-30",
        confirmed: "2026-11-30",
        content: "基准测试",
      }).toString();
      const r = await app.inject({
        method: "POST",
        url: "/applications",
        cookies,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: body,
      });
      if (r.statusCode !== 303) throw new Error(`register ${r.statusCode}: ${r.body.slice(0, 200)}`);
    }, 100);
    const letter = await time(
      async () => {
        const r = await app.inject({
          method: "GET",
          url: "/applications/2026/YSQ2026-00001/letters/receipt.pdf",
          cookies,
        });
        if (r.statusCode !== 200) throw new Error(`letter ${r.statusCode}`);
      },
      30,
      5,
    );
    await app.close();
    await store.close();
    return { open: n, importMs, worklist, register, letter };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: { open: { type: "string", default: "10000" }, json: { type: "boolean", default: false } },
  });
  const r = await benchServer(Number(values.open));
  if (values.json) process.stdout.write(JSON.stringify(r, null, 2) + "\n");
  else
    process.stdout.write(
      [
        `open applications: ${r.open} (loaded in ${r.importMs.toFixed(0)} ms); load average ${loadavg()
          .map((x) => x.toFixed(2))
          .join(" / ")}`,
        `worklist page (GET /): median ${r.worklist.medianMs.toFixed(1)} ms (CPU ${r.worklist.cpuMedianMs.toFixed(1)} ms), p95 ${r.worklist.p95Ms.toFixed(1)} ms (target ≤ 100 ms)`,
        `register an application (POST /applications): median ${r.register.medianMs.toFixed(1)} ms (CPU ${r.register.cpuMedianMs.toFixed(1)} ms), p95 ${r.register.p95Ms.toFixed(1)} ms (target ≤ 20 ms)`,
        `letter PDF, warm (GET …/receipt.pdf): median ${r.letter.medianMs.toFixed(1)} ms (CPU ${r.letter.cpuMedianMs.toFixed(1)} ms), p95 ${r.letter.p95Ms.toFixed(1)} ms (target ≤ 50 ms)`,
      ].join("\n") + "\n",
    );
}
