/**
 * `gongwen validate` and `gongwen init` through the built binary (npm test builds first; or run
 * `npx tsc -p tsconfig.build.json`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "gongwen-cli-data-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync("node", ["dist/cli/main.js", ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fx = (name: string) => `test/fixtures/invalid/${name}.json`;

describe("gongwen validate", () => {
  it("accepts both samples (exit 0) with a one-line digest", () => {
    expect(run("validate", "samples/2014-commerce-bureau.json")).toEqual({
      code: 0,
      stdout:
        "samples/2014-commerce-bureau.json：数据有效（2014 年度，审批办结 267 件，依申请公开申请 0 件）\n",
      stderr: "",
    });
    expect(run("validate", "samples/2023-district-bureau.json", "--lang", "en")).toEqual({
      code: 0,
      stdout:
        "samples/2023-district-bureau.json: valid (year 2023, 3234 approval cases completed, 42 disclosure requests)\n",
      stderr: "",
    });
  });

  it("lists every error with line:column, record and field by name, exit 2, no stack trace", () => {
    const f = fx("several-errors");
    expect(run("validate", f)).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        `${f}：数据有 3 处错误`,
        `${f} 第4行第13列 机关信息机关简称：缺少必填字段机关简称`,
        `${f} 第52行第21列 办件 C1 的收到日期：日期 2023-13-01 不存在`,
        `${f} 第100行第19列 申请 A1 的答复日期：答复日期2023年4月1日早于收到日期2023年4月3日`,
        "",
      ].join("\n"),
    });
  });

  it("speaks English with --lang en", () => {
    const f = fx("unknown-field-typo");
    expect(run("validate", f, "--lang", "en")).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        `${f}: 2 errors in the data`,
        `${f}:58:7 approval case C2 received: missing required field received`,
        `${f}:64:9 approval case C2 recieved: unknown field recieved; did you mean received?`,
        "",
      ].join("\n"),
    });
  });

  it("reports a JSON syntax error with line:column", () => {
    const f = fx("syntax-trailing-comma");
    expect(run("validate", f)).toEqual({
      code: 2,
      stdout: "",
      stderr: `${f}：数据有 1 处错误\n${f} 第17行第22列：JSON 语法错误：} 前多了一个逗号\n`,
    });
  });

  it("reports totals that disagree with records", () => {
    const f = fx("totals-disagree");
    const r = run("validate", f);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${f}：数据有 1 处错误\n${f} 第68行第20列 集中审批办结总数：合计数为 3，但办件记录中的本年办结数为 2\n`,
    );
  });

  it("--json prints { errors, normalised } on stdout (exit 2), errors [] when valid (exit 0)", () => {
    const f = fx("dangling-item");
    const r = run("validate", f, "--json");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout).errors).toEqual([
      {
        file: f,
        line: 60,
        column: 17,
        pointer: "/approval/cases/1/item",
        code: "dangling-reference",
        message: "找不到编号为 filling 的审批事项（已有：filing）",
      },
    ]);
    const ok = run("validate", "samples/2014-commerce-bureau.json", "--json");
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe("");
    expect(JSON.parse(ok.stdout)).toEqual({ errors: [], normalised: [] });
  });

  it("exits 2 for a missing file", () => {
    expect(run("validate", "no-such-file.json")).toEqual({
      code: 2,
      stdout: "",
      stderr: "无法读取 no-such-file.json：文件不存在\n",
    });
  });

  it("never prints applicant personal data", () => {
    const file = join(dir, "personal.json");
    const sample = readFileSync(resolve(ROOT, "samples/2023-district-bureau.json"), "utf8");
    // break the record of 王某某 (YSQ2022-041) in four ways
    writeFileSync(
      file,
      sample
        .replace('"submitted": "2022-12-08"', '"submitted": "2022-12-32"')
        .replace('"phone": "13800000001"', '"phone": 13800000001, "idNumbr": "110101199001011234"')
        .replace(
          '"address": "示例市青禾区示例路1号"',
          '"address": "示例市青禾区示例路1号", "postcode": "示例路1号"',
        ),
    );
    const r = run("validate", file);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n").slice(1, 5)).toEqual([
      `${file} 第125行第103列 申请 YSQ2022-041 的申请人邮政编码：邮政编码应为6位数字`,
      `${file} 第125行第121列 申请 YSQ2022-041 的申请人电话：应为文本（用双引号括起），实际是整数`,
      `${file} 第125行第134列 申请 YSQ2022-041 的申请人：未知字段 idNumbr，是否应为 idNumber？`,
      `${file} 第127行第22列 申请 YSQ2022-041 的提交日期：日期 2022-12-32 不存在`,
    ]);
    expect(r.stderr).not.toMatch(/王某某|示例路1号|13800000001|110101199001011234/);
  });
});

describe("gongwen init", () => {
  it("writes a minimal valid dataset with $schema, and never overwrites without --force", () => {
    const target = join(dir, "new-office");
    const file = join(target, "operations.json");
    const first = run("init", target, "--year", "2024");
    expect(first.code).toBe(0);
    expect(first.stderr).toBe("");
    const data = JSON.parse(readFileSync(file, "utf8"));
    expect(data.year).toBe(2024);
    expect(data.$schema).toMatch(/schemas\/operations\.schema\.json$/);
    expect(existsSync(resolve(target, data.$schema))).toBe(true);
    expect(data.disclosure).toEqual({ applications: [] });
    expect(run("validate", file).code).toBe(0);

    writeFileSync(file, "{}");
    expect(run("init", target, "--year", "2024")).toEqual({
      code: 2,
      stdout: "",
      stderr: `${file}：文件已存在，如需覆盖请加 --force\n`,
    });
    expect(readFileSync(file, "utf8")).toBe("{}");
    expect(run("init", target, "--year", "2024", "--force").code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).year).toBe(2024);
  });

  it("writes the same bytes for the same input", () => {
    const a = join(dir, "a");
    run("init", a, "--year", "2023");
    const first = readFileSync(join(a, "operations.json"));
    run("init", a, "--year", "2023", "--force");
    expect(readFileSync(join(a, "operations.json")).equals(first)).toBe(true);
  });

  it("rejects an impossible year", () => {
    const r = run("init", join(dir, "b"), "--year", "1999");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("年度应为 2007–2100 之间的整数：1999\n");
  });
});

describe("placeholders left from init", () => {
  it("validate accepts the skeleton but warns at every ×× still there, with line:column", () => {
    const d = join(dir, "placeholders");
    expect(run("init", d, "--year", "2025").code).toBe(0);
    const r = run("validate", join(d, "operations.json"));
    expect(r.code).toBe(0);
    const f = join(d, "operations.json");
    expect(r.stderr.split("\n")[0]).toBe(`警告：${f} 第5行第13列：仍是占位符“××市××局”，请换成本机关的信息`);
    expect(r.stderr.split("\n").filter((l) => l.startsWith("警告：")).length).toBe(13);
  });
});

describe("init writes what every document needs; validate --for finds what a render would miss", () => {
  it("the init skeleton passes validate --for every document", () => {
    const d = join(dir, "for-all");
    expect(run("init", d, "--year", "2025").code).toBe(0);
    const f = join(d, "operations.json");
    const r = run("validate", f, "--for", "annual-report,summary", "--for", "letters", "--for", "self-audit");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(1, 5)).toEqual([
      `${f}：可以生成政府信息公开工作年度报告`,
      `${f}：可以生成工作总结`,
      `${f}：可以生成依申请公开答复文书`,
      `${f}：可以生成考核自查报告`,
    ]);
  });

  it("lists every missing field with line:column before any render, and render refuses with the same line", () => {
    const d = join(dir, "for-missing");
    expect(run("init", d, "--year", "2025").code).toBe(0);
    const f = join(d, "operations.json");
    const data = JSON.parse(readFileSync(f, "utf8"));
    delete data.documents.summary;
    delete data.documents.annualReport;
    writeFileSync(f, JSON.stringify(data, null, 2) + "\n");
    const line =
      readFileSync(f, "utf8")
        .split("\n")
        .findIndex((l) => l.includes('"documents"')) + 1;
    const r = run("validate", f, "--for", "annual-report,summary,self-audit");
    expect(r.code).toBe(2);
    const errors = r.stderr.split("\n").filter((l) => !l.startsWith("警告："));
    expect(errors).toEqual([
      `${f}：生成政府信息公开工作年度报告、工作总结还缺少 2 项`,
      `${f} 第${line}行第16列 文件信息：缺少年度报告的成文日期（如 "2026-01-25"）`,
      `${f} 第${line}行第16列 文件信息：缺少工作总结的成文日期（如 "2026-01-23"）`,
      "",
    ]);
    const json = JSON.parse(run("validate", f, "--for", "summary", "--json").stdout);
    expect(json.errors).toEqual([
      {
        file: f,
        line,
        column: 16,
        pointer: "/documents/summary/date",
        code: "required",
        message: '缺少工作总结的成文日期（如 "2026-01-23"）',
        for: "summary",
      },
    ]);
    const out = join(d, "out");
    const rendered = run("render", "annual-report", f, "--out", out, "--format", "docx");
    expect(rendered).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        `${f}：生成政府信息公开工作年度报告还缺少 1 项`,
        `${f} 第${line}行第16列 文件信息：缺少年度报告的成文日期（如 "2026-01-25"）`,
        "",
      ].join("\n"),
    });
    expect(existsSync(out)).toBe(false);
    expect(run("validate", f, "--for", "annual-reprot").stderr).toBe(
      "--for 的取值 annual-reprot 无法识别，可选：summary、annual-report、self-audit、letters\n",
    );
  });

  it("--for letters reports a letter the letters command would set aside, with the same sentence", () => {
    const d = join(dir, "for-letters");
    expect(run("init", d, "--year", "2026").code).toBe(0);
    const f = join(d, "operations.json");
    const data = JSON.parse(readFileSync(f, "utf8"));
    // Received 28 December 2026: its deadline falls in 2027, a year without holiday data.
    data.disclosure.applications = [
      {
        id: "YSQ2026-001",
        applicant: { type: "natural-person", name: "张某" },
        channel: "in-person",
        submitted: "2026-12-28",
        content: "某文件",
      },
    ];
    writeFileSync(f, JSON.stringify(data, null, 2) + "\n");
    const r = run("validate", f, "--for", "letters");
    expect(r.code).toBe(2);
    const errors = r.stderr.split("\n").filter((l) => !l.startsWith("警告："));
    expect(errors[0]).toBe(`${f}：生成依申请公开答复文书还缺少 1 项`);
    // Why: the deadline runs into 2027, whose holiday notice is not in the calendar yet.
    const why =
      "无法计算答复期限：2027年的节假日数据缺失：日历中还没有国务院办公厅关于2027年部分节假日安排的通知";
    expect(errors[1]).toContain(` 申请 YSQ2026-001 的收到日期：YSQ2026-001：收到日期：${why}`);
    const letters = run("letters", f, "--out", join(d, "out"), "--format", "docx");
    expect(letters.stderr).toContain(`YSQ2026-001：收到日期：${why}`);
    // --json names the field by its key (the Chinese output by its name).
    const json = run("letters", f, "--out", join(d, "out-json"), "--format", "docx", "--json");
    const listed = (JSON.parse(json.stdout) as { errors: string[] }).errors;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain(`YSQ2026-001：received：${why}`);
    expect(listed[0]).not.toContain("收到日期");
  });
});
