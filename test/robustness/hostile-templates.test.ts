/**
 * User templates (`--templates DIR`) cannot read files, reach prototypes or run code — through
 * the CLI, as a clerk would be handed a template folder: `render summary`, `render self-audit`
 * and `letters`. Each hostile template ends with exit 2 and a message naming the template (or,
 * for Markdown that merely looks like a file reference, a document that does not contain the
 * file); no code runs (a canary file is never created, Object.prototype stays clean), no stack
 * trace, no internal error, nothing half written. The compose tests cover the engine itself;
 * these cover what reaches it from the command line, including self-recursive partials and
 * absurdly nested templates (stack overflows would be internal errors).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  incompleteFile,
  problems,
  runBinary,
  runInProcess,
  SAMPLE_2014,
  SAMPLE_2023,
  tempDir,
} from "./harness.js";

const work = tempDir("gongwen-hostile-");
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const CANARY = path.join(work, "pwned");
const SECRET = path.join(work, "secret.txt");
fs.writeFileSync(SECRET, "TOP-SECRET-CONTENT\n");
const rel = path.relative(path.join(work, "x"), SECRET); // from a template folder next to it
const js = (code: string) => JSON.stringify(code);
const write = `require('fs').writeFileSync(${js(CANARY)}, 'x')`;

/** name → template text (for summary.md.hbs, or for a partial when `partial` is set). */
const HOSTILE: Record<string, string> = {
  "constructor-call": `{{constructor.constructor ${js(`return process.mainModule.${write}`)}}}`,
  "root-constructor": "{{@root.constructor.constructor}}",
  "each-proto": "{{#each this as |v k|}}{{v.__proto__.polluted}}{{/each}}",
  "with-proto": "{{#with __proto__}}{{polluted}}{{/with}}",
  "set-proto": '{{#with this}}{{this.__proto__.polluted "yes"}}{{/with}}',
  "lookup-constructor": '{{lookup this "constructor"}}',
  "helper-missing": `{{helperMissing ${js(write)}}}`,
  "block-helper-missing": "{{#blockHelperMissing this}}x{{/blockHelperMissing}}",
  "partial-absolute": `{{> ${SECRET}}}`,
  "partial-relative": `{{> ${rel}}}`,
  "partial-parent": "{{> ../../package}}",
  "partial-dynamic": "{{> (concat 'a' 'b')}}",
  log: "{{log 'x' level='error'}}",
  "inline-partial": "{{#*inline 'x'}}{{constructor}}{{/inline}}{{> x}}",
  "raw-block": "{{{{raw}}}}{{constructor}}{{{{/raw}}}}",
  "deep-blocks": "{{#if year}}".repeat(5000) + "x" + "{{/if}}".repeat(5000),
  "self-recursive": "{{> loop}}",
};

/** Markdown that looks like file references: allowed, but the file's content never appears. */
const LOOKALIKE: Record<string, string> = {
  image: `# 标题\n\n![x](${SECRET})\n`,
  html: `# 标题\n\n<img src="${SECRET}"><iframe src="file://${SECRET}"></iframe>\n`,
  link: `# 标题\n\n[密](file://${SECRET}) <file://${SECRET}>\n`,
  include: `# 标题\n\n@import "${SECRET}"\n\n{% include ${SECRET} %}\n`,
};

function templatesDir(name: string, text: string, file = "summary.md.hbs"): string {
  const dir = path.join(work, name);
  fs.mkdirSync(path.join(dir, "partials"), { recursive: true });
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
  // A partial that includes itself: recursion must end in a message, not a stack overflow.
  fs.writeFileSync(path.join(dir, "partials", "loop.md.hbs"), "x{{> loop}}");
  return dir;
}

function clean(): void {
  expect(fs.existsSync(CANARY)).toBe(false);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
}

describe("hostile templates through the CLI", () => {
  it.each(Object.entries(HOSTILE))("render summary --templates: %s is refused", async (name, text) => {
    const dir = templatesDir(name, text);
    const out = path.join(work, `${name}-out`);
    const r = await runInProcess(["render", "summary", SAMPLE_2014, "--out", out, "--templates", dir]);
    expect(problems(r, out)).toEqual([]);
    expect(r.code, r.stdout).toBe(2);
    expect(r.stderr).toMatch(/summary\.md\.hbs|loop\.md\.hbs/);
    expect(r.stderr).not.toContain("TOP-SECRET");
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
    clean();
  });

  it.each(Object.entries(LOOKALIKE))("Markdown %s stays text and reads no file", async (name, text) => {
    const dir = templatesDir(`look-${name}`, text);
    const out = path.join(work, `look-${name}-out`);
    const r = await runInProcess([
      "render",
      "summary",
      SAMPLE_2014,
      "--out",
      out,
      "--templates",
      dir,
      "--format",
      "docx",
    ]);
    expect(problems(r, out)).toEqual([]);
    expect(r.code, r.stderr).toBe(0);
    const docx = path.join(out, "summary.docx");
    expect(incompleteFile(docx)).toBeNull();
    const { unzipSync, strFromU8 } = await import("fflate");
    const parts = unzipSync(fs.readFileSync(docx));
    const all = Object.values(parts)
      .map((b) => strFromU8(b))
      .join("\n");
    expect(all).not.toContain("TOP-SECRET");
    expect(Object.keys(parts).filter((p) => p.startsWith("word/media"))).toEqual([]);
    clean();
  });

  it("render self-audit and letters with hostile templates: refused the same way", async () => {
    for (const [name, text] of Object.entries(HOSTILE).slice(0, 6)) {
      const sa = templatesDir(`sa-${name}`, text, "self-audit.md.hbs");
      const out = path.join(work, `sa-${name}-out`);
      const r = await runInProcess(["render", "self-audit", SAMPLE_2023, "--out", out, "--templates", sa]);
      expect(problems(r, out), name).toEqual([]);
      expect(r.code, name).toBe(2);
      expect(r.stderr).toContain("self-audit.md.hbs");

      const lt = templatesDir(`lt-${name}`, text, "letters/receipt.md.hbs");
      const lout = path.join(work, `lt-${name}-out`);
      const l = await runInProcess([
        "letters",
        SAMPLE_2023,
        "--out",
        lout,
        "--templates",
        lt,
        "--request",
        "YSQ2023-001",
        "--format",
        "pdf",
      ]);
      expect(problems(l, lout), name).toEqual([]);
      expect(l.code, name).toBe(2);
      expect(l.stderr).toContain("receipt.md.hbs");
      // The reply (its own template) is still written; the receipt is not.
      expect(fs.readdirSync(lout).sort()).toEqual([
        "YSQ2023-001-reply.pdf",
        "doc-numbers.json",
        "manifest.json",
      ]);
    }
    clean();
  }, 120_000);

  it("a fresh process running the code-execution attempt creates nothing and says why", () => {
    const dir = templatesDir("bin-constructor", HOSTILE["constructor-call"]!);
    const out = path.join(work, "bin-out");
    const r = runBinary(["render", "summary", SAMPLE_2014, "--out", out, "--templates", dir]);
    expect(problems(r, out)).toEqual([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${path.join(dir, "summary.md.hbs")}:1:1：constructor.constructor 不是辅助函数，不能带参数\n`,
    );
    clean();
  }, 60_000);
});
