/**
 * The workbench as an attacker sees it: every route the server registered (collected as they
 * are added, so a new route is covered without touching this file) is tried without a session,
 * by a user of another agency with that agency's record ids (and with guessed ones), by a
 * 经办人 where the 负责人 must act, by a 监督 who may only read, and with a wrong CSRF token.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SERVER_ROUTES, type RegisteredRoute } from "../../src/server/app.js";
import { ROUTE_ACCESS } from "../../src/server/auth.js";
import {
  APPLICATION_FORM,
  rootWithTwoAgencies,
  testServer,
  text,
  type Client,
  type TestServer,
} from "./helpers.js";

let s: TestServer;
let ids: { root: number; a: number; b: number };
let clerkA: Client & { userId: number };
let headA: Client & { userId: number };
let clerkB: Client & { userId: number };

/** What only agency B's records hold: it never shows to a user of agency A. */
const B_MARKER = "乙局专属申请内容";

async function stateOf(agency: number) {
  return {
    apps: (await s.store.applications(agency)).map((a) => [a.record.id, a.version]),
    history: await s.store.historyCount(agency),
    users: (await s.store.accounts.users([agency])).map((u) => [u.username, u.roles.join()]),
  };
}

function routes(): RegisteredRoute[] {
  const list = SERVER_ROUTES.get(s.app)!;
  // Every route of the access table is registered, and every registered route is in it.
  expect(new Set(list.map((r) => `${r.method} ${r.url}`))).toEqual(new Set(Object.keys(ROUTE_ACCESS)));
  return list;
}

const accessOf = (r: RegisteredRoute) => ROUTE_ACCESS[`${r.method} ${r.url}`];

/** The route's path with its parameters filled in. */
function fill(url: string, values: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(values[name] ?? "x"));
}

const B_VALUES = () => ({
  name: "app.css",
  year: "2026",
  id: "YSQ2026-777",
  step: "reply",
  suffix: "receipt",
  file: "receipt.pdf",
  uid: String(clerkB.userId),
  aid: String(ids.b),
});

beforeEach(async () => {
  s = await testServer();
  ids = await rootWithTwoAgencies(s);
  clerkA = await s.user(ids.a, "clerk-a", ["clerk"], { name: "李经办" });
  headA = await s.user(ids.a, "head-a", ["head"], { name: "赵主任" });
  clerkB = await s.user(ids.b, "clerk-b", ["clerk"], { name: "孙经办" });
  // The same register number in both agencies, and one only B has.
  expect((await clerkA.post("/applications", APPLICATION_FORM)).statusCode).toBe(303);
  expect((await clerkB.post("/applications", { ...APPLICATION_FORM, content: B_MARKER })).statusCode).toBe(
    303,
  );
  expect(
    (await clerkB.post("/applications", { ...APPLICATION_FORM, id: "YSQ2026-777", content: B_MARKER }))
      .statusCode,
  ).toBe(303);
  // A ledger preview waiting in agency B.
  await s.store.putPreview({
    token: "b-preview",
    officeId: ids.b,
    kind: "applications",
    year: 2026,
    payload: "{}",
    createdAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  });
});
afterEach(async () => {
  await s.close();
});

const FORM = {
  ...APPLICATION_FORM,
  version: "1",
  token: "b-preview",
  agency: "0",
  password: "another-pass-9",
  "user.agency": "0",
  "user.username": "intruder",
  "user.name": "入侵者",
  "user.password": "another-pass-9",
  "user.password2": "another-pass-9",
  "user.role.admin": "1",
  "reply.date": "2026-11-20",
  "reply.type": "disclosed",
  text: "{}",
  fileName: "x.json",
};

