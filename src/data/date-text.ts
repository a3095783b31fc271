/**
 * Dates as people read them — the one place that turns a dataset date into words. Chinese as
 * GB/T 9704 writes them (Arabic numerals, year in full, no zero padding: 2023年6月5日), English
 * as an unambiguous day–month–year (5 June 2023). ISO dates (YYYY-MM-DD) stay in --json and in
 * the data; documents, pages and terminal text for people use this.
 */
import type { Lang } from "../util/i18n.js";
import { daysInMonth } from "./date-format.js";

const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A date to the day, to the month or a year alone. */
export interface DateParts {
  y: number;
  m?: number;
  d?: number;
}

/**
 * The parts of `YYYY-MM-DD`, `YYYY-MM` or `YYYY` when it names a real date (no 2015-02-29,
 * no month 13), else undefined.
 */
export function dateParts(value: unknown): DateParts | undefined {
  const m = typeof value === "string" ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value) : null;
  if (!m) return undefined;
  const y = Number(m[1]);
  if (m[2] === undefined) return { y };
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return undefined;
  if (m[3] === undefined) return { y, m: mo };
  const d = Number(m[3]);
  if (d < 1 || d > daysInMonth(y, mo)) return undefined;
  return { y, m: mo, d };
}

/**
 * A date for people: 2023-06-05 → 2023年6月5日 (zh) or 5 June 2023 (en); 2023-06 → 2023年6月 /
 * June 2023; 2023 → 2023年 / 2023. A value that is not a real date is returned as it is (a
 * message quoting what the user wrote still shows it).
 */
export function dateText(value: string | null | undefined, lang: Lang = "zh"): string {
  const p = dateParts(value);
  if (!p) return String(value);
  if (lang === "en") {
    if (p.m === undefined) return String(p.y);
    const month = MONTHS_EN[p.m - 1]!;
    return p.d === undefined ? `${month} ${p.y}` : `${p.d} ${month} ${p.y}`;
  }
  if (p.m === undefined) return `${p.y}年`;
  return p.d === undefined ? `${p.y}年${p.m}月` : `${p.y}年${p.m}月${p.d}日`;
}
