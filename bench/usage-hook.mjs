/**
 * Preloaded into a child process by the benchmark (`node --import <this file> …`): when
 * GONGWEN_BENCH_USAGE names a file, the process writes its own resource usage there on exit —
 * CPU time of every thread (worker threads included), peak RSS, and RSS sampled every 100 ms so
 * the runner can tell whether memory stays flat as a batch grows. Portable (no /proc, no `time`).
 */
import { writeFileSync } from "node:fs";
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
        // maxRSS is in kilobytes on every platform Node supports.
        maxRssMb: u.maxRSS / 1024,
        samples,
      }),
    );
  });
}
