/** Read a dataset file: the one entry point every command uses. */
import { readInputText } from "../util/read-input.js";
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
  /** `dataset`: the document as read (names the records and fields in the lines for people). */
  constructor(message: string, errors: ValidationError[], lang: Lang, dataset?: unknown) {
    super(
      message,
      errors.map((e) => formatValidationError(e, lang, dataset)),
    );
    this.name = "DatasetError";
    this.errors = errors;
  }
}

export { assertInputSize, maxInputBytes } from "../util/read-input.js";

/**
 * The text of a dataset file (strictly decoded, bytes counted while reading), or a UserError
 * saying in words why it cannot be read.
 */
export function readDatasetText(path: string, lang: Lang = "zh"): string {
  return readInputText(path, { lang });
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
    result.value,
  );
}

/** Read and validate a dataset file. Throws a UserError (exit 2) whose details list every error. */
export function loadDataset(path: string, opts: LoadOptions = {}): Dataset {
  return parseDataset(readDatasetText(path, opts.lang ?? "zh"), path, opts);
}
