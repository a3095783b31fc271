/**
 * Document numbers (发文字号) of letters from a configurable pattern such as
 * `{short}公开复〔{year}〕{seq}号`: {short} is the agency's short name (发文机关代字), {year} the
 * year of the letter's date, {seq} the sequence number — never zero-padded (GB/T 9704: 不编虚位)
 * — and {id} the application id. The sequence runs per pattern and year, in application order
 * (and letter order within an application), over the whole dataset: numbering does not change
 * when only some letters are written.
 */
import { fillPlaceholders } from "./remedy.js";

export const DOC_NUMBER_PLACEHOLDERS = ["short", "year", "seq", "id"] as const;

/** A letter that may carry a number. */
export interface NumberedLetter {
  /** Key the caller uses to find the number again (e.g. `YSQ2023-001/reply`). */
  key: string;
  /** Pattern for its kind; null: the kind carries no number. */
  pattern: string | null;
  /** The letter's date (YYYY-MM-DD). */
  date: string;
  id: string;
}

export function formatDocNumber(
  pattern: string,
  values: { short: string; year: number | string; seq: number; id: string },
): string {
  return fillPlaceholders(pattern, {
    short: values.short,
    year: String(values.year),
    seq: String(values.seq),
    id: values.id,
  });
}

/**
 * Numbers for letters listed in dataset order. Letters with a null pattern, or a date that is not
 * YYYY-MM-DD, get no number (and take no place in the sequence).
 */
export function assignDocNumbers(letters: readonly NumberedLetter[], short: string): Map<string, string> {
  const counters = new Map<string, number>();
  const out = new Map<string, string>();
  for (const l of letters) {
    if (l.pattern === null || !/^\d{4}-\d{2}-\d{2}$/.test(l.date)) continue;
    const year = l.date.slice(0, 4);
    const counter = `${l.pattern}\u0000${year}`;
    const seq = (counters.get(counter) ?? 0) + 1;
    counters.set(counter, seq);
    out.set(l.key, formatDocNumber(l.pattern, { short, year, seq, id: l.id }));
  }
  return out;
}

/** Placeholders in a pattern that are not known (for the config check). */
export function unknownPlaceholders(pattern: string, known: readonly string[]): string[] {
  const out: string[] = [];
  for (const m of pattern.matchAll(/\{([^{}]*)\}/g)) {
    const name = m[1] ?? "";
    if (!known.includes(name) && !out.includes(name)) out.push(name);
  }
  return out;
}
