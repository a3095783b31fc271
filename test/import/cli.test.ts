/**
 * `gongwen import` through the built binary (npm test builds first; or run
 * `npx tsc -p tsconfig.build.json`): exact messages for a bad ledger with the dataset file
 * untouched, --dry-run, --force for changed values, a second import that changes nothing,
 * a missing dataset, errors of the merged dataset, and no personal data in any message.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { fixture, run, sha256, tempDir, xlsxOf } from "./ledgers.js";

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const NAMES = ["钱某某", "赵某某", "孙某某", "周某某", "示例贸易有限公司", "13900000001"];

beforeEach(() => {
  fs.copyFileSync(fixture("dataset-2014.json"), path.join(dir, "data.json"));
  fs.copyFileSync(fixture("applications.csv"), path.join(dir, "applications.csv"));
  fs.copyFileSync(fixture("cases.csv"), path.join(dir, "cases.csv"));
});

const HEADER = [
  "申请编号",
  "申请人",
  "收到申请日期",
  "答复日期",
  "答复类型",
  "申请人类型",
  "申请方式",
  "申请内容",
];

/** 17 good rows (rows 2–18 of sheet 2), then the slips of the issue put in. */
function badLedgerRows(): unknown[][] {
  const rows: unknown[][] = [HEADER];
  for (let i = 1; i <= 17; i++) {
    const id = `YSQ2014-${String(100 + i)}`;
    rows.push([id, `申请人${i}号`, `2014/3/${i}`, `2014/4/${i}`, "予以公开", "自然人", "网络", `信息${i}`]);
  }
  rows[8]![0] = rows[4]![0]; // row 9 repeats the id of row 5
  rows[11]![4] = "同意公开了"; // row 12: no such reply type
  rows[16]![3] = "2014.13.5"; // row 17: month 13
  return rows;
}

describe("a bad ledger", () => {
  it("lists every error with file, sheet, row, column and header; exit 2; the dataset untouched", async () => {
    const ledger = path.join(dir, "台账.xlsx");
    fs.writeFileSync(
      ledger,
      await xlsxOf([
        { name: "说明", rows: [["本台账按收到申请的先后登记。"]] },
        { name: "台账", rows: badLedgerRows() },
      ]),
    );
    const before = sha256(path.join(dir, "data.json"));
    const r = run(dir, "import", "台账.xlsx", "--into", "data.json");
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        "台账.xlsx：台账有 3 处错误，未写入 data.json",
        "台账.xlsx 第2张表 第9行 A列“申请编号”：编号“YSQ2014-104”与第5行重复",
        "台账.xlsx 第2张表 第12行 E列“答复类型”：无法识别的答复类型“同意公开了”，可用：“已主动公开”“予以公开”“部分公开”“不予公开”“无法提供”“不予处理”“其他处理”“非本机关负责公开”“法律、行政法规另有规定”",
        "台账.xlsx 第2张表 第17行 D列“答复日期”：无法识别的日期“2014.13.5”",
        "",
      ].join("\n"),
    });
    expect(sha256(path.join(dir, "data.json"))).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("says the same in English with --lang en", async () => {
    const ledger = path.join(dir, "ledger.xlsx");
    fs.writeFileSync(ledger, await xlsxOf([{ name: "x", rows: badLedgerRows() }]));
    const r = run(dir, "import", "ledger.xlsx", "--into", "data.json", "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")).toEqual([
      "ledger.xlsx: 3 error(s) in the ledger; data.json not written",
      'ledger.xlsx sheet 1 row 9 column A "申请编号": id "YSQ2014-104" is also used in row 5',
      'ledger.xlsx sheet 1 row 12 column E "答复类型": unrecognised reply type "同意公开了"; accepted: 已主动公开, 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理, 非本机关负责公开, 法律、行政法规另有规定',
      'ledger.xlsx sheet 1 row 17 column D "答复日期": unrecognised date "2014.13.5"',
      "",
    ]);
  });

  it("never quotes an applicant's name, address or phone in a message", () => {
    // Every row has a problem in a personal column's neighbourhood: blank name, bad type, bad reason.
    const csv = [
      "申请编号,申请人,联系电话,申请人类型,申请方式,收到申请日期,申请内容,答复日期,答复类型,不予公开理由",
      "YSQ2014-201,,13900000001,自然人,当面,2014/5/1,信息甲,2014/5/9,不予公开,",
      "YSQ2014-202,钱某某,13900000001,群众甲,当面,2014/5/1,信息乙,2014/5/9,不予公开,重复申请",
      "YSQ2014-203,赵某某,13900000001,自然人,当面,2014/5/20,信息丙,2014/5/9,予以公开,",
    ].join("\n");
    fs.writeFileSync(path.join(dir, "p.csv"), csv);
    const r = run(dir, "import", "p.csv", "--into", "data.json");
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")).toEqual([
      "p.csv：台账有 4 处错误，未写入 data.json",
      "p.csv 第2行 B列“申请人”：申请人不能为空",
      "p.csv 第2行 J列“不予公开理由”：答复类型为“不予公开”，须写明理由，可用：“属于国家秘密”“其他法律行政法规禁止公开”“危及‘三安全一稳定’”“保护第三方合法权益”“属于三类内部事务信息”“属于四类过程性信息”“属于行政执法案卷”“属于行政查询事项”",
      "p.csv 第3行 D列“申请人类型”：无法识别的申请人类型“群众甲”，可用：“自然人”“商业企业”“科研机构”“社会公益组织”“法律服务机构”“其他”",
      "p.csv 第3行 J列“不予公开理由”：“重复申请”不是“不予公开”的理由，可用：“属于国家秘密”“其他法律行政法规禁止公开”“危及‘三安全一稳定’”“保护第三方合法权益”“属于三类内部事务信息”“属于四类过程性信息”“属于行政执法案卷”“属于行政查询事项”",
      "",
    ]);
    for (const n of NAMES) expect(r.stderr).not.toContain(n);
  });
});

