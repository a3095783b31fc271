/** A problem found in a dataset, before it is given a line and column. */
import type { Lang } from "../util/i18n.js";
import type { Msg } from "./messages.js";

/** Stable codes of validation problems (for tests and for tools reading --json). */
export type IssueCode =
  | "syntax"
  | "required"
  | "unknown-field"
  | "duplicate-field"
  | "type"
  | "enum"
  | "format"
  | "date"
  | "range"
  | "empty"
  | "not-allowed"
  | "schema"
  | "order"
  | "year"
  | "duplicate-id"
  | "dangling-reference"
  | "totals-mismatch"
  | "receipt"
  | "inconsistent"
  /** A record lacks what the letter it leads to must say (data/completeness.ts). */
  | "incomplete";

export interface Issue {
  /** JSON pointer of the value concerned (for a missing field: where it should be). */
  pointer: string;
  /** Point at the member's key (unknown field) rather than its value. */
  anchor: "value" | "key";
  code: IssueCode;
  message: Msg;
}

/** RFC 6901 escaping of one pointer segment. */
export function escapePointer(segment: string | number): string {
  return String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
}

export function pointerOf(path: readonly (string | number)[]): string {
  return path.map((s) => "/" + escapePointer(s)).join("");
}

/** The kind of a validation problem in words, for where the message itself may not be shown. */
const ISSUE_KINDS: Partial<Record<IssueCode, { zh: string; en: string }>> = {
  required: { zh: "缺少必填项", en: "a required field is missing" },
  "unknown-field": { zh: "有数据格式中没有的字段", en: "a field the format does not have" },
  type: { zh: "数据类型不对", en: "the wrong kind of value" },
  enum: { zh: "不是可选的值之一", en: "not one of the allowed values" },
  format: { zh: "写法不对", en: "not written in the required form" },
  date: { zh: "日期不对", en: "not a valid date" },
  range: { zh: "超出允许的范围", en: "out of the allowed range" },
  empty: { zh: "为空", en: "empty" },
};

/**
 * A problem in the applicant's details, without their content (personal data is never echoed:
 * the message may quote the value): the field is named beside it, this says what kind of problem.
 */
export function personalIssueText(code: IssueCode, lang: Lang): string {
  const kind = ISSUE_KINDS[code];
  return lang === "en"
    ? `the applicant's details do not fit the data format${kind ? `: ${kind.en}` : ""}`
    : `申请人信息不符合数据格式要求${kind ? `：${kind.zh}` : ""}`;
}
