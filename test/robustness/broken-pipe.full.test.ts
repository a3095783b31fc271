/**
 * `gongwen … | head`: a reader that closes the pipe before the output is written. The CLI drops
 * the rest of its output quietly (no "write EPIPE" stack trace) and still ends with the exit code
 * of the command. The read end is closed before the child writes anything, so every write of the
 * child meets a closed pipe.
 */
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CLI = path.join(ROOT, "dist/cli/main.js");
const SAMPLE = path.join(ROOT, "samples/2023-district-bureau.json");

function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("output into a pipe that closes early", () => {
  for (const args of [
    ["audit", SAMPLE, "--format", "json"],
    ["validate", SAMPLE],
  ]) {
    it(`gongwen ${args.slice(0, 1).concat(args.slice(2)).join(" ")}: no stack trace, the command's own exit code`, async () => {
      const normal = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8" });
      expect(normal.stdout.length).toBeGreaterThan(0);
      const r = await runIntoClosedPipe(args);
      expect(r.stderr).not.toMatch(/EPIPE|node:events|\n\s+at /);
      expect(r.stderr).toBe(normal.stderr);
      expect(r.code).toBe(normal.status);
    });
  }
});
