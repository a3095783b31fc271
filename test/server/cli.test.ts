/**
 * `gongwen db migrate` and `gongwen serve --database …` on the engine under test (a SQLite file,
 * or a postgres:// URL when the suite runs on PostgreSQL): the same application on both.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TEST_ENGINE, testDatabase, type TestDatabase } from "../helpers/db.js";

const CLI = join("dist", "cli", "main.js");
let database: TestDatabase;
let target: string;
beforeEach(async () => {
  database = await testDatabase();
  target =
    TEST_ENGINE === "postgres"
      ? database.target
      : join(mkdtempSync(join(tmpdir(), "gongwen-cli-")), "w.sqlite");
});
afterEach(async () => {
  await database.drop();
});

function cli(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
}

const ADMIN = {
  "admin.username": "admin",
  "admin.name": "王管理",
  "admin.password": "correct-horse-1",
  "admin.password2": "correct-horse-1",
};

describe(`gongwen db migrate and serve --database (${TEST_ENGINE})`, () => {
  it("migrates an empty database, then says it is up to date", () => {
    const first = cli("db", "migrate", "--database", target);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("已升级数据库");
    expect(first.stdout).toContain("0001-initial");
    const again = cli("db", "migrate", "--database", target);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("数据库已是最新版本");
  });

  it("names a server it cannot reach, without the password, exit 2", () => {
    const r = cli("db", "migrate", "--database", "postgres://clerk:secret-pw@127.0.0.1:1/none");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("无法升级数据库 postgres://clerk:***@127.0.0.1:1/none");
    expect(r.stderr).not.toContain("secret-pw");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("serves the workbench on the database: setup, office created, worklist", async () => {
    const child = spawn(process.execPath, [CLI, "serve", "--database", target, "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      let out = "";
      const tokenUrl = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on("exit", (code) => reject(new Error(`serve exited ${code}: ${out}`)));
      });
      expect(out).not.toContain("gongwen:gongwen@");
      const base = new URL(tokenUrl);
      const first = await fetch(tokenUrl, { redirect: "manual" });
      expect(first.status).toBe(303);
      const cookie = first.headers.get("set-cookie")!.split(";")[0]!;
      const setup = await fetch(new URL("/", base), { headers: { cookie }, redirect: "manual" });
      expect(setup.headers.get("location")).toBe("/setup");
      const page = await (await fetch(new URL("/setup", base), { headers: { cookie } })).text();
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
      const made = await fetch(new URL("/setup/samples", base), {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ _csrf: csrf, ...ADMIN }).toString(),
        redirect: "manual",
      });
      expect(made.status).toBe(303);
      // The setup logged the first administrator in; the setup link is spent.
      const session = made.headers
        .getSetCookie()
        .find((c) => c.startsWith("gongwen_session="))!
        .split(";")[0]!;
      const home = await fetch(new URL("/?asOf=2023-12-31", base), { headers: { cookie: session } });
      expect(home.status).toBe(200);
      expect(await home.text()).toContain("示例市青禾区");
      const spent = await fetch(tokenUrl, { redirect: "manual" });
      expect(spent.headers.get("location")).toBe("/login");
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
    // A user added on the command line (the password on standard input) can log in; the
    // server started again prints no setup link.
    const add = spawnSync(
      process.execPath,
      [
        CLI,
        "db",
        "user",
        "add",
        "--database",
        target,
        "--username",
        "li",
        "--name",
        "李经办",
        "--roles",
        "经办人",
      ],
      { encoding: "utf8", input: "another-pass-7\n" },
    );
    expect(add.stderr).toBe("");
    expect(add.stdout).toContain("已建立用户 li（李经办）");
    const dup = spawnSync(
      process.execPath,
      [CLI, "db", "user", "add", "--database", target, "--username", "li", "--name", "李", "--roles", "坐班"],
      { encoding: "utf8", input: "another-pass-7\n" },
    );
    expect(dup.status).toBe(2);
    expect(dup.stderr).toContain("--roles：应为经办人、负责人、管理员、监督中的一个或多个");
    expect(dup.stderr).toContain("不认识：坐班");
    const again = spawn(process.execPath, [CLI, "serve", "--database", target, "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      let out = "";
      const base = await new Promise<string>((resolve, reject) => {
        again.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /工作台已启动：(http:\/\/127\.0\.0\.1:\d+\/)[\s\S]*Ctrl\+C/.exec(out);
          if (m) resolve(m[1]!);
        });
        again.on("exit", (code) => reject(new Error(`serve exited ${code}: ${out}`)));
      });
      expect(out).not.toContain("token=");
      expect(out).toContain("用用户名和密码登录");
      const login = await fetch(new URL("/login", base));
      const loginCookie = login.headers.getSetCookie()[0]!.split(";")[0]!;
      const token = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!;
      const ok = await fetch(new URL("/login", base), {
        method: "POST",
        headers: { cookie: loginCookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ _csrf: token, username: "li", password: "another-pass-7" }).toString(),
        redirect: "manual",
      });
      expect(ok.status).toBe(303);
      expect(ok.headers.getSetCookie().some((c) => c.startsWith("gongwen_session="))).toBe(true);
    } finally {
      again.kill("SIGTERM");
      await new Promise((r) => again.once("exit", r));
    }
  });
});
