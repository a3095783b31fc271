/**
 * The workbench database on a hostile file system: the SQLite file's folder and `db backup`
 * go through the safe-write module (util/fs-atomic.ts) like every other output — no recursive
 * mkdir (which spins forever under /proc), a backup never written through a link planted at its
 * name (a dangling one would create a file elsewhere), written atomically, and every failure a
 * message naming the path with exit 2, not an internal error.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/storage/engine.js";
import { UserError } from "../../src/util/errors.js";
import { BIN, runInProcess, tempDir } from "./harness.js";
import { spawnSync } from "node:child_process";

const work = tempDir("gongwen-storage-fs-");
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

async function openError(target: string): Promise<unknown> {
  try {
    const o = await openDatabase(target, "en");
    await o.close();
    return null;
  } catch (e) {
    return e;
  }
}

describe("opening the SQLite file", () => {
  it("a folder that runs through a file: a message naming the path", async () => {
    const file = path.join(work, "plain-file");
    fs.writeFileSync(file, "x");
    const e = await openError(path.join(file, "sub", "db.sqlite"));
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toBe(
      `cannot write ${path.join(file, "sub")}: a part of the path is a file, not a folder`,
    );
  });

  it("a folder under /proc (where recursive mkdir never returns): exit 2 naming it", () => {
    // Through the binary with a guard: the old code spun at 100% CPU and never returned.
    const r = spawnSync(process.execPath, [BIN, "db", "migrate", "--database", "/proc/self/gw/x/db.sqlite"], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^无法写入 \/proc\/self\/gw(\/x)?：/);
    expect(r.stderr).not.toMatch(/内部错误|internal error|\n\s+at /);
  });

  it("a file that is not a database, and a folder of that name: messages, not internal errors", async () => {
    const notDb = path.join(work, "not-a-db.sqlite");
    fs.writeFileSync(notDb, "this is not sqlite".repeat(100));
    const r1 = await runInProcess(["db", "migrate", "--database", notDb]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain(notDb);
    expect(r1.stderr).not.toMatch(/内部错误|internal error/);
    const folder = path.join(work, "a-folder.sqlite");
    fs.mkdirSync(folder);
    const r2 = await runInProcess(["db", "migrate", "--database", folder]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain(folder);
    expect(r2.stderr).not.toMatch(/内部错误|internal error/);
  });
});

describe("db backup", () => {
  const db = path.join(work, "wb", "workbench.sqlite");

  it("makes its folders and writes the copy atomically (no temp file left)", async () => {
    expect((await runInProcess(["db", "migrate", "--database", db])).code).toBe(0);
    const to = path.join(work, "backups", "deep", "copy.sqlite");
    const r = await runInProcess(["db", "backup", to, "--database", db]);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readFileSync(to).subarray(0, 15).toString("latin1")).toBe("SQLite format 3");
    expect(fs.readdirSync(path.dirname(to))).toEqual(["copy.sqlite"]);
  });

  it("a dangling link at the backup's name is refused; with --force the link is replaced, its target never made", async () => {
    const victim = path.join(work, "elsewhere", "victim.sqlite");
    fs.mkdirSync(path.dirname(victim), { recursive: true });
    const link = path.join(work, "link.sqlite");
    fs.symlinkSync(victim, link);
    const r = await runInProcess(["db", "backup", link, "--database", db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${link}：这是一个符号链接`);
    expect(fs.existsSync(victim)).toBe(false);
    const f = await runInProcess(["db", "backup", link, "--database", db, "--force"]);
    expect(f.code, f.stderr).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(false);
    expect(fs.existsSync(victim)).toBe(false);
  });

  it("a link to an existing file: --force replaces the link, the file it points to is unchanged", async () => {
    const victim = path.join(work, "precious.txt");
    fs.writeFileSync(victim, "keep me");
    const link = path.join(work, "link2.sqlite");
    fs.symlinkSync(victim, link);
    const f = await runInProcess(["db", "backup", link, "--database", db, "--force"]);
    expect(f.code, f.stderr).toBe(0);
    expect(fs.readFileSync(victim, "utf8")).toBe("keep me");
    expect(fs.lstatSync(link).isFile()).toBe(true);
  });

  it("a backup folder under a file: exit 2 naming the path", async () => {
    const file = path.join(work, "plain-file-2");
    fs.writeFileSync(file, "x");
    const r = await runInProcess([
      "db",
      "backup",
      path.join(file, "b.sqlite"),
      "--database",
      db,
      "--lang",
      "en",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `cannot write ${path.join(file, "b.sqlite")}: a part of the path is a file, not a folder`,
    );
  });
});
