/**
 * Reading a dataset for a batch of letters. A problem confined to one application (a refusal
 * without its reason, a date that does not exist …) must not stop the other letters: such an
 * application is set aside with messages naming its id and the field, and the rest is written.
 * A problem anywhere else (the agency, the file's syntax, totals across records) stops the batch
 * as for every other command.
 *
 * Messages name applications by id only; for fields of the applicant (personal data) the message
 * does not repeat the offending value.
 */
import { DatasetError, readDatasetText } from "../data/load.js";
import type { Dataset } from "../data/types.js";
import { personalIssueText } from "../data/issue.js";
import { clerkMessage } from "../data/messages.js";
import { locatePointers, validateDatasetText, type ValidationError } from "../data/validate.js";
import { fieldLabelZh, pointerToField } from "./fields.js";
import { t, type Lang } from "../util/i18n.js";

export interface LettersDataset {
  dataset: Dataset;
  /** Applications set aside, by index in disclosure.applications: one message per problem. */
  invalid: Map<number, string[]>;
  /** The file and its text, to place messages about letters (writeLetters' `source`). */
  source: DatasetSource;
}

const APP_POINTER = /^\/disclosure\/applications\/(\d+)(\/.*)?$/;

export { fieldToPointer, pointerToField } from "./fields.js";

/**
 * The file a dataset was read from, and where its values sit: letters that cannot be made are
 * reported at their field's line:column, as validate reports.
 */
export interface DatasetSource {
  file: string;
  /** `messages[i]` prefixed with the file and the line:column of `pointers[i]` (one scan). */
  locate(pointers: readonly string[], messages: readonly string[]): string[];
}

/** `file 第L行第C列 message` (zh) / `file:L:C message` (en): validate's way of placing a message. */
export function placed(file: string, line: number, column: number, message: string, lang: Lang): string {
  return lang === "en"
    ? `${file}:${line}:${column} ${message}`
    : `${file} 第${line}行第${column}列 ${message}`;
}

export function datasetSource(text: string, file: string, lang: Lang): DatasetSource {
  // Kept for the whole batch but read only when a letter fails: as UTF-8 bytes outside the
  // JavaScript heap (a 50,000-letter file's text would add ≈14 MB of live heap, which the
  // collector lets grow to several times that).
  const bytes = Buffer.from(text, "utf8");
  return {
    file,
    locate: (pointers, messages) => {
      const at = locatePointers(bytes.toString("utf8"), pointers);
      return messages.map((m, i) => placed(file, at[i]!.line, at[i]!.column, m, lang));
    },
  };
}

function appLabel(raw: unknown, index: number): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === "string" && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id) ? id : `applications[${index}]`;
}

/** How messages name a field: in Chinese (收到日期) by default, by its key (received) for --json. */
export interface LettersDatasetOptions {
  fieldKeys?: boolean;
}

/** Read and validate `path`, setting aside applications whose own records are invalid. */
export function loadLettersDataset(
  path: string,
  lang: Lang = "zh",
  options: LettersDatasetOptions = {},
): LettersDataset {
  return parseLettersDataset(readDatasetText(path, lang), path, lang, options);
}

export function parseLettersDataset(
  text: string,
  fileName: string,
  lang: Lang = "zh",
  options: LettersDatasetOptions = {},
): LettersDataset {
  const result = validateDatasetText(text, fileName, lang);
  const source = datasetSource(text, fileName, lang);
  if (result.ok) return { dataset: result.data, invalid: new Map(), source };
  const fatal: ValidationError[] = [];
  const byApp = new Map<number, ValidationError[]>();
  for (const e of result.errors) {
    // A record gap refuses only the letter that needs the field (letterContext says so).
    if (e.code === "incomplete") continue;
    const m = APP_POINTER.exec(e.pointer);
    if (!m || e.code === "syntax") fatal.push(e);
    else {
      const i = Number(m[1]);
      const list = byApp.get(i) ?? [];
      list.push(e);
      byApp.set(i, list);
    }
  }
  if (fatal.length > 0) {
    const n = result.errors.length;
    throw new DatasetError(
      t(lang, `${fileName}：数据有 ${n} 处错误`, `${fileName}: ${n} error${n === 1 ? "" : "s"} in the data`),
      result.errors,
      lang,
      result.value,
    );
  }
  // As read: labels and dates normalised (the same reading validation judged).
  const dataset = result.value as Dataset;
  const apps = dataset.disclosure.applications ?? [];
  const invalid = new Map<number, string[]>();
  for (const [i, errors] of [...byApp.entries()].sort((a, b) => a[0] - b[0])) {
    const label = appLabel(apps[i], i);
    invalid.set(
      i,
      errors.map((e) => {
        const m = APP_POINTER.exec(e.pointer)!;
        const rest = m[2] ?? "";
        const field = rest === "" ? t(lang, "（整条记录）", "(the record)") : pointerToField(rest);
        const personal = field.startsWith("applicant.");
        const message = personal
          ? personalIssueText(e.code, lang)
          : options.fieldKeys === true
            ? e.message
            : clerkMessage(e.message, lang);
        const name = rest === "" || options.fieldKeys === true ? field : fieldLabelZh(field);
        const line = t(lang, `${label}：${name}：${message}`, `${label}: ${field}: ${message}`);
        return placed(fileName, e.line, e.column, line, lang);
      }),
    );
  }
  return { dataset, invalid, source };
}
