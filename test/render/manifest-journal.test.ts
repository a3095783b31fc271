/**
 * A run's journal (DIR/.manifest.PID-RANDOM.journal): the run's base once per thread, then one
 * short line per output (its key, sha256 and size), so a batch of 100,000 files journals
 * ≈25 MB rather than ≈140 MB; folded, every output has its whole entry. A journal an older
 * gongwen left (each line with its whole entry) is still folded.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  checkManifest,
  finishManifestRun,
  recordIntent,
  recordOutput,
  startManifestRun,
} from "../../src/render/manifest.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const S2014 = path.join(ROOT, "samples/2014-commerce-bureau.json");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gongwen-journal-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const manifestOf = (dir: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as {
    outputs: Record<string, Record<string, unknown>>;
  };
const journalsIn = (dir: string) => fs.readdirSync(dir).filter((n) => n.endsWith(".journal"));

function output(dir: string, name: string, text: string): { file: string; bytes: Buffer } {
  const file = path.join(dir, name);
  const bytes = Buffer.from(text);
  fs.writeFileSync(file, bytes);
  return { file, bytes };
}

describe("a run's journal", () => {
  it("holds the run's base once and a short line per output; folded, each output has its whole entry", () => {
    const dir = path.join(tmp, "compact");
    fs.mkdirSync(dir);
    const rec = startManifestRun(dir, {
      command: "letters",
      input: S2014,
      interpretations: { replyDeadlineDays: 20 },
    });
    const files = ["a-reply.pdf", "b-reply.pdf", "c-reply.pdf"].map((n, i) => output(dir, n, `letter ${i}`));
    for (const { file, bytes } of files) {
      recordIntent(rec, file, sha(bytes), bytes.length);
      recordOutput(rec, file, sha(bytes), bytes.length);
    }
    const [journal] = journalsIn(dir);
    const lines = fs
      .readFileSync(path.join(dir, journal!), "utf8")
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1 + 2 * files.length);
    expect(Object.keys(lines[0]!)).toEqual(["base"]);
    expect(lines[1]).toEqual({ key: "a-reply.pdf", sha256: sha(files[0]!.bytes), bytes: 8, intent: true });
    expect(lines[2]).toEqual({ key: "a-reply.pdf", sha256: sha(files[0]!.bytes), bytes: 8 });

    finishManifestRun(rec);
    expect(journalsIn(dir)).toEqual([]);
    const { outputs } = manifestOf(dir);
    expect(Object.keys(outputs)).toEqual(["a-reply.pdf", "b-reply.pdf", "c-reply.pdf"]);
    const entry = outputs["b-reply.pdf"]!;
    expect(entry.sha256).toBe(sha(files[1]!.bytes));
    expect(entry.bytes).toBe(8);
    expect(entry.command).toBe("letters");
    expect(entry.input).toEqual({ file: "2014-commerce-bureau.json", sha256: sha(fs.readFileSync(S2014)) });
    expect(entry.interpretations).toEqual({ replyDeadlineDays: 20 });
    expect(Object.keys(entry).sort()).toEqual([
      "bytes",
      "calendarData",
      "command",
      "gongwen",
      "input",
      "interpretations",
      "sha256",
      "templates",
    ]);
  });

  it("a journal an older gongwen left, each line with its whole entry, is folded by the next run", () => {
    const dir = path.join(tmp, "older");
    fs.mkdirSync(dir);
    const kept = output(dir, "a-reply.pdf", "written");
    const changed = output(dir, "b-reply.pdf", "replaced later");
    const entry = (bytes: Buffer) => ({
      sha256: sha(bytes),
      bytes: bytes.length,
      command: "letters",
      input: { file: "x.json", sha256: "0".repeat(64) },
      gongwen: "0.9.0",
      calendarData: "1".repeat(64),
      templates: { builtIn: "2".repeat(64) },
    });
    // A process id no process has (above Linux's largest): the run that left it does not run.
    const journal = path.join(dir, `.manifest.2147483646-${"ab".repeat(8)}.journal`);
    fs.writeFileSync(
      journal,
      [
        { key: "a-reply.pdf", entry: entry(kept.bytes) },
        { key: "b-reply.pdf", entry: entry(Buffer.from("what that run wrote")) },
      ]
        .map((l) => JSON.stringify(l) + "\n")
        .join(""),
    );
    expect([...checkManifest(dir)]).toEqual(["a-reply.pdf"]);
    expect(manifestOf(dir).outputs["a-reply.pdf"]).toEqual(entry(kept.bytes));
    expect(fs.existsSync(journal)).toBe(false);
    expect(fs.existsSync(changed.file)).toBe(true);
  });
});
