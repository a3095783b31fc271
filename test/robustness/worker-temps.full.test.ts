/**
 * (Slow: three batches through the binary, in npm run test:full.)
 * Letters on worker threads leave no temp file behind — neither when the batch ends nor when it
 * is interrupted (SIGTERM, SIGINT): a worker stopped mid-write cannot remove its own temp file,
 * and the next run's cleanup only takes files of processes that no longer run, so the process
 * itself must remove every `.NAME.gw-PID-….tmp` its threads made for the batch's files, once
 * they have stopped. A temp file a worker left half-written is simulated by planting one under
 * the name the process would use (its pid, a target of the batch) as soon as it starts; planted
 * temp files of another process, or for a file the batch does not write, are left alone.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, ROOT, SAMPLE_2023, tempDir } from "./harness.js";

const work = tempDir("gongwen-worker-temps-");
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

interface Done {
  code: number | null;
  stderr: string;
}

function start(argv: string[]): { child: ReturnType<typeof spawn>; done: Promise<Done> } {
  const child = spawn(process.execPath, [BIN, ...argv], {
    cwd: ROOT,
    env: { ...process.env, GONGWEN_LETTER_WORKERS: "2" },
  });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
  child.stdout!.resume();
  const done = new Promise<Done>((resolve) => child.on("exit", (code) => resolve({ code, stderr })));
  return { child, done };
}

const temp = (target: string, pid: number) => `.${target}.gw-${pid}-${randomBytes(12).toString("hex")}.tmp`;

/** Plant: a temp of this run for one of its letters, and two that are not its to remove. */
function plant(dir: string, pid: number, format: string): { ours: string; others: string[] } {
  fs.mkdirSync(dir, { recursive: true });
  const ours = temp(`YSQ2023-001-reply.${format}`, pid);
  // pid 1 runs (it is never stale); notes.pdf is no file of the batch.
  const others = [temp(`YSQ2023-001-reply.${format}`, 1), temp("notes.pdf", pid)];
  for (const name of [ours, ...others]) fs.writeFileSync(path.join(dir, name), "%PDF-1.7 half");
  return { ours, others };
}

const tempsIn = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"));

async function untilLetters(dir: string, n: number, run: Promise<Done>): Promise<boolean> {
  let finished = false;
  void run.then(() => (finished = true));
  while (!finished) {
    if (fs.readdirSync(dir).filter((f) => /\.(pdf|docx)$/.test(f)).length >= n) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

describe("temp files of a batch on worker threads", () => {
  it("are removed when the batch ends", async () => {
    const dir = path.join(work, "ended");
    const run = start(["letters", SAMPLE_2023, "--out", dir, "--format", "docx", "--kind", "reply"]);
    const { ours, others } = plant(dir, run.child.pid!, "docx");
    const r = await run.done;
    expect(r.code, r.stderr).toBe(0);
    expect(tempsIn(dir).sort()).toEqual([...others].sort());
    expect(tempsIn(dir)).not.toContain(ours);
  }, 120_000);

  it.each(["SIGTERM", "SIGINT"] as const)(
    "are removed when the batch is interrupted (%s), with the workers stopped first",
    async (signal) => {
      const dir = path.join(work, signal);
      const run = start(["letters", SAMPLE_2023, "--out", dir]);
      const { others } = plant(dir, run.child.pid!, "pdf");
      expect(await untilLetters(dir, 4, run.done)).toBe(true);
      run.child.kill(signal);
      const r = await run.done;
      expect(r.code, r.stderr).toBe(signal === "SIGTERM" ? 143 : 130);
      expect(r.stderr).not.toMatch(/内部错误|internal error|worker exited/);
      expect(tempsIn(dir).sort()).toEqual([...others].sort());
      // What was written is recorded (the manifest matches the files).
      const listed = Object.keys(
        (JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as { outputs: object }).outputs,
      ).sort();
      const letters = fs.readdirSync(dir).filter((f) => /^[^.].*\.(pdf|docx)$/.test(f));
      expect(listed).toEqual(letters.sort());
    },
    120_000,
  );
});
