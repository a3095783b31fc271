/**
 * The requested form of delivery on the registration form, how the reply provides the
 * information, and the 送达 step: stored as the dataset's fields, checked by the dataset's own
 * validation at the form field, worded in the reply letter; recording the service keeps the
 * head's sign-off of the reply (it does not change the reply).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APPLICATION_FORM, OFFICE_FORM, testServer, text, type TestServer } from "./helpers.js";

let s: TestServer;
beforeEach(async () => {
  s = await testServer();
});
afterEach(async () => {
  await s.close();
});

const BASE = "/applications/2026/YSQ2026-001";
const record = async () =>
  (await s.store.application((await s.store.offices())[0]!.id, 2026, "YSQ2026-001"))!;

async function registered(extra: Record<string, string>) {
  expect((await s.post("/setup/office", OFFICE_FORM)).statusCode).toBe(303);
  const r = await s.post("/applications", { ...APPLICATION_FORM, ...extra });
  expect(r.statusCode, text(r.body).slice(0, 300)).toBe(303);
  return record();
}

describe("delivery in the workbench", () => {
  it("registers the requested form, and the reply form starts from it", async () => {
    const a = await registered({
      "requestedDelivery.form": "electronic",
      "requestedDelivery.method": "email",
    });
    expect(a.record.requestedDelivery).toEqual({ form: "electronic", method: "email" });
    const page = await s.get(BASE);
    expect(page.body).toMatch(/<option value="electronic" +selected>电子文档<\/option>/);
    expect(page.body).toMatch(/<option value="email" +selected>电子邮件<\/option>/);
    expect(text(page.body)).toContain("未按申请的形式提供的原因");
  });

  it("a departure without its reason is refused at its field; with it the letter states it", async () => {
    const a = await registered({
      "requestedDelivery.form": "electronic",
      "requestedDelivery.method": "email",
    });
    const reply = {
      version: String(a.version),
      "reply.date": "2026-11-20",
      "reply.type": "disclosed",
      "reply.delivery.form": "paper",
      "reply.delivery.method": "post",
      "reply.delivery.enclosures": "2026年青禾区食品安全抽检结果汇总表\n",
    };
    const bad = await s.post(`${BASE}/steps/reply`, reply);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(
      /id="f-reply-delivery-deviation-err">申请要求以电子文档形式、电子邮件方式提供，答复以纸质形式、邮寄方式提供：须填写未按申请的形式提供的原因/,
    );
    expect((await record()).record.reply).toBeUndefined();
    const ok = await s.post(`${BASE}/steps/reply`, {
      ...reply,
      "reply.delivery.deviation": "该信息仅有纸质档案，制作成电子文档公开成本过高",
    });
    expect(ok.statusCode, text(ok.body).slice(0, 300)).toBe(303);
    expect((await record()).record.reply?.delivery).toEqual({
      form: "paper",
      method: "post",
      deviation: "该信息仅有纸质档案，制作成电子文档公开成本过高",
      enclosures: ["2026年青禾区食品安全抽检结果汇总表"],
    });
    const pdf = await s.get(`${BASE}/letters/reply.pdf`);
    const dir = mkdtempSync(join(tmpdir(), "gongwen-delivery-"));
    writeFileSync(join(dir, "r.pdf"), pdf.rawPayload);
    const t = execFileSync("pdftotext", [join(dir, "r.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    expect(t).toContain(
      "您申请以电子文档形式、电子邮件方式提供，因该信息仅有纸质档案，制作成电子文档公开成本过高，根据《中华人民共和国政府信息公开条例》第四十条的规定，本机关现以纸质形式通过邮寄方式向您提供（见附件）。",
    );
    expect(t).toContain("附件：2026年青禾区食品安全抽检结果汇总表");
  });

  it("a refusal keeps no delivery; the 送达 step records the day and keeps the sign-off", async () => {
    const a = await registered({});
    const r = await s.post(`${BASE}/steps/reply`, {
      version: String(a.version),
      "reply.date": "2026-11-20",
      "reply.type": "refused",
      "reply.reason": "state-secret",
      // hidden for a refusal: ignored
      "reply.delivery.method": "post",
    });
    expect(r.statusCode, text(r.body).slice(0, 300)).toBe(303);
    let now = await record();
    expect(now.record.reply?.delivery).toBeUndefined();
    expect(text((await s.get(BASE)).body)).toContain("已答复，待送达。");
    expect((await s.post(`${BASE}/sign-off`, { version: String(now.version) })).statusCode).toBe(303);

    const early = await s.post(`${BASE}/steps/delivered`, {
      version: String(now.version),
      "reply.delivered": "2026-11-19",
    });
    expect(early.statusCode).toBe(400);
    expect(text(early.body)).toContain("早于");
    const missing = await s.post(`${BASE}/steps/delivered`, { version: String(now.version) });
    expect(missing.statusCode).toBe(400);
    expect(text(missing.body)).toContain("缺少必填字段送达日期");

    const served = await s.post(`${BASE}/steps/delivered`, {
      version: String(now.version),
      "reply.delivered": "2026-11-23",
    });
    expect(served.statusCode).toBe(303);
    now = await record();
    expect(now.record.reply?.delivered).toBe("2026-11-23");
    const page = text((await s.get(BASE)).body);
    expect(page).toContain("已答复，2026年11月23日送达，办理完毕。");
    expect(page).toContain("送达");
    // The sign-off still stands: the reply letter can be issued.
    expect((await s.post(`${BASE}/letters/reply/issue`, {})).statusCode).toBe(303);
  });
});
