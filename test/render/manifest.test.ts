/**
 * DIR/manifest.json: every output with its sha256, the input's hash, gongwen version, calendar
 * data and template versions; merged when several commands write into one folder; re-running
 * with the same input (fresh processes, another folder, or --force over the same one)
 * reproduces every hash and the manifest itself byte for byte; a manifest gongwen did not write
 * is not overwritten without --force. Through the built binary (npm test builds first).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { folderSha256, stableChunks, stableStringify } from "../../src/render/manifest.js";
import { spawnAsync } from "../helpers/spawn.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "dist/cli/main.js");
const S2014 = path.join(ROOT, "samples/2014-commerce-bureau.json");
const S2023 = path.join(ROOT, "samples/2023-district-bureau.json");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gongwen-manifest-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
/** The built binary, awaited (a run of these spawned one after another blocks a worker for a minute under load). */
async function gongwen(...argv: string[]) {
  const r = await spawnAsync(process.execPath, [BIN, ...argv], { cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("stableChunks (a big manifest written piece by piece)", () => {
  it("joins to exactly stableStringify's text", () => {
    const values: unknown[] = [
      { generator: "gongwen", outputs: {} },
      {
        outputs: {
          "b.pdf": {
            sha256: "x",
            bytes: 2,
            templates: { user: "u", builtIn: "b" },
            list: [1, { z: 1, a: [] }],
          },
          "a.docx": { bytes: 1, inputs: {}, skip: undefined, s: 'line\nbreak "q"' },
        },
        generator: "gongwen",
        gone: undefined,
        n: null,
      },
      [{ b: 1, a: 2 }],
      "text",
      42,
      {},
    ];
    for (const v of values) expect([...stableChunks(v)].join("")).toBe(stableStringify(v));
  });
});

interface Entry {
  sha256: string;
  bytes: number;
  command: string;
  input: { file: string; sha256: string };
  gongwen: string;
  calendarData: string;
  templates: { builtIn: string; user?: string };
  inputs?: Record<string, { file: string; sha256: string }>;
  redacted?: true;
}
const manifestOf = (dir: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as {
    generator: string;
    outputs: Record<string, Entry>;
  };

/** Summary (2014) and annual report (2023) into DIR, the replies of 2023 into DIR/letters. */
async function runAll(dir: string, ...extra: string[]) {
  const steps = [
    ["render", "summary", S2014, "--out", dir, "--format", "docx,pdf", ...extra],
    ["render", "annual-report", S2023, "--out", dir, "--format", "docx,pdf,xlsx", ...extra],
    ["letters", S2023, "--out", path.join(dir, "letters"), "--kind", "reply", "--merge", ...extra],
  ];
  for (const s of steps) {
    const r = await gongwen(...s);
    expect(r.stderr).not.toMatch(/内部错误|^\s+at /m);
    expect(r.code, r.stderr).toBe(0);
  }
}

describe("DIR/manifest.json", () => {
  const a = path.join(tmp, "a");
  const b = path.join(tmp, "b");

  it("lists every output of every command written into the folder, with what made it", async () => {
    await runAll(a);
    const m = manifestOf(a);
    expect(m.generator).toBe("gongwen");
    expect(Object.keys(m.outputs)).toEqual([
      "annual-report.docx",
      "annual-report.pdf",
      "annual-report.xlsx",
      "summary.docx",
      "summary.pdf",
    ]);
    const version = (
      JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }
    ).version;
    for (const [name, e] of Object.entries(m.outputs)) {
      const file = path.join(a, name);
      expect(e.sha256, name).toBe(sha256(file));
      expect(e.bytes, name).toBe(fs.statSync(file).size);
      expect(e.gongwen).toBe(version);
      expect(e.calendarData).toBe(folderSha256(path.join(ROOT, "data/holidays")));
      expect(e.templates).toEqual({ builtIn: folderSha256(path.join(ROOT, "templates")) });
    }
    expect(m.outputs["summary.pdf"]!.command).toBe("render summary");
    expect(m.outputs["summary.pdf"]!.input).toEqual({
      file: "2014-commerce-bureau.json",
      sha256: sha256(S2014),
    });
    expect(m.outputs["annual-report.xlsx"]!.command).toBe("render annual-report");
    expect(m.outputs["annual-report.xlsx"]!.input).toEqual({
      file: "2023-district-bureau.json",
      sha256: sha256(S2023),
    });
    // The letters folder has its own: every reply in both formats and the print file.
    const letters = manifestOf(path.join(a, "letters"));
    const names = Object.keys(letters.outputs);
    const replies = (
      JSON.parse(fs.readFileSync(S2023, "utf8")) as { disclosure: { applications: { reply?: unknown }[] } }
    ).disclosure.applications.filter((x) => x.reply).length;
    expect(names).toHaveLength(replies * 2 + 1);
    expect(names).toContain("letters-print.pdf");
    expect(names).toContain("YSQ2023-001-reply.docx");
    for (const [name, e] of Object.entries(letters.outputs)) {
      expect(e.sha256, name).toBe(sha256(path.join(a, "letters", name)));
      expect(e.command).toBe("letters");
    }
    // Sorted keys, no timestamps, no absolute paths.
    const text = fs.readFileSync(path.join(a, "manifest.json"), "utf8");
    expect(text).toBe(stableStringify(JSON.parse(text)));
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T|\d{2}:\d{2}:\d{2}/);
    expect(text).not.toContain(tmp);
    expect(text).not.toContain(ROOT);
  }, 180_000);

  it("re-running with the same input reproduces every hash and the manifests byte for byte", async () => {
    await runAll(b);
    for (const sub of ["", "letters"]) {
      expect(fs.readFileSync(path.join(b, sub, "manifest.json"), "utf8")).toBe(
        fs.readFileSync(path.join(a, sub, "manifest.json"), "utf8"),
      );
      for (const [name, e] of Object.entries(manifestOf(path.join(b, sub)).outputs))
        expect(sha256(path.join(b, sub, name)), name).toBe(e.sha256);
    }
    // Once more over the same folder with --force: nothing changes.
    const before = fs.readFileSync(path.join(a, "manifest.json"), "utf8");
    await runAll(a, "--force");
    expect(fs.readFileSync(path.join(a, "manifest.json"), "utf8")).toBe(before);
  }, 240_000);

  it("records --templates and --redact; a changed input changes the input hash", async () => {
    const dir = path.join(tmp, "c");
    const templates = path.join(tmp, "templates");
    fs.mkdirSync(templates);
    fs.writeFileSync(path.join(templates, "unused.md.hbs"), "# 无关模板\n");
    const changed = path.join(tmp, "2014-commerce-bureau.json");
    fs.writeFileSync(changed, fs.readFileSync(S2014, "utf8").replace(/\n$/, "") + " \n");
    const r = await gongwen("render", "summary", changed, "--out", dir, "--templates", templates, "--redact");
    expect(r.code, r.stderr).toBe(0);
    const e = manifestOf(dir).outputs["summary.docx"]!;
    expect(e.templates.user).toBe(folderSha256(templates));
    expect(e.redacted).toBe(true);
    expect(e.input).toEqual({ file: "2014-commerce-bureau.json", sha256: sha256(changed) });
    expect(e.input.sha256).not.toBe(sha256(S2014));
    // The summary holds no personal data: the same bytes with and without --redact.
    expect(e.sha256).toBe(manifestOf(a).outputs["summary.docx"]!.sha256);
  }, 60_000);

  it("a manifest.json gongwen did not write is kept unless --force, and nothing is written", async () => {
    const dir = path.join(tmp, "d");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "manifest.json"), '{"mine": true}\n');
    const r = await gongwen("render", "summary", S2014, "--out", dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${path.join(dir, "manifest.json")} 不是 gongwen 写的清单文件，如需覆盖请加 --force\n`,
    );
    expect(fs.readdirSync(dir)).toEqual(["manifest.json"]);
    expect(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")).toBe('{"mine": true}\n');
    const forced = await gongwen("render", "summary", S2014, "--out", dir, "--force");
    expect(forced.code, forced.stderr).toBe(0);
    expect(Object.keys(manifestOf(dir).outputs)).toEqual(["summary.docx"]);
  }, 60_000);

  it("a render that fails after its first output leaves that output recorded (journaled as it is placed)", async () => {
    // The PDF's font configuration is refused only when the PDF is made, after the DOCX is in
    // place: the DOCX must be in the manifest with its hash, and no journal or lock left behind.
    const dir = path.join(tmp, "half-done");
    const fonts = path.join(tmp, "bad-fonts.json");
    fs.writeFileSync(fonts, '{"faces": 3}');
    const r = await gongwen(
      "render",
      "summary",
      S2014,
      "--out",
      dir,
      "--format",
      "docx,pdf",
      "--font-config",
      fonts,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("字体配置文件不符合格式要求");
    expect(fs.readdirSync(dir).sort()).toEqual(["manifest.json", "summary.docx"]);
    const entry = manifestOf(dir).outputs["summary.docx"];
    expect(entry?.sha256).toBe(sha256(path.join(dir, "summary.docx")));
    expect(entry?.command).toBe("render summary");
  }, 60_000);
});
