/**
 * Safe concurrency and interruption, through the built binary: runs writing into one folder at
 * once lose no manifest entry (the manifest is read-merge-written under an exclusive lock
 * file); a batch killed with kill -9 leaves a journal of every file it renamed into place,
 * which the next run folds into the manifest, and `letters --missing` completes the batch;
 * SIGTERM records what was written before the process exits; temp files are cleaned.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, problems, ROOT, runBinary, SAMPLE_2023, tempDir } from "./harness.js";
import { withManifestLock } from "../../src/render/manifest.js";

const work = tempDir("gongwen-concurrency-");
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

interface Done {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(argv: string[]): { child: ReturnType<typeof spawn>; done: Promise<Done> } {
  const child = spawn(process.execPath, [BIN, ...argv], {
    cwd: ROOT,
    env: { ...process.env, GONGWEN_LETTER_WORKERS: "1" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
  const done = new Promise<Done>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

const visible = (dir: string) => fs.readdirSync(dir).filter((f) => !f.startsWith("."));
const outputsOf = (dir: string) =>
  Object.keys(
    (JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as { outputs: object }).outputs,
  ).sort();

/** Wait until `dir` holds at least `n` letters (the batch is under way). */
async function untilFiles(dir: string, n: number, run: Promise<Done>): Promise<boolean> {
  let finished = false;
  void run.then(() => (finished = true));
  while (!finished) {
    if (
      fs.existsSync(dir) &&
      visible(dir).filter((f) => f.endsWith(".pdf") || f.endsWith(".docx")).length >= n
    )
      return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

describe("concurrent runs into one folder", () => {
  it("four letters runs at once: the manifest lists every file written", async () => {
    const dir = path.join(work, "concurrent");
    const runs = ["reply", "receipt", "correction", "consultation"].map(
      (k) => start(["letters", SAMPLE_2023, "--out", dir, "--kind", k, "--format", "pdf"]).done,
    );
    for (const r of await Promise.all(runs)) expect(r.code, r.stderr).toBe(0);
    const files = visible(dir)
      .filter((f) => f !== "manifest.json" && f !== "doc-numbers.json")
      .sort();
    expect(files.length).toBeGreaterThan(40);
    expect(outputsOf(dir)).toEqual(files);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith("."))).toEqual([]);
  }, 120_000);

  it("the lock waits for its holder and is removed after; a lock of a dead process is taken over", () => {
    const dir = path.join(work, "lock");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, ".manifest.json.lock"), "999999999\n"); // no such process
    expect(
      withManifestLock(dir, "zh", () => fs.readFileSync(path.join(dir, ".manifest.json.lock"), "utf8")),
    ).toBe(`${process.pid}\n`);
    expect(fs.existsSync(path.join(dir, ".manifest.json.lock"))).toBe(false);
  });
});

describe("an interrupted batch", () => {
  it("kill -9: the next run records what was written and --missing completes the batch", async () => {
    const dir = path.join(work, "killed");
    const run = start(["letters", SAMPLE_2023, "--out", dir]);
    expect(await untilFiles(dir, 6, run.done)).toBe(true);
    run.child.kill("SIGKILL");
    expect((await run.done).signal).toBe("SIGKILL");
    // Files are there that no manifest.json lists yet: the journal holds them.
    expect(fs.readdirSync(dir).some((f) => /^\.manifest\.\d+-[0-9a-f]{16}\.journal$/.test(f))).toBe(true);
    const written = visible(dir).filter((f) => f !== "manifest.json" && f !== "doc-numbers.json");
    // A plain rerun refuses to overwrite, but records the killed run's files first.
    const again = runBinary(["letters", SAMPLE_2023, "--out", dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/文件已存在，如需覆盖请加 --force/);
    for (const f of written) expect(outputsOf(dir)).toContain(f);
    // --missing writes the rest and says what it skipped.
    const rest = runBinary(["letters", SAMPLE_2023, "--out", dir, "--missing"]);
    expect(rest.code, rest.stderr).toBe(0);
    expect(rest.stdout).toContain(`已跳过清单中已有的 ${written.length} 个文件（--missing）`);
    for (const f of written) expect(rest.stdout).not.toContain(`已写入 ${path.join(dir, f)}\n`);
    expect(problems(rest, dir)).toEqual([]);
    const all = visible(dir)
      .filter((f) => f !== "manifest.json" && f !== "doc-numbers.json")
      .sort();
    expect(all.length).toBe(190);
    expect(outputsOf(dir)).toEqual(all);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith("."))).toEqual([]);
    // Nothing missing any more: --missing writes nothing.
    const none = runBinary(["letters", SAMPLE_2023, "--out", dir, "--missing", "--json"]);
    expect(none.code).toBe(0);
    const json = JSON.parse(none.stdout) as { files: unknown[]; skipped: string[] };
    expect(json.files).toEqual([]);
    expect(json.skipped.length).toBe(190);
  }, 180_000);

  it("SIGTERM: the files written so far are in manifest.json when the process has exited", async () => {
    const dir = path.join(work, "terminated");
    const run = start(["letters", SAMPLE_2023, "--out", dir]);
    // Signalled after the 6th of 190 files: the batch is far from done, however loaded the
    // machine, and must stop within a letter (it ran on to exit 0 when the letters loop never
    // let the event loop turn, so the handler never ran).
    expect(await untilFiles(dir, 6, run.done)).toBe(true);
    run.child.kill("SIGTERM");
    const r = await run.done;
    expect(r.code, r.stderr).toBe(143);
    const files = visible(dir)
      .filter((f) => f !== "manifest.json" && f !== "doc-numbers.json")
      .sort();
    expect(files.length).toBeGreaterThanOrEqual(6);
    expect(files.length).toBeLessThan(190);
    expect(outputsOf(dir)).toEqual(files);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 120_000);
});
