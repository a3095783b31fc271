/**
 * Bad records: whatever a record holds, bad input gets exit 2 and a message at the file and
 * line:column of the value — a null application, a BOM and one bad record, dates in years the
 * holiday data and the regulations do not cover (0000–0099, 2006, 2101), approval totals that
 * contradict their parts, and letters that cannot be made (reported as validate reports).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Dataset } from "../../src/data/types.js";
import { problems, runInProcess, SAMPLE_2023, tempDir } from "./harness.js";

const work = tempDir("gongwen-bad-records-");
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const sample = () => JSON.parse(fs.readFileSync(SAMPLE_2023, "utf8")) as Dataset;
let n = 0;
function write(d: unknown, prefix = ""): string {
  const file = path.join(work, `d${++n}.json`);
  fs.writeFileSync(file, prefix + JSON.stringify(d, null, 2));
  return file;
}
/** 1-based line and column of the first `needle` after `after` in `file`. */
function pos(file: string, needle: string, after = ""): string {
  const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const i = text.indexOf(needle, after ? text.indexOf(after) : 0);
  expect(i).toBeGreaterThanOrEqual(0);
  return `第${text.slice(0, i).split("\n").length}行第${i - text.lastIndexOf("\n", i - 1)}列`;
}

describe("records that are not records", () => {
  it("a null application and a string: validate and letters exit 2 at the record, the rest is written", async () => {
    const d = sample();
    (d.disclosure.applications as unknown[])[3] = null;
    (d.disclosure.applications as unknown[])[4] = "YSQ";
    const file = write(d);
    const v = await runInProcess(["validate", file]);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain(`${file} ${pos(file, "null")} 申请第4项：应为对象 {…}，实际是空值`);
    const out = path.join(work, "null-letters");
    const l = await runInProcess(["letters", file, "--out", out, "--format", "docx", "--kind", "receipt"]);
    expect(l.code).toBe(2);
    expect(l.stderr).toContain(
      `${file} ${pos(file, "null")} applications[3]：（整条记录）：应为对象 {…}，实际是空值`,
    );
    expect(l.stderr).toContain(
      `${file} ${pos(file, '"YSQ"')} applications[4]：（整条记录）：应为对象 {…}，实际是文本 "YSQ"`,
    );
    expect(problems(l, out)).toEqual([]);
    expect(fs.readdirSync(out).filter((f) => f.endsWith(".docx"))).toHaveLength(42 - 2);
    const en = await runInProcess([
      "letters",
      file,
      "--out",
      out,
      "--kind",
      "receipt",
      "--missing",
      "--lang",
      "en",
    ]);
    expect(en.stderr).toContain(`applications[3]: (the record): should be an object {…}; found null\n`);
  });

  it("a BOM and one bad record: the one error at its line:column, no internal error", async () => {
    const d = sample();
    (d.disclosure.applications![0]!.reply as unknown as { type: number }).type = 7;
    const file = write(d, "\uFEFF");
    const v = await runInProcess(["validate", file]);
    expect(v.code).toBe(2);
    expect(v.stderr.trim().split("\n")).toEqual([
      `${file}：数据有 1 处错误`,
      `${file} ${pos(file, "7", '"type": 7')} 申请 YSQ2022-041 的答复类型：7 不是类型的可选值；可选：已主动公开、予以公开、部分公开、不予公开、无法提供、不予处理、其他处理、非本机关负责公开、法律、行政法规另有规定`,
    ]);
    const l = await runInProcess(["letters", file, "--out", path.join(work, "bom"), "--kind", "reply"]);
    expect(l.code).toBe(2);
    expect(l.stderr).toContain(`${file} ${pos(file, "7", '"type": 7')} YSQ2022-041：答复类型：`);
    expect(problems(l, path.join(work, "bom"))).toEqual([]);
  });
});

