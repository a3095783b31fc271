/**
 * User and agency management by a 管理员, within their agency and those below it: a user's
 * roles, agency and e-mail; disabling (no login, sessions ended) and deleting (only without
 * history); renaming and moving agencies (never into a cycle). Tried as an attacker too: agency
 * A's administrator cannot touch agency B's users or agencies, a 经办人 reaches none of it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loginFailed, sha256, LOCK_MINUTES } from "../../src/server/auth.js";
import {
  agencyForm,
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
let clerkB: Client & { userId: number };
let adminA: Client & { userId: number };

beforeEach(async () => {
  s = await testServer();
  ids = await rootWithTwoAgencies(s);
  clerkA = await s.user(ids.a, "clerk-a", ["clerk"], { name: "李经办" });
  clerkB = await s.user(ids.b, "clerk-b", ["clerk"], { name: "孙经办" });
  adminA = await s.user(ids.a, "admin-a", ["admin"], { name: "甲管理" });
});
afterEach(async () => {
  await s.close();
});

const userForm = (agency: number, roles: string[], email = "") => ({
  "user.agency": String(agency),
  "user.email": email,
  ...Object.fromEntries(roles.map((r) => [`user.role.${r}`, "1"])),
});

describe("users", () => {
  it("the administrator changes a user's roles, agency and e-mail; bad input is a field message, nothing saved", async () => {
    const page = await s.get(`/admin/users/${clerkA.userId}`);
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain("用户 李经办 clerk-a");
    const bad = await s.post(`/admin/users/${clerkA.userId}`, userForm(ids.a, [], "not-an-address"));
    expect(bad.statusCode).toBe(400);
    expect(text(bad.body)).toContain("电子邮箱格式不正确");
    expect(text(bad.body)).toContain("请至少选择一个角色");
    expect((await s.store.accounts.user(clerkA.userId))!.email).toBeNull();
    const ok = await s.post(
      `/admin/users/${clerkA.userId}`,
      userForm(ids.b, ["clerk", "head"], "li@example.test"),
    );
    expect([ok.statusCode, ok.headers.location]).toEqual([303, "/admin?flash=saved"]);
    const u = (await s.store.accounts.user(clerkA.userId))!;
    expect([u.officeId, u.roles, u.email]).toEqual([ids.b, ["clerk", "head"], "li@example.test"]);
    // The user now works in agency B (the session follows the new agency).
    expect(text((await clerkA.get("/")).body)).toContain("示例市青禾区乙局");
    const list = text((await s.get("/admin")).body);
    expect(list).toContain("li@example.test");
    // An administrator cannot take away their own administrator role or move themselves.
    const me = (await s.store.accounts.users()).find((x) => x.username === "admin")!;
    const self = await s.post(`/admin/users/${me.id}`, userForm(ids.root, ["clerk"]));
    expect(self.statusCode).toBe(400);
    expect(text(self.body)).toContain("不能取消自己的管理员角色");
    expect((await s.store.accounts.user(me.id))!.roles).toContain("admin");
  });

  it("a disabled user cannot log in and their sessions end; enabled again, they can", async () => {
    expect((await clerkA.get("/")).statusCode).toBe(200);
    expect((await s.post(`/admin/users/${clerkA.userId}/disable`, {})).statusCode).toBe(303);
    expect(await s.store.accounts.sessionCount(clerkA.userId)).toBe(0);
    expect([(await clerkA.get("/")).statusCode, (await clerkA.get("/")).headers.location]).toEqual([
      303,
      "/login",
    ]);
    const refused = await s.client().login("clerk-a", "pass-word-9");
    expect(refused.statusCode).toBe(403);
    expect(text(refused.body)).toContain("该账户已停用");
    // A wrong password says nothing about the account.
    expect(text((await s.client().login("clerk-a", "wrong-pass-1")).body)).toContain("用户名或密码不正确");
    expect(text((await s.get("/admin")).body)).toMatch(/李经办 clerk-a 示例市青禾区甲局 经办人 — 已停用/);
    expect((await s.post(`/admin/users/${clerkA.userId}/enable`, {})).statusCode).toBe(303);
    expect((await s.client().login("clerk-a", "pass-word-9")).statusCode).toBe(303);
    // Not oneself.
    const me = (await s.store.accounts.users()).find((x) => x.username === "admin")!;
    expect((await s.post(`/admin/users/${me.id}/disable`, {})).statusCode).toBe(400);
  });

  it("deletes a user without history; one with history can only be disabled", async () => {
    expect((await clerkA.post("/applications", APPLICATION_FORM)).statusCode).toBe(303);
    const kept = await s.post(`/admin/users/${clerkA.userId}/delete`, {});
    expect(kept.statusCode).toBe(409);
    expect(text(kept.body)).toContain("该用户已有办理记录，不能删除；可以停用");
    expect(await s.store.accounts.user(clerkA.userId)).not.toBeNull();
    expect(text((await s.get(`/admin/users/${clerkA.userId}`)).body)).toContain("不能删除，只能停用");
    expect(text((await s.get(`/admin/users/${clerkB.userId}`)).body)).toContain("可以删除");
    expect((await s.post(`/admin/users/${clerkB.userId}/delete`, {})).statusCode).toBe(303);
    expect(await s.store.accounts.user(clerkB.userId)).toBeNull();
    expect((await clerkB.get("/")).headers.location).toBe("/login");
  });

  it("agency A's administrator reaches A's users only; a 经办人 reaches none of it", async () => {
    for (const url of [`/admin/users/${clerkB.userId}`, "/admin/users/987654", `/admin/agencies/${ids.b}`])
      expect((await adminA.get(url)).statusCode, url).toBe(404);
    for (const [url, form] of [
      [`/admin/users/${clerkB.userId}`, userForm(ids.a, ["admin"])],
      [`/admin/users/${clerkB.userId}/disable`, {}],
      [`/admin/users/${clerkB.userId}/delete`, {}],
      [`/admin/agencies/${ids.b}`, { name: "改名" }],
      [`/admin/agencies/${ids.root}`, { name: "改名" }],
    ] as const)
      expect((await adminA.post(url, form)).statusCode, url).toBe(404);
    // Their own user: not into agency B, which is outside their reach.
    const out = await adminA.post(`/admin/users/${clerkA.userId}`, userForm(ids.b, ["clerk"]));
    expect(out.statusCode).toBe(400);
    expect((await s.store.accounts.user(clerkA.userId))!.officeId).toBe(ids.a);
    const b = (await s.store.accounts.user(clerkB.userId))!;
    expect([b.roles, b.disabledAt]).toEqual([["clerk"], null]);
    expect((await s.store.offices()).map((o) => o.name)).toContain("示例市青禾区乙局");
    for (const url of [`/admin/users/${clerkA.userId}`, `/admin/agencies/${ids.a}`])
      expect((await clerkA.get(url)).statusCode, url).toBe(403);
    expect((await clerkA.post(`/admin/users/${clerkA.userId}`, userForm(ids.a, ["admin"]))).statusCode).toBe(
      403,
    );
  });
});

describe("agencies", () => {
  it("renames and moves an agency; a move into its own subtree is refused with a clear message", async () => {
    expect(
      (await s.post("/admin/agencies", agencyForm("示例市青禾区甲局一科", "青禾甲一", ids.a))).statusCode,
    ).toBe(303);
    const sub = (await s.store.offices()).find((o) => o.name === "示例市青禾区甲局一科")!;
    // A under its own department: a cycle.
    const cycle = await s.post(`/admin/agencies/${ids.a}`, {
      name: "示例市青禾区甲局",
      parent: String(sub.id),
    });
    expect(cycle.statusCode).toBe(400);
    expect(text(cycle.body)).toContain("不能把机关移到它自己或它的下属机关之下");
    expect((await s.store.offices()).find((o) => o.id === ids.a)!.parentId).toBe(ids.root);
    // The department moves under B, and is renamed.
    const moved = await s.post(`/admin/agencies/${sub.id}`, {
      name: "示例市青禾区乙局一科",
      parent: String(ids.b),
    });
    expect(moved.statusCode).toBe(303);
    const now = (await s.store.offices()).find((o) => o.id === sub.id)!;
    expect([now.name, now.parentId]).toEqual(["示例市青禾区乙局一科", ids.b]);
    expect(text((await s.get("/admin")).body)).toContain("示例市青禾区乙局一科");
    // A under B, then B under A: the second is a cycle.
    expect(
      (await s.post(`/admin/agencies/${ids.a}`, { name: "示例市青禾区甲局", parent: String(ids.b) }))
        .statusCode,
    ).toBe(303);
    const back = await s.post(`/admin/agencies/${ids.b}`, {
      name: "示例市青禾区乙局",
      parent: String(ids.a),
    });
    expect(back.statusCode).toBe(400);
    expect(text(back.body)).toContain("形成循环");
    // The administrator's own (root) agency has no parent to choose; its name can change.
    expect(text((await s.get(`/admin/agencies/${ids.root}`)).body)).toContain("由上级机关的管理员调整");
    expect((await s.post(`/admin/agencies/${ids.root}`, { name: "示例市青禾区市场监管局" })).statusCode).toBe(
      303,
    );
    expect((await s.store.offices())[0]!.name).toBe("示例市青禾区市场监管局");
    expect((await s.post(`/admin/agencies/${ids.root}`, { name: " " })).statusCode).toBe(400);
  });

  it("sets the agency's working days ahead for the digest (empty: the default)", async () => {
    const bad = await s.post(`/admin/agencies/${ids.a}`, { name: "示例市青禾区甲局", digestDays: "99" });
    expect(bad.statusCode).toBe(400);
    expect(text(bad.body)).toContain("请填写0–60的整数");
    expect(await s.store.setting(ids.a, "digest.days")).toBeUndefined();
    expect(
      (await s.post(`/admin/agencies/${ids.a}`, { name: "示例市青禾区甲局", digestDays: "10" })).statusCode,
    ).toBe(303);
    expect(await s.store.setting(ids.a, "digest.days")).toBe(10);
    expect((await s.get(`/admin/agencies/${ids.a}`)).body).toMatch(/name="digestDays"[^>]*value="10"/);
    expect(text((await clerkA.get("/digest")).body)).toContain("没有已逾期或10个工作日内到期的申请");
    expect(
      (await s.post(`/admin/agencies/${ids.a}`, { name: "示例市青禾区甲局", digestDays: "" })).statusCode,
    ).toBe(303);
    expect(text((await clerkA.get("/digest")).body)).toContain("没有已逾期或5个工作日内到期的申请");
  });
});

describe("forms a role cannot use are not shown; old login failures removed", () => {
  it("a 监督 sees no register button, a 经办人 does", async () => {
    const sup = await s.user(ids.root, "sup-r", ["supervisor"]);
    expect((await sup.get("/")).body).not.toContain("登记新申请");
    expect((await clerkA.get("/")).body).toContain("登记新申请");
  });

  it("a failed login removes the failure rows older than the lock", async () => {
    const old = new Date(Date.now() - (LOCK_MINUTES + 5) * 60_000);
    await loginFailed(s.store, "someone", "10.0.0.1", old);
    const oldKey = sha256("account:someone");
    expect(await s.store.accounts.failures([oldKey])).toHaveLength(1);
    await loginFailed(s.store, "other", "10.0.0.2");
    expect(await s.store.accounts.failures([oldKey])).toEqual([]);
    expect(await s.store.accounts.failures([sha256("account:other")])).toHaveLength(1);
  });
});
