/**
 * Opening the embedded database file (SQLite only; the PostgreSQL project skips this file): a
 * file that is no database is refused with a message naming it and not left open; a database
 * path that is a symbolic link is refused before SQLite writes anything where it points.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/storage/index.js";
import { TEST_ENGINE } from "../helpers/db.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gongwen-open-db-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Open file descriptors of this process that refer to `file` (Linux /proc). */
function openFds(file: string): number {
  const real = fs.realpathSync(file);
  return fs.readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`) === real;
    } catch {
      return false;
    }
  }).length;
}

describe.skipIf(TEST_ENGINE !== "sqlite" || process.platform !== "linux")("the database file", () => {
  it("a file that is no database: refused with its name, the file unchanged and not held open", async () => {
    const file = path.join(dir, "notes.txt");
    const text = "这不是数据库，是一份台账说明。\n".repeat(200);
    fs.writeFileSync(file, text);
    await expect(openDatabase(file)).rejects.toThrow(`无法打开数据库文件 ${file}：不是 SQLite 数据库文件`);
    await expect(openDatabase(file, "en")).rejects.toThrow(
      `cannot open the database ${file}: not a SQLite database`,
    );
    expect(fs.readFileSync(file, "utf8")).toBe(text);
    expect(openFds(file)).toBe(0);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith("notes.txt-"))).toEqual([]);
  });

  it("a symbolic link: refused, nothing created where it points nor beside it", async () => {
    const target = path.join(dir, "elsewhere", "victim.db");
    fs.mkdirSync(path.dirname(target));
    const link = path.join(dir, "gongwen.db");
    fs.symlinkSync(target, link);
    await expect(openDatabase(link)).rejects.toThrow(
      `无法打开数据库文件 ${link}：它是一个符号链接；请直接指定它指向的文件`,
    );
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(dir).sort()).toEqual(["elsewhere", "gongwen.db", "notes.txt"]);
  });

  it("an ordinary new file: opened and closed", async () => {
    const file = path.join(dir, "new", "gongwen.db");
    const db = await openDatabase(file);
    expect(db.engine).toBe("sqlite");
    await db.close();
    expect(fs.statSync(file).isFile()).toBe(true);
    expect(openFds(file)).toBe(0);
  });
});