describe("dates outside the years covered", () => {
  it("years 0000–0099, 2006 and 2101 are refused at the field; a reply in 0023 is not taken as before its receipt", async () => {
    const d = sample();
    const apps = d.disclosure.applications!;
    apps[4]!.reply!.date = "0023-01-05";
    apps[5]!.submitted = "0000-01-01";
    apps[6]!.submitted = "2006-12-31";
    apps[6]!.carriedOver = true;
    apps[7]!.submitted = "2101-01-01";
    const file = write(d);
    const v = await runInProcess(["validate", file]);
    expect(v.code).toBe(2);
    const range = (y: string, v: string) =>
      `年份 ${y} 超出范围：日期应在 2007 年至 2100 年之间（节假日数据和政府信息公开条例从 2007 年起），实际为 "${v}"`;
    const lines = v.stderr.trim().split("\n");
    expect(lines).toContain(
      `${file} ${pos(file, '"0023-01-05"')} 申请 YSQ2023-002 的答复日期：${range("0023", "0023-01-05")}`,
    );
    expect(lines).toContain(
      `${file} ${pos(file, '"0000-01-01"')} 申请 YSQ2023-003 的提交日期：${range("0000", "0000-01-01")}`,
    );
    expect(lines).toContain(
      `${file} ${pos(file, '"2006-12-31"')} 申请 YSQ2023-004 的提交日期：${range("2006", "2006-12-31")}`,
    );
    expect(lines).toContain(
      `${file} ${pos(file, '"2101-01-01"')} 申请 YSQ2023-005 的提交日期：${range("2101", "2101-01-01")}`,
    );
    for (const kind of ["summary", "annual-report"]) {
      const r = await runInProcess(["render", kind, file, "--out", path.join(work, "years")]);
      expect(r.code).toBe(2);
      expect(problems(r, path.join(work, "years"))).toEqual([]);
    }
    const l = await runInProcess([
      "letters",
      file,
      "--out",
      path.join(work, "years-letters"),
      "--kind",
      "reply",
    ]);
    expect(l.code).toBe(2);
    expect(l.stderr).toContain(
      `${file} ${pos(file, '"0023-01-05"')} ${apps[4]!.id}：答复日期：年份 0023 超出范围`,
    );
    expect(problems(l, path.join(work, "years-letters"))).toEqual([]);
  });
});

describe("approval totals and their parts", () => {
  it("a total that its categories contradict (1 = 862 + 2315 + 57) is refused where it stands", async () => {
    const d = sample();
    d.approval!.totals!.completed = 1;
    const file = write(d);
    const v = await runInProcess(["validate", file]);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain(
      `${file} ${pos(file, "1", '"completed": 1')} 集中审批办结总数：合计数为 1，但各类办结数之和为 3234`,
    );
    const r = await runInProcess(["render", "summary", file, "--out", path.join(work, "totals")]);
    expect(r.code).toBe(2);
    expect(fs.existsSync(path.join(work, "totals", "summary.docx"))).toBe(false);
  });

  it("more overdue than completed is refused; an approximate total (3000余) may exceed its parts", async () => {
    const d = sample();
    d.approval!.totals!.overdue = 4000;
    const v = await runInProcess(["validate", write(d), "--lang", "en"]);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain(
      ":188:18 approval.totals.overdue: overdue 4000 is more than the 3234 cases completed",
    );
    const ok = sample();
    ok.approval!.totals!.completed = { value: 3000, qualifier: "余" };
    expect((await runInProcess(["validate", write(ok)])).code).toBe(0);
    ok.approval!.totals!.completed = { value: 4000, qualifier: "余" };
    expect((await runInProcess(["validate", write(ok)])).code).toBe(2);
  });
});

/** Position of the reply object of YSQ2023-011 (its "{"). */
function replyAt(file: string): string {
  const text = fs.readFileSync(file, "utf8");
  const i = text.indexOf('"reply": {', text.indexOf('"id": "YSQ2023-011"')) + '"reply": '.length;
  return `第${text.slice(0, i).split("\n").length}行第${i - text.lastIndexOf("\n", i - 1)}列`;
}

describe("letters that cannot be made", () => {
  it("are reported at the file and line:column of the field, as validate reports", async () => {
    const d = sample();
    const app = d.disclosure.applications!.find((a) => a.id === "YSQ2023-011")!;
    delete app.reply!.reason; // partial without the reason for the withheld part: found while writing
    const file = write(d);
    const l = await runInProcess([
      "letters",
      file,
      "--out",
      path.join(work, "letters"),
      "--kind",
      "reply",
      "--lang",
      "en",
    ]);
    expect(l.code).toBe(2);
    // The missing member is placed at the object that should hold it: the reply's "{".
    const [, line, column] = /第(\d+)行第(\d+)列/.exec(replyAt(file))!;
    expect(l.stderr).toContain(
      `${file}:${line}:${column} YSQ2023-011: reply.reason: a partial reply must give the reason for the withheld part: reply.reason is missing\n`,
    );
  });
});
