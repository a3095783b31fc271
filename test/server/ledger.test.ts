/**
 * A ledger of applications uploaded to the workbench (the CLI import's formats, through the
 * library's import): previewed row by row, problems by sheet/row/column with the CLI's own
 * messages, nothing saved on any error, confirmed in one transaction. Previews live in the
 * database: a restart between preview and confirm keeps them, a second server process on the
 * same database confirms them, each at most once; they expire.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { planImport, UserError } from "../../src/index.js";
import { Previews } from "../../src/server/previews.js";
import { OFFICE_FORM, serverOn, testServer, text, type TestServer } from "./helpers.js";
import { applicationsXlsx, xlsxOf } from "../import/ledgers.js";

const DATASET = readFileSync("test/fixtures/ledgers/dataset-2014.json", "utf8");
const CSV = readFileSync("test/fixtures/ledgers/applications.csv", "utf8");

let s: TestServer;
beforeEach(async () => {
  s = await testServer("2015-01-20", { file: true });
  expect((await s.post("/setup/office", OFFICE_FORM)).statusCode).toBe(303);
  expect((await s.post("/data/import", { text: DATASET, fileName: "2014.json" })).statusCode).toBe(303);
});
afterEach(async () => {
  await s.close();
});

async function state(on: TestServer = s) {
  const office = (await on.store.offices())[0]!;
  return {
    ids: (await on.store.applications(office.id, { year: 2014 })).map((a) => a.record.id),
    history: await on.store.historyCount(office.id),
  };
}

const upload = (bytes: Buffer | string, fileName = "申请台账.csv", on: TestServer = s) =>
  on.post("/applications/import", {
    year: "2014",
    fileName,
    data: Buffer.from(bytes).toString("base64"),
  });
const tokenOf = (html: string) => /name="token" value="([^"]+)"/.exec(html)![1]!;

/** What `gongwen import` says about the same ledger, its folder left out. */
async function cliMessages(bytes: Buffer | string, fileName: string): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "gongwen-cli-"));
  writeFileSync(join(dir, fileName), bytes);
  writeFileSync(join(dir, "data.json"), DATASET);
  try {
    await planImport({ ledger: join(dir, fileName), into: join(dir, "data.json"), lang: "zh", force: true });
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return e.details.map((d) => d.split(`${dir}/`).join(""));
  }
  throw new Error("the CLI import accepted it");
}

