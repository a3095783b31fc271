/**
 * kill -9 between a letter's rename into place and its journal line: the file is there, but no
 * line says it was written. The crash point is made exactly: a batch is killed with SIGKILL half-way
 * (through the binary), then the journal line recording one letter's rename is cut off, as if the
 * kill had come just before it was appended. The next run (`letters --missing`) must recognise
 * that letter as written — from the intent journaled before the rename, checked against the
 * file's content — and skip it; a letter whose file there has other content (the rename never
 * happened; some other file has its name) is not recorded.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, problems, ROOT, runBinary, SAMPLE_2023, tempDir } from "./harness.js";

const work = tempDir("gongwen-crash-journal-");
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const letterFiles = (dir: string) => fs.readdirSync(dir).filter((f) => /^[^.].*\.(pdf|docx)$/.test(f));

async function killedHalfway(dir: string): Promise<void> {
  const child = spawn(process.execPath, [BIN, "letters", SAMPLE_2023, "--out", dir], {
    cwd: ROOT,
    env: { ...process.env, GONGWEN_LETTER_WORKERS: "1" },
    stdio: "ignore",
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  let finished = false;
  void exited.then(() => (finished = true));
  // Wait for the batch to be under way (the 8th of 190 files), then kill it.
  while (!finished && !(fs.existsSync(dir) && letterFiles(dir).length >= 8))
    await new Promise((r) => setTimeout(r, 20));
  expect(finished, "the batch ended before it could be killed").toBe(false);
  child.kill("SIGKILL");
  await exited;
}

describe("kill -9 between the rename and its journal line", () => {
  it("the next run records the file from the intent journaled before the rename; --missing skips it", async () => {
    const dir = path.join(work, "killed");
    await killedHalfway(dir);
    const journal = fs.readdirSync(dir).find((f) => /^\.manifest\.\d+-[0-9a-f]{16}\.journal$/.test(f));
    expect(journal).toBeDefined();
    const file = path.join(dir, journal!);
    const lines = fs
      .readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "");
    const recorded = lines
      .map((l, i) => ({ i, rec: JSON.parse(l) as { key?: string; intent?: boolean } }))
      // The run's base line has no key; each output's line has.
      .filter(
        (x): x is { i: number; rec: { key: string; intent?: boolean } } =>
          typeof x.rec.key === "string" && x.rec.intent !== true && fs.existsSync(path.join(dir, x.rec.key)),
      );
    expect(recorded.length).toBeGreaterThanOrEqual(4);
    // F: the last letter renamed into place loses its line (the kill came just before it).
    // G: an earlier one loses its line and its file has other content of the same size.
    const f = recorded.at(-1)!;
    const g = recorded[0]!;
    const fKey = f.rec.key;
    const gKey = g.rec.key;
    fs.writeFileSync(file, lines.filter((_, i) => i !== f.i && i !== g.i).join("\n") + "\n");
    const fBytes = fs.readFileSync(path.join(dir, fKey));
    const gPath = path.join(dir, gKey);
    const gBytes = fs.readFileSync(gPath);
    fs.writeFileSync(gPath, Buffer.from(gBytes).reverse());

    const id = fKey.replace(/-[a-z][a-z0-9-]*\.(pdf|docx)$/, "");
    const r = runBinary(["letters", SAMPLE_2023, "--out", dir, "--request", id, "--missing", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { files: { path: string }[]; skipped: string[] };
    expect(out.skipped).toContain(path.join(dir, fKey));
    expect(out.files.map((x) => x.path)).not.toContain(path.join(dir, fKey));
    expect(fs.readFileSync(path.join(dir, fKey)).equals(fBytes)).toBe(true);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as {
      outputs: Record<string, { sha256: string }>;
    };
    expect(manifest.outputs[fKey]?.sha256).toBe(sha256(fBytes));
    // G's file is not what the run wrote: not recorded (unless this run rewrote it).
    if (!out.files.some((x) => x.path === gPath)) expect(manifest.outputs[gKey]).toBeUndefined();
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".journal") || n.endsWith(".tmp"))).toEqual([]);
    expect(problems(r, dir).filter((p) => !p.includes(gKey))).toEqual([]);
  }, 180_000);
});
