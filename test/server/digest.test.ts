/**
 * 提醒: each user's daily digest — overdue and due within N working days (N per agency, else the
 * deployment's) in the agencies they handle — as a page and as an e-mail sent through a local
 * SMTP sink (smtp-server on 127.0.0.1, never an outside host), at most once a user and day.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildDigest, DIGEST_DAYS_SETTING, runDigests, smtpSender } from "../../src/server/digest.js";
import { workStanding } from "../../src/server/lib.js";
import {
  APPLICATION_FORM,
  rootWithTwoAgencies,
  testServer,
  text,
  type Client,
  type TestServer,
} from "./helpers.js";
import { sink } from "./smtp-sink.js";

let s: TestServer;
let ids: { root: number; a: number; b: number };
let clerkA: Client & { userId: number };
let supR: Client & { userId: number };

const received = (id: string, day: string, extra: Record<string, string> = {}) => ({
  ...APPLICATION_FORM,
  id,
  submitted: day,
  signedFor: day,
  ...extra,
});

beforeEach(async () => {
  s = await testServer("2026-11-25", { file: true });
  ids = await rootWithTwoAgencies(s);
  clerkA = await s.user(ids.a, "clerk-a", ["clerk"], { name: "李经办" });
  const clerkB = await s.user(ids.b, "clerk-b", ["clerk"], { name: "孙经办" });
  // A: one long overdue (September), one with weeks to go; B: one due within days.
  expect((await clerkA.post("/applications", received("YSQ2026-001", "2026-09-15"))).statusCode).toBe(303);
  expect((await clerkA.post("/applications", received("YSQ2026-002", "2026-11-20"))).statusCode).toBe(303);
  expect(
    (
      await clerkB.post(
        "/applications",
        received("YSQ2026-001", "2026-11-02", {
          "applicant.type": "commercial-enterprise",
          "applicant.name": "某公司",
        }),
      )
    ).statusCode,
  ).toBe(303);
  supR = await s.user(ids.root, "sup-r", ["supervisor"], { name: "钱监督" });
  const users = await s.store.accounts.users();
  for (const u of users)
    if (u.username !== "clerk-b")
      await s.store.accounts.updateUser(u.id, {
        roles: u.roles,
        officeId: u.officeId,
        email: `${u.username}@example.test`,
      });
});
afterEach(async () => {
  await s.close();
});

const dateCn = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`;

async function standingOf(agency: number, id: string, days: number) {
  const w = (await s.wb.worklistOf(agency, "2026-11-25")).items.find((x) => x.id === id)!;
  return workStanding(w.facts, "2026-11-25", s.wb.calendar, days);
}

describe("每日提醒", () => {
  it("the page: a clerk's own agency, a 监督's whole subtree, standings from the library, no applicant data", async () => {
    const overdueA = await standingOf(ids.a, "YSQ2026-001", 5);
    const soonB = await standingOf(ids.b, "YSQ2026-001", 5);
    expect([overdueA.status, soonB.status]).toEqual(["overdue", "due-soon"]);
    const mine = await clerkA.get("/digest");
    expect(mine.statusCode).toBe(200);
    const page = text(mine.body);
    expect(page).toContain("已逾期的申请1件、即将到期的申请0件");
    expect(page).toContain(
      `YSQ2026-001 自然人 2026年9月15日 ${dateCn(overdueA.due!)} 逾期${-overdueA.daysLeft!}个工作日`,
    );
    expect(page).not.toContain("乙局");
    expect(page).not.toContain("YSQ2026-002");
    for (const secret of ["张某某", "某公司", "13800000000", APPLICATION_FORM.content, "natural-person"])
      expect(page).not.toContain(secret);
    expect(page).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(mine.body).toMatch(/<a href="\/digest"\s+aria-current="page"\s*>提醒<\/a>/);

    const sup = text((await supR.get("/digest")).body);
    expect(sup).toContain("已逾期的申请1件、即将到期的申请1件");
    expect(sup).toContain("示例市青禾区甲局");
    expect(sup).toContain(
      `YSQ2026-001 商业企业 2026年11月2日 ${dateCn(soonB.due!)} 剩余${soonB.daysLeft}个工作日`,
    );
    // Another day, as the worklist's date; a bad one is 400.
    expect(text((await clerkA.get("/digest?asOf=2026-09-16")).body)).toContain(
      "今日没有已逾期或即将到期的申请",
    );
    expect((await clerkA.get("/digest?asOf=2026-02-30")).statusCode).toBe(400);
  });

  it("N is the agency's setting, else the deployment's default", async () => {
    const user = (await s.store.accounts.user(clerkA.userId))!;
    const offices = await s.store.offices();
    const soon = (d: Awaited<ReturnType<typeof buildDigest>>) => d.agencies[0]!.dueSoon.map((w) => w.id);
    const wide = await standingOf(ids.a, "YSQ2026-002", 30);
    expect(wide.status).toBe("due-soon");
    expect((await standingOf(ids.a, "YSQ2026-002", 5)).status).toBe("on-time");
    expect(soon(await buildDigest(s.wb, user, offices, "2026-11-25"))).toEqual([]);
    expect(soon(await buildDigest(s.wb, user, offices, "2026-11-25", 30))).toEqual(["YSQ2026-002"]);
    await s.store.setSetting(ids.a, DIGEST_DAYS_SETTING, 30);
    const d = await buildDigest(s.wb, user, offices, "2026-11-25", 5);
    expect(soon(d)).toEqual(["YSQ2026-002"]);
    expect(d.agencies[0]!.dueSoon[0]!.daysLeft).toBe(wide.daysLeft);
    expect(text((await clerkA.get("/digest")).body)).toContain(
      `30个工作日内到期（1件） 登记号 申请人类型 收到日期 答复期限 剩余或逾期 YSQ2026-002 自然人 2026年11月20日 ${dateCn(wide.due!)} 剩余${wide.daysLeft}个工作日`,
    );
  });

  it("mails each digest once a day through SMTP (plain text and HTML); users without an address are skipped", async () => {
    const smtp = await sink();
    const send = smtpSender({ host: "127.0.0.1", port: smtp.port, from: "gongwen@example.test" });
    try {
      const first = await runDigests(s.wb, "2026-11-25", { send, baseUrl: "http://127.0.0.1:8470/" });
      const by = Object.fromEntries(first.map((r) => [r.username, r.outcome]));
      // The setup's administrator is also a 经办人 of the root agency, which has nothing due.
      expect(by).toEqual({ admin: "empty", "clerk-a": "sent", "clerk-b": "no-email", "sup-r": "sent" });
      await smtp.close().catch(() => undefined);
      expect(smtp.mails.map((m) => (m.to as { text: string }).text).sort()).toEqual([
        "clerk-a@example.test",
        "sup-r@example.test",
      ]);
      const a = smtp.mails.find((m) => (m.to as { text: string }).text === "clerk-a@example.test")!;
      expect(a.subject).toBe("政府信息公开申请提醒（2026年11月25日）：已逾期1件，即将到期0件");
      expect(a.text).toContain("李经办：");
      expect(a.text).toContain("【示例市青禾区甲局】");
      expect(a.text).toContain("YSQ2026-001（自然人，2026年9月15日收到");
      expect(a.text).toContain("http://127.0.0.1:8470/applications/2026/YSQ2026-001");
      expect(a.html).toContain(
        '<a href="http://127.0.0.1:8470/applications/2026/YSQ2026-001">YSQ2026-001</a>',
      );
      for (const body of [a.text!, String(a.html)]) {
        for (const secret of ["张某某", "13800000000", APPLICATION_FORM.content, "natural-person", "overdue"])
          expect(body).not.toContain(secret);
        expect(body.replace(/http:\/\/\S+/g, "")).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      }
      const sup = smtp.mails.find((m) => (m.to as { text: string }).text === "sup-r@example.test")!;
      expect(sup.text).toContain("【示例市青禾区乙局】");
      expect(sup.text).not.toContain("某公司");
      expect(await s.store.accounts.digestsSent("2026-11-25")).toEqual(
        [clerkA.userId, supR.userId].sort((x, y) => x - y),
      );
    } finally {
      send.close();
    }
    // A second run the same day sends nothing (a new sink sees no message); the next day sends again.
    const again = await sink();
    const send2 = smtpSender({ host: "127.0.0.1", port: again.port, from: "gongwen@example.test" });
    try {
      const second = await runDigests(s.wb, "2026-11-25", { send: send2 });
      expect(second.filter((r) => r.outcome === "already-sent").map((r) => r.username)).toEqual([
        "clerk-a",
        "sup-r",
      ]);
      expect(second.some((r) => r.outcome === "sent")).toBe(false);
      const next = await runDigests(s.wb, "2026-11-26", { send: send2 });
      expect(next.filter((r) => r.outcome === "sent").map((r) => r.username)).toEqual(["clerk-a", "sup-r"]);
    } finally {
      send2.close();
      await again.close();
    }
    expect(again.mails).toHaveLength(2);
  });

  it("a failed send is given back for the next run; a disabled user gets none", async () => {
    // Nothing listens on this port: the send fails, nothing is recorded.
    const smtp = await sink();
    const port = smtp.port;
    await smtp.close();
    const send = smtpSender({ host: "127.0.0.1", port, from: "gongwen@example.test" });
    try {
      const runs = await runDigests(s.wb, "2026-11-25", { send });
      expect(runs.find((r) => r.username === "clerk-a")!.outcome).toBe("failed");
      expect(await s.store.accounts.digestsSent("2026-11-25")).toEqual([]);
    } finally {
      send.close();
    }
    await s.store.accounts.setDisabled(supR.userId, new Date().toISOString());
    const runs = await runDigests(s.wb, "2026-11-25");
    expect(runs.map((r) => r.username)).toEqual(["admin", "clerk-a", "clerk-b"]);
    expect(runs.find((r) => r.username === "clerk-a")!.outcome).toBe("not-sending");
  });
});
