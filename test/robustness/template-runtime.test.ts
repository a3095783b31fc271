/**
 * The template runtime against a hostile --templates folder: links out of the folder (a key, an
 * other office's dataset), FIFOs, lexical errors and NUL bytes, recursive and exponential
 * partials, else-if chains. Each ends with exit 2 and a message naming the template (with its
 * line where there is one) and the limit; nothing is read from outside the folder; the manifest
 * hashes what the reader reads.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TemplateEngine, TEMPLATE_LIMITS } from "../../src/compose/template-engine.js";
import { UserError } from "../../src/util/errors.js";
import { folderSha256 } from "../../src/render/manifest.js";
import { problems, runInProcess, SAMPLE_2014, SAMPLE_2023, tempDir } from "./harness.js";

const work = tempDir("gongwen-template-runtime-");
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const SECRET = path.join(work, "key.pem");
fs.writeFileSync(SECRET, "-----BEGIN PRIVATE KEY-----SECRET\n");
const BUILTIN = path.join(work, "builtin");
fs.mkdirSync(BUILTIN);

let n = 0;
/** A templates folder with `files` (name → text, or a function making the entry). */
function folder(files: Record<string, string | ((p: string) => void)>): string {
  const dir = path.join(work, `t${n++}`);
  for (const [name, v] of Object.entries(files)) {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    if (typeof v === "string") fs.writeFileSync(p, v);
    else v(p);
  }
  return dir;
}

