/**
 * `gongwen audit` through the built binary (npm test builds first; or run
 * `npx tsc -p tsconfig.build.json`): exit codes 0/1/2, --fail-on, --format json, --rules,
 * scheme errors with positions, colour only on a terminal without NO_COLOR.
 */
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { useColor } from "../../src/cli/commands/audit.js";
import { formatAuditText, loadScheme, runAudit } from "../../src/audit/index.js";
import { loadDataset } from "../../src/data/load.js";
import { BAD_SCHEME_TEXT, removeTempFiles, tempFile } from "./fixtures.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
afterAll(removeTempFiles);

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync("node", ["dist/cli/main.js", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const S2014 = "samples/2014-commerce-bureau.json";
const S2023 = "samples/2023-district-bureau.json";
const PER_CASE = "samples/assessment-per-case.json";
const ANSI = new RegExp(String.fromCharCode(27) + "\\[");

describe("gongwen audit: exit codes", () => {
  it("exit 0 with nothing to report (2014 sample, default scheme)", () => {
    const r = run("audit", S2014);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n").slice(0, 3)).toEqual([
      "考核自查：呼和浩特市商务局 2014年度",
      "考核方案：2014年集中审批服务和政府信息公开工作年度考核方案（samples/assessment-2014.json）",
      "得分：80 / 80（1 项无数据、不计分：满分 100 分按 80 分计）",
    ]);
    // No requests in 2014: nothing to judge, so no marks for replying on time.
    expect(r.stdout).toMatch(/\nB4 +依申请公开在法定时限内答复 +20 +无数据\n/);
    expect(r.stdout).toContain("  B4 依申请公开在法定时限内答复：无数据，不计分\n");
    expect(r.stdout).toContain("未发现问题。");
    expect(r.stdout).not.toMatch(ANSI);
  });

  it("exit 1 with an error finding (2023 sample): the table, the reasons and every finding with its evidence", () => {
    // Without --scheme, a 2023 dataset is scored by the scheme based on the 2019 regulation.
    const r = run("audit", S2023);
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n").slice(1, 3)).toEqual([
      "考核方案：政务服务和政务公开工作年度考核方案（依据2019年修订的政府信息公开条例）（samples/assessment-2019.json）",
      "得分：85 / 95（1 项无数据、不计分：满分 100 分按 95 分计）",
    ]);
    expect(r.stdout).toMatch(/\nB2 +每月25日按时以纸质和电子形式报送现行有效文件 +5 +无数据\n/);
    expect(r.stdout).toMatch(/\nB4 +依申请公开在法定时限内答复 +15 +5 +10\n/);
    // A fee by the national schedule costs nothing (ogi-2019 Art. 42); the late proactive item does.
    expect(r.stdout).toMatch(/\nB5 +依申请公开收费符合《政府信息公开信息处理费… +5 +0 +5\n/);
    expect(r.stdout).toMatch(/\nB8 +主动公开信息在形成或变更之日起20个工作日内… +5 +2 +3\n/);
    expect(r.stdout).toContain(
      "  B4 依申请公开在法定时限内答复：“依申请公开在法定期限内答复”1件×5分，计5分（问题 #1）",
    );
    expect(r.stdout).toContain(
      "  1. 错误 【依申请公开在法定期限内答复】申请 YSQ2023-030 于2023年9月13日收到，应于2023年10月17日前答复，实际于2023年10月19日答复，逾期2个工作日\n" +
        "       证据：申请 YSQ2023-030 的签收日期：2023年9月13日\n" +
        "       证据：申请 YSQ2023-030 的答复日期：2023年10月19日\n" +
        "       期限：截止日期：2023年10月17日（《中华人民共和国政府信息公开条例》（2019年修订），20个工作日）\n",
    );
    expect(r.stdout).toContain("       证据：申请 YSQ2023-030 的行政复议结果：结果纠正\n");
    // Rule ids, regime codes and JSON pointers only in --format json.
    expect(r.stdout).not.toMatch(/ogi-20\d\d|\b(approval|disclosure|annual-report)\/[a-z-]+|\/disclosure\//);
    expect(r.stdout).toContain("其中不计分（本方案无对应考核项）：#2");
    expect(r.stdout).toContain("合计：错误 2，警告 1，提示 1");
  });

  it("the 2014 scheme, named, still deducts for any fee (不收费) in a 2023 dataset", () => {
    const r = run("audit", S2023, "--scheme", "samples/assessment-2014.json");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("得分：75 / 90（1 项无数据、不计分：满分 100 分按 90 分计）");
    expect(r.stdout).toMatch(/\nB5 +依申请公开不收费 +10 +10 +0\n/);
    expect(r.stdout).toContain("合计：错误 3，警告 1，提示 0");
  });

  it("--fail-on warning: a warning alone fails; by default (error) it does not", () => {
    expect(run("audit", S2014, "--scheme", PER_CASE).code).toBe(0);
    const r = run("audit", S2014, "--scheme", PER_CASE, "--fail-on", "warning");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("得分：79 / 80，含加分2分（3 项无数据、不计分：满分 100 分按 80 分计）");
  });

  it("exit 2 for a bad scheme, every error with file, line:column and pointer, no stack trace", () => {
    const f = tempFile("bad-scheme.json", BAD_SCHEME_TEXT);
    const r = run("audit", S2023, "--scheme", f);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(`${f}：考核方案有 11 处错误`);
    expect(lines[1]).toBe(
      `${f} 第5行第5列 /rules/disclosure~1reply-on-tme：未知的审核规则 disclosure/reply-on-tme，是否应为 disclosure/reply-on-time？`,
    );
    expect(lines).toHaveLength(12);
    expect(r.stderr).not.toContain("    at ");
  });

  it("exit 2 for a bad dataset, or none given", () => {
    const bad = run("audit", "test/fixtures/invalid/missing-year.json", "--lang", "en");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("test/fixtures/invalid/missing-year.json: 1 error in the data");
    const none = run("audit");
    expect([none.code, none.stderr]).toEqual([2, "请指定数据文件：gongwen audit <data.json>\n"]);
  });
});

