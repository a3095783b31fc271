/**
 * The year pages (audit, statistics, year-end documents) are computed once per (office, year,
 * data revision): a second request is served from the cache, and any write to the year — by
 * this server or another process on the same database — changes the page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverOn, testServer, text, type TestServer } from "./helpers.js";

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
