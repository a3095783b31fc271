/**
 * Running a measured child process for the benchmark: a Node script (with bench/usage-hook.mjs
 * preloaded, so CPU time of all its threads, peak RSS and an RSS timeline come back exactly), or
 * any command (wall time, and CPU time of its process tree through bash's `times` when bash is
 * there).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

const HOOK = pathToFileURL(fileURLToPath(new URL("./usage-hook.mjs", import.meta.url))).href;

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    const out = [];
    const err = [];
    child.stdout.on("data", (b) => out.push(b));
    child.stderr.on("data", (b) => err.push(b));
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve({
        code: code ?? (signal ? 128 : 1),
        wallMs: performance.now() - start,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      }),
    );
  });
}

/** Run `node <args>` measured: { code, wallMs, cpuMs, maxRssMb, samples: [[ms, rssBytes]…], stdout, stderr }. */
export async function runNode(args, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), "gongwen-bench-usage-"));
  const usageFile = join(dir, "usage.json");
  try {
    const r = await run(process.execPath, ["--import", HOOK, ...args], {
      ...options,
      env: { ...process.env, ...options.env, GONGWEN_BENCH_USAGE: usageFile },
    });
    const usage = existsSync(usageFile) ? JSON.parse(readFileSync(usageFile, "utf8")) : {};
    return { ...r, cpuMs: usage.cpuMs, maxRssMb: usage.maxRssMb, samples: usage.samples ?? [] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const hasBash = existsSync("/bin/bash");

/** Run a command measured: { code, wallMs, cpuMs (children's user+sys, when bash is there) }. */
export async function runCommand(command, args, options = {}) {
  if (!hasBash) return { ...(await run(command, args, options)), cpuMs: undefined };
  // `times` prints the shell's and then its children's user and system time.
  const quoted = [command, ...args].map((a) => `'${String(a).replace(/'/g, `'\\''`)}'`).join(" ");
  const r = await run("/bin/bash", ["-c", `${quoted} >/dev/null 2>&1; rc=$?; times; exit $rc`], options);
  const lines = r.stdout.trim().split("\n");
  const seconds = (s) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(s);
    return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  };
  const [user, sys] = (lines[lines.length - 1] ?? "").split(/\s+/).map(seconds);
  const cpuMs = Number.isFinite(user) && Number.isFinite(sys) ? (user + sys) * 1000 : undefined;
  return { ...r, cpuMs };
}

/** Median of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median and spread of repeated figures: { median, min, max, n } (undefined figures dropped). */
export function spread(xs) {
  const v = xs.filter((x) => typeof x === "number" && Number.isFinite(x));
  if (v.length === 0) return undefined;
  return { median: median(v), min: Math.min(...v), max: Math.max(...v), n: v.length };
}
