/**
 * Safe output: the one module through which gongwen writes files (the CLI, and the server and
 * workers built on the library, use it too).
 *
 * - Atomic: every write goes to a temp file in the target folder and is renamed into place, so
 *   nothing ever appears half-written under its final name.
 * - Exclusive temp files: `.NAME.gw-PID-RANDOM.tmp`, created with O_CREAT|O_EXCL|O_NOFOLLOW
 *   (flag `wx`, and never through a link): a file or link planted under the temp name makes the
 *   open fail instead of writing through it, and 96 random bits make the name unpredictable.
 * - Never follows a link at the target: an output path that is a symbolic link is refused
 *   without `force`; with `force` the link itself is replaced (rename replaces the directory
 *   entry), never the file it points to.
 * - No overwrite without `force`: without it the temp file is hard-linked to the target name,
 *   which fails if anything appeared there since the check (no race with another process).
 * - Temp files left by a process that was killed (kill -9, power loss) are removed by the next
 *   run writing into that folder (cleanStaleTemps); a process that is interrupted (SIGINT,
 *   SIGTERM) removes its own (removeLiveTemps, called by the CLI's signal handler), and a batch
 *   run on worker threads removes its workers' when it ends or is interrupted, once they have
 *   stopped (removeOwnTempsOf, onInterrupt).
 * - File-system failures (ENOENT, ELOOP, EACCES, EROFS, ENOSPC, …) are UserErrors naming the
 *   path and saying in words why (exit 2, no stack trace).
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { FileSystemError, UserError } from "./errors.js";
import { type Lang, t } from "./i18n.js";
import { writeChunks } from "./json-chunks.js";

export interface WriteOptions {
  force?: boolean;
  lang?: Lang;
}

/** lstat without throwing for a missing path (a link is described, not followed). */
function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw e;
  }
}

/**
 * Refuse (UserError) an output path that exists (without `force`), that is a symbolic link
 * (without `force`), or that is a folder. Nothing is followed: a dangling link counts as there.
 */
export function assertWritable(path: string, opts: WriteOptions = {}): void {
  const lang = opts.lang ?? "zh";
  let st: Stats | null;
  try {
    st = lstatOrNull(path);
  } catch (e) {
    throw fsError(e, path, lang, "write");
  }
  if (!st) return;
  if (st.isSymbolicLink()) {
    if (opts.force) return;
    throw new UserError(
      t(
        lang,
        `${path}：这是一个符号链接，不会写入它指向的文件；如需用新文件替换这个链接请加 --force`,
        `${path}: is a symbolic link; gongwen does not write through links (use --force to replace the link itself)`,
      ),
    );
  }
  if (st.isDirectory())
    throw new UserError(
      t(lang, `无法写入 ${path}：已有同名文件夹`, `cannot write ${path}: a folder of that name exists`),
    );
  if (!opts.force)
    throw new UserError(
      t(lang, `${path}：文件已存在，如需覆盖请加 --force`, `${path}: file exists; use --force to overwrite`),
    );
}

const TEMP_RE = /^\..+\.gw-(\d+)-[0-9a-f]{24}\.tmp$/;
/** Temp files of this thread not yet renamed into place (removed on SIGINT/SIGTERM). */
const liveTemps = new Set<string>();
const cleanedDirs = new Set<string>();

/** The temp file name for `path`: in its folder, hidden, with this process's id and 96 random bits. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.gw-${process.pid}-${randomBytes(12).toString("hex")}.tmp`);
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Remove gongwen temp files in `dir` left by processes that no longer run (a batch killed with
 * kill -9). Only names of gongwen's own pattern, only regular files and links (a link is removed,
 * not followed). Returns the names removed. Done once per folder per process by writeFileAtomic.
 */
export function cleanStaleTemps(dir: string): string[] {
  return removeTempsIn(dir, (name) => {
    const m = TEMP_RE.exec(name);
    return m !== null && !processAlive(Number(m[1]));
  }).map((p) => basename(p));
}

/**
 * Remove the entries of `dir` that `match` picks, when they are regular files or links (a link is
 * removed, not followed); returns their paths. One that cannot be removed (permissions) is left
 * for the next run's cleanStaleTemps.
 */
