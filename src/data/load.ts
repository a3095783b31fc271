/** Read a dataset file: the one entry point every command uses. */
import { readFileSync, statSync } from "node:fs";
import { getHeapStatistics } from "node:v8";
import { UserError } from "../util/errors.js";
import { t, type Lang } from "../util/i18n.js";
import type { Dataset } from "./types.js";
import { formatValidationError, validateDatasetText, type ValidationError } from "./validate.js";

export interface LoadOptions {
  lang?: Lang;
}

/** A UserError (exit 2) carrying every validation error of a dataset. */
export class DatasetError extends UserError {
  readonly errors: ValidationError[];
  constructor(message: string, errors: ValidationError[], lang: Lang) {
    super(
      message,
      errors.map((e) => formatValidationError(e, lang)),
    );
    this.name = "DatasetError";
    this.errors = errors;
  }
}

/**
 * Largest input file read (a dataset, a ledger), in bytes. Checking a dataset takes about 30 bytes of memory per byte
 * of JSON, so the limit is 64 MB (some 500,000 approval cases, ten times a large office's year)
 * or what this process's heap can hold, whichever is less. GONGWEN_MAX_INPUT_MB overrides it.
 */
export function maxInputBytes(): number {
  const env = Number(process.env.GONGWEN_MAX_INPUT_MB);
  if (Number.isFinite(env) && env > 0) return env * 1024 * 1024;
  return Math.min(64 * 1024 * 1024, Math.floor(getHeapStatistics().heap_size_limit / 32));
}

const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);

/**
 * A UserError when an input of `bytes` bytes (a dataset, a ledger; for a zipped file the size
 * unzipped) is over maxInputBytes(): refused with a clear message rather than risking the heap.
 */
export function assertInputSize(path: string, bytes: number, lang: Lang = "zh", unzipped = false): void {
  const limit = maxInputBytes();
  if (bytes <= limit) return;
  const size = unzipped ? t(lang, `解压后 ${mb(bytes)} MB`, `${mb(bytes)} MB unzipped`) : `${mb(bytes)} MB`;
  throw new UserError(
    t(
      lang,
      `${path}：文件过大（${size}），输入文件最大 ${mb(limit)} MB；确需处理更大的文件，可设置环境变量 GONGWEN_MAX_INPUT_MB`,
      `${path}: file too large (${size}); an input file may be at most ${mb(limit)} MB (set GONGWEN_MAX_INPUT_MB to raise the limit)`,
    ),
  );
}

/** The text of a file, or a UserError saying in words why it cannot be read. */
export function readDatasetText(path: string, lang: Lang = "zh"): string {
  try {
    assertInputSize(path, statSync(path).size, lang);
    return readFileSync(path, "utf8");
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? t(lang, "文件不存在", "no such file")
        : code === "EISDIR"
          ? t(lang, "这是一个文件夹，不是文件", "is a directory, not a file")
          : code === "EACCES"
            ? t(lang, "没有读取权限", "permission denied")
            : String(code ?? (e as Error).message);
    throw new UserError(t(lang, `无法读取 ${path}：${why}`, `cannot read ${path}: ${why}`));
  }
}

/** Validate JSON text and return the dataset, or throw a DatasetError listing every problem. */
export function parseDataset(text: string, fileName: string, opts: LoadOptions = {}): Dataset {
  const lang = opts.lang ?? "zh";
  const result = validateDatasetText(text, fileName, lang);
  if (result.ok) return result.data;
  const n = result.errors.length;
  throw new DatasetError(
    t(lang, `${fileName}：数据有 ${n} 处错误`, `${fileName}: ${n} error${n === 1 ? "" : "s"} in the data`),
    result.errors,
    lang,
  );
}

/** Read and validate a dataset file. Throws a UserError (exit 2) whose details list every error. */
export function loadDataset(path: string, opts: LoadOptions = {}): Dataset {
  return parseDataset(readDatasetText(path, opts.lang ?? "zh"), path, opts);
}
