/**
 * A mapping file for a layout gongwen does not recognise: checked against
 * schemas/import-mapping.schema.json with file, line and column; then the ledger reads with it.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planImport } from "../../src/data/import/index.js";
import { loadMapping } from "../../src/data/import/mapping.js";
import type { Application } from "../../src/data/types.js";
import { UserError } from "../../src/util/errors.js";
import { fixture, tempDir } from "./ledgers.js";

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

function errorOf(f: () => unknown): { message: string; details: string[] } {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return { message: e.message, details: e.details };
    throw e;
  }
  throw new Error("no error");
}

const ODD_LEDGER = [
  "来文登记簿,,,,,,,",
  "登记号,来文人,来文人身份,途径,收文日期,事由,处理结果,结果日期,经办人",
  "12,申请人甲,群众来信,来信,2014-07-01,某道路改造批复,同意提供,2014-07-15,张",
  "13,申请人乙,个体户,来访,2014-07-02,某项目环评,不予提供-属于国家秘密,2014-07-16,张",
].join("\n");

const MAPPING = {
  $schema: "../../schemas/import-mapping.schema.json",
  kind: "applications",
  headerRow: 2,
  idPrefix: "LW2014-",
  columns: {
    seq: "登记号",
    "applicant.name": "来文人",
    "applicant.type": { column: "C" },
    channel: "途径",
    received: "收文日期",
    content: "事由",
    "reply.type": "处理结果",
    "reply.date": "结果日期",
  },
  values: {
    applicantType: { 群众来信: "natural-person", 个体户: "commercial-enterprise" },
    channel: { 来信: "ordinary-post", 来访: "in-person" },
    replyType: { 同意提供: "disclosed", 不予提供: "refused" },
  },
  ignore: ["经办人"],
};

describe("a mapping file", () => {
  it("reads a ledger laid out any other way", async () => {
    const ledger = write("来文登记簿.csv", ODD_LEDGER);
    const mapping = write("map.json", JSON.stringify(MAPPING, null, 2));
    const into = path.join(dir, "data.json");
    fs.copyFileSync(fixture("dataset-2014.json"), into);
    const plan = await planImport({ ledger, into, mapping, lang: "zh" });
    expect(plan.warnings).toEqual([]);
    const apps = (JSON.parse(plan.text!) as { disclosure: { applications: Application[] } }).disclosure
      .applications;
    expect(apps.slice(1)).toEqual([
      {
        id: "LW2014-012",
        applicant: { type: "natural-person", name: "申请人甲" },
        channel: "ordinary-post",
        submitted: "2014-07-01",
        received: "2014-07-01",
        content: "某道路改造批复",
        reply: { date: "2014-07-15", type: "disclosed" },
      },
      {
        id: "LW2014-013",
        applicant: { type: "commercial-enterprise", name: "申请人乙" },
        channel: "in-person",
        submitted: "2014-07-02",
        received: "2014-07-02",
        content: "某项目环评",
        reply: { date: "2014-07-16", type: "refused", reason: "state-secret" },
      },
    ]);
  });

  it("reports every problem with line, column and pointer, suggesting the name meant", () => {
    const p = write(
      "bad-map.json",
      [
        "{",
        '  "kind": "application",',
        '  "headerRows": 2,',
        '  "columns": { "reply.dat": "结果日期", "content": { "column": "f" } },',
        '  "defaults": { "channel": "post" }',
        "}",
      ].join("\n"),
    );
    expect(errorOf(() => loadMapping(p, undefined))).toEqual({
      message: `映射文件 ${p} 有 5 处错误`,
      details: [
        `${p} 第2行第11列 /kind：取值 "application" 不可用，是否应为 applications？`,
        `${p} 第3行第3列 /headerRows：未知字段 headerRows，是否应为 headerRow？`,
        `${p} 第4行第16列 /columns/reply.dat：未知字段名 reply.dat，是否应为 reply.date？`,
        `${p} 第4行第60列 /columns/content/column：列应写作大写字母，如 D 或 AA`,
        `${p} 第5行第28列 /defaults/channel：取值 "post" 不可用，可用：in-person、registered-post、ordinary-post、online、fax、email`,
      ],
    });
  });

  it("rejects a field of the other kind of ledger, and JSON that does not parse", () => {
    const p = write("cases-map.json", '{ "kind": "approval-cases", "columns": { "content": "事由" } }');
    expect(errorOf(() => loadMapping(p, undefined)).details).toEqual([
      `${p} 第1行第53列 /columns/content：content 不是审批办件台账的字段`,
    ]);
    const q = write("syntax.json", '{ "kind": "applications", }');
    expect(errorOf(() => loadMapping(q, undefined)).message).toBe(
      `映射文件 ${q} 第1行第25列：JSON 语法错误：} 前多了一个逗号`,
    );
  });
});