describe("merging into the dataset", () => {
  it("--dry-run reports what would change and writes nothing", () => {
    const before = sha256(path.join(dir, "data.json"));
    const r = run(dir, "import", "applications.csv", "--into", "data.json", "--dry-run");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "applications.csv：表头第2行，读取 5 行（编码 utf-8）",
        "data.json 依申请公开申请：新增 4 件，补充 1 件，修改 0 件，未变 0 件；台账未列出的 0 件保持不变",
        "  新增：YSQ2013-088、YSQ2014-002、YSQ2014-003、YSQ2014-004",
        "  补充：YSQ2014-001（答复日期、答复类型）",
        "跳过 1 行（不属于本年度）：",
        "  applications.csv 第8行 YSQ2015-001：收到日期 2015-01-04 晚于 2014 年度",
        "预演（--dry-run）：未写入 data.json",
        "",
      ].join("\n"),
    );
    expect(r.stderr).toBe("警告：applications.csv M列“承办意见”：未识别的列，已略过（可在映射文件中指定）\n");
    expect(sha256(path.join(dir, "data.json"))).toBe(before);
  });

  it("writes the dataset in place without --force; a second import changes nothing and leaves the file alone", () => {
    const first = run(dir, "import", "applications.csv", "--into", "data.json");
    expect(first.code).toBe(0);
    expect(first.stdout.endsWith("已写入 data.json\n")).toBe(true);
    expect(run(dir, "validate", "data.json").code).toBe(0);
    const after = sha256(path.join(dir, "data.json"));
    const mtime = fs.statSync(path.join(dir, "data.json")).mtimeMs;
    const second = run(dir, "import", "applications.csv", "--into", "data.json");
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(
      "data.json 依申请公开申请：新增 0 件，补充 0 件，修改 0 件，未变 5 件；台账未列出的 0 件保持不变\n",
    );
    expect(second.stdout.endsWith("没有需要写入的变化，data.json 未改动\n")).toBe(true);
    expect(sha256(path.join(dir, "data.json"))).toBe(after);
    expect(fs.statSync(path.join(dir, "data.json")).mtimeMs).toBe(mtime);
  });

  it("refuses to change a value the dataset holds without --force, naming record and row; personal values hidden", () => {
    const csv = [
      "申请编号,申请人,申请人类型,申请方式,收到申请日期,申请内容",
      "YSQ2014-001,钱某甲,自然人,网络,2014/3/6,2014年商务工作要点",
    ].join("\n");
    fs.writeFileSync(path.join(dir, "change.csv"), csv);
    const before = sha256(path.join(dir, "data.json"));
    const r = run(dir, "import", "change.csv", "--into", "data.json");
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        "change.csv：1 件记录与 data.json 中已有的内容不同，未写入；如确认以台账为准，请加 --force",
        "change.csv 第2行（记录 YSQ2014-001）：数据文件中已有此记录，将修改：申请人姓名或名称有改动；收到日期 2014年3月5日 → 2014年3月6日",
        "",
      ].join("\n"),
    });
    expect(sha256(path.join(dir, "data.json"))).toBe(before);
    const forced = run(dir, "import", "change.csv", "--into", "data.json", "--force");
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(
      "  修改：YSQ2014-001（申请人姓名或名称有改动；收到日期 2014年3月5日 → 2014年3月6日）\n",
    );
    const data = JSON.parse(fs.readFileSync(path.join(dir, "data.json"), "utf8"));
    expect(data.disclosure.applications).toEqual([
      {
        id: "YSQ2014-001",
        applicant: { type: "natural-person", name: "钱某甲", phone: "13900000001" },
        channel: "online",
        submitted: "2014-03-04",
        received: "2014-03-06",
        content: "2014年商务工作要点",
      },
    ]);
  });

  it("reports errors of the merged dataset at the ledger row, and others at the dataset's line", () => {
    // Totals that the new cases contradict, and a reply dated before the receipt.
    const data = JSON.parse(fs.readFileSync(path.join(dir, "data.json"), "utf8"));
    data.approval.totals = { completed: 1 };
    fs.writeFileSync(path.join(dir, "data.json"), JSON.stringify(data, null, 2) + "\n");
    const before = sha256(path.join(dir, "data.json"));
    const r = run(dir, "import", "cases.csv", "--into", "data.json");
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")).toEqual([
      "cases.csv：导入后的数据有 1 处错误，未写入 data.json",
      "data.json 第70行第20列 集中审批办结总数：合计数为 1，但办件记录中的本年办结数为 3",
      "",
    ]);
    expect(sha256(path.join(dir, "data.json"))).toBe(before);

    fs.writeFileSync(
      path.join(dir, "late.csv"),
      "申请编号,申请人,申请人类型,申请方式,收到申请日期,申请内容,答复日期,答复类型\nYSQ2014-301,钱某某,自然人,当面,2014/6/10,信息,2014/6/2,予以公开\n",
    );
    const r2 = run(dir, "import", "late.csv", "--into", "data.json");
    expect(r2.stderr.split("\n")).toEqual([
      "late.csv：导入后的数据有 1 处错误，未写入 data.json",
      "late.csv 第2行（记录 YSQ2014-301）：答复日期2014年6月2日早于收到日期2014年6月10日",
      "",
    ]);
  });

  it("needs an existing dataset, and suggests gongwen init", () => {
    const r = run(dir, "import", "applications.csv", "--into", "new.json");
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "new.json：数据文件不存在；请先用 gongwen init 新建数据文件（填写本机关信息和年度），再导入台账\n",
    });
    expect(fs.existsSync(path.join(dir, "new.json"))).toBe(false);
  });

  it("prints the plan as JSON with --json", () => {
    const r = run(dir, "import", "cases.csv", "--into", "data.json", "--json", "--dry-run");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      ledger: "cases.csv",
      into: "data.json",
      kind: "approval-cases",
      format: "csv",
      counts: { added: 3, filled: 0, changed: 0, unchanged: 0, kept: 1, skipped: 1 },
      dryRun: true,
      written: false,
    });
    expect(out.sheets[0].columns).toEqual([
      { field: "id", column: "A", header: "办件编号" },
      { field: "item", column: "B", header: "事项名称" },
      { field: "received", column: "D", header: "收件日期" },
      { field: "accepted", column: "E", header: "受理日期" },
      { field: "completed", column: "F", header: "办结日期" },
      { field: "sealUsed", column: "G", header: "是否使用审批专用章" },
    ]);
    expect(out.text).toBeUndefined();
  });
});

