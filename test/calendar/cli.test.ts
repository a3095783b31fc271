/**
 * `gongwen deadline` and `gongwen fee` through the built binary (npm test builds first; or run
 * `npx tsc -p tsconfig.build.json`).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "gongwen-cli-calendar-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync("node", ["dist/cli/main.js", ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("gongwen deadline", () => {
  it("prints the due date", () => {
    expect(run("deadline", "--received", "2023-01-17")).toEqual({
      code: 0,
      stdout: "截止日期：2023年2月17日（《中华人民共和国政府信息公开条例》（2019年修订），20个工作日）\n",
      stderr: "",
    });
  });
  it("--json prints one object", () => {
    const r = run("deadline", "--received", "2023-01-17", "--json");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      JSON.stringify(
        {
          regime: "ogi-2019",
          received: "2023-01-17",
          start: "2023-01-17",
          due: "2023-02-17",
          baseDays: 20,
          extensionDays: 0,
          pausedDays: 0,
          dueWithoutExtension: "2023-02-17",
          correctionDue: "2023-01-31",
        },
        null,
        2,
      ) + "\n",
    );
  });
  it("--regime, --extension, --correction-received and repeated --pause", () => {
    const r = run(
      "deadline",
      "--received",
      "2023-03-01",
      "--regime",
      "ogi-2008",
      "--extension",
      "15",
      "--correction-received",
      "2023-03-03",
      "--pause",
      "2023-03-06..2023-03-07",
      "--pause",
      "2023-03-13..2023-03-13",
      "--json",
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      regime: "ogi-2008",
      received: "2023-03-01",
      start: "2023-03-03",
      due: "2023-04-20",
      baseDays: 15,
      extensionDays: 15,
      pausedDays: 3,
      dueWithoutExtension: "2023-03-29",
      correctionDue: null,
    });
  });
  it("--explain --json adds the trace and events", () => {
    const r = run("deadline", "--received", "2018-12-20", "--explain", "--json");
    const out = JSON.parse(r.stdout) as { trace: unknown[]; events: unknown[]; due: string };
    expect(out.due).toBe("2019-01-11");
    expect(out.trace).toHaveLength(23);
    expect(out.trace[9]).toEqual({ date: "2018-12-29", class: "makeup-workday", holidayName: "元旦", n: 7 });
    expect(out.events).toEqual([
      {
        date: "2018-12-20",
        kind: "received",
        note: "收到申请（适用《中华人民共和国政府信息公开条例》（2007年公布），答复期限15个工作日）",
      },
      { date: "2019-01-11", kind: "due", note: "截止日期（第15个工作日）" },
    ]);
  });
  it("--explain prints the summary and the table", () => {
    const r = run("deadline", "--received", "2018-12-20", "--explain");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "截止日期：2019年1月11日（《中华人民共和国政府信息公开条例》（2007年公布），15个工作日）",
      "",
      "| 日期 | 星期 | 类别 | 计数 | 说明 |",
      "|---|---|---|---|---|",
    ]);
    expect(lines).toContain("| 2018年12月31日 | 周一 | 节假日 |  | 元旦 |");
  });
  it("--calendar-override supplies 2027", () => {
    const file = new URL("../fixtures/calendar-override-2027.json", import.meta.url).pathname;
    const r = run("deadline", "--received", "2026-12-10", "--calendar-override", file);
    expect(r).toEqual({
      code: 0,
      stdout: "截止日期：2027年1月8日（《中华人民共和国政府信息公开条例》（2019年修订），20个工作日）\n",
      stderr: "",
    });
  });
  it("an unknown year: message naming it, exit 2, no stack", () => {
    expect(run("deadline", "--received", "2026-12-10")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        '2027年的节假日数据缺失：日历中还没有国务院办公厅关于2027年部分节假日安排的通知，跨入2027年的工作日无法计算。通知发布后，请把2027年的全部节假日和调休上班日写入日历覆盖文件，用 --calendar-override 文件名 指定，例如 {"years": [2027], "days": [{"date": "2027-01-01", "name": "元旦", "isOffDay": true}, …]}（格式见 schemas/README-calendar.md）\n',
    });
    expect(run("deadline", "--received", "2026-12-10", "--lang", "en").stderr).toBe(
      'No holiday data for 2027: the State Council\'s notice on the 2027 holidays is not in the calendar yet, so working days in 2027 cannot be counted. Once it is published, list all of 2027\'s holidays and make-up workdays in a calendar override file and pass it with --calendar-override FILE, e.g. {"years": [2027], "days": [{"date": "2027-01-01", "name": "元旦", "isOffDay": true}, …]} (format: schemas/README-calendar.md)\n',
    );
  });
  it("bad arguments exit 2 with a clear message", () => {
    expect(run("deadline", "--received", "2023-02-30")).toEqual({
      code: 2,
      stdout: "",
      stderr: "日期无效（--received）：2023-02-30，应为 YYYY-MM-DD 格式的真实日期\n",
    });
    expect(run("deadline", "--received", "2023-03-01", "--extension", "21").stderr).toBe(
      "延期21个工作日超过上限：《中华人民共和国政府信息公开条例》（2019年修订）规定最长延期20个工作日\n",
    );
    expect(run("deadline", "--received", "2023-03-01", "--extension", "x").stderr).toBe(
      "--extension 应为非负整数（工作日数）：x\n",
    );
    expect(run("deadline", "--received", "2023-03-01", "--pause", "2023-03-06").stderr).toBe(
      "--pause 应为 YYYY-MM-DD..YYYY-MM-DD：2023-03-06\n",
    );
    const noFile = run(
      "deadline",
      "--received",
      "2023-03-01",
      "--calendar-override",
      join(dir, "missing.json"),
    );
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toBe(`无法读取 ${join(dir, "missing.json")}：文件不存在\n`);
    for (const args of [["deadline"], ["deadline", "--received", "2023-03-01", "--regime", "ogi-2020"]]) {
      const r = run(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe("gongwen fee", () => {
  it("--per-request --json", () => {
    const r = run("fee", "--per-request", "11", "--json");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      JSON.stringify(
        {
          method: "per-request",
          quantity: 11,
          amount: 100,
          tiers: [
            { from: 1, to: 10, count: 10, rate: 0, subtotal: 0 },
            { from: 11, to: 11, count: 1, rate: 100, subtotal: 100 },
          ],
          basis: "国办函〔2020〕109号",
        },
        null,
        2,
      ) + "\n",
    );
  });
  it("--per-page plain", () => {
    expect(run("fee", "--per-page", "31")).toEqual({
      code: 0,
      stdout:
        "按量计收：31页，信息处理费合计10元（国办函〔2020〕109号）\n  第1–30页：30页 × 0元 = 0元\n  第31页：1页 × 10元 = 10元\n",
      stderr: "",
    });
  });
  it("exactly one method, a whole number", () => {
    const msg = "请指定 --per-request N 或 --per-page N 之一（二者只能选一种计费方式）\n";
    expect(run("fee")).toEqual({ code: 2, stdout: "", stderr: msg });
    expect(run("fee", "--per-request", "3", "--per-page", "3")).toEqual({ code: 2, stdout: "", stderr: msg });
    expect(run("fee", "--per-page", "-3")).toMatchObject({ code: 2 });
    expect(run("fee", "--per-page", "2.5")).toEqual({
      code: 2,
      stdout: "",
      stderr: "--per-page 应为非负整数：2.5\n",
    });
  });
});

describe("--calendar-override in every command that counts working days", () => {
  // A 2026 dataset: A6 received 2026-12-20 (deadline in 2027), A7 answered within 2026.
  const data = "test/fixtures/dataset-2026-december.json";
  const override = "test/fixtures/calendar-override-2027.json";

  it("letters: without 2027 the receipt is refused, saying why and how to add it; with it, written", () => {
    const without = run(
      "letters",
      data,
      "--out",
      join(dir, "l1"),
      "--format",
      "pdf",
      "--kind",
      "receipt",
      "--verbose",
    );
    expect(without.code).toBe(2);
    expect(without.stdout).toContain("A7-receipt.pdf");
    expect(without.stderr).toContain(
      "A6：收到日期：无法计算答复期限：2027年的节假日数据缺失：日历中还没有国务院办公厅关于2027年部分节假日安排的通知，",
    );
    expect(without.stderr).toContain("用 --calendar-override 文件名指定");
    const withIt = run(
      "letters",
      data,
      "--out",
      join(dir, "l2"),
      "--format",
      "pdf",
      "--kind",
      "receipt",
      "--calendar-override",
      override,
    );
    expect(withIt.code, withIt.stderr).toBe(0);
    const text = execFileSync("pdftotext", [join(dir, "l2", "A6-receipt.pdf"), "-"], { encoding: "utf8" });
    expect(text.replace(/\s+/g, "")).toContain("2027年1月18日");
  });

  it("audit: undeterminable without 2027 (a notice, not late); the due date with the override", () => {
    const without = run("audit", data, "--as-of", "2026-12-28");
    expect(without.code).toBe(0);
    expect(without.stdout).toContain(
      "申请 A6 于2026年12月20日收到，答复期限跨入2027年（日历中还没有该年的节假日安排，具体日期暂无法确定），本年度内不构成逾期",
    );
    expect(without.stdout).not.toMatch(/逾期\d+个工作日/);
    const withIt = run("audit", data, "--as-of", "2026-12-28", "--calendar-override", override);
    expect(withIt.stdout).toContain("A6  收到2026年12月20日，应于2027年1月18日前答复，还剩14个工作日");
  });

  it("render and serve take it too; a bad override file is bad input (exit 2)", () => {
    for (const args of [
      ["render", "summary", data, "--out", join(dir, "r")],
      ["serve", "--port", "0", "--database", join(dir, "wb.sqlite")],
    ]) {
      const r = run(...args, "--calendar-override", join(dir, "missing.json"));
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(join(dir, "missing.json"));
      expect(r.stderr).not.toContain("    at ");
    }
  });
});
