/**
 * The same applications ledger as four real files — an .xlsx written by exceljs, an .xlsx saved
 * by LibreOffice Calc, a GBK CSV and a CSV with a byte-order mark — each imports to exactly the
 * same records, and the dataset file keeps its formatting outside the records that changed.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planImport } from "../../src/data/import/index.js";
import type { Application } from "../../src/data/types.js";
import { applicationsXlsx, fixture, fixtureText, gbk, libreOfficeXlsx, tempDir, utf8Bom } from "./ledgers.js";

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What the fixture ledger holds, as records (YSQ2014-001 already in the dataset: reply filled in). */
const EXPECTED: Application[] = [
  {
    id: "YSQ2014-001",
    applicant: { type: "natural-person", name: "钱某某", phone: "13900000001" },
    channel: "online",
    submitted: "2014-03-04",
    received: "2014-03-05",
    content: "2014年商务工作要点",
    reply: { date: "2014-03-20", type: "already-public" },
  },
  {
    id: "YSQ2013-088",
    carriedOver: true,
    applicant: { type: "natural-person", name: "赵某某" },
    channel: "in-person",
    submitted: "2013-12-27",
    received: "2013-12-27",
    content: "2013年外商投资企业名录",
    reply: { date: "2014-01-08", type: "disclosed" },
  },
  {
    id: "YSQ2014-002",
    applicant: { type: "commercial-enterprise", name: "示例贸易有限公司" },
    channel: "registered-post",
    submitted: "2014-04-01",
    received: "2014-04-01",
    content: "本公司2013年对外贸易经营者备案登记材料",
    reply: { date: "2014-04-10", type: "refused", reason: "state-secret" },
  },
  {
    id: "YSQ2014-003",
    applicant: { type: "natural-person", name: "孙某某" },
    channel: "fax",
    submitted: "2014-05-06",
    received: "2014-05-06",
    content: "某项目审批过程中的\n讨论记录",
    reply: { date: "2014-05-20", type: "partial", reason: "process-information" },
  },
  {
    id: "YSQ2014-004",
    applicant: { type: "natural-person", name: "周某某" },
    channel: "email",
    submitted: "2014-12-25",
    received: "2014-12-25",
    content: "2014年外资企业年报情况",
  },
];

function intoCopy(name: string): string {
  const into = path.join(dir, `${name}.json`);
  fs.copyFileSync(fixture("dataset-2014.json"), into);
  return into;
}

async function importFile(name: string, bytes: Buffer | string) {
  const ledger = path.join(dir, name);
  fs.writeFileSync(ledger, bytes);
  const into = intoCopy(name);
  const plan = await planImport({ ledger, into, lang: "zh" });
  expect(plan.text).not.toBeNull();
  const data = JSON.parse(plan.text!) as { disclosure: { applications: Application[] } };
  return { plan, applications: data.disclosure.applications, into };
}

