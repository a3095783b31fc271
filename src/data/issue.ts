/** A problem found in a dataset, before it is given a line and column. */
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
