/**
 * The Chinese outputs of every command on both samples name things in words: no rule id
 * (disclosure/reply-on-time), regime code (ogi-2019), JSON pointer into the dataset
 * (/disclosure/applications/32/…) or ISO date (2023-06-05: 2023年6月5日 for people) in what a
 * clerk reads — terminal text and the documents' text. The codes and the ISO dates stay in
 * --json (checked alongside). Through the built binary (npm run build).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { docxText } from "../helpers/docx.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "gongwen-codes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SAMPLES = ["samples/2014-commerce-bureau.json", "samples/2023-district-bureau.json"];
/**
 * A rule id, a regime code, a pointer into one of the dataset's sections, or a field key in
 * full-width brackets after its name (领导小组（disclosure.leadingGroup）).
 */
const CODE =
  /ogi-20\d\d|\b(?:approval|disclosure|annual-report)\/[a-z]+(?:-[a-z]+)*|\/(?:disclosure|approval|agency|documents|narrative)\/[A-Za-z0-9]|（[a-z][A-Za-z]*(?:\.[A-Za-z]+)*）/;
/** An ISO date (YYYY-MM-DD): data, not a date for people. */
const ISO_DATE = /(?<![0-9A-Za-z-])\d{4}-\d{2}-\d{2}(?![0-9])/;

/** The first internal code or ISO date in `text`, if any. */
function firstCode(text: string): string | undefined {
  return text.match(CODE)?.[0] ?? text.match(ISO_DATE)?.[0];
}

function run(...args: string[]): string {
  const r = spawnSync("node", ["dist/cli/main.js", ...args], { cwd: ROOT, encoding: "utf8" });
  return r.stdout + r.stderr;
}

function docxTexts(folder: string): string {
  return readdirSync(folder)
    .filter((f) => f.endsWith(".docx"))
    .map((f) => docxText(readFileSync(join(folder, f))))
    .join("\n");
}

describe("the scan itself", () => {
  it("finds a code or an ISO date, and passes ids, document numbers and Chinese dates", () => {
    expect(firstCode("应于2023-06-05前公开")).toBe("2023-06-05");
    expect(firstCode("| 2023-10-17 | 周二 |")).toBe("2023-10-17");
    expect(firstCode("适用 ogi-2019")).toBe("ogi-2019");
    expect(firstCode("数据未记载领导小组（disclosure.leadingGroup）")).toBe("（disclosure.leadingGroup）");
    expect(firstCode("年度数据文件（JSON）")).toBeUndefined();
    expect(
      firstCode("申请 YSQ2023-030 于2023年9月13日收到，〔2023〕4号，YSQ2023-001-答复书.pdf"),
    ).toBeUndefined();
  });
});

describe("no internal codes in the Chinese outputs", () => {
  it("validate, audit, deadline, fee, init: terminal text", () => {
    const outputs: [string, string][] = [];
    for (const s of SAMPLES) {
      outputs.push([`validate ${s}`, run("validate", s)]);
      outputs.push([`audit ${s}`, run("audit", s, "--as-of", "2024-03-01")]);
    }
    outputs.push(["deadline --explain", run("deadline", "--received", "2025-09-28", "--explain")]);
    outputs.push([
      "deadline 2008",
      run("deadline", "--received", "2019-01-10", "--extension", "10", "--explain"),
    ]);
    outputs.push(["deadline too long", run("deadline", "--received", "2025-09-28", "--extension", "30")]);
    outputs.push(["fee", run("fee", "--per-page", "150")]);
    outputs.push(["init", run("init", join(dir, "init"), "--year", "2025")]);
    for (const [what, text] of outputs) expect(firstCode(text), what).toBeUndefined();
    // The Chinese trace names its days in words.
    expect(outputs.find(([w]) => w === "deadline --explain")![1]).toContain("| 2025年9月28日 | 周日 |");
    // The same late reply in --json keeps its rule id, regime code, pointers and ISO dates.
    const json = run("audit", SAMPLES[1]!, "--format", "json");
    expect(json).toContain('"rule": "disclosure/reply-on-time"');
    expect(json).toContain('"regime": "ogi-2019"');
    expect(json).toContain('"pointer": "/disclosure/applications/32/signedFor"');
    expect(json).toContain('"received": "2023-09-13"');
    expect(json).toContain('"due": "2023-10-17"');
    const deadlineJson = JSON.parse(run("deadline", "--received", "2025-09-28", "--json")) as {
      due: string;
    };
    expect(deadlineJson.due).toBe("2025-10-31");
  });

  it("render self-audit, summary, annual-report and letters: the messages and the documents' text", () => {
    const outputs: [string, string][] = [];
    for (const [i, s] of SAMPLES.entries()) {
      const out = join(dir, `self-audit-${i}`);
      outputs.push([
        `render self-audit ${s}`,
        run("render", "self-audit", s, "--out", out, "--format", "docx"),
      ]);
      outputs.push([`self-audit.docx of ${s}`, docxTexts(out)]);
    }
    const summary = join(dir, "summary");
    outputs.push([
      "render summary",
      run("render", "summary", SAMPLES[0]!, "--out", summary, "--format", "docx"),
    ]);
    outputs.push(["summary.docx", docxTexts(summary)]);
    const report = join(dir, "report");
    outputs.push([
      "render annual-report",
      run("render", "annual-report", SAMPLES[1]!, "--out", report, "--format", "docx"),
    ]);
    outputs.push(["annual-report.docx", docxTexts(report)]);
    const letters = join(dir, "letters");
    outputs.push(["letters", run("letters", SAMPLES[1]!, "--out", letters, "--format", "docx")]);
    outputs.push(["letters' text", docxTexts(letters)]);
    for (const [what, text] of outputs) {
      expect(text.length, what).toBeGreaterThan(0);
      expect(firstCode(text), what).toBeUndefined();
    }
    // The self-audit names the late reply's evidence in words.
    expect(docxTexts(join(dir, "self-audit-1"))).toContain("申请 YSQ2023-030 的签收日期：2023年9月13日");
  });
});