function removeTempsIn(dir: string, match: (name: string) => boolean): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!match(name)) continue;
    const p = join(dir, name);
    const st = lstatOrNull(p);
    if (!st || !(st.isFile() || st.isSymbolicLink())) continue;
    try {
      rmSync(p, { force: true });
      removed.push(p);
    } catch {
      // Not ours to remove after all (permissions): leave it.
    }
  }
  return removed;
}

/** Remove this thread's temp files not yet in place (the CLI calls this on SIGINT/SIGTERM). */
export function removeLiveTemps(): void {
  for (const p of liveTemps) {
    try {
      rmSync(p, { force: true });
    } catch {
      // Best effort: the next run cleans what is left.
    }
  }
  liveTemps.clear();
}

/**
 * Remove the temp files this process (any of its threads) left for `targets`: names
 * `.NAME.gw-PID-RANDOM.tmp` with this process's id, for exactly these target names. A batch
 * calls it when it ends and when it is interrupted, after its worker threads have stopped (a
 * worker stopped mid-write cannot remove its own; the next run would only find it stale).
 */
export function removeOwnTempsOf(targets: Iterable<string>): string[] {
  const byDir = new Map<string, Set<string>>();
  for (const target of targets) {
    const dir = dirname(target);
    let names = byDir.get(dir);
    if (!names) byDir.set(dir, (names = new Set()));
    names.add(basename(target));
  }
  const removed: string[] = [];
  for (const [dir, names] of byDir)
    removed.push(
      ...removeTempsIn(dir, (name) => {
        const m = OWN_TEMP_RE.exec(name);
        return m !== null && Number(m[2]) === process.pid && names.has(m[1]!);
      }),
    );
  return removed;
}
const OWN_TEMP_RE = /^\.(.+)\.gw-(\d+)-[0-9a-f]{24}\.tmp$/;

/** What an interrupted process must do before it exits (stop worker threads, remove their temps). */
const interruptHooks = new Set<() => Promise<void> | void>();

/** Run `hook` on SIGINT/SIGTERM (before the CLI exits); returns the function that unregisters it. */
export function onInterrupt(hook: () => Promise<void> | void): () => void {
  interruptHooks.add(hook);
  return () => interruptHooks.delete(hook);
}

/** The CLI's signal handler: every registered hook (each at most once), then this thread's temps. */
export async function runInterruptHooks(): Promise<void> {
  const hooks = [...interruptHooks];
  interruptHooks.clear();
  await Promise.allSettled(hooks.map(async (h) => h()));
  removeLiveTemps();
}

const WRITE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

function writeAll(fd: number, data: string | Uint8Array | Iterable<string>): void {
  if (typeof data !== "string" && !(data instanceof Uint8Array)) {
    // Text in pieces (a big manifest): written in runs, never held whole.
    writeChunks(data, (run) => writeAll(fd, run));
    return;
  }
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  let off = 0;
  while (off < bytes.byteLength) off += writeSync(fd, bytes, off, bytes.byteLength - off);
}

/**
 * Write `data` to `path` atomically and safely (see the module comment). Throws a UserError
 * (exit 2) when the target may not be written or the file system refuses.
 */
export function writeFileAtomic(
  path: string,
  data: string | Uint8Array | Iterable<string>,
  opts: WriteOptions = {},
): void {
  const lang = opts.lang ?? "zh";
  assertWritable(path, opts);
  const dir = dirname(path);
  const tmp = tempPathFor(path);
  let placed = false;
  try {
    makeDirs(dir);
    if (!cleanedDirs.has(dir)) {
      cleanedDirs.add(dir);
      cleanStaleTemps(dir);
    }
    liveTemps.add(tmp);
    const fd = openSync(tmp, WRITE_FLAGS, 0o644);
    try {
      writeAll(fd, data);
    } finally {
      closeSync(fd);
    }
    if (opts.force) renameSync(tmp, path);
    else placeNew(tmp, path);
    placed = true;
  } catch (e) {
    throw fsError(e, path, lang, "write");
  } finally {
    if (!placed) {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // The temp file could not even be made (e.g. the path runs through a file).
      }
    }
    liveTemps.delete(tmp);
  }
}

