import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { previousYear, SAMPLE_2023, sample2023Json } from "./fixtures.js";

const BIN = join(process.cwd(), "dist", "cli", "main.js");

function gongwen(...args: string[]) {
  const r = spawnSync("node", [BIN, ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("gongwen render annual-report", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "gongwen-ar-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes DOCX, PDF and XLSX for the 2023 sample", () => {
    const out = join(dir, "all");
    const r = gongwen("render", "annual-report", SAMPLE_2023, "--out", out, "--format", "docx,pdf,xlsx");
    expect(r.stderr).not.toContain("错误");
    expect(r.code).toBe(0);
    for (const ext of ["docx", "pdf", "xlsx"]) {
      expect(existsSync(join(out, `annual-report.${ext}`))).toBe(true);
      expect(r.stdout).toContain(join(out, `annual-report.${ext}`));
    }
    // Same input, same bytes.
    const again = join(dir, "again");
    expect(
      gongwen("render", "annual-report", SAMPLE_2023, "--out", again, "--format", "docx,xlsx").code,
    ).toBe(0);
    for (const ext of ["docx", "xlsx"]) {
      expect(
        readFileSync(join(again, `annual-report.${ext}`)).equals(
          readFileSync(join(out, `annual-report.${ext}`)),
        ),
      ).toBe(true);
    }
  });

  it("--previous: last year's 结转下年度 must be this year's 上年结转", () => {
    const prev = join(dir, "2022.json");
    writeFileSync(prev, JSON.stringify(previousYear()));
    const ok = gongwen(
      "render",
      "annual-report",
      SAMPLE_2023,
      "--out",
      join(dir, "prev-ok"),
      "--previous",
      prev,
    );
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);

    // Last year answered the company's request on 30 December: nothing of it carried over.
    const wrong = previousYear();
    wrong.disclosure.applications![1]!.reply = { date: "2022-12-30", type: "disclosed" };
    writeFileSync(prev, JSON.stringify(wrong));
    const out = join(dir, "prev-wrong");
    const bad = gongwen("render", "annual-report", SAMPLE_2023, "--out", out, "--previous", prev);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("年度报告的表格不符合勾稽关系（2 处），请核对数据：");
    expect(bad.stderr).toContain("表三 商业企业列：二（1）≠ 上年四（0）");
    expect(bad.stderr).toContain("表三 总计列：二（3）≠ 上年四（2）");
    expect(existsSync(out)).toBe(false);
  });

  it("--previous must be the year before", () => {
    const prev = join(dir, "2021.json");
    const older = previousYear();
    older.year = 2021;
    older.disclosure = { applications: [] };
    writeFileSync(prev, JSON.stringify(older));
    const r = gongwen("render", "annual-report", SAMPLE_2023, "--out", join(dir, "x"), "--previous", prev);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--previous 的数据年度为 2021，应为上一年度 2022");
  });

  it("refuses given totals that do not add up, naming every violated cell", () => {
    const ds = sample2023Json();
    delete ds.disclosure.applications;
    ds.disclosure.fees = { count: 0, amount: 0 };
    ds.disclosure.annualReportTable = {
      blankCells: "empty",
      requests: {
        newReceived: { total: 859 },
        carriedOver: { total: 18 },
        total: { total: 805 },
        carriedForward: { total: 70 },
      },
      reviews: {
        reconsideration: { total: 0 },
        litigationDirect: { total: 0 },
        litigationAfterReconsideration: { total: 0 },
      },
    };
    const file = join(dir, "given.json");
    writeFileSync(file, JSON.stringify(ds));
    const r = gongwen("render", "annual-report", file, "--out", join(dir, "given"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("表三 总计列：一（859）+ 二（18）= 877 ≠ （七）（805）+ 四（70）= 875");
    // In English, the same cells.
    const en = gongwen("render", "annual-report", file, "--out", join(dir, "given"), "--lang", "en");
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("表三 column 总计: 一 (859) + 二 (18) = 877 ≠ （七） (805) + 四 (70) = 875");
  });

  it("refuses a report whose fees and reviews the data cannot prove, with line:column, writing nothing", () => {
    const ds = sample2023Json();
    delete ds.disclosure.applications;
    delete ds.disclosure.fees;
    ds.disclosure.annualReportTable = {
      requests: {
        newReceived: { "natural-person": 3, total: 3 },
        total: { "natural-person": 3, total: 3 },
        disclosed: { "natural-person": 3, total: 3 },
      },
    };
    const file = join(dir, "unproven.json");
    const text = JSON.stringify(ds, null, 2) + "\n";
    writeFileSync(file, text);
    // A field that is absent is located at the value of the object it belongs in.
    const at = (prefix: string) => {
      const lines = text.split("\n");
      const i = lines.findIndex((l) => l.startsWith(prefix));
      return `第${i + 1}行第${prefix.length + 1}列`;
    };
    const out = join(dir, "unproven");
    const r = gongwen("render", "annual-report", file, "--out", out, "--format", "docx,pdf");
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        `${file}：生成政府信息公开工作年度报告还缺少 2 项`,
        `${file} ${at('  "disclosure": ')} 政务公开收费合计：没有申请记录，也没有收费数据，年度报告不能写收费情况；请填写本年收取的信息处理费（未收费的填 {"count": 0, "amount": 0}），或列出申请记录`,
        `${file} ${at('    "annualReportTable": ')} 政务公开：没有申请记录，也没有表四（行政复议、行政诉讼）的数据，年度报告不能写复议、诉讼情况；请填写表四（没有的各项填 0），或列出申请记录`,
        "",
      ].join("\n"),
    });
    // validate --for reports the same, before any render.
    const v = gongwen("validate", file, "--for", "annual-report");
    expect(v.code).toBe(2);
    expect(v.stderr).toContain(`${file} ${at('  "disclosure": ')} 政务公开收费合计：`);
    expect(existsSync(out)).toBe(false);
  });

  it("--format-version 2008 has no tables, so no XLSX", () => {
    const r = gongwen(
      "render",
      "annual-report",
      SAMPLE_2023,
      "--out",
      join(dir, "v2008"),
      "--format",
      "docx,xlsx",
      "--format-version",
      "2008",
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("2008年格式的年度报告没有统计表，不能输出 xlsx");
    const docx = gongwen(
      "render",
      "annual-report",
      SAMPLE_2023,
      "--out",
      join(dir, "v2008"),
      "--format-version",
      "2008",
    );
    expect(docx.code).toBe(0);
  });
});
