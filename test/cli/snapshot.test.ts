/**
 * bin/gongwen starts from the start-up snapshot `npm run build` makes (scripts/build-snapshot.mjs)
 * and writes the same bytes as dist/cli/main.js: the year-end summary (DOCX, PDF) and a batch of
 * letters on two worker threads, the exit code and message of a usage error, --version. It falls
 * back to dist/cli/main.js when asked (GONGWEN_NO_SNAPSHOT), for serve/worker/db/digest, and when
 * the stamp names another Node binary or folder. Which path ran is read from `sh -x`'s trace of
 * the exec line: a one-document command runs gongwen-one.blob (built under V8 flags for a short
 * process), letters the default gongwen.blob.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnAsync } from "../helpers/spawn.js";
import { fixture, fixtureText, gbk } from "../import/ledgers.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "bin", "gongwen");
const MAIN = join(ROOT, "dist", "cli", "main.js");
const STAMP = join(ROOT, "dist", "snapshot", "gongwen.stamp");
const SAMPLE = join(ROOT, "samples", "2014-commerce-bureau.json");
const LETTERS = join(ROOT, "samples", "2023-district-bureau.json");
const dir = mkdtempSync(join(tmpdir(), "gongwen-snapshot-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs bin/gongwen under `sh -x`; `snapshot` tells whether it exec'd Node with the snapshot. */
async function bin(args: string[], env: Record<string, string> = {}, cwd = ROOT) {
  const r = await spawnAsync("sh", ["-x", BIN, ...args], { cwd, env: { ...process.env, ...env } });
  const exec = r.stderr.split("\n").filter((l) => l.startsWith("+ exec "));
  const blob = /--snapshot-blob \S*\/(gongwen[\w-]*\.blob)/.exec(exec.join("\n"))?.[1];
  return { ...r, snapshot: exec.some((l) => l.includes("--snapshot-blob")), ran: exec.length === 1, blob };
}
const plain = (args: string[], env: Record<string, string> = {}, cwd = ROOT) =>
  spawnAsync(process.execPath, [MAIN, ...args], { cwd, env: { ...process.env, ...env } });

function files(d: string): Map<string, Buffer> {
  return new Map(readdirSync(d).map((f) => [f, readFileSync(join(d, f))]));
}

describe("start-up snapshot", () => {
  it("the build made it for this Node binary and folder", () => {
    expect(existsSync(STAMP)).toBe(true);
    expect(
      readFileSync(STAMP, "utf8")
        .trim()
        .endsWith(` ${realpathSync(ROOT)}`),
    ).toBe(true);
  });

  it("render summary: the same DOCX and PDF as dist/cli/main.js", async () => {
    const a = join(dir, "summary-snapshot");
    const b = join(dir, "summary-plain");
    const args = ["render", "summary", SAMPLE, "--format", "docx,pdf", "--out"];
    const r = await bin([...args, a]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.snapshot).toBe(true);
    // One document: the snapshot built under the one-document V8 flags (a mismatch of the
    // flags between the build and bin/gongwen would fail to start, exit 14).
    expect(r.blob).toBe("gongwen-one.blob");
    expect((await plain([...args, b])).status).toBe(0);
    const fa = files(a);
    const fb = files(b);
    for (const f of ["summary.docx", "summary.pdf"]) expect(fa.get(f)?.equals(fb.get(f)!), f).toBe(true);
  });

  it("letters on two worker threads: the same files", async () => {
    const a = join(dir, "letters-snapshot");
    const b = join(dir, "letters-plain");
    const env = { GONGWEN_LETTER_WORKERS: "2" };
    const r = await bin(["letters", LETTERS, "--out", a], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.snapshot).toBe(true);
    expect(r.blob).toBe("gongwen.blob");
    expect((await plain(["letters", LETTERS, "--out", b], env)).status).toBe(0);
    const fa = files(a);
    const fb = files(b);
    expect([...fa.keys()].sort()).toEqual([...fb.keys()].sort());
    for (const [f, bytes] of fa) if (f !== "manifest.json") expect(bytes.equals(fb.get(f)!), f).toBe(true);
  });

  it("a GBK CSV import (iconv-lite is left out of the snapshot and loads when needed): the same dataset", async () => {
    const out: string[] = [];
    for (const [name, run] of [
      ["gbk-snapshot", (a: string[], cwd: string) => bin(a, {}, cwd)],
      ["gbk-plain", (a: string[], cwd: string) => plain(a, {}, cwd)],
    ] as const) {
      const d = join(dir, name);
      mkdirSync(d);
      writeFileSync(join(d, "ledger.csv"), gbk(fixtureText("applications.csv")));
      copyFileSync(fixture("dataset-2014.json"), join(d, "data.json"));
      const r = await run(["import", "ledger.csv", "--into", "data.json"], d);
      expect(r.status, r.stderr).toBe(0);
      if (name === "gbk-snapshot") expect((r as Awaited<ReturnType<typeof bin>>).snapshot).toBe(true);
      out.push(readFileSync(join(d, "data.json"), "utf8"));
    }
    expect(out[0]).not.toBe(readFileSync(fixture("dataset-2014.json"), "utf8"));
    expect(out[0]).toBe(out[1]);
  });

  it("--version, and a usage error's exit code and message", async () => {
    const v = await bin(["--version"]);
    expect(v.snapshot).toBe(true);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
    const bad = await bin(["--lang", "en", "render", "nope"]);
    const ref = await plain(["--lang", "en", "render", "nope"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(ref.stderr.trim());
  });

  it("falls back to dist/cli/main.js when asked, for the server commands, and on another or a stale stamp", async () => {
    const off = await bin(["--version"], { GONGWEN_NO_SNAPSHOT: "1" });
    expect(off.ran && !off.snapshot).toBe(true);
    const serve = await bin(["serve", "--help"]);
    expect(serve.status).toBe(0);
    expect(serve.ran && !serve.snapshot).toBe(true);
    // A copy of bin/ and a stamp naming another Node binary, next to the real dist/.
    const copy = join(dir, "copy");
    mkdirSync(join(copy, "bin"), { recursive: true });
    mkdirSync(join(copy, "dist", "snapshot"), { recursive: true });
    copyFileSync(BIN, join(copy, "bin", "gongwen"));
    symlinkSync(join(ROOT, "dist", "cli"), join(copy, "dist", "cli"));
    symlinkSync(
      join(ROOT, "dist", "snapshot", "gongwen.blob"),
      join(copy, "dist", "snapshot", "gongwen.blob"),
    );
    writeFileSync(join(copy, "dist", "snapshot", "gongwen.stamp"), readFileSync(STAMP, "utf8"));
    const other = await spawnAsync("sh", ["-x", join(copy, "bin", "gongwen"), "--version"], { cwd: ROOT });
    expect(other.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(other.stderr).not.toContain("--snapshot-blob");
    // The stamp rewritten for the copy's folder: used; with another dist/cli/main.js time (a
    // later tsc build, the snapshot holding older code): not used.
    const [node, size, main] = readFileSync(STAMP, "utf8").trim().split(" ");
    const run = async (mainTime: number) => {
      writeFileSync(
        join(copy, "dist", "snapshot", "gongwen.stamp"),
        `${node} ${size} ${mainTime} ${realpathSync(copy)}\n`,
      );
      return spawnAsync("sh", ["-x", join(copy, "bin", "gongwen"), "--version"], { cwd: ROOT });
    };
    expect((await run(Number(main))).stderr).toContain("--snapshot-blob");
    const stale = await run(Number(main) - 1);
    expect(stale.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(stale.stderr).not.toContain("--snapshot-blob");
  });
});
