/**
 * Document numbers (发文字号) of letters from a configurable pattern such as
 * `{short}公开复〔{year}〕{seq}号`: {short} is the agency's short name (发文机关代字), {year} the
 * year of the letter's date, {seq} the sequence number — never zero-padded (GB/T 9704: 不编虚位)
 * — and {id} the application id.
 *
 * One rule for the command line, the library and the workbench: a number once issued is data and
 * never changes (the application's `issued`, or the ledger `letters` keeps beside its outputs);
 * a letter not yet issued takes the next number after the highest issued of its pattern and year
 * — numbers are never reused, and moving or adding records never renumbers an issued letter.
 * Letters not yet issued are numbered in application order (and letter order within one).
 * The workbench's counter (src/storage, issueLetter) is this rule at the moment of issue.
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

/** A letter as issued: its number and date (data, never recomputed). */
export interface IssuedNumber {
  docNumber: string;
  date: string;
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
 * The sequence number of `docNumber` if it is a number of `pattern` in `year` (any {id}), else
 * undefined: how issued numbers take their place in the sequence.
 */
export function seqOf(docNumber: string, pattern: string, short: string, year: string): number | undefined {
  const parts = pattern.split(/(\{(?:short|year|seq|id)\})/);
  let re = "^";
  for (const part of parts)
    re +=
      part === "{seq}"
        ? "([1-9][0-9]*)"
        : part === "{short}"
          ? escapeRe(short)
          : part === "{year}"
            ? escapeRe(year)
            : part === "{id}"
              ? ".+?"
              : escapeRe(part);
  const m = new RegExp(re + "$").exec(docNumber);
  return m?.[1] !== undefined ? Number(m[1]) : undefined;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Numbers for letters listed in dataset order. An issued letter keeps its number; the others
 * take, per pattern and year, the next number after the highest issued one (and after each
 * other). Letters with a null pattern, or a date that is not YYYY-MM-DD, get no number (and take
 * no place in the sequence) unless issued.
 */
export function assignDocNumbers(
  letters: readonly NumberedLetter[],
  short: string,
  issued: ReadonlyMap<string, IssuedNumber> = new Map(),
): Map<string, string> {
  const counters = new Map<string, number>();
  const out = new Map<string, string>();
  const counterOf = (pattern: string, year: string) => `${pattern}\u0000${year}`;
  // The highest issued number of every pattern and year (the letter's issued date decides its
  // year; a hand-written number that does not fit its pattern holds no place).
  for (const l of letters) {
    const done = issued.get(l.key);
    if (!done || l.pattern === null) continue;
    const year = done.date.slice(0, 4);
    const seq = seqOf(done.docNumber, l.pattern, short, year);
    const c = counterOf(l.pattern, year);
    if (seq !== undefined && seq > (counters.get(c) ?? 0)) counters.set(c, seq);
  }
  for (const l of letters) {
    const done = issued.get(l.key);
    if (done) {
      out.set(l.key, done.docNumber);
      continue;
    }
    if (l.pattern === null || !/^\d{4}-\d{2}-\d{2}$/.test(l.date)) continue;
    const year = l.date.slice(0, 4);
    const c = counterOf(l.pattern, year);
    const seq = (counters.get(c) ?? 0) + 1;
    counters.set(c, seq);
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