describe("warnings that name the row: an ambiguous channel, a remark that changes a deadline", () => {
  it("信函 and a 征求第三方意见 remark are warnings with sheet, row and column", () => {
    fs.writeFileSync(
      path.join(dir, "letters.csv"),
      [
        "申请编号,申请人,收到申请日期,申请人类型,申请方式,申请内容,备注",
        "YSQ2014-201,钱某某,2014/3/5,自然人,信函,某文件,已征求第三方意见",
        "YSQ2014-202,赵某某,2014/3/6,自然人,挂号信,某文件,",
      ].join("\n"),
    );
    const r = run(dir, "import", "letters.csv", "--into", "data.json", "--dry-run");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "警告：letters.csv 第2行 E列“申请方式”：“信函”按平常信函读取（以与申请人确认之日为收到申请之日）；如为挂号信（以签收之日为收到申请之日），请改为“挂号信”\n" +
        "警告：letters.csv 第2行 G列“备注”：备注写有征求第三方意见，但台账中没有征求意见的记录：征求意见所需时间不计算在答复期限内，导入的数据不含这段时间，答复期限会偏短；请在数据文件中补记 consultations（发出和收到意见的日期）\n",
    );
    for (const n of NAMES) expect(r.stderr).not.toContain(n);
  });
});
