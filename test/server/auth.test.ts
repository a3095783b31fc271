/**
 * Logging in: passwords hashed with scrypt (salted, never stored as given), the rate limit of
 * failed logins per account and per client address (Chinese messages), sessions in the
 * database with their cookie, logging out here and everywhere, the password change.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword, LOCK_MINUTES, MAX_FAILURES, sha256 } from "../../src/server/auth.js";
import { ADMIN_FORM, OFFICE_FORM, testServer, text, type TestServer } from "./helpers.js";

describe("password hashing", () => {
  it("is scrypt with a random salt: the same password hashes differently, and only it verifies", async () => {
    const a = await hashPassword("correct-horse-1");
    const b = await hashPassword("correct-horse-1");
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct-horse-1");
    expect(await verifyPassword("correct-horse-1", a)).toBe(true);
    expect(await verifyPassword("correct-horse-1", b)).toBe(true);
    expect(await verifyPassword("correct-horse-2", a)).toBe(false);
    expect(await verifyPassword("", a)).toBe(false);
    expect(await verifyPassword("correct-horse-1", "plain")).toBe(false);
    // Another salt in the same hash fails.
    const parts = a.split("$");
    parts[4] = b.split("$")[4]!;
    expect(await verifyPassword("correct-horse-1", parts.join("$"))).toBe(false);
  });
});

let s: TestServer;
let clock: Date;
beforeEach(async () => {
  clock = new Date("2026-11-25T09:00:00Z");
  s = await testServer("2026-11-25", { now: () => clock });
  expect((await s.post("/setup/office", OFFICE_FORM)).statusCode).toBe(303);
});
afterEach(async () => {
  await s.close();
});

const USER = ADMIN_FORM["admin.username"];
const PASSWORD = ADMIN_FORM["admin.password"];

describe("the login", () => {
  it("stores the password hashed and the session by its hash; the cookie is HttpOnly and SameSite=Strict", async () => {
    const row = await s.store.db.selectFrom("app_user").selectAll().executeTakeFirstOrThrow();
    expect(row.password_hash).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, row.password_hash)).toBe(true);
    const c = s.client();
    const page = await c.get("/login");
    expect(text(page.body)).toContain("用户名 * 密码 *");
    const r = await c.login(USER, PASSWORD);
    expect([r.statusCode, r.headers.location]).toEqual([303, "/"]);
    const cookie = String(r.headers["set-cookie"]);
    expect(cookie).toMatch(/gongwen_session=[\w-]{43}/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    const sessions = await s.store.db.selectFrom("session").selectAll().execute();
    expect(sessions.map((x) => x.id)).toContain(sha256(c.session!));
    expect(sessions.map((x) => x.id)).not.toContain(c.session);
    expect((await c.get("/")).statusCode).toBe(200);
  });

  it("a wrong password or unknown user: the same Chinese message, 401, no session", async () => {
    const c = s.client();
    for (const [u, p] of [
      [USER, "wrong-password"],
      ["nobody", PASSWORD],
    ]) {
      const r = await c.login(u!, p!);
      expect(r.statusCode).toBe(401);
      expect(text(r.body)).toContain("用户名或密码不正确");
      expect(c.session).toBeUndefined();
    }
  });

  it(`after ${MAX_FAILURES.account} failures the account waits ${LOCK_MINUTES} minutes, even with the right password`, async () => {
    const c = s.client();
    for (let i = 0; i < MAX_FAILURES.account; i++)
      expect((await c.login(USER, "wrong")).statusCode).toBe(401);
    const blocked = await c.login(USER, PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(text(blocked.body)).toContain(`登录失败次数过多，请${LOCK_MINUTES}分钟后再试`);
    expect(c.session).toBeUndefined();
    // Another account is not held up by it.
    const other = await s.user((await s.store.offices())[0]!.id, "other", ["clerk"]);
    expect(other.session).toBeDefined();
    clock = new Date(clock.getTime() + (LOCK_MINUTES - 1) * 60_000);
    expect(text((await c.login(USER, PASSWORD)).body)).toContain("请1分钟后再试");
    clock = new Date(clock.getTime() + 2 * 60_000);
    expect((await c.login(USER, PASSWORD)).statusCode).toBe(303);
    // A success starts the account's count again.
    for (let i = 0; i < MAX_FAILURES.account - 1; i++) await s.client().login(USER, "wrong");
    expect((await s.client().login(USER, PASSWORD)).statusCode).toBe(303);
  });

  it(`after ${MAX_FAILURES.address} failures from one address, that address waits, whatever the account`, async () => {
    const from = (address: string, username: string, password: string) =>
      s.app.inject({ method: "GET", url: "/login", remoteAddress: address }).then(async (page) => {
        const csrf = /name="_csrf" value="([^"]*)"/.exec(page.body)![1]!;
        const cookie = page.cookies.find((k) => k.name === "gongwen_login")!.value;
        return s.app.inject({
          method: "POST",
          url: "/login",
          remoteAddress: address,
          cookies: { gongwen_login: cookie },
          headers: { "content-type": "application/x-www-form-urlencoded" },
          payload: new URLSearchParams({ _csrf: csrf, username, password }).toString(),
        });
      });
    for (let i = 0; i < MAX_FAILURES.address; i++)
      expect((await from("10.0.0.7", `guess${i}`, "x")).statusCode).toBe(401);
    const blocked = await from("10.0.0.7", USER, PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(text(blocked.body)).toContain("登录失败次数过多");
    expect((await from("10.0.0.8", USER, PASSWORD)).statusCode).toBe(303);
  });

  it("a session expires; logging out ends it", async () => {
    const c = s.client();
    await c.login(USER, PASSWORD);
    expect((await c.get("/")).statusCode).toBe(200);
    const out = await c.post("/logout", {});
    expect([out.statusCode, out.headers.location]).toEqual([303, "/login?flash=out"]);
    expect(c.session).toBeUndefined();
    await c.login(USER, PASSWORD);
    const kept = c.session!;
    clock = new Date(clock.getTime() + 13 * 3600_000);
    const late = await s.app.inject({ method: "GET", url: "/", cookies: { gongwen_session: kept } });
    expect([late.statusCode, late.headers.location]).toEqual([303, "/login"]);
  });

  it("logout everywhere ends every session of the user, and only theirs", async () => {
    const phone = s.client();
    const desk = s.client();
    await phone.login(USER, PASSWORD);
    await desk.login(USER, PASSWORD);
    const other = await s.user((await s.store.offices())[0]!.id, "other", ["clerk"]);
    const admin = (await s.store.accounts.login(USER))!;
    expect(await s.store.accounts.sessionCount(admin.id)).toBe(3);
    const r = await phone.post("/logout/everywhere", {});
    expect([r.statusCode, r.headers.location]).toEqual([303, "/login?flash=everywhere"]);
    expect(text((await s.client().get("/login?flash=everywhere")).body)).toContain("已退出所有设备上的登录");
    expect(await s.store.accounts.sessionCount(admin.id)).toBe(0);
    for (const c of [desk, s]) {
      const res = await c.get("/");
      expect([res.statusCode, res.headers.location]).toEqual([303, "/login"]);
    }
    expect((await other.get("/")).statusCode).toBe(200);
  });

  it("changing the password needs the current one and ends every session", async () => {
    const wrong = await s.post("/account/password", {
      current: "nope",
      password: "new-pass-word",
      password2: "new-pass-word",
    });
    expect(wrong.statusCode).toBe(400);
    expect(text(wrong.body)).toContain("当前密码不正确");
    const short = await s.post("/account/password", {
      current: PASSWORD,
      password: "short",
      password2: "short",
    });
    expect(text(short.body)).toContain("密码至少应有8个字符");
    const ok = await s.post("/account/password", {
      current: PASSWORD,
      password: "new-pass-word",
      password2: "new-pass-word",
    });
    expect([ok.statusCode, ok.headers.location]).toEqual([303, "/login?flash=password"]);
    expect((await s.client().login(USER, PASSWORD)).statusCode).toBe(401);
    expect((await s.client().login(USER, "new-pass-word")).statusCode).toBe(303);
  });

  it("the administrator creates a user of their agency (roles chosen), who logs in and is named", async () => {
    const root = (await s.store.offices())[0]!.id;
    const bad = await s.post("/admin/users", {
      "user.agency": String(root),
      "user.username": "x",
      "user.name": "",
    });
    expect(bad.statusCode).toBe(400);
    for (const m of ["用户名应为2–32个字母", "请填写姓名", "密码至少应有8个字符", "请至少选择一个角色"])
      expect(text(bad.body)).toContain(m);
    const made = await s.post("/admin/users", {
      "user.agency": String(root),
      "user.username": "zhou",
      "user.name": "周经办",
      "user.password": "zhou-pass-1",
      "user.password2": "zhou-pass-1",
      "user.role.clerk": "1",
    });
    expect(made.statusCode).toBe(303);
    const again = await s.post("/admin/users", {
      "user.agency": String(root),
      "user.username": "zhou",
      "user.name": "周",
      "user.password": "zhou-pass-1",
      "user.password2": "zhou-pass-1",
      "user.role.clerk": "1",
    });
    expect(text(again.body)).toContain("用户名 zhou 已被使用");
    const c = s.client();
    expect((await c.login("zhou", "zhou-pass-1")).statusCode).toBe(303);
    expect(text((await c.get("/")).body)).toContain("周经办（经办人）");
    // A 经办人 is not an administrator.
    expect((await c.get("/admin")).statusCode).toBe(403);
  });
});
