/**
 * The year pages (audit, statistics, year-end documents) are computed once per (office, year,
 * data revision): a second request is served from the cache, and any write to the year — by
 * this server or another process on the same database — changes the page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Store } from "../../src/storage/index.js";
import { APPLICATION_FORM, OFFICE_FORM, serverOn, testServer, text, type TestServer } from "./helpers.js";

let s: TestServer;
beforeAll(async () => {
  s = await testServer("2024-03-01", { file: true });
  expect((await s.post("/setup/samples", {})).statusCode).toBe(303);
});
afterAll(async () => {
  await s.close();
});

const received = (html: string) => Number(/<strong id="stat-received">(\d+)<\/strong>/.exec(html)![1]);
const findings = (html: string) => Number(/发现的问题（(\d+)项）/.exec(text(html))![1]);

async function pages(on: TestServer = s) {
  const docx = await on.get("/year-end/2023/annual-report.docx");
  expect(docx.statusCode).toBe(200);
  return {
    stats: (await on.get("/stats?year=2023")).body,
    audit: (await on.get("/audit?year=2023")).body,
    yearEnd: (await on.get("/year-end?year=2023")).body,
    report: docx.rawPayload,
  };
}

describe("the year pages' cache", () => {
  it("serves a second request from the cache; a write changes every page", async () => {
    const first = await pages();
    const computed = s.wb.yearCache.computed;
    const again = await pages();
    // Nothing computed again: the same pages, the same bytes.
    expect(s.wb.yearCache.computed).toBe(computed);
    expect(again.stats).toBe(first.stats);
    expect(again.audit).toBe(first.audit);
    expect(again.yearEnd).toBe(first.yearEnd);
    expect(again.report.equals(first.report)).toBe(true);

    // A new application of 2023, signed for on Wednesday 1 November 2023.
    const r = await s.post("/applications", {
      id: "YSQ2023-900",
      "applicant.type": "natural-person",
      "applicant.name": "李某某",
      channel: "registered-post",
      submitted: "2023-10-30",
      signedFor: "2023-11-01",
      content: "2023年辖区餐饮抽检结果",
    });
    expect(r.statusCode).toBe(303);
    const after = await pages();
    expect(s.wb.yearCache.computed).toBeGreaterThan(computed);
    expect(received(after.stats)).toBe(received(first.stats) + 1);
    expect(after.report.equals(first.report)).toBe(false);

    // Its reply, three weeks after the deadline: the audit now finds it.
    const office = (await s.store.offices())[0]!;
    const a = await s.store.application(office.id, 2023, "YSQ2023-900");
    const step = await s.post("/applications/2023/YSQ2023-900/steps/reply", {
      version: String(a!.version),
      "reply.date": "2023-12-20",
      "reply.type": "disclosed",
    });
    expect(step.statusCode, text(step.body).slice(0, 2000)).toBe(303);
    const replied = await pages();
    expect(replied.audit).toContain('href="/applications/2023/YSQ2023-900"');
    expect(findings(replied.audit)).toBeGreaterThan(findings(first.audit));
    expect(first.audit).not.toContain('href="/applications/2023/YSQ2023-900"');
  });

  it("a write by another server process on the same database changes this server's pages", async () => {
    const before = await pages();
    const other = await serverOn(s.target, "2024-03-01");
    try {
      const r = await other.post("/applications", {
        id: "YSQ2023-901",
        "applicant.type": "natural-person",
        "applicant.name": "王某某",
        channel: "in-person",
        submitted: "2023-12-05",
        content: "2023年辖区药店检查结果",
      });
      expect(r.statusCode).toBe(303);
    } finally {
      await other.close();
    }
    const after = await pages();
    expect(received(after.stats)).toBe(received(before.stats) + 1);
    expect(after.report.equals(before.report)).toBe(false);
  });
});

describe("the year's settings kept by a server process", () => {
  it("a change of the year's settings by another process changes this server's deadlines and letters", async () => {
    const t = await testServer("2026-11-25", { file: true });
    try {
      expect((await t.post("/setup/office", OFFICE_FORM)).statusCode).toBe(303);
      expect((await t.post("/applications", APPLICATION_FORM)).statusCode).toBe(303);
      const office = (await t.store.offices())[0]!;
      const a = await t.store.application(office.id, 2026, "YSQ2026-001");
      const sent = await t.post("/applications/2026/YSQ2026-001/steps/consultation-sent", {
        version: String(a!.version),
        party: "third-party",
        name: "示例公司",
        sent: "2026-11-04",
      });
      expect(sent.statusCode).toBe(303);
      const row = async () =>
        text(/<tr[^>]*>[\s\S]*?YSQ2026-001[\s\S]*?<\/tr>/.exec((await t.get("/")).body)![0]);
      const receipt = async () =>
        (await t.get("/applications/2026/YSQ2026-001/letters/receipt.pdf")).rawPayload;
      const before = { row: await row(), receipt: await receipt() };
      // The third party's 15 working days are not counted (consultation sent, not answered).
      expect(before.row).toContain("2026年12月22日");
      // Another process changes the year's settings: the third party's answer period, the agency's name.
      const other = await Store.open(t.target);
      try {
        const body = (await other.yearBody(office.id, 2026))!;
        await other.updateYearBody(
          office.id,
          {
            ...body,
            agency: { ...body.agency, name: "示例市青禾区市场监督管理局（试点）" },
            interpretations: { ...body.interpretations, consultationAnswerDays: 5 },
          },
          "另一进程",
        );
      } finally {
        await other.close();
      }
      const after = { row: await row(), receipt: await receipt() };
      expect(after.row).toContain("2026年12月8日");
      expect(after.receipt.equals(before.receipt)).toBe(false);
    } finally {
      await t.close();
    }
  });
});
