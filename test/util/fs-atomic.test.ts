/**
 * Safe output: writes are atomic (temp file in the same folder, renamed into place; nothing left
 * behind on failure), an existing file is kept without `force`, file-system failures are clear
 * messages (exit 2), and no module under src/ writes files any other way.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UserError } from "../../src/util/errors.js";
import { writeFileAtomic } from "../../src/util/fs-atomic.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gongwen-atomic-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("no error");
}

describe("writeFileAtomic", () => {
  it("writes, creating folders, and leaves no temp file", () => {
    const file = path.join(tmp, "a", "b", "x.txt");
    writeFileAtomic(file, "一");
    expect(fs.readFileSync(file, "utf8")).toBe("一");
    expect(fs.readdirSync(path.dirname(file))).toEqual(["x.txt"]);
  });

  it("keeps an existing file without force, replaces it with force", () => {
    const file = path.join(tmp, "keep.txt");
    fs.writeFileSync(file, "old");
    const e = errorOf(() => writeFileAtomic(file, "new"));
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toBe(`${file}：文件已存在，如需覆盖请加 --force`);
    expect(fs.readFileSync(file, "utf8")).toBe("old");
    writeFileAtomic(file, "new", { force: true });
    expect(fs.readFileSync(file, "utf8")).toBe("new");
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a path through a file, or onto a folder, is a clear message and leaves nothing behind", () => {
    const file = path.join(tmp, "plain");
    fs.writeFileSync(file, "x");
    const through = errorOf(() => writeFileAtomic(path.join(file, "y.pdf"), "z"));
    expect(through).toBeInstanceOf(UserError);
    expect(through.message).toBe(`无法写入 ${path.join(file, "y.pdf")}：路径中有一段是文件而不是文件夹`);
    const folder = path.join(tmp, "folder.pdf");
    fs.mkdirSync(path.join(folder, "inside"), { recursive: true });
    const onto = errorOf(() => writeFileAtomic(folder, "z", { force: true, lang: "en" }));
    expect(onto).toBeInstanceOf(UserError);
    expect(onto.message).toBe(`cannot write ${folder}: a folder of that name exists`);
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it.runIf(process.getuid?.() !== 0)("a folder without write permission is a clear message", () => {
    const ro = path.join(tmp, "ro");
    fs.mkdirSync(ro);
    fs.chmodSync(ro, 0o500);
    try {
      const e = errorOf(() => writeFileAtomic(path.join(ro, "x.pdf"), "z"));
      expect(e.message).toBe(`无法写入 ${path.join(ro, "x.pdf")}：没有写入权限`);
      expect(fs.readdirSync(ro)).toEqual([]);
    } finally {
      fs.chmodSync(ro, 0o700);
    }
  });

  it("is the only way src/ writes files", () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith(".ts") && !p.endsWith(path.join("util", "fs-atomic.ts"))) {
          const text = fs.readFileSync(p, "utf8");
          const m = text.match(
            /\b(writeFileSync|writeFile|appendFileSync|appendFile|createWriteStream|copyFileSync|renameSync|writeSync|openSync\([^)]*["'][wa]\+?["'])\b/g,
          );
          if (m) offenders.push(`${path.relative(ROOT, p)}: ${[...new Set(m)].join(", ")}`);
        }
      }
    };
    walk(path.join(ROOT, "src"));
    expect(offenders).toEqual([]);
  });
});
