/**
 * Hostile file systems: whoever can write the output folder plants links and files where
 * gongwen will write. gongwen never writes through a link (temp files are created exclusively
 * under unpredictable names; an output that is a link is refused without --force and then the
 * link itself is replaced), temp files of a killed run are removed by the next one, and every
 * file-system failure is a message naming the path (exit 2).
 */
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { UserError } from "../../src/util/errors.js";
import {
  assertWritable,
  cleanStaleTemps,
  fsError,
  tempPathFor,
  writeFileAtomic,
} from "../../src/util/fs-atomic.js";
import { BIN, problems, runInProcess, SAMPLE_2014, SAMPLE_2023, tempDir } from "./harness.js";

const work = tempDir("gongwen-hostile-fs-");
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("no error");
}

function fresh(name: string): { dir: string; victim: string } {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  const victim = path.join(work, `${name}-victim.txt`);
  fs.writeFileSync(victim, "VICTIM");
  return { dir, victim };
}

describe("links planted in the output folder", () => {
  it("links at every temp name the old scheme used are never written through", () => {
    const { dir, victim } = fresh("old-temp-names");
    const target = path.join(dir, "a.pdf");
    for (let tid = 0; tid < 8; tid++)
      fs.symlinkSync(victim, path.join(dir, `.a.pdf.${process.pid}.${tid}.tmp`));
    writeFileAtomic(target, "NEW");
    expect(fs.readFileSync(victim, "utf8")).toBe("VICTIM");
    expect(fs.readFileSync(target, "utf8")).toBe("NEW");
  });

  it("temp names are unpredictable and in the target folder", () => {
    const a = tempPathFor("/x/y/a.pdf");
    const b = tempPathFor("/x/y/a.pdf");
    expect(a).not.toBe(b);
    expect(path.dirname(a)).toBe("/x/y");
    expect(path.basename(a)).toMatch(new RegExp(`^\\.a\\.pdf\\.gw-${process.pid}-[0-9a-f]{24}\\.tmp$`));
  });

  it("an output that is a link is refused without --force; with --force the link is replaced, not its target", () => {
    const { dir, victim } = fresh("link-target");
    const target = path.join(dir, "a.pdf");
    fs.symlinkSync(victim, target);
    const e = errorOf(() => writeFileAtomic(target, "NEW"));
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toBe(
      `${target}：这是一个符号链接，不会写入它指向的文件；如需用新文件替换这个链接请加 --force`,
    );
    expect(fs.readFileSync(victim, "utf8")).toBe("VICTIM");
    writeFileAtomic(target, "NEW", { force: true });
    expect(fs.lstatSync(target).isSymbolicLink()).toBe(false);
    expect(fs.readFileSync(target, "utf8")).toBe("NEW");
    expect(fs.readFileSync(victim, "utf8")).toBe("VICTIM");
  });

  it("a dangling link counts as there (it would create a file elsewhere)", () => {
    const { dir } = fresh("dangling");
    const elsewhere = path.join(work, "dangling-created.txt");
    const target = path.join(dir, "a.pdf");
    fs.symlinkSync(elsewhere, target);
    const e = errorOf(() => assertWritable(target, { lang: "en" }));
    expect(e.message).toBe(
      `${target}: is a symbolic link; gongwen does not write through links (use --force to replace the link itself)`,
    );
    expect(fs.existsSync(elsewhere)).toBe(false);
  });

  it("a file that appears after the check is not overwritten without --force", () => {
    const { dir } = fresh("race");
    const target = path.join(dir, "a.pdf");
    assertWritable(target);
    fs.writeFileSync(target, "OTHER"); // another process wins the race
    const e = errorOf(() => writeFileAtomic(target, "NEW"));
    expect(e.message).toBe(`${target}：文件已存在，如需覆盖请加 --force`);
    expect(fs.readFileSync(target, "utf8")).toBe("OTHER");
    expect(fs.readdirSync(dir)).toEqual(["a.pdf"]);
  });

  it("a link loop in the path is a message naming the path", () => {
    const { dir } = fresh("loop");
    fs.symlinkSync(path.join(dir, "l2"), path.join(dir, "l1"));
    fs.symlinkSync(path.join(dir, "l1"), path.join(dir, "l2"));
    const target = path.join(dir, "l1", "a.pdf");
    const e = errorOf(() => writeFileAtomic(target, "x", { lang: "en" }));
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toBe(`cannot write ${target}: too many symbolic links (or a loop) in the path`);
  });

  it("the CLI refuses a linked output (exit 2) and leaves the target alone", async () => {
    const { dir, victim } = fresh("cli-link");
    fs.symlinkSync(victim, path.join(dir, "summary.docx"));
    const run = await runInProcess(["render", "summary", SAMPLE_2014, "--out", dir, "--format", "docx"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("符号链接");
    expect(fs.readFileSync(victim, "utf8")).toBe("VICTIM");
    expect(problems(run, undefined)).toEqual([]);
  });
});

describe("import --into a linked dataset", () => {
  it("writes through to the real file, resolved once and reported; the link stays a link", async () => {
    const dir = path.join(work, "import-link");
    fs.mkdirSync(dir);
    const LEDGERS = path.join(import.meta.dirname, "../fixtures/ledgers");
    const real = path.join(dir, "real.json");
    fs.copyFileSync(path.join(LEDGERS, "dataset-2014.json"), real);
    const link = path.join(dir, "data.json");
    fs.symlinkSync(real, link);
    const before = fs.readFileSync(real, "utf8");
    const run = await runInProcess(["import", path.join(LEDGERS, "applications.csv"), "--into", link]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${link} 是符号链接：已写入它指向的文件 ${fs.realpathSync(real)}`);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, "utf8")).not.toBe(before);
  });
});

describe("temp files of an interrupted run", () => {
  it("temp files of dead processes are removed by the next write into the folder; others stay", () => {
    const { dir, victim } = fresh("stale");
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    }).stdout;
    const staleFile = `.a.pdf.gw-${dead}-${"0".repeat(24)}.tmp`;
    const staleLink = `.b.pdf.gw-${dead}-${"1".repeat(24)}.tmp`;
    const live = `.c.pdf.gw-${process.pid}-${"2".repeat(24)}.tmp`;
    fs.writeFileSync(path.join(dir, staleFile), "half");
    fs.symlinkSync(victim, path.join(dir, staleLink));
    fs.writeFileSync(path.join(dir, live), "in progress");
    fs.writeFileSync(path.join(dir, "notes.tmp"), "the clerk's own");
    expect(cleanStaleTemps(dir).sort()).toEqual([staleFile, staleLink]);
    expect(fs.readdirSync(dir).sort()).toEqual([live, "notes.tmp"].sort());
    expect(fs.readFileSync(victim, "utf8")).toBe("VICTIM");
  });
});

describe("file-system failures name the path", () => {
  const cases: [string, string, string][] = [
    ["ENOENT", "无法写入 /p：路径不存在", "cannot read /p: no such file"],
    [
      "ELOOP",
      "无法写入 /p：路径中的符号链接过多或成环",
      "cannot read /p: too many symbolic links (or a loop) in the path",
    ],
    ["EACCES", "无法写入 /p：没有写入权限", "cannot read /p: permission denied"],
    ["EROFS", "无法写入 /p：文件系统只读", "cannot read /p: read-only file system"],
    ["ENOSPC", "无法写入 /p：磁盘空间不足", "cannot read /p: no space left on the device"],
  ];
  for (const [code, zh, en] of cases)
    it(code, () => {
      const err = Object.assign(new Error(code), { code });
      expect((fsError(err, "/p", "zh", "write") as Error).message).toBe(zh);
      expect((fsError(err, "/p", "en", "read") as Error).message).toBe(en);
      expect(fsError(err, "/p", "zh", "write")).toBeInstanceOf(UserError);
    });
});

describe("real file-system failures through the binary", () => {
  /** The binary with a time limit: a hang fails the test instead of stalling the suite. */
  const bin = (argv: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...argv], { encoding: "utf8", timeout: 60_000 });
    return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
  };

  it.runIf(process.platform === "linux")(
    "an output folder under /proc (mkdir says ENOENT under a folder that exists) ends, naming the path",
    () => {
      // Node's recursive mkdir retried this forever at 100% CPU.
      const r = bin([
        "render",
        "summary",
        SAMPLE_2014,
        "--out",
        "/proc/gongwen-nope/a/b",
        "--format",
        "docx",
      ]);
      expect(r.signal).toBeNull();
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("无法写入 /proc/gongwen-nope/a/b/summary.docx：路径不存在\n");
      const l = bin(["letters", SAMPLE_2014, "--out", "/proc/gongwen-nope", "--lang", "en"]);
      expect([l.signal, l.code, l.stderr]).toEqual([
        null,
        2,
        "cannot write /proc/gongwen-nope: no such file or folder\n",
      ]);
    },
  );

  it("a dangling link and a file on the output path, and a missing input: exit 2 naming the path", async () => {
    const dir = path.join(work, "real-fs");
    fs.mkdirSync(dir);
    fs.symlinkSync(path.join(dir, "gone"), path.join(dir, "dangling"));
    fs.writeFileSync(path.join(dir, "file"), "x");
    const dangling = await runInProcess([
      "render",
      "summary",
      SAMPLE_2014,
      "--out",
      path.join(dir, "dangling", "o"),
    ]);
    expect([dangling.code, dangling.stderr]).toEqual([
      2,
      `无法写入 ${path.join(dir, "dangling", "o", "summary.docx")}：路径不存在\n`,
    ]);
    const throughFile = await runInProcess([
      "render",
      "summary",
      SAMPLE_2014,
      "--out",
      path.join(dir, "file", "o"),
    ]);
    expect([throughFile.code, throughFile.stderr]).toEqual([
      2,
      `无法写入 ${path.join(dir, "file", "o", "summary.docx")}：路径中有一段是文件而不是文件夹\n`,
    ]);
    const missing = await runInProcess(["validate", path.join(dir, "dangling")]);
    expect([missing.code, missing.stderr]).toEqual([
      2,
      `无法读取 ${path.join(dir, "dangling")}：文件不存在\n`,
    ]);
    expect(fs.readFileSync(path.join(dir, "file"), "utf8")).toBe("x");
  });

  // A full and a read-only file system need a mount (root, as in the CI container).
  const mountable = (() => {
    if (process.platform !== "linux" || process.getuid?.() !== 0) return false;
    const probe = path.join(work, "mount-probe");
    fs.mkdirSync(probe);
    const ok = spawnSync("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", probe]).status === 0;
    if (ok) spawnSync("umount", [probe]);
    return ok;
  })();

  it.runIf(mountable)("ENOSPC and EROFS: exit 2 naming the file, nothing half-written left", () => {
    const full = path.join(work, "full");
    const ro = path.join(work, "ro");
    fs.mkdirSync(full);
    fs.mkdirSync(ro);
    expect(spawnSync("mount", ["-t", "tmpfs", "-o", "size=12k", "tmpfs", full]).status).toBe(0);
    expect(spawnSync("mount", ["-t", "tmpfs", "-o", "ro,size=12k", "tmpfs", ro]).status).toBe(0);
    try {
      const r = bin(["render", "annual-report", SAMPLE_2023, "--out", full, "--format", "pdf"]);
      expect([r.code, r.stderr]).toEqual([
        2,
        `无法写入 ${path.join(full, "annual-report.pdf")}：磁盘空间不足\n`,
      ]);
      expect(fs.readdirSync(full)).toEqual([]);
      const w = bin(["render", "summary", SAMPLE_2014, "--out", ro, "--lang", "en"]);
      expect([w.code, w.stderr]).toEqual([
        2,
        `cannot write ${path.join(ro, "summary.docx")}: read-only file system\n`,
      ]);
    } finally {
      spawnSync("umount", [full]);
      spawnSync("umount", [ro]);
    }
  });
});
