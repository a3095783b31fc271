/**
 * Every endpoint of the workbench: status codes, the messages a clerk sees, and nothing written
 * when a request is refused.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ADMIN_FORM,
  APPLICATION_FORM,
  CSRF,
  OFFICE_FORM,
  testServer,
  text,
  TOKEN,
  type TestServer,
} from "./helpers.js";
import { validateDatasetText } from "../../src/index.js";

let s: TestServer;
beforeEach(async () => {
  s = await testServer();
});
afterEach(async () => {
  await s.close();
});

async function counts() {
  const office = (await s.store.offices())[0];
  return {
    offices: (await s.store.offices()).length,
    applications: office ? (await s.store.applications(office.id)).length : 0,
    history: office ? await s.store.historyCount(office.id) : 0,
  };
}

async function withOffice() {
  const r = await s.post("/setup/office", OFFICE_FORM);
  expect(r.statusCode).toBe(303);
}

async function withApplication() {
  await withOffice();
  const r = await s.post("/applications", APPLICATION_FORM);
  expect(r.statusCode).toBe(303);
  return s.store.application((await s.store.offices())[0]!.id, 2026, "YSQ2026-001");
}

describe("access token and CSRF", () => {
  it("refuses a request without the token, and one with a wrong token", async () => {
    const r = await s.app.inject({ method: "GET", url: "/" });
    expect(r.statusCode).toBe(401);
    expect(text(r.body)).toContain("请使用工作台启动时显示的网址");
    const bad = await s.app.inject({ method: "GET", url: "/?token=wrong" });
    expect(bad.statusCode).toBe(401);
    expect(bad.headers["set-cookie"]).toBeUndefined();
    const badCookie = await s.app.inject({ method: "GET", url: "/", cookies: { gongwen_token: "wrong" } });
    expect(badCookie.statusCode).toBe(401);
  });

  it("turns the token in the URL into an HttpOnly SameSite=Strict cookie and drops it from the address", async () => {
    const r = await s.app.inject({ method: "GET", url: `/?token=${TOKEN}&asOf=2026-11-25` });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe("/?asOf=2026-11-25");
    const cookie = String(r.headers["set-cookie"]);
    expect(cookie).toContain(`gongwen_token=${TOKEN}`);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
  });

  it("refuses every state-changing request without the CSRF token, writing nothing", async () => {
    const before = await counts();
    for (const [url, form] of [
      ["/setup/office", OFFICE_FORM],
      ["/setup/samples", {}],
    ] as const) {
      const r = await s.post(url, form, { csrf: null });
      expect(r.statusCode).toBe(403);
      expect(text(r.body)).toContain("页面已过期或来自其他网站");
      const wrong = await s.post(url, form, { csrf: "forged" });
      expect(wrong.statusCode).toBe(403);
    }
    expect(await counts()).toEqual(before);
    await withOffice();
    const mid = await counts();
    for (const url of [
      "/applications",
      "/applications/2026/YSQ2026-001/steps/reply",
      "/applications/2026/YSQ2026-001/letters/receipt/issue",
      "/data/import",
    ]) {
      const r = await s.post(url, APPLICATION_FORM, { csrf: null });
      expect(r.statusCode, url).toBe(403);
    }
    expect(await counts()).toEqual(mid);
  });

  it("serves its own scripts and styles (no outside resource)", async () => {
    for (const f of ["app.css", "form.js", "data.js", "echarts.min.js"]) {
      const r = await s.get(`/static/${f}`);
      expect(r.statusCode, f).toBe(200);
    }
    expect((await s.get("/static/..%2Fpackage.json")).statusCode).toBe(404);
    expect((await s.get("/static/nothing.js")).statusCode).toBe(404);
    await withOffice();
    const page = (await s.get("/")).body;
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});

describe("first start", () => {
  it("sends an empty database to the setup page, which offers both ways", async () => {
    const r = await s.get("/");
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe("/setup");
    const setup = text((await s.get("/setup")).body);
    expect(setup).toContain("建立本机关");
    expect(setup).toContain("载入示例数据");
  });

  it("creating the office: a missing name is shown at its field, nothing written; then saved", async () => {
    const r = await s.post("/setup/office", { ...OFFICE_FORM, "agency.name": "" });
    expect(r.statusCode).toBe(400);
    expect(r.body).toMatch(/id="f-agency-name"[^>]*aria-invalid="true"/);
    expect(r.body).toContain('id="f-agency-name-err">不能为空');
    expect(await counts()).toEqual({ offices: 0, applications: 0, history: 0 });
    const bad = await s.post("/setup/office", { ...OFFICE_FORM, year: "26" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("年度应为 2007–2100 之间的四位数字");
    await withOffice();
    expect((await counts()).offices).toBe(1);
    const again = await s.post("/setup/office", OFFICE_FORM);
    expect(again.statusCode).toBe(409);
    expect((await s.get("/setup")).statusCode).toBe(303);
  });

  it("loads both samples as one demo office", async () => {
    const r = await s.post("/setup/samples", {});
    expect(r.statusCode).toBe(303);
    const office = (await s.store.offices())[0]!;
    expect(await s.store.years(office.id)).toEqual([2014, 2023]);
    const worklist = text((await s.get("/?asOf=2023-12-08")).body);
    expect(worklist).toContain("YSQ2023-037");
    expect((await s.post("/setup/samples", {})).statusCode).toBe(409);
  });
});

describe("registering an application", () => {
  it("asks for 签收日期 for registered post and 确认日期 online, and shows the message at the field", async () => {
    await withOffice();
    const form = (await s.get("/applications/new")).body;
    expect(form).toContain('value="YSQ2026-001"');
    expect(form).toMatch(
      /data-show-field="channel" data-show-values="registered-post">\s*<label for="f-signedFor"\s*>签收日期/,
    );
    expect(form).toMatch(
      /data-show-values="ordinary-post online fax email">\s*<label for="f-confirmed"\s*>确认日期/,
    );
    const before = await counts();
    const { signedFor: _s, ...noDate } = APPLICATION_FORM;
    void _s;
    const r = await s.post("/applications", noDate);
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('id="f-signedFor-err">以挂号信方式提交的申请须填写签收日期，或直接填写收到日期');
    expect(r.body).not.toContain("registered-post（");
    // What was typed stays in the form.
    expect(r.body).toContain('value="张某某"');
    const online = await s.post("/applications", { ...noDate, channel: "online" });
    expect(online.statusCode).toBe(400);
    expect(online.body).toMatch(/id="f-confirmed-err">[^<]*确认日期/);
    const badDate = await s.post("/applications", { ...APPLICATION_FORM, submitted: "2026-02-30" });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain('id="f-submitted-err">日期 2026-02-30 不存在');
    expect(await counts()).toEqual(before);
  });

  it("on save: the statutory deadline with its trace, and the history of the registration", async () => {
    await withOffice();
    const r = await s.post("/applications", APPLICATION_FORM);
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe("/applications/2026/YSQ2026-001?flash=registered");
    const page = await s.get(r.headers.location as string);
    expect(page.statusCode).toBe(200);
    const t = text(page.body);
    // Received (signed for) Monday 2 November 2026: 20 working days → Monday 30 November.
    expect(t).toContain("答复期限： 2026年11月30日 （20个工作日）");
    expect(t).toContain("收到申请之日：2026年11月2日");
    expect(t).toContain("计算过程（逐日）");
    expect(t).toContain("今日（2026年11月25日）：即将到期，剩余3个工作日");
    expect(t).toContain("登记申请");
    expect(t).toMatch(/申请人姓名或名称 — 张某某/);
    const dup = await s.post("/applications", APPLICATION_FORM);
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('id="f-id-err">登记号 YSQ2026-001 已被使用');
  });

  it("a deadline running into a year without holiday data says so", async () => {
    await withOffice();
    const r = await s.post("/applications", {
      ...APPLICATION_FORM,
      id: "YSQ2026-002",
      channel: "in-person",
      submitted: "2026-12-10",
    });
    expect(r.statusCode).toBe(303);
    const page = text((await s.get("/applications/2026/YSQ2026-002")).body);
    expect(page).toContain("2027年的节假日数据缺失");
    const wl = text((await s.get("/?asOf=2026-12-10")).body);
    expect(wl).toContain("期限无法计算");
    expect(wl).toContain("2027年的节假日数据缺失");
  });
});

describe("the worklist", () => {
  it("shows open applications as of a day with due date, working days left and status, overdue counted on top", async () => {
    await withApplication();
    await s.post("/applications", {
      ...APPLICATION_FORM,
      id: "YSQ2026-002",
      signedFor: "2026-10-09",
      submitted: "2026-10-08",
    });
    const page = (await s.get("/?asOf=2026-11-25")).body;
    const t = text(page);
    expect(t).toContain("截至2026年11月25日");
    expect(t).toMatch(/1 已逾期 1 即将到期（5个工作日内） 0 按期办理中/);
    expect(t).toContain("YSQ2026-001 2026年11月2日 2026年11月30日 3个工作日 即将到期");
    expect(t).toMatch(/YSQ2026-002 2026年10月9日 2026年11月\d+日 逾期\d+个工作日 已逾期/);
    // Filter and sort.
    const overdue = text((await s.get("/?asOf=2026-11-25&status=overdue")).body);
    expect(overdue).toContain("YSQ2026-002");
    expect(overdue).not.toContain("YSQ2026-001 ");
    const byId = text((await s.get("/?asOf=2026-11-25&sort=id&dir=desc")).body);
    expect(byId.indexOf("YSQ2026-002 ")).toBeLessThan(byId.indexOf("YSQ2026-001 "));
    const found = text((await s.get("/?asOf=2026-11-25&q=" + encodeURIComponent("YSQ2026-001"))).body);
    expect(found).toContain("共1件");
    expect((await s.get("/?asOf=2026-13-01")).statusCode).toBe(400);
    expect((await s.get("/?asOf=yesterday")).statusCode).toBe(400);
  });
});

describe("steps and letters", () => {
  it("a reply without the grounds its type needs is refused at the field, nothing written", async () => {
    const a = await withApplication();
    const before = await counts();
    const r = await s.post("/applications/2026/YSQ2026-001/steps/reply", {
      version: String(a!.version),
      "reply.date": "2026-11-20",
      "reply.type": "refused",
    });
    expect(r.statusCode).toBe(400);
    expect(r.body).toMatch(/id="f-reply-reason-err">答复类型为“不予公开”时必须填写理由/);
    expect(await counts()).toEqual(before);
    const stale = await s.post("/applications/2026/YSQ2026-001/steps/reply", {
      version: "99",
      "reply.date": "2026-11-20",
      "reply.type": "disclosed",
    });
    expect(stale.statusCode).toBe(409);
    expect(text(stale.body)).toContain("该申请已被修改");
    expect(await counts()).toEqual(before);
    const unknown = await s.post("/applications/2026/YSQ2026-001/steps/teleport", { version: "1" });
    expect(unknown.statusCode).toBe(404);
  });

  it("records each step with its history, and the reply closes the application", async () => {
    const a = await withApplication();
    let v = a!.version;
    const step = async (name: string, form: Record<string, string>) => {
      const r = await s.post(`/applications/2026/YSQ2026-001/steps/${name}`, { version: String(v), ...form });
      expect(r.statusCode, `${name}: ${text(r.body).slice(0, 300)}`).toBe(303);
      v++;
    };
    await step("consultation-sent", { party: "third-party", name: "示例公司", sent: "2026-11-04" });
    await step("consultation-answered", { index: "0", answered: "2026-11-11", consent: "no" });
    await step("extension", {
      "extension.approved": "2026-11-24",
      "extension.notified": "2026-11-24",
      "extension.days": "20",
    });
    const page = text((await s.get("/applications/2026/YSQ2026-001")).body);
    // The library's deadline: paused 5 working days (consultation), extended by 20.
    expect(page).toMatch(/答复期限： 2027年|答复期限无法计算|2027年的节假日数据缺失/);
    await step("reply", {
      "reply.date": "2026-11-26",
      "reply.type": "partial",
      "reply.reason": "third-party-rights",
      "reply.ground": "commercial-secret",
    });
    const after = text((await s.get("/applications/2026/YSQ2026-001")).body);
    expect(after).toContain("已答复，待送达。");
    expect(after).toContain("答复类型 — 部分公开");
    expect(after).toContain("第1次征求意见：收到意见日期 — 2026年11月11日");
    // Replied on 26 November: open on the 25th, no longer on the 27th.
    expect(text((await s.get("/?asOf=2026-11-25")).body)).toContain("YSQ2026-001");
    expect(text((await s.get("/?asOf=2026-11-27")).body)).not.toContain("YSQ2026-001");
    // Not yet received on 30 October.
    expect(text((await s.get("/?asOf=2026-10-30")).body)).not.toContain("YSQ2026-001");
    const hist = await s.store.historyOf((await s.store.offices())[0]!.id, 2026, "YSQ2026-001");
    expect(hist.map((h) => h.action)).toEqual(
      expect.arrayContaining(["register", "consultation-sent", "extension", "reply"]),
    );
    // Each row names the logged-in user, by id (the page shows the display name).
    const admin = await s.store.accounts.login(ADMIN_FORM["admin.username"]);
    expect(hist.every((h) => h.who === ADMIN_FORM["admin.name"] && h.userId === admin!.id)).toBe(true);
  });

  it("letters: a draft preview without number; issuing fixes 文号 and date; re-issuing keeps the old version", async () => {
    const a = await withApplication();
    await s.post("/applications/2026/YSQ2026-001/steps/reply", {
      version: String(a!.version),
      "reply.date": "2026-11-20",
      "reply.type": "disclosed",
    });
    const view = await s.get("/applications/2026/YSQ2026-001/letters/reply");
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain(
      '<iframe id="preview" class="preview" src="/applications/2026/YSQ2026-001/letters/reply.pdf"',
    );
    expect(text(view.body)).toContain("尚未签发");
    const draft = await s.get("/applications/2026/YSQ2026-001/letters/reply.pdf");
    expect(draft.statusCode).toBe(200);
    expect(draft.headers["content-type"]).toBe("application/pdf");
    expect(draft.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    // The reply is issued only once the head signed it off as it stands.
    const unsigned = await s.post("/applications/2026/YSQ2026-001/letters/reply/issue", {});
    expect(unsigned.statusCode).toBe(400);
    expect(text(unsigned.body)).toContain("答复须经负责人签批后才能签发");
    const replied = await s.store.application((await s.store.offices())[0]!.id, 2026, "YSQ2026-001");
    const signed = await s.post("/applications/2026/YSQ2026-001/sign-off", {
      version: String(replied!.version),
    });
    expect(signed.statusCode).toBe(303);
    expect(text((await s.get("/applications/2026/YSQ2026-001")).body)).toContain(
      `答复已由${ADMIN_FORM["admin.name"]}于`,
    );
    const issue = await s.post("/applications/2026/YSQ2026-001/letters/reply/issue", {});
    expect(issue.statusCode).toBe(303);
    const again = await s.post("/applications/2026/YSQ2026-001/letters/reply/issue", {});
    expect(again.statusCode).toBe(303);
    const letters = await s.store.letters((await s.store.offices())[0]!.id, 2026, "YSQ2026-001");
    expect(letters.map((l) => [l.version, l.docNumber, l.date])).toEqual([
      [1, "青禾市监公开复〔2026〕1号", "2026-11-20"],
      [2, "青禾市监公开复〔2026〕2号", "2026-11-20"],
    ]);
    const dir = mkdtempSync(join(tmpdir(), "gongwen-wb-"));
    const v1 = await s.get("/applications/2026/YSQ2026-001/letters/reply.pdf?version=1&download=1");
    expect(v1.headers["content-disposition"]).toContain('attachment; filename="YSQ2026-001-reply-v1.pdf"');
    writeFileSync(join(dir, "v1.pdf"), v1.rawPayload);
    const t1 = execFileSync("pdftotext", [join(dir, "v1.pdf"), "-"], { encoding: "utf8" }).replace(
      /\s+/g,
      "",
    );
    expect(t1).toContain("青禾市监公开复〔2026〕1号");
    expect(t1).toContain("张某某");
    const latest = await s.get("/applications/2026/YSQ2026-001/letters/reply.pdf");
    writeFileSync(join(dir, "v2.pdf"), latest.rawPayload);
    expect(
      execFileSync("pdftotext", [join(dir, "v2.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, ""),
    ).toContain("青禾市监公开复〔2026〕2号");
    // The same version renders the same bytes again.
    const v1again = await s.get("/applications/2026/YSQ2026-001/letters/reply.pdf?version=1");
    expect(v1again.rawPayload.equals(v1.rawPayload)).toBe(true);
    const docx = await s.get("/applications/2026/YSQ2026-001/letters/reply.docx?download=1");
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect((await s.get("/applications/2026/YSQ2026-001/letters/reply.pdf?version=7")).statusCode).toBe(404);
    expect((await s.get("/applications/2026/YSQ2026-001/letters/fee.pdf")).statusCode).toBe(404);
    expect((await s.post("/applications/2026/YSQ2026-001/letters/fee/issue", {})).statusCode).toBe(404);
    const page = text((await s.get("/applications/2026/YSQ2026-001")).body);
    expect(page).toContain("青禾市监公开复〔2026〕2号");
    expect(page).toContain("第2版");
  });

  it("unknown application, year or page: 404 with a Chinese message", async () => {
    await withOffice();
    const r = await s.get("/applications/2026/NOPE");
    expect(r.statusCode).toBe(404);
    expect(text(r.body)).toContain("没有登记号为 NOPE 的申请");
    expect((await s.get("/applications/20x6/NOPE")).statusCode).toBe(404);
    expect((await s.get("/no/such/page")).statusCode).toBe(404);
  });
});

describe("import and export", () => {
  it("exports a year as a dataset that validates, and imports it back", async () => {
    await withApplication();
    const r = await s.get("/data/export/2026.json");
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-disposition"]).toContain("operations-2026.json");
    const v = validateDatasetText(r.body, "operations-2026.json", "zh");
    expect(v.ok).toBe(true);
    expect(JSON.parse(r.body).disclosure.applications[0].id).toBe("YSQ2026-001");
    expect((await s.get("/data/export/2031.json")).statusCode).toBe(404);
    const dup = await s.post("/data/import", { text: r.body, fileName: "x.json" });
    expect(dup.statusCode).toBe(409);
    expect(text(dup.body)).toContain("2026年度的数据已存在");
    const sample = readFileSync("samples/2023-district-bureau.json", "utf8");
    const ok = await s.post("/data/import", { text: sample, fileName: "2023.json" });
    expect(ok.statusCode).toBe(303);
    expect(await s.store.years((await s.store.offices())[0]!.id)).toEqual([2023, 2026]);
  });

  it("a dataset with errors: the messages in the CLI's wording (labels, dates in words), not codes", async () => {
    await withOffice();
    const bad = readFileSync("test/fixtures/invalid/several-errors.json", "utf8");
    const r = await s.post("/data/import", { text: bad, fileName: "bad.json" });
    expect(r.statusCode).toBe(400);
    const page = text(r.body);
    // `gongwen validate` prints the same sentences after the record and field (test/cli/human-messages.test.ts).
    expect(page).toContain("第100行第19列：答复日期2023年4月1日早于收到日期2023年4月3日");
    expect(page).toContain("第4行第13列：缺少必填字段机关简称");
    expect(page).not.toContain("reply.date");
    expect(page).not.toContain("2023-04-01");
  });

  it("a dataset with errors: line and column with the message, nothing imported", async () => {
    await withOffice();
    const before = await counts();
    const bad = readFileSync("samples/2023-district-bureau.json", "utf8").replace(
      '"2023-01-16"',
      '"2023-02-30"',
    );
    const r = await s.post("/data/import", { text: bad, fileName: "bad.json" });
    expect(r.statusCode).toBe(400);
    expect(text(r.body)).toMatch(/第\d+行第\d+列：日期 2023-02-30 不存在/);
    const empty = await s.post("/data/import", { text: "" });
    expect(empty.statusCode).toBe(400);
    expect(text(empty.body)).toContain("请选择要导入的数据文件");
    const notJson = await s.post("/data/import", { text: "{", fileName: "x.json" });
    expect(notJson.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });
});

void CSRF;