function messageOf(dir: string, name = "doc"): string {
  try {
    new TemplateEngine(dir, "zh", BUILTIN).render(name, { year: 2014 });
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error("rendered");
}

const mkfifo = (p: string): void => {
  const r = spawnSync("mkfifo", [p]);
  if (r.status !== 0) throw new Error("mkfifo failed");
};
const hasMkfifo = spawnSync("mkfifo", ["--version"]).status === 0;

describe("only regular files inside the folder are read", () => {
  it("a partial linked to a file outside is refused, not printed", () => {
    const dir = folder({
      "doc.md.hbs": "{{> leak}}",
      "partials/leak.md.hbs": (p) => fs.symlinkSync(SECRET, p),
    });
    expect(messageOf(dir)).toBe(
      `无法读取模板 ${dir}/partials/leak.md.hbs：它是指向模板目录之外的链接，不予读取`,
    );
  });

  it("a template linked outside, and a relative link climbing out, are refused", () => {
    const a = folder({ "doc.md.hbs": (p) => fs.symlinkSync(SECRET, p) });
    expect(messageOf(a)).toContain("它是指向模板目录之外的链接");
    const b = folder({ "doc.md.hbs": (p) => fs.symlinkSync("../key.pem", p) });
    expect(messageOf(b)).toContain("它是指向模板目录之外的链接");
    const c = folder({ "partials/x": (p) => fs.symlinkSync(work, p), "doc.md.hbs": "{{> x/t0/doc}}" });
    expect(messageOf(c)).not.toContain("SECRET");
  });

  it("a link inside the folder is followed", () => {
    const dir = folder({
      "partials/real.md.hbs": "第{{year}}年",
      "partials/alias.md.hbs": (p) => fs.symlinkSync("real.md.hbs", p),
      "doc.md.hbs": "{{> alias}}",
    });
    expect(new TemplateEngine(dir, "zh", BUILTIN).render("doc", { year: 2014 }).markdown).toBe("第2014年");
  });

  it.runIf(hasMkfifo)("a FIFO as a template or partial is refused without waiting", () => {
    const a = folder({ "doc.md.hbs": mkfifo });
    expect(messageOf(a)).toBe(`无法读取 ${a}/doc.md.hbs：这是一个管道（FIFO），不是普通文件`);
    const b = folder({ "doc.md.hbs": "x", "partials/p.md.hbs": mkfifo });
    expect(messageOf(b)).toBe(`无法读取 ${b}/partials/p.md.hbs：这是一个管道（FIFO），不是普通文件`);
  });

  it("the manifest hashes what is read: a linked partial changes the hash", () => {
    const dir = folder({
      "partials/real.md.hbs": "A",
      "partials/alias.md.hbs": (p) => fs.symlinkSync("real.md.hbs", p),
    });
    const before = folderSha256(dir);
    fs.writeFileSync(path.join(dir, "partials/real.md.hbs"), "B");
    expect(folderSha256(dir)).not.toBe(before);
    const outside = folder({ "partials/x.md.hbs": (p) => fs.symlinkSync(SECRET, p) });
    const empty = folder({ keep: "" });
    fs.rmSync(path.join(empty, "keep"));
    expect(folderSha256(outside)).not.toBe(folderSha256(empty));
  });

  it("through the CLI: letters with a leaking partial end with exit 2 and no secret anywhere", async () => {
    const dir = folder({
      "letters/receipt.md.hbs": "{{> leak}}",
      "partials/leak.md.hbs": (p) => fs.symlinkSync(SECRET, p),
    });
    const out = path.join(work, "cli-out");
    const r = await runInProcess([
      "letters",
      SAMPLE_2023,
      "--out",
      out,
      "--templates",
      dir,
      "--request",
      "YSQ2023-001",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("leak.md.hbs：它是指向模板目录之外的链接");
    expect(problems(r, out)).toEqual([]);
    for (const f of fs.readdirSync(out))
      expect(fs.readFileSync(path.join(out, f), "latin1")).not.toContain("SECRET");
  });
});

describe("lexical errors", () => {
  it("an unclosed comment gives template:line", () => {
    const dir = folder({ "doc.md.hbs": "第一行\n{{!-- 未闭合\n" });
    expect(messageOf(dir)).toBe(
      `${dir}/doc.md.hbs:2：模板语法错误：无法识别的文字（是否有未闭合的注释 {{!-- 或 {{ 标记？）`,
    );
  });

  it("a NUL byte gives template:line", () => {
    const dir = folder({ "doc.md.hbs": "一\n二\n三\0" });
    expect(messageOf(dir)).toBe(`${dir}/doc.md.hbs:3：模板中有 NUL 字符（不是文本文件？）`);
  });

  it("a GBK template is refused like any other input", () => {
    const dir = folder({
      "doc.md.hbs": (p) => fs.writeFileSync(p, Buffer.from([0xb5, 0xda, 0x7b, 0x7b, 0x7d, 0x7d])),
    });
    expect(messageOf(dir)).toMatch(
      new RegExp(`^${dir}/doc\\.md\\.hbs：不是 UTF-8 编码的文本（看起来是 GBK/GB18030）`),
    );
  });
});

describe("template bombs", () => {
  it("a self-recursive partial stops at the depth limit, naming the partial", () => {
    const dir = folder({ "doc.md.hbs": "{{> loop}}", "partials/loop.md.hbs": "x{{> loop}}" });
    expect(messageOf(dir)).toBe(
      `${dir}/partials/loop.md.hbs：超出模板限制：局部模板嵌套超过 ${TEMPLATE_LIMITS.partialDepth} 层（局部模板是否调用自身？）`,
    );
  });

  it("an exponential tree of partials (3^14 calls) stops at the call limit", () => {
    const files: Record<string, string> = { "doc.md.hbs": "{{> p0}}", "partials/p14.md.hbs": "x" };
    for (let i = 0; i < 14; i++)
      files[`partials/p${i}.md.hbs`] = `{{> p${i + 1}}}{{> p${i + 1}}}{{> p${i + 1}}}`;
    const dir = folder(files);
    expect(messageOf(dir)).toMatch(
      new RegExp(
        `partials/p\\d+\\.md\\.hbs：超出模板限制：一次生成调用局部模板超过 ${TEMPLATE_LIMITS.partialCalls} 次$`,
      ),
    );
  });

  it("a doubling partial chain stops at the output limit", () => {
    const files: Record<string, string> = {
      "doc.md.hbs": "{{> d0}}",
      "partials/d26.md.hbs": "x".repeat(1024),
    };
    for (let i = 0; i < 26; i++) files[`partials/d${i}.md.hbs`] = `{{> d${i + 1}}}{{> d${i + 1}}}`;
    const dir = folder(files);
    expect(messageOf(dir)).toMatch(/partials\/d\d+\.md\.hbs：超出模板限制：输出超过 16M 字符$/);
  });

  it("a long else-if chain is refused before compiling", () => {
    const dir = folder({ "doc.md.hbs": "{{#if year}}a" + "{{else if year}}b".repeat(3000) + "{{/if}}" });
    expect(messageOf(dir)).toBe(
      `${dir}/doc.md.hbs：超出模板限制：块标记（{{#…}}、{{else…}}）共 3001 个，最多 ${TEMPLATE_LIMITS.blocks} 个`,
    );
  });

  it("the built-in templates render within the limits (render summary)", async () => {
    const out = path.join(work, "builtin-out");
    const r = await runInProcess(["render", "summary", SAMPLE_2014, "--out", out, "--format", "docx"]);
    expect(r.code).toBe(0);
  });
});
