/**
 * `gongwen digest --send` on the engine under test, against a local SMTP sink: run twice the same
 * day, each digest is sent once (the database records the sends); bad input exits 2. Slow (four
 * runs of the command), hence a full test.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APPLICATION_FORM, rootWithTwoAgencies, testServer, type TestServer } from "./helpers.js";
import { TEST_ENGINE } from "../helpers/db.js";
import { sink } from "./smtp-sink.js";

let s: TestServer;

const received = (id: string, day: string) => ({ ...APPLICATION_FORM, id, submitted: day, signedFor: day });

beforeEach(async () => {
  s = await testServer("2026-11-25", { file: true });
  const ids = await rootWithTwoAgencies(s);
  const clerkA = await s.user(ids.a, "clerk-a", ["clerk"]);
  const clerkB = await s.user(ids.b, "clerk-b", ["clerk"]);
  await s.user(ids.root, "sup-r", ["supervisor"]);
  expect((await clerkA.post("/applications", received("YSQ2026-001", "2026-09-15"))).statusCode).toBe(303);
  expect((await clerkB.post("/applications", received("YSQ2026-001", "2026-11-02"))).statusCode).toBe(303);
  for (const u of await s.store.accounts.users())
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

describe(`gongwen digest (${TEST_ENGINE})`, () => {
  const CLI = join("dist", "cli", "main.js");
  // Awaited, not spawnSync: the SMTP sink answers in this process meanwhile.
  const cli = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
      child.on("close", (status) => resolve({ status, stdout, stderr }));
    });

  it("sends each digest once a day, run twice; bad input exits 2", async () => {
    const smtp = await sink();
    const args = [
      "digest",
      "--database",
      s.target,
      "--date",
      "2026-11-25",
      "--send",
      "--smtp-host",
      "127.0.0.1",
      "--smtp-port",
      String(smtp.port),
      "--smtp-from",
      "gongwen@example.test",
    ];
    // The test server holds its own connection; the command opens another on the same database.
    const one = await cli(...args);
    expect(one.stderr).toBe("");
    expect(one.status).toBe(0);
    expect(one.stdout).toContain("2026年11月25日的每日提醒（4位用户）");
    expect(one.stdout).toContain("clerk-a：已逾期1件，即将到期0件；已发送");
    expect(one.stdout).toContain("clerk-b：已逾期0件，即将到期1件；未登记电子邮箱，未发送");
    const two = await cli(...args);
    expect(two.status).toBe(0);
    expect(two.stdout).toContain("clerk-a：已逾期1件，即将到期0件；今日已发送过，未重发");
    await smtp.close();
    expect(smtp.mails).toHaveLength(2);
    for (const out of [one.stdout, two.stdout]) expect(out).not.toContain("张某某");
    const bad = await cli("digest", "--database", s.target, "--send");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--smtp-host");
    expect((await cli("digest", "--database", s.target, "--date", "2026-02-30")).status).toBe(2);
  });

  it("--send without --smtp-* flags sends through the stored 邮件设置; a flag overrides it", async () => {
    const smtp = await sink();
    const other = await sink();
    try {
      await s.store.setMailSettings(
        { host: "127.0.0.1", port: smtp.port, secure: false, username: null, from: "stored@example.test" },
        null,
      );
      const one = await cli("digest", "--database", s.target, "--date", "2026-11-25", "--send");
      expect(one.stderr).toBe("");
      expect(one.status).toBe(0);
      expect(one.stdout).toContain("clerk-a：已逾期1件，即将到期0件；已发送");
      const two = await cli(
        "digest",
        "--database",
        s.target,
        "--date",
        "2026-11-26",
        "--send",
        "--smtp-port",
        String(other.port),
      );
      expect(two.status).toBe(0);
    } finally {
      await smtp.close();
      await other.close();
    }
    expect(smtp.mails.map((m) => m.from?.text)).toContain("stored@example.test");
    expect(other.mails.length).toBeGreaterThan(0);
    expect(other.mails.every((m) => m.from?.text === "stored@example.test")).toBe(true);
  });
});
