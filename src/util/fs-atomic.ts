/**
 * Safe output: every write goes to a temp file in the same folder and is renamed into place,
 * so a crash never leaves a half-written file. An existing file is not overwritten unless
 * `force` is set.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, basename, join } from "node:path";
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
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