/**
 * Like writeFileAtomic, for a file another library writes itself (SQLite's online backup): the
 * temp file is created exclusively (never through a link) and handed to `produce`, which fills
 * it; then it is renamed into place under the same rules (a link at `path` refused without
 * `force` and replaced, never followed, with it; no overwrite without `force`). On any failure
 * the temp file (and what `produce` left beside it, NAME-journal/-wal/-shm) is removed.
 */
export async function placeFileAtomic(
  path: string,
  produce: (tmp: string) => Promise<void>,
  opts: WriteOptions = {},
): Promise<void> {
  const lang = opts.lang ?? "zh";
  assertWritable(path, opts);
  const dir = dirname(path);
  const tmp = tempPathFor(path);
  let placed = false;
  try {
    makeDirs(dir);
    liveTemps.add(tmp);
    closeSync(openSync(tmp, WRITE_FLAGS, 0o644));
    await produce(tmp);
    // A link planted at the target meanwhile is still not followed: checked again, then placed.
    assertWritable(path, opts);
    if (opts.force) renameSync(tmp, path);
    else placeNew(tmp, path);
    placed = true;
  } catch (e) {
    throw fsError(e, path, lang, "write");
  } finally {
    for (const p of placed ? [] : [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`])
      try {
        rmSync(p, { force: true });
      } catch {
        // Best effort: the next run cleans stale temp files.
      }
    liveTemps.delete(tmp);
  }
}

/**
 * mkdir -p without Node's recursive mkdir, which never returns when mkdir reports ENOENT under a
 * folder that exists (anything under /proc: `--out /proc/x/a.pdf` spun at 100% CPU forever).
 * Walks up to the first folder that exists, then creates each level once; a file on the way is
 * ENOTDIR, a level that cannot be created throws the mkdir error. Raw errors (for fsError).
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); ;) {
    let st: Stats | null;
    try {
      st = statSync(d); // a link to a folder is a folder here
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "ENOENT") throw e;
      st = null;
    }
    if (st) {
      if (!st.isDirectory()) throw Object.assign(new Error("mkdir"), { code: "ENOTDIR" });
      break;
    }
    missing.push(d);
    const parent = dirname(d);
    if (parent === d) break;
    d = parent;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      // Made by another run meanwhile, or a file (then ENOTDIR).
      if (!statSync(d).isDirectory()) throw Object.assign(new Error("mkdir"), { code: "ENOTDIR" });
    }
  }
}

/**
 * Failures that every further write into the same place would meet too (a full disk, a quota,
 * a read-only file system): a batch stops at the first instead of failing file by file.
 */
export function isBatchFatal(e: unknown): e is FileSystemError {
  return e instanceof FileSystemError && ["ENOSPC", "EDQUOT", "EROFS"].includes(e.fsCode);
}

/** The words for a file-system failure code (as fsError says them), for a message naming a folder. */
export function fsWhy(code: string, lang: Lang): string {
  const w = WHY[code];
  if (!w) return code;
  return lang === "en" ? w[1] : w[0].replace("{op}", "写入");
}

/** Create folder `dir` and its parents; a UserError naming it when the file system refuses. */
export function ensureDir(dir: string, lang: Lang = "zh"): void {
  try {
    makeDirs(dir);
  } catch (e) {
    throw fsError(e, dir, lang, "write");
  }
}

/** Put tmp at path only if nothing is there (hard link: fails with EEXIST, never follows a link). */
function placeNew(tmp: string, path: string): void {
  try {
    linkSync(tmp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw e;
    // A file system without hard links (some network and FAT mounts): checked, then renamed.
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "EXDEV") throw e;
    if (lstatOrNull(path)) throw Object.assign(new Error("exists"), { code: "EEXIST" });
    renameSync(tmp, path);
    return;
  }
  rmSync(tmp, { force: true });
}

const WHY: Record<string, [string, string]> = {
  ENOENT: ["路径不存在", "no such file or folder"],
  ELOOP: ["路径中的符号链接过多或成环", "too many symbolic links (or a loop) in the path"],
  EACCES: ["没有{op}权限", "permission denied"],
  EPERM: ["没有{op}权限", "permission denied"],
  EROFS: ["文件系统只读", "read-only file system"],
  ENOSPC: ["磁盘空间不足", "no space left on the device"],
  EDQUOT: ["超出磁盘配额", "disk quota exceeded"],
  ENOTDIR: ["路径中有一段是文件而不是文件夹", "a part of the path is a file, not a folder"],
  EISDIR: ["这是一个文件夹，不是文件", "is a folder, not a file"],
  ENOTEMPTY: ["已有同名文件夹", "a folder of that name exists"],
  ENAMETOOLONG: ["文件名过长", "file name too long"],
  EINVAL: ["文件名无效", "invalid file name"],
  EMFILE: ["打开的文件过多", "too many open files"],
  ENFILE: ["打开的文件过多", "too many open files"],
  EIO: ["读写错误", "input/output error"],
  EFBIG: ["文件过大", "file too large"],
  ETXTBSY: ["文件正被使用", "file busy"],
  EBUSY: ["文件正被使用", "file busy"],
};

/**
 * A file-system error as a UserError naming `path` and saying in words why (exit 2, no stack);
 * a UserError passes through; an error without a known code is returned unchanged.
 * `op` words the message: cannot read / cannot write.
 */
export function fsError(e: unknown, path: string, lang: Lang, op: "read" | "write"): unknown {
  if (e instanceof UserError) return e;
  let code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === "EEXIST") {
    return op === "write"
      ? new UserError(
          t(
            lang,
            `${path}：文件已存在，如需覆盖请加 --force`,
            `${path}: file exists; use --force to overwrite`,
          ),
        )
      : e;
  }
  // Writing onto an existing folder: rename reports EISDIR/ENOTEMPTY; say it as a folder of that name.
  if (op === "write" && code === "EISDIR") code = "ENOTEMPTY";
  const w = code !== undefined ? WHY[code] : undefined;
  if (!w) return e;
  if (op === "read" && code === "ENOENT")
    return new FileSystemError(
      t(lang, `无法读取 ${path}：文件不存在`, `cannot read ${path}: no such file`),
      code,
      path,
    );
  const zh = w[0].replace("{op}", op === "write" ? "写入" : "读取");
  return op === "write"
    ? new FileSystemError(t(lang, `无法写入 ${path}：${zh}`, `cannot write ${path}: ${w[1]}`), code!, path)
    : new FileSystemError(t(lang, `无法读取 ${path}：${zh}`, `cannot read ${path}: ${w[1]}`), code!, path);
}

/**
 * Create `path` exclusively with `text` (O_CREAT|O_EXCL|O_NOFOLLOW): true when created, false
 * when something (a file, a link) is already there. For lock files.
 */
export function createExclusive(path: string, text: string, lang: Lang = "zh"): boolean {
  let fd: number;
  try {
    fd = openSync(path, WRITE_FLAGS, 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw fsError(e, path, lang, "write");
  }
  try {
    writeAll(fd, text);
  } catch (e) {
    closeSync(fd);
    rmSync(path, { force: true }); // not left half-written (a full disk)
    throw fsError(e, path, lang, "write");
  }
  closeSync(fd);
  return true;
}

const APPEND_FLAGS =
  constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | (constants.O_NOFOLLOW ?? 0);

/**
 * Append one line to a journal file (created if needed, never through a link). One write per
 * line: with O_APPEND a line is never interleaved with another writer's.
 */
export function appendLine(path: string, line: string, lang: Lang = "zh"): void {
  let fd: number;
  try {
    fd = openSync(path, APPEND_FLAGS, 0o644);
  } catch (e) {
    throw fsError(e, path, lang, "write");
  }
  try {
    writeAll(fd, line.endsWith("\n") ? line : line + "\n");
  } catch (e) {
    throw fsError(e, path, lang, "write");
  } finally {
    closeSync(fd);
  }
}

/** Remove a file gongwen made (a lock, a journal); a missing file is fine. */
export function removeFile(path: string): void {
  rmSync(path, { force: true });
}

/** Whether a process id runs (on this machine). */
export { processAlive };