describe("an applications ledger", () => {
  it("is previewed row by row, nothing saved, then confirmed in one transaction", async () => {
    const before = await state();
    expect(before.ids).toEqual(["YSQ2014-001"]);
    const r = await upload(CSV);
    expect(r.statusCode).toBe(200);
    const t = text(r.body);
    expect(r.body).toContain('<strong id="import-added">4</strong>');
    expect(r.body).toContain('<strong id="import-changed">1</strong>');
    expect(t).toContain("台账：表头在第2行，读取5行");
    expect(t).toContain("H 答复日期 答复日期");
    expect(t).toContain("第3行 YSQ2013-088 当面提交，2013年12月27日收到，2013年外商投资企业名录 新增");
    expect(t).toContain(
      "第4行 YSQ2014-001 网络，2014年3月5日收到，2014年商务工作要点 修改 答复日期：填入 2014年3月20日 答复类型：填入 已主动公开",
    );
    // The row of the next year is skipped, said in Chinese dates; no codes on the page.
    expect(t).toContain("第8行（YSQ2015-001）：收到日期 2015年1月4日 晚于 2014 年度");
    expect(t).not.toMatch(/already-public|\d{4}-\d{2}-\d{2}/);
    expect(await state()).toEqual(before);

    const c = await s.post("/applications/import/confirm", { token: tokenOf(r.body) });
    expect(c.statusCode).toBe(303);
    expect(c.headers.location).toBe("/applications/import?year=2014&flash=4-1");
    expect(text((await s.get(c.headers.location as string)).body)).toContain(
      "已导入申请台账：新增4件，修改1件。",
    );
    const after = await state();
    expect(after.ids).toEqual(["YSQ2014-001", "YSQ2013-088", "YSQ2014-002", "YSQ2014-003", "YSQ2014-004"]);
    expect(after.history).toBeGreaterThan(before.history);
    const office = (await s.store.offices())[0]!;
    const updated = await s.store.application(office.id, 2014, "YSQ2014-001");
    expect(updated!.record.reply).toMatchObject({ date: "2014-03-20", type: "already-public" });
    expect(updated!.version).toBe(2);
    // The new application's timeline starts with the ledger, not with the year's load.
    const page = text((await s.get("/applications/2014/YSQ2014-004")).body);
    expect(page).toMatch(/办理记录 \d{4}年\d+月\d+日 \d\d:\d\d · 王管理 导入申请台账/);
    expect(page).not.toContain("随年度数据导入");
    // The open one is on the worklist with its deadline from the facts.
    expect(text((await s.get("/?asOf=2015-01-20")).body)).toContain("YSQ2014-004");
    // Confirmed once only.
    const again = await s.post("/applications/import/confirm", { token: tokenOf(r.body) });
    expect(again.statusCode).toBe(400);
    expect(text(again.body)).toContain("这次导入的预览已失效");
    expect(await state()).toEqual(after);
  });

  it("reads .xlsx as the CLI does", async () => {
    const r = await upload(await applicationsXlsx(), "申请台账.xlsx");
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<strong id="import-added">4</strong>');
    expect(text(r.body)).toMatch(/工作表“[^”]+”第3行 YSQ2013-088/);
  });

  it("a bad cell: named by sheet, row and column with the CLI's message, nothing saved", async () => {
    const before = await state();
    const bad = CSV.replace("2014.4.1,示例贸易", "2014年13月1日,示例贸易");
    const r = await upload(bad);
    expect(r.statusCode).toBe(400);
    const t = text(r.body);
    expect(t).toContain("未导入：台账有以下问题，未保存任何内容。");
    const cli = await cliMessages(bad, "申请台账.csv");
    expect(cli[0]).toMatch(/^申请台账\.csv 第5行 C列“收到申请日期”/);
    for (const m of cli) expect(t).toContain(m.replace(/\s+/g, " "));
    expect(t).not.toContain("gongwen-ledger-");
    expect(await state()).toEqual(before);

    const rows = CSV.split("\n")
      .slice(1, 4)
      .map((l) => l.split(","));
    rows[2]![2] = "2014年2月30日";
    const xlsx = await xlsxOf([
      { name: "说明", rows: [["本台账按月登记"]] },
      { name: "三月", rows },
    ]);
    const x = await upload(xlsx, "申请台账.xlsx");
    expect(x.statusCode).toBe(400);
    const xt = text(x.body);
    const xcli = await cliMessages(xlsx, "申请台账.xlsx");
    expect(xcli[0]).toMatch(/^申请台账\.xlsx 第2张表 第3行 C列“收到申请日期”/);
    for (const m of xcli) expect(xt).toContain(m.replace(/\s+/g, " "));
    expect(await state()).toEqual(before);
  });

  it("a workbook with two ledgers: the clerk names the sheet to import", async () => {
    const before = await state();
    const rows = CSV.split("\n")
      .slice(1, 4)
      .map((l) => l.split(","));
    const xlsx = await xlsxOf([
      { name: "一季度", rows },
      { name: "二季度", rows: [rows[0]!, rows[2]!] },
    ]);
    const both = await upload(xlsx, "申请台账.xlsx");
    expect(both.statusCode).toBe(400);
    const t = text(both.body);
    expect(t).toContain("有 2 张工作表像是台账（第1张表“一季度”、第2张表“二季度”）");
    expect(t).toContain("请在“工作表”一栏填写要导入的表");
    expect(t).not.toContain("--sheet");
    expect(await state()).toEqual(before);
    const one = await s.post("/applications/import", {
      year: "2014",
      fileName: "申请台账.xlsx",
      data: xlsx.toString("base64"),
      sheets: "二季度",
    });
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('<strong id="import-changed">1</strong>');
    expect(text(one.body)).toContain("工作表“二季度”：表头在第1行，读取1行");
    expect(text(one.body)).not.toContain("映射文件");
    const none = await s.post("/applications/import", {
      year: "2014",
      fileName: "申请台账.xlsx",
      data: xlsx.toString("base64"),
      sheets: "三季度",
    });
    expect(none.statusCode).toBe(400);
    expect(text(none.body)).toContain("没有名为“三季度”的工作表（有：1“一季度”、2“二季度”）");
    expect(await state()).toEqual(before);
  });

  it("a record the dataset's validation refuses after the merge: nothing saved", async () => {
    const before = await state();
    // A reply dated before the application was received.
    const r = await upload(CSV.replace("2014-05-20,部分公开", "2014-05-01,部分公开"));
    expect(r.statusCode).toBe(400);
    expect(text(r.body)).toMatch(/申请台账\.csv：导入后的数据有 \d+ 处错误，未保存/);
    expect(text(r.body)).toMatch(/申请台账\.csv 第6行/);
    expect(await state()).toEqual(before);
  });

  it("an application changed between preview and confirm: refused whole, nothing saved", async () => {
    const r = await upload(CSV);
    const office = (await s.store.offices())[0]!;
    const a = await s.store.application(office.id, 2014, "YSQ2014-001");
    const step = await s.post("/applications/2014/YSQ2014-001/steps/extension", {
      version: String(a!.version),
      "extension.approved": "2014-03-18",
      "extension.notified": "2014-03-18",
      "extension.days": "15", // the 2008 limit (Art. 24 ¶2)
    });
    expect(step.statusCode).toBe(303);
    const before = await state();
    const c = await s.post("/applications/import/confirm", { token: tokenOf(r.body) });
    expect(c.statusCode).toBe(409);
    expect(text(c.body)).toContain(
      "申请台账.csv：申请 YSQ2014-001 在读取台账后已被修改；未导入任何申请，请重新选择台账",
    );
    expect(await state()).toEqual(before);
  });

  it("refuses an upload without a file, of another kind, without CSRF, or of a year not stored", async () => {
    const before = await state();
    const none = await s.post("/applications/import", { year: "2014" });
    expect(none.statusCode).toBe(400);
    expect(text(none.body)).toContain("请选择要导入的台账文件");
    const pdf = await upload("x", "台账.pdf");
    expect(pdf.statusCode).toBe(400);
    expect(text(pdf.body)).toContain("台账.pdf：请选择 Excel（.xlsx）或 CSV 文件");
    const forged = await s.post(
      "/applications/import",
      { year: "2014", fileName: "a.csv", data: Buffer.from(CSV).toString("base64") },
      { csrf: null },
    );
    expect(forged.statusCode).toBe(403);
    const year = await s.post("/applications/import", {
      year: "1999",
      fileName: "a.csv",
      data: Buffer.from(CSV).toString("base64"),
    });
    expect(year.statusCode).toBe(404);
    expect(text(year.body)).toContain("没有1999年度的数据");
    expect((await s.post("/applications/import/confirm", { token: "nonsense" })).statusCode).toBe(400);
    // Without a session nothing answers: the page sends to the login, the post is refused.
    const page = await s.app.inject({ method: "GET", url: "/applications/import" });
    expect([page.statusCode, page.headers.location]).toEqual([303, "/login"]);
    const post = await s.app.inject({ method: "POST", url: "/applications/import/confirm" });
    expect(post.statusCode).toBe(401);
    expect(await state()).toEqual(before);
  });
});

