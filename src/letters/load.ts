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
import { validateDatasetText, type ValidationError } from "../data/validate.js";
import { t, type Lang } from "../util/i18n.js";

export interface LettersDataset {
  dataset: Dataset;
  /** Applications set aside, by index in disclosure.applications: one message per problem. */
  invalid: Map<number, string[]>;
}

const APP_POINTER = /^\/disclosure\/applications\/(\d+)(\/.*)?$/;

/** "/reply/reason" → "reply.reason"; "/consultations/0/sent" → "consultations[0].sent". */
export function pointerToField(pointer: string): string {
  const parts = pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  let out = "";
  for (const p of parts) {
    if (/^\d+$/.test(p)) out += `[${p}]`;
    else out += out === "" ? p : `.${p}`;
  }
  return out;
}

function appLabel(raw: unknown, index: number): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === "string" && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id) ? id : `applications[${index}]`;
}

/** Read and validate `path`, setting aside applications whose own records are invalid. */
export function loadLettersDataset(path: string, lang: Lang = "zh"): LettersDataset {
  return parseLettersDataset(readDatasetText(path, lang), path, lang);
}

export function parseLettersDataset(text: string, fileName: string, lang: Lang = "zh"): LettersDataset {
  const result = validateDatasetText(text, fileName, lang);
  if (result.ok) return { dataset: result.data, invalid: new Map() };
  const fatal: ValidationError[] = [];
  const byApp = new Map<number, ValidationError[]>();
  for (const e of result.errors) {
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
    );
  }
  const dataset = JSON.parse(text) as Dataset;
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
          ? t(
              lang,
              `申请人信息不符合数据格式要求（${e.code}）`,
              `the applicant's details do not fit the data format (${e.code})`,
            )
          : e.message;
        return t(lang, `${label}：${field}：${message}`, `${label}: ${field}: ${message}`);
      }),
    );
  }
  return { dataset, invalid };
}
