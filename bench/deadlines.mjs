/**
 * Benchmark: reply deadlines for 100,000 generated applications in one process (target ≤ 200 ms,
 * issue 3). Needs the build (`npx tsc -p tsconfig.build.json`). Run directly to print the time,
 * or import `benchDeadlines` from a bench runner.
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { computeDeadline, defaultCalendar, formatDay, daysFromCivil } from "gongwen";

/** Deterministic generated applications received 2008-05-01 .. 2026-10-31. */
export function generateApplications(n) {
  let seed = 20240101;
  const rand = (m) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % m;
  };
  const first = daysFromCivil(2008, 5, 1);
  const span = daysFromCivil(2026, 10, 31) - first;
  const apps = [];
  for (let i = 0; i < n; i++) {
    const r = first + rand(span);
    const app = { received: formatDay(r) };
    if (rand(10) === 0) app.extensionDays = 1 + rand(15);
    if (rand(8) === 0) app.correctionReceived = formatDay(r + 1 + rand(10));
    if (rand(6) === 0) {
      const from = r + 2 + rand(10);
      app.pauses = [{ from: formatDay(from), to: formatDay(from + rand(15)), kind: "third-party" }];
    }
    apps.push(app);
  }
  return apps;
}

/**
 * Compute every deadline (generation excluded). Returns wall-clock and CPU milliseconds: on a
 * busy machine the CPU time is the steadier figure.
 */
export function benchDeadlines(n = 100_000) {
  const apps = generateApplications(n);
  const calendar = defaultCalendar(); // built once, outside the timed loop
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  let check = 0;
  for (const app of apps) check += computeDeadline(app, { calendar }).pausedDays;
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { n, ms, cpuMs: (cpu.user + cpu.system) / 1000, check };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { n, ms, cpuMs } = benchDeadlines();
  console.log(
    `deadlines: ${n} applications in ${ms.toFixed(1)} ms (process cpu incl. GC threads ${cpuMs.toFixed(1)} ms)`,
  );
}