describe("gongwen audit: output", () => {
  it("--format json: every finding with evidence and trace, the criteria and the score", () => {
    const r = run("audit", S2023, "--scheme", PER_CASE, "--format", "json");
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect([j.score, j.base, j.bonus, j.total]).toEqual([91, 89, 2, 100]);
    expect(j.findings.map((f: { rule: string }) => f.rule)).toEqual([
      "disclosure/reply-on-time",
      "disclosure/no-fee",
      "disclosure/proactive-on-time",
      "disclosure/review-corrected",
    ]);
    expect(j.findings[0].deadline.due).toBe("2023-10-17");
    // The codes and pointers the text report names in words stay in the JSON.
    expect(j.findings[0].deadline.regime).toBe("ogi-2019");
    expect(j.findings[0].evidence[0].pointer).toBe("/disclosure/applications/32/signedFor");
    expect(j.findings[0].criteria).toEqual(["P3"]);
    expect(j.criteria.find((c: { id: string }) => c.id === "P3").lost).toBe(6);
    // No personal data: the applicant's name never appears.
    expect(r.stdout).not.toContain("罗某某");
  });

  it("--lang en", () => {
    const r = run("audit", S2023, "--lang", "en");
    expect(r.stdout).toContain("Score: 85 / 95 (1 criterion with no data not scored: out of 95 of 100)");
    expect(r.stdout).toContain("Total: 2 errors, 1 warnings, 1 info");
  });

  it("--rules lists every rule with its severity under the scheme and its source", () => {
    // Without a dataset: the shipped scheme for the current year's data (the 2019-based one).
    const r = run("audit", "--rules");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^approval\/three-concentrations +警告 +审批职能、场所、人员“三集中”\n/);
    expect(r.stdout).toMatch(/\ndisclosure\/no-fee +提示 +不收费\n/);
    const old = run("audit", "--rules", "--scheme", "samples/assessment-2014.json");
    expect(old.stdout).toMatch(/\ndisclosure\/no-fee +错误 +不收费\n/);
    expect(r.stdout).toContain(
      "依据：《中华人民共和国政府信息公开条例》第三十三条（国务院令第711号）；第二十四条（国务院令第492号）",
    );
  });
});

describe("colour", () => {
  const saved = { tty: process.stdout.isTTY, noColor: process.env.NO_COLOR };
  afterEach(() => {
    process.stdout.isTTY = saved.tty;
    if (saved.noColor === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = saved.noColor;
  });

  it("only on a terminal, and never with NO_COLOR set", () => {
    delete process.env.NO_COLOR;
    process.stdout.isTTY = true;
    expect(useColor()).toBe(true);
    process.env.NO_COLOR = "1";
    expect(useColor()).toBe(false);
    delete process.env.NO_COLOR;
    process.stdout.isTTY = false;
    expect(useColor()).toBe(false);
  });

  it("colours severities and lost points when asked", () => {
    const r = runAudit(loadDataset(join(ROOT, S2023)), { scheme: loadScheme(join(ROOT, PER_CASE)) });
    const text = formatAuditText(r, { lang: "zh", color: true });
    expect(text).toContain("\u001b[31m错误\u001b[0m");
    expect(text).toContain("\u001b[33m警告\u001b[0m");
    expect(formatAuditText(r, { lang: "zh", color: false })).not.toMatch(ANSI);
  });
});