describe("ledger previews are kept in the database", () => {
  it("survive a restart between preview and confirm", async () => {
    const first = await serverOn(s.target, "2015-01-20");
    const r = await upload(CSV, "申请台账.csv", first);
    expect(r.statusCode).toBe(200);
    await first.close();
    // The server restarted: a new process on the same database confirms it.
    const second = await serverOn(s.target, "2015-01-20");
    try {
      const c = await second.post("/applications/import/confirm", { token: tokenOf(r.body) });
      expect(c.statusCode).toBe(303);
      expect((await state(second)).ids).toHaveLength(5);
    } finally {
      await second.close();
    }
  });

  it("are shared by two server processes and confirmed once only", async () => {
    const other = await serverOn(s.target, "2015-01-20");
    try {
      const csv = [
        "办件编号,事项名称,收件日期,受理日期,办结日期,是否使用审批专用章",
        "SP2014-901,对外贸易经营者备案登记,2014/3/3,2014/3/3,2014/3/4,是",
      ].join("\n");
      const r = await s.post("/cases/import", {
        year: "2014",
        fileName: "办件台账.csv",
        data: Buffer.from(csv).toString("base64"),
      });
      expect(r.statusCode).toBe(200);
      const token = tokenOf(r.body);
      const [a, b] = await Promise.all([
        other.post("/cases/import/confirm", { token }),
        s.post("/cases/import/confirm", { token }),
      ]);
      // One confirms; the other finds the preview gone (400) or, when both read it before
      // either committed, taken inside its own transaction (409): either way nothing twice.
      const [won, lost] = a.statusCode === 303 ? [a, b] : [b, a];
      expect(won.statusCode).toBe(303);
      expect([400, 409]).toContain(lost.statusCode);
      expect(text(lost.body)).toMatch(/这次导入的预览已失效|这次导入已经确认过/);
      const office = (await s.store.offices())[0]!;
      expect((await s.store.cases(office.id, 2014)).map((c) => c.id)).toEqual(["SP2014-001", "SP2014-901"]);
    } finally {
      await other.close();
    }
  });

  it("expire", async () => {
    const office = (await s.store.offices())[0]!;
    let now = new Date("2026-12-01T08:00:00Z");
    const previews = new Previews(s.store, 60_000, () => now);
    const r = await upload(CSV);
    const kept = await s.wb.previews.get(office.id, tokenOf(r.body), "applications");
    expect(kept?.writes).toHaveLength(5);
    const token = await previews.put(office.id, kept!);
    expect((await previews.get(office.id, token, "applications"))?.file).toBe("申请台账.csv");
    // Not of another kind, nor of another office.
    expect(await previews.get(office.id, token, "approval-cases")).toBeNull();
    expect(await previews.get(office.id + 1, token, "applications")).toBeNull();
    now = new Date("2026-12-01T08:01:00Z");
    expect(await previews.get(office.id, token, "applications")).toBeNull();
    const rows = async () =>
      (await s.store.db.selectFrom("import_preview").select("token").execute()).map((x) => x.token);
    expect(await rows()).toContain(token);
    // Keeping a new preview removes the expired ones.
    await previews.put(office.id, kept!);
    expect(await rows()).not.toContain(token);
  });
});
