/**
 * Safe output: every write goes to a temp file in the same folder and is renamed into place,
 * so a crash never leaves a half-written file. An existing file is not overwritten unless
 * `force` is set.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, basename, join } from "node:path";
import { threadId } from "node:worker_threads";
import { UserError } from "./errors.js";
import { type Lang, t } from "./i18n.js";

export interface WriteOptions {
  force?: boolean;
  lang?: Lang;
}

export function assertWritable(path: string, opts: WriteOptions = {}): void {
  if (!opts.force && existsSync(path)) {
    throw new UserError(
      t(
        opts.lang ?? "zh",
        `${path}：文件已存在，如需覆盖请加 --force`,
        `${path}: file exists; use --force to overwrite`,
      ),
    );
  }
}

export function writeFileAtomic(path: string, data: string | Uint8Array, opts: WriteOptions = {}): void {
  assertWritable(path, opts);
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${threadId}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The temp file could not even be made (e.g. the path runs through a file).
    }
    throw writeError(e, path, opts.lang ?? "zh");
  }
}

/** A file-system error while writing, as a UserError saying in words why (exit 2, no stack). */
function writeError(e: unknown, path: string, lang: Lang): unknown {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const why: Record<string, [string, string]> = {
    EACCES: ["没有写入权限", "permission denied"],
    EPERM: ["没有写入权限", "permission denied"],
    EROFS: ["文件系统只读", "read-only file system"],
    ENOSPC: ["磁盘空间不足", "no space left on the device"],
    EDQUOT: ["超出磁盘配额", "disk quota exceeded"],
    ENOTDIR: ["路径中有一段是文件而不是文件夹", "a part of the path is a file, not a folder"],
    EEXIST: ["路径中有一段是文件而不是文件夹", "a part of the path is a file, not a folder"],
    EISDIR: ["已有同名文件夹", "a folder of that name exists"],
    ENOTEMPTY: ["已有同名文件夹", "a folder of that name exists"],
    ENAMETOOLONG: ["文件名过长", "file name too long"],
    EINVAL: ["文件名无效", "invalid file name"],
    EMFILE: ["打开的文件过多", "too many open files"],
    EIO: ["读写错误", "input/output error"],
  };
  const w = code !== undefined ? why[code] : undefined;
  if (!w) return e;
  return new UserError(t(lang, `无法写入 ${path}：${w[0]}`, `cannot write ${path}: ${w[1]}`));
}
