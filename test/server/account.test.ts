/**
 * 我的账户: a logged-in user changes their own e-mail address (validated; empty removes it) and
 * password (the current one required; every other session ends); both forms carry the
 * session's CSRF token.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rootWithTwoAgencies, testServer, text, type TestServer } from "./helpers.js";

let s: TestServer;
let ids: { root: number; a: number; b: number };

beforeEach(async () => {
  s = await testServer("2026-11-25");
  ids = await rootWithTwoAgencies(s);
});
afterEach(async () => {
  await s.close();
});

describe("我的账户", () => {
  it("changes one's own e-mail address, validated, and only with the session's CSRF token", async () => {
    const clerk = await s.user(ids.a, "clerk-a", ["clerk"]);
    const page = await clerk.get("/account");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('action="/account/email"');

    const bad = await clerk.post("/account/email", { email: "not an address" });
    expect(bad.statusCode).toBe(400);
    expect(text(bad.body)).toContain("电子邮箱格式不正确");
    expect((await s.store.accounts.user(clerk.userId))!.email).toBeNull();

    const forged = await clerk.post("/account/email", { email: "evil@example.com" }, { csrf: "forged" });
    expect(forged.statusCode).toBe(403);
    expect(
      (await clerk.post("/account/email", { email: "evil@example.com" }, { csrf: null })).statusCode,
    ).toBe(403);
    expect((await s.store.accounts.user(clerk.userId))!.email).toBeNull();

    const ok = await clerk.post("/account/email", { email: " li@qinghe.gov.cn " });
    expect(ok.statusCode).toBe(303);
    expect((await s.store.accounts.user(clerk.userId))!.email).toBe("li@qinghe.gov.cn");
    const after = await clerk.get(ok.headers.location as string);
    expect(text(after.body)).toContain("电子邮箱已保存");
    expect(after.body).toContain('value="li@qinghe.gov.cn"');
    // Another user's address is not touched.
    expect((await s.store.accounts.login("admin"))!.email).toBeNull();

    expect((await clerk.post("/account/email", { email: "" })).statusCode).toBe(303);
    expect((await s.store.accounts.user(clerk.userId))!.email).toBeNull();
    // Without a session: no change.
    expect((await s.client().post("/account/email", { email: "x@example.com" })).statusCode).toBe(401);
  });

  it("changes the password with the current one; every other session ends", async () => {
    await s.user(ids.a, "clerk-a", ["clerk"], { password: "old-pass-word" });
    const here = s.client();
    expect((await here.login("clerk-a", "old-pass-word")).statusCode).toBe(303);
    const elsewhere = s.client();
    expect((await elsewhere.login("clerk-a", "old-pass-word")).statusCode).toBe(303);

    const wrong = await here.post("/account/password", {
      current: "not-it-at-all",
      password: "new-pass-word",
      password2: "new-pass-word",
    });
    expect(wrong.statusCode).toBe(400);
    expect(text(wrong.body)).toContain("当前密码不正确");
    const short = await here.post("/account/password", {
      current: "old-pass-word",
      password: "short",
      password2: "short",
    });
    expect(short.statusCode).toBe(400);
    expect((await elsewhere.get("/")).statusCode).toBe(200);

    const done = await here.post("/account/password", {
      current: "old-pass-word",
      password: "new-pass-word",
      password2: "new-pass-word",
    });
    expect(done.statusCode).toBe(303);
    expect((await elsewhere.get("/")).headers.location).toBe("/login");
    expect((await s.client().login("clerk-a", "old-pass-word")).statusCode).toBe(401);
    expect((await s.client().login("clerk-a", "new-pass-word")).statusCode).toBe(303);
  });
});
