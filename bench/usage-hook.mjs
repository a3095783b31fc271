/**
 * Preloaded into a child process by the benchmark (`node --import <this file> …`): when
 * GONGWEN_BENCH_USAGE names a file, the process writes its own resource usage there on exit —
 * CPU time of every thread (worker threads included), peak RSS, and RSS sampled every 100 ms so
 * the runner can tell whether memory stays flat as a batch grows. Portable (no /proc, no `time`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { setInterval } from "node:timers";
import { performance } from "node:perf_hooks";

const file = process.env.GONGWEN_BENCH_USAGE;
if (file) {
  const t0 = performance.now();
  const samples = [];
  const timer = setInterval(() => {
    samples.push([Math.round(performance.now() - t0), process.memoryUsage.rss()]);
  }, 100);
  timer.unref();
  process.on("exit", () => {
    const u = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({
        wallMs: performance.now() - t0,
        cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000,
        maxRssMb: peakRssKb(u.maxRSS) / 1024,
        samples,
      }),
    );
  });
}

/**
 * Peak RSS in kB. On Linux, getrusage's maxRSS of a process started by fork + exec can keep the
 * parent's size at the fork (the benchmark's own process is large by then); VmHWM belongs to the
 * new program's memory alone. Elsewhere, maxRSS (kB on every platform Node supports).
 */
function peakRssKb(maxRss) {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]);
  } catch {
    /* not Linux */
  }
  return maxRss;
}