describe("each real file imports to the same records", () => {
  it("an .xlsx written by exceljs (typed cells, formulas, rich text, merged title, notes sheet first)", async () => {
    const { plan, applications } = await importFile("exceljs.xlsx", await applicationsXlsx());
    expect(applications).toEqual(EXPECTED);
    expect(plan.format).toBe("xlsx");
    expect(plan.sheets).toEqual([
      expect.objectContaining({ index: 2, name: "2014年", headerRows: [2], records: 5 }),
    ]);
    expect(plan.counts).toEqual({ added: 4, filled: 1, changed: 0, unchanged: 0, kept: 0, skipped: 1 });
    expect(plan.warnings).toEqual([
      `${path.join(dir, "exceljs.xlsx")} 第2张表 M列“承办意见”：未识别的列，已略过（可在映射文件中指定）`,
    ]);
  });

  it("an .xlsx saved by LibreOffice Calc from the CSV", async () => {
    const csv = path.join(dir, "lo-source.csv");
    fs.writeFileSync(csv, fixtureText("applications.csv"));
    const { plan, applications } = await importFile("libreoffice.xlsx", libreOfficeXlsx(csv));
    expect(applications).toEqual(EXPECTED);
    expect(plan.format).toBe("xlsx");
    expect(plan.sheets.map((s) => s.headerRows)).toEqual([[2]]);
  });

  it("a CSV in GBK (Excel's CSV on a Chinese system)", async () => {
    const bytes = gbk(fixtureText("applications.csv"));
    // (really GBK: not valid UTF-8)
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const { plan, applications } = await importFile("gbk.csv", bytes);
    expect(applications).toEqual(EXPECTED);
    expect(plan.encoding).toBe("gb18030");
  });

  it("a CSV in UTF-8 with a byte-order mark (Excel's CSV UTF-8)", async () => {
    const { plan, applications } = await importFile("bom.csv", utf8Bom(fixtureText("applications.csv")));
    expect(applications).toEqual(EXPECTED);
    expect(plan.encoding).toBe("utf-8-bom");
  });

  it("a CSV in UTF-8 without a mark, and tab-separated UTF-16 (Excel's Unicode text)", async () => {
    const plain = await importFile("plain.csv", fixtureText("applications.csv"));
    expect(plain.applications).toEqual(EXPECTED);
    expect(plain.plan.encoding).toBe("utf-8");
    const { parse } = await import("csv-parse/sync");
    const rows = parse(fixtureText("applications.csv"), { relax_column_count: true }) as string[][];
    const tsv = rows.map((r) => r.map((c) => (c.includes("\n") ? `"${c}"` : c)).join("\t")).join("\r\n");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, "utf16le")]);
    const t = await importFile("unicode.txt", utf16);
    expect(t.applications).toEqual(EXPECTED);
    expect(t.plan.encoding).toBe("utf-16le");
  });
});

describe("the dataset file keeps its own formatting", () => {
  it("rewrites only the updated record and appends the new ones in the style of their neighbours", async () => {
    const { plan } = await importFile("format.csv", fixtureText("applications.csv"));
    const before = fixtureText("dataset-2014.json");
    const text = plan.text!;
    // Everything up to the updated record's last field, and after the list, is unchanged.
    const cut = before.indexOf('"content": "2014年商务工作要点"');
    expect(text.slice(0, cut)).toBe(before.slice(0, cut));
    const tail = before.slice(before.lastIndexOf("    ]\n  }\n}"));
    expect(text.endsWith(tail)).toBe(true);
    expect(text).toContain(
      [
        '        "content": "2014年商务工作要点",',
        '        "reply": { "date": "2014-03-20", "type": "already-public" }',
        "      },",
        "      {",
        '        "id": "YSQ2013-088",',
        '        "carriedOver": true,',
        '        "applicant": { "type": "natural-person", "name": "赵某某" },',
      ].join("\n"),
    );
  });

  it("adds case records one per line, like the existing ones", async () => {
    const ledger = path.join(dir, "cases.csv");
    fs.copyFileSync(fixture("cases.csv"), ledger);
    const into = intoCopy("cases");
    const plan = await planImport({ ledger, into, lang: "zh" });
    const before = fixtureText("dataset-2014.json");
    const last = '"completed": "2014-01-03", "sealUsed": true }';
    const at = before.indexOf(last) + last.length;
    expect(plan.text).toBe(
      before.slice(0, at) +
        [
          ",",
          '      { "id": "SP2014-002", "item": "foreign-trade-filing", "received": "2014-01-06", "accepted": "2014-01-06", "completed": "2014-01-07", "sealUsed": true },',
          '      { "id": "SP2014-003", "item": "fie-change", "received": "2014-02-10", "accepted": "2014-02-10", "completed": "2014-02-18", "sealUsed": true },',
          '      { "id": "SP2014-004", "item": "foreign-trade-filing", "received": "2014-12-30", "accepted": "2014-12-31", "sealUsed": true }',
        ].join("\n") +
        before.slice(at),
    );
    expect(plan.skipped).toEqual([
      { place: { file: ledger, row: 5 }, id: "SP2013-099", reason: "已于 2013-12-23 办结，不属于 2014 年度" },
    ]);
  });
});
