/**
 * Approval cases in the workbench: registered by form (the dataset's validation at the field),
 * or from a ledger through the library's import — previewed with its mapping, problems named by
 * row and column, nothing saved until confirmed, then saved in one transaction.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { OFFICE_FORM, testServer, text, type TestServer } from "./helpers.js";

let s: TestServer;
beforeEach(async () => {
  s = await testServer("2015-01-20");
  expect((await s.post("/setup/office", OFFICE_FORM)).statusCode).toBe(303);
  // A 2014 year with approval items and one case (SP2014-001), no given totals.
  const dataset = readFileSync("test/fixtures/ledgers/dataset-2014.json", "utf8");
  expect((await s.post("/data/import", { text: dataset, fileName: "2014.json" })).statusCode).toBe(303);
});
afterEach(async () => {
  await s.close();
});

async function state() {
  const office = (await s.store.offices())[0]!;
  return {
    cases: (await s.store.cases(office.id, 2014)).length,
    history: await s.store.historyCount(office.id),
  };
}

const HEADER = "办件编号,事项名称,申请单位,收件日期,受理日期,办结日期,是否使用审批专用章";
const GOOD = [
  HEADER,
  "SP2014-901,对外贸易经营者备案登记,示例进出口有限公司,2014/3/3,2014/3/3,2014/3/4,是",
  "SP2014-902,对外贸易经营者备案登记,示例商贸有限公司,2014/3/5,2014/3/5,2014/3/6,是",
].join("\n");
const BAD = [
  HEADER,
  "SP2014-901,对外贸易经营者备案登记,示例进出口有限公司,2014/3/3,2014/3/3,2014/3/4,是",
  "SP2014-902,对外贸易经营者备案登记,示例商贸有限公司,2014年13月5日,2014/3/5,2014/3/6,是",
].join("\n");

const upload = (csv: string, fileName = "办件台账.csv") =>
  s.post("/cases/import", { year: "2014", fileName, data: Buffer.from(csv, "utf8").toString("base64") });

describe("approval cases", () => {
  it("lists the year's cases with their standing", async () => {
    const r = await s.get("/cases?year=2014");
    expect(r.statusCode).toBe(200);
    const t = text(r.body);
    expect(t).toContain("办件（1件）");
    expect(t).toContain("SP2014-001 对外贸易经营者备案登记 2014年1月2日 2014年1月2日 2014年1月3日 是");
    expect(t).toContain("按时办结");
    expect(t).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect((await s.get("/cases?year=1999")).statusCode).toBe(404);
  });

  it("an application imported with the year starts its timeline with the import", async () => {
    const t = text((await s.get("/applications/2014/YSQ2014-001")).body);
    expect(t).toMatch(/办理记录 \d{4}年\d+月\d+日 \d\d:\d\d · 王管理 随年度数据导入/);
  });

  it("a ledger with a bad row: the row and column named, nothing saved", async () => {
    const before = await state();
    const r = await upload(BAD);
    expect(r.statusCode).toBe(400);
    const t = text(r.body);
    expect(t).toContain("未导入：台账有以下问题，未保存任何内容。");
    expect(t).toMatch(/办件台账\.csv 第3行 D列“收件日期”/);
    // The temporary folder the server used is never named.
    expect(t).not.toContain("gongwen-ledger-");
    expect(await state()).toEqual(before);
  });

  it("a good ledger: previewed with its mapping, saved only when confirmed, once", async () => {
    const before = await state();
    const r = await upload(GOOD);
    expect(r.statusCode).toBe(200);
    const t = text(r.body);
    expect(r.body).toContain('<strong id="import-added">2</strong>');
    expect(t).toContain("尚未保存，请核对后确认");
    expect(t).toMatch(/D 收件日期 收到日期/);
    expect(t).toContain("第2行 SP2014-901 对外贸易经营者备案登记，收件2014年3月3日，办结2014年3月4日 新增");
    expect(await state()).toEqual(before);
    const token = /name="token" value="([^"]+)"/.exec(r.body)![1]!;
    const c = await s.post("/cases/import/confirm", { token });
    expect(c.statusCode).toBe(303);
    expect(c.headers.location).toBe("/cases?year=2014&flash=2-0");
    const after = await state();
    expect(after.cases).toBe(before.cases + 2);
    expect(after.history).toBe(before.history + 2);
    // The same preview cannot be confirmed twice; the same ledger again has nothing new.
    expect((await s.post("/cases/import/confirm", { token })).statusCode).toBe(400);
    const again = await upload(GOOD);
    expect(again.statusCode).toBe(400);
    expect(text(again.body)).toContain("办件台账.csv：台账中的记录与已登记的内容相同，无需导入");
    expect((await state()).cases).toBe(after.cases);
    const list = text((await s.get("/cases?year=2014")).body);
    expect(list).toContain("办件（3件）");
  });

  it("a ledger row of a registered case updates it: previewed as a change, confirmed in one transaction", async () => {
    await upload(GOOD).then(async (r) => {
      const token = /name="token" value="([^"]+)"/.exec(r.body)![1]!;
      await s.post("/cases/import/confirm", { token });
    });
    const office = (await s.store.offices())[0]!;
    const before = await state();
    // SP2014-902 completed a day later; SP2014-901 as it was; SP2014-903 new.
    const ledger = [
      ...GOOD.replace("2014/3/6,是", "2014/3/7,是").split("\n"),
      "SP2014-903,对外贸易经营者备案登记,示例物流有限公司,2014/3/10,2014/3/10,,否",
    ].join("\n");
    const r = await upload(ledger);
    expect(r.statusCode).toBe(200);
    const t = text(r.body);
    expect(r.body).toContain('<strong id="import-added">1</strong>');
    expect(r.body).toContain('<strong id="import-changed">1</strong>');
    expect(r.body).toContain('<strong id="import-unchanged">1</strong>');
    expect(t).toContain("第2行 SP2014-901 对外贸易经营者备案登记，收件2014年3月3日，办结2014年3月4日 无变化");
    expect(t).toContain(
      "第3行 SP2014-902 对外贸易经营者备案登记，收件2014年3月5日，办结2014年3月7日 修改 办结日期 2014年3月6日 → 2014年3月7日",
    );
    expect(t).toContain("第4行 SP2014-903 对外贸易经营者备案登记，收件2014年3月10日，未办结 新增");
    expect(t).not.toContain("--force");
    expect(await state()).toEqual(before);
    const token = /name="token" value="([^"]+)"/.exec(r.body)![1]!;
    const c = await s.post("/cases/import/confirm", { token });
    expect(c.statusCode).toBe(303);
    expect(c.headers.location).toBe("/cases?year=2014&flash=1-1");
    expect(text((await s.get(c.headers.location as string)).body)).toContain(
      "已导入办件台账：新增1件，修改1件。",
    );
    const cases = await s.store.cases(office.id, 2014);
    expect(cases.map((x) => x.id)).toEqual(["SP2014-001", "SP2014-901", "SP2014-902", "SP2014-903"]);
    expect(cases.find((x) => x.id === "SP2014-902")!.completed).toBe("2014-03-07");
    // One history row for the changed field, one for the new case.
    expect(await state()).toEqual({ cases: before.cases + 1, history: before.history + 2 });
    const h = await s.store.historyOf(office.id, 2014, "SP2014-902");
    expect(h[h.length - 1]).toMatchObject({
      action: "import-cases",
      field: "completed",
      oldValue: '"2014-03-06"',
      newValue: '"2014-03-07"',
    });
  });

  it("a case changed between preview and confirm: refused, nothing saved", async () => {
    const r = await upload(GOOD.replace("2014/3/6,是", "2014/3/7,是").replace(/SP2014-901/, "SP2014-001"));
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<strong id="import-changed">1</strong>');
    // Meanwhile the same case is changed by another import.
    const other = await upload(
      [HEADER, "SP2014-001,对外贸易经营者备案登记,示例进出口有限公司,2014/1/2,2014/1/2,2014/1/9,是"].join(
        "\n",
      ),
    );
    const otherToken = /name="token" value="([^"]+)"/.exec(other.body)![1]!;
    expect((await s.post("/cases/import/confirm", { token: otherToken })).statusCode).toBe(303);
    const before = await state();
    const token = /name="token" value="([^"]+)"/.exec(r.body)![1]!;
    const c = await s.post("/cases/import/confirm", { token });
    expect(c.statusCode).toBe(409);
    expect(text(c.body)).toContain(
      "办件台账.csv：办件 SP2014-001 在读取台账后已被修改；未导入任何办件，请重新选择台账",
    );
    expect(await state()).toEqual(before);
  });

  it("refuses an upload without a file or of another kind, and a CSRF-less post", async () => {
    const before = await state();
    expect(text((await s.post("/cases/import", { year: "2014" })).body)).toContain("请选择要导入的台账文件");
    const pdf = await upload("x", "台账.pdf");
    expect(pdf.statusCode).toBe(400);
    expect(text(pdf.body)).toContain("台账.pdf：请选择 Excel（.xlsx）或 CSV 文件");
    const forged = await s.post(
      "/cases/import",
      { year: "2014", fileName: "a.csv", data: Buffer.from(GOOD).toString("base64") },
      { csrf: null },
    );
    expect(forged.statusCode).toBe(403);
    expect(await state()).toEqual(before);
  });

  it("registers a case by form: messages at the field, then saved with its history", async () => {
    const before = await state();
    const bad = await s.post("/cases", {
      year: "2014",
      id: "SP2014-950",
      item: "foreign-trade-filing",
      received: "2014-04-01",
      sealUsed: "yes",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/id="f-accepted-err">[^<]*受理日期/);
    expect(await state()).toEqual(before);
    const ok = await s.post("/cases", {
      year: "2014",
      id: "SP2014-950",
      item: "foreign-trade-filing",
      received: "2014-04-01",
      accepted: "2014-04-01",
      completed: "2014-04-02",
      sealUsed: "yes",
    });
    expect(ok.statusCode).toBe(303);
    expect(await state()).toEqual({ cases: before.cases + 1, history: before.history + 1 });
    const dup = await s.post("/cases", {
      year: "2014",
      id: "SP2014-950",
      item: "foreign-trade-filing",
      received: "2014-04-01",
      accepted: "2014-04-01",
      sealUsed: "yes",
    });
    expect(dup.statusCode).toBe(400);
    expect(text(dup.body)).toContain("办件编号 SP2014-950 已存在");
  });
});

describe("a ledger that contradicts the year's given totals", () => {
  it("is refused with the total named, nothing saved", async () => {
    const t = await testServer("2015-01-20");
    try {
      await t.post("/setup/samples", {});
      const office = (await t.store.offices())[0]!;
      const before = (await t.store.cases(office.id, 2014)).length;
      const r = await t.post("/cases/import", {
        year: "2014",
        fileName: "办件台账.csv",
        data: Buffer.from(GOOD.split("\n").slice(0, 2).join("\n")).toString("base64"),
      });
      expect(r.statusCode).toBe(400);
      const body = text(r.body);
      expect(body).toContain("办件台账.csv：导入后的数据有 2 处错误，未保存");
      expect(body).toContain("本年度数据：合计数为 267，但办件记录中的本年办结数为 268");
      expect(body).not.toContain("/approval/");
      expect((await t.store.cases(office.id, 2014)).length).toBe(before);
    } finally {
      await t.close();
    }
  });
});
