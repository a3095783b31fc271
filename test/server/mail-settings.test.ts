/**
 * 邮件设置: the digest's SMTP server stored in the database, edited by a 管理员 of the root
 * agency only (CSRF-protected); the password is write-only (never in a page, kept when the field
 * is left empty); the digest sender reads the stored settings, and the command line's flags
 * override them. Sent to local SMTP sinks only.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { runDigests, smtpConfigOf, smtpSender } from "../../src/server/digest.js";
import { APPLICATION_FORM, rootWithTwoAgencies, testServer, text, type TestServer } from "./helpers.js";
import { sink } from "./smtp-sink.js";

let s: TestServer;
let ids: { root: number; a: number; b: number };
const PASSWORD = "Smtp-Pa55-word-xyz";

beforeEach(async () => {
  s = await testServer("2026-11-25");
  ids = await rootWithTwoAgencies(s);
});
afterEach(async () => {
  await s.close();
});

/** A local SMTP server that requires a login: the credentials it was given, and the mails. */
async function authSink() {
  const logins: { username: string; password: string }[] = [];
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authMethods: ["PLAIN", "LOGIN"],
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push({ username: auth.username ?? "", password: auth.password ?? "" });
      if (auth.password === PASSWORD) callback(null, { user: auth.username });
      else callback(new Error("bad login"));
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((m) => {
        mails.push(m);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return { port, logins, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const FORM = (port: number) => ({
  host: "127.0.0.1",
  port: String(port),
  from: "gongwen@qinghe.example",
  username: "digest-bot",
  password: PASSWORD,
});

describe("邮件设置", () => {
  it("the root agency's 管理员 saves them; the password is never shown back and kept when left empty", async () => {
    expect((await s.get("/admin")).body).toContain('href="/admin/mail"');
    const empty = await s.get("/admin/mail");
    expect(empty.statusCode).toBe(200);
    expect(text(empty.body)).toContain("尚未设置");

    const bad = await s.post("/admin/mail", { ...FORM(25), host: "", from: "nobody", port: "70000" });
    expect(bad.statusCode).toBe(400);
    for (const m of ["请填写发信服务器的地址", "发件地址格式不正确", "端口应为1–65535的整数"])
      expect(text(bad.body)).toContain(m);
    expect(bad.body).not.toContain(PASSWORD);
    expect(await s.store.mailSettings()).toBeNull();

    const saved = await s.post("/admin/mail", FORM(2525));
    expect(saved.statusCode).toBe(303);
    const stored = await s.store.mailSettings();
    expect(stored).toMatchObject({
      host: "127.0.0.1",
      port: 2525,
      secure: false,
      username: "digest-bot",
      from: "gongwen@qinghe.example",
      hasPassword: true,
      updatedBy: "王管理",
    });
    expect(JSON.stringify(stored)).not.toContain(PASSWORD);
    expect(await s.store.mailPassword()).toBe(PASSWORD);
    const page = await s.get(saved.headers.location as string);
    expect(text(page.body)).toContain("已保存邮件设置");
    expect(text(page.body)).toContain("已保存密码（不显示）");
    expect(page.body).toContain('value="digest-bot"');
    expect(page.body).not.toContain(PASSWORD);
    expect(text(page.body)).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    // Left empty: the password stays; the other fields change.
    expect((await s.post("/admin/mail", { ...FORM(2526), password: "" })).statusCode).toBe(303);
    expect((await s.store.mailSettings())!.port).toBe(2526);
    expect(await s.store.mailPassword()).toBe(PASSWORD);
    // Removed on request; everything empty removes the settings.
    expect(
      (await s.post("/admin/mail", { ...FORM(2526), password: "", clearPassword: "1" })).statusCode,
    ).toBe(303);
    expect(await s.store.mailPassword()).toBeNull();
    expect((await s.post("/admin/mail", { host: "", port: "", from: "", username: "" })).statusCode).toBe(
      303,
    );
    expect(await s.store.mailSettings()).toBeNull();
  });

  it("nobody else may see or change them, and never without the session's CSRF token", async () => {
    const adminA = await s.user(ids.a, "admin-a", ["admin"]);
    const clerk = await s.user(ids.root, "clerk-r", ["clerk", "head"]);
    const sup = await s.user(ids.root, "sup-r", ["supervisor"]);
    for (const [who, c] of [
      ["sub-agency admin", adminA],
      ["clerk", clerk],
      ["supervisor", sup],
    ] as const) {
      expect((await c.get("/admin/mail")).statusCode, who).toBe(403);
      expect((await c.post("/admin/mail", FORM(25))).statusCode, who).toBe(403);
    }
    expect((await adminA.get("/admin")).body).not.toContain('href="/admin/mail"');
    expect((await s.post("/admin/mail", FORM(25), { csrf: null })).statusCode).toBe(403);
    expect((await s.client().post("/admin/mail", FORM(25))).statusCode).toBe(401);
    expect(await s.store.mailSettings()).toBeNull();
  });

  it("the digest is sent through the stored server, logged in with the stored password; flags override", async () => {
    const clerkA = await s.user(ids.a, "clerk-a", ["clerk"]);
    expect(
      (
        await clerkA.post("/applications", {
          ...APPLICATION_FORM,
          submitted: "2026-09-15",
          signedFor: "2026-09-15",
        })
      ).statusCode,
    ).toBe(303);
    const u = (await s.store.accounts.login("clerk-a"))!;
    await s.store.accounts.updateUser(u.id, {
      roles: u.roles,
      officeId: u.officeId,
      email: "clerk-a@example.test",
    });
    const smtp = await authSink();
    try {
      expect((await s.post("/admin/mail", FORM(smtp.port))).statusCode).toBe(303);
      const config = (await smtpConfigOf(s.store))!;
      expect(config).toMatchObject({ host: "127.0.0.1", port: smtp.port, user: "digest-bot" });
      const send = smtpSender(config);
      try {
        const runs = await runDigests(s.wb, "2026-11-25", { send });
        expect(runs.find((r) => r.username === "clerk-a")!.outcome).toBe("sent");
      } finally {
        send.close();
      }
      expect(smtp.logins).toEqual([{ username: "digest-bot", password: PASSWORD }]);
      expect(smtp.mails.map((m) => m.from?.text)).toEqual(["gongwen@qinghe.example"]);
    } finally {
      await smtp.close();
    }
    // The command line's flags win over the stored settings, field by field.
    const other = await sink();
    try {
      const config = (await smtpConfigOf(s.store, { port: other.port, from: "cli@example.test", user: "" }))!;
      expect(config).toMatchObject({ host: "127.0.0.1", port: other.port, from: "cli@example.test" });
      const send = smtpSender(config);
      try {
        const runs = await runDigests(s.wb, "2026-11-26", { send });
        expect(runs.find((r) => r.username === "clerk-a")!.outcome).toBe("sent");
      } finally {
        send.close();
      }
    } finally {
      await other.close();
    }
    expect(other.mails.map((m) => m.from?.text)).toEqual(["cli@example.test"]);
    // Nothing stored and nothing given: no server to send through.
    expect((await s.post("/admin/mail", { host: "", port: "", from: "", username: "" })).statusCode).toBe(
      303,
    );
    expect(await smtpConfigOf(s.store)).toBeNull();
    expect(await smtpConfigOf(s.store, { host: "127.0.0.1", from: "cli@example.test" })).toMatchObject({
      port: 25,
    });
  });
});