describe("every route, as an attacker", () => {
  it("without a session: a page sends to the login page, anything else is 401", async () => {
    const anon = s.client();
    for (const r of routes()) {
      const access = accessOf(r);
      if (access === "public") continue;
      const url = fill(r.url, B_VALUES());
      const res = r.method === "GET" ? await anon.get(url) : await anon.post(url, FORM, { csrf: "x" });
      const where = `${r.method} ${r.url}`;
      if (access === "setup") {
        // The setup is closed once users exist, for everyone.
        expect([303, 409], where).toContain(res.statusCode);
        if (res.statusCode === 303) expect(res.headers.location, where).toBe("/");
      } else if (r.method === "GET") {
        expect([res.statusCode, res.headers.location], where).toEqual([303, "/login"]);
      } else expect(res.statusCode, where).toBe(401);
    }
  });

  it("a user of agency A gets 403/404 for agency B's records, ids known or guessed, and never sees them", async () => {
    const before = await stateOf(ids.b);
    const guessed = { ...B_VALUES(), id: "YSQ2026-999", uid: "987654", aid: "987654" };
    for (const user of [clerkA, headA]) {
      for (const r of routes()) {
        if (accessOf(r) === "public" || accessOf(r) === "setup" || r.url.startsWith("/logout")) continue;
        const where = `${r.method} ${r.url}`;
        const send = (values: Record<string, string>) =>
          r.method === "GET" ? user.get(fill(r.url, values)) : user.post(fill(r.url, values), FORM);
        const known = await send(B_VALUES());
        if (/:(id|uid|aid)\b/.test(r.url)) {
          expect([403, 404], where).toContain(known.statusCode);
          // A guessed id is answered just like a real one of another agency.
          const guess = await send(guessed);
          expect(guess.statusCode, where).toBe(known.statusCode);
        }
        expect(known.statusCode, where).not.toBe(500);
        if (known.statusCode === 200) expect(known.body, where).not.toContain(B_MARKER);
      }
    }
    // The agency switch refuses an agency outside the user's scope.
    expect((await clerkA.post("/session/agency", { agency: String(ids.b) })).statusCode).toBe(404);
    expect(text((await clerkA.get("/")).body)).not.toContain(B_MARKER);
    // Nothing of agency B changed; B's preview is still waiting; B's user still logs in.
    expect(await stateOf(ids.b)).toEqual(before);
    expect(await s.store.preview(ids.b, "b-preview", new Date().toISOString())).not.toBeNull();
    expect((await s.client().login("clerk-b", "pass-word-9")).statusCode).toBe(303);
  });

  it("a 经办人 cannot approve an extension or sign off a reply; the 负责人 can", async () => {
    const base = "/applications/2026/YSQ2026-001";
    const ext = {
      version: "1",
      "extension.approved": "2026-11-18",
      "extension.notified": "2026-11-18",
      "extension.days": "20",
    };
    const refused = await clerkA.post(`${base}/steps/extension`, ext);
    expect(refused.statusCode).toBe(403);
    expect(text(refused.body)).toContain("须由本机关政府信息公开工作机构负责人进行");
    expect((await s.store.application(ids.a, 2026, "YSQ2026-001"))!.record.extension).toBeUndefined();
    expect((await headA.post(`${base}/steps/extension`, ext)).statusCode).toBe(303);
    expect(
      (
        await clerkA.post(`${base}/steps/reply`, {
          version: "2",
          "reply.date": "2026-11-20",
          "reply.type": "disclosed",
        })
      ).statusCode,
    ).toBe(303);
    expect((await clerkA.post(`${base}/sign-off`, { version: "3" })).statusCode).toBe(403);
    expect((await clerkA.post(`${base}/letters/reply/issue`, {})).statusCode).toBe(400);
    expect((await headA.post(`${base}/sign-off`, { version: "3" })).statusCode).toBe(303);
    expect((await clerkA.post(`${base}/letters/reply/issue`, {})).statusCode).toBe(303);
    // The head approves and signs; the clerk handles: neither does the other's work.
    expect((await headA.post("/applications", { ...APPLICATION_FORM, id: "YSQ2026-002" })).statusCode).toBe(
      403,
    );
  });

  it("a 监督 reads its agency and those below it, and every POST that changes anything is 403", async () => {
    const supR = await s.user(ids.root, "sup-r", ["supervisor"], { name: "钱监督" });
    const before = { a: await stateOf(ids.a), b: await stateOf(ids.b), root: await stateOf(ids.root) };
    const check = async () => {
      for (const r of routes()) {
        if (r.method !== "POST") continue;
        const access = accessOf(r);
        // Its own session (log out, switch agency, own password) is not the agency's data; a
        // year-end batch (oversee) makes documents of the data, it changes none of it.
        if (access === "public" || access === "session" || access === "setup" || access === "oversee")
          continue;
        const res = await supR.post(fill(r.url, { ...B_VALUES(), id: "YSQ2026-001" }), FORM);
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
      }
    };
    await check();
    // Looking at department B: its records are readable, still nothing can be changed.
    expect((await supR.post("/session/agency", { agency: String(ids.b) })).statusCode).toBe(303);
    const page = await supR.get("/applications/2026/YSQ2026-777");
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain(B_MARKER);
    expect(text((await supR.get("/")).body)).toContain("YSQ2026-777");
    await check();
    expect({ a: await stateOf(ids.a), b: await stateOf(ids.b), root: await stateOf(ids.root) }).toEqual(
      before,
    );
    // A 监督 of department A does not reach its sibling B.
    const supA = await s.user(ids.a, "sup-a", ["supervisor"]);
    expect((await supA.post("/session/agency", { agency: String(ids.b) })).statusCode).toBe(404);
  });

  it("a wrong or missing CSRF token is 403 on every POST, and nothing is written", async () => {
    const before = { a: await stateOf(ids.a), root: await stateOf(ids.root) };
    for (const r of routes()) {
      if (r.method !== "POST" || accessOf(r) === "setup") continue;
      const url = fill(r.url, { ...B_VALUES(), id: "YSQ2026-001", uid: String(clerkA.userId) });
      for (const csrf of ["forged", null]) {
        for (const user of [s, clerkA, headA]) {
          const res = await user.post(url, FORM, { csrf });
          expect(res.statusCode, `${r.method} ${r.url} ${csrf}`).toBe(403);
        }
      }
    }
    // Another user's CSRF token does not do either.
    const res = await clerkA.post(
      "/applications",
      { ...APPLICATION_FORM, id: "YSQ2026-005" },
      { csrf: await headA.csrf() },
    );
    expect(res.statusCode).toBe(403);
    expect({ a: await stateOf(ids.a), root: await stateOf(ids.root) }).toEqual(before);
    expect(clerkA.session).toBeDefined();
  });
});

describe("history names the user", () => {
  it("each row carries the user's id; the timeline shows their display name", async () => {
    const base = "/applications/2026/YSQ2026-001";
    await clerkA.post(`${base}/steps/reply`, {
      version: "1",
      "reply.date": "2026-11-20",
      "reply.type": "disclosed",
    });
    await headA.post(`${base}/sign-off`, { version: "2" });
    const rows = await s.store.historyOf(ids.a, 2026, "YSQ2026-001");
    const by = new Map(rows.map((r) => [r.action, r.userId]));
    expect(by.get("register")).toBe(clerkA.userId);
    expect(by.get("reply")).toBe(clerkA.userId);
    expect(by.get("sign-off")).toBe(headA.userId);
    const page = text((await headA.get(base)).body);
    expect(page).toMatch(/· 李经办 登记申请/);
    expect(page).toMatch(/· 赵主任 负责人签批答复/);
    expect(page).toContain("答复已由赵主任于");
  });
});
