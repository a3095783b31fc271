/**
 * Calendar date strings (YYYY-MM-DD) and day numbers. A day number counts days since
 * 1970-01-01 in the proleptic Gregorian calendar (same as Date.UTC(...) / 86400000), so there
 * is no time zone anywhere. Conversions are pure integer arithmetic (H. Hinnant's civil-date
 * algorithms), which keeps bulk deadline computation cheap.
 */
import { daysInMonth } from "../data/date-format.js";
import { CodedUserError } from "../data/input-messages.js";
import type { Lang } from "../util/i18n.js";

/** Day number of a civil date (month 1–12). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number. */
export function civilFromDays(n: number): { y: number; m: number; d: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Digits at [from, to) of `s` as an integer, or -1 if any is not 0–9 (stays a small integer). */
function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Day number of a YYYY-MM-DD string, or undefined when it is not a real calendar date. */
export function tryParseDay(s: string): number | undefined {
  if (typeof s !== "string" || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45)
    return undefined;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return daysFromCivil(y, mo, d);
}

/**
 * Day number of a YYYY-MM-DD string; a UserError naming `what` (e.g. "--received") when the
 * string is not a real calendar date.
 */
export function parseDay(s: unknown, what: string, lang: Lang = "zh"): number {
  const n = typeof s === "string" ? tryParseDay(s) : undefined;
  if (n === undefined)
    throw new CodedUserError({ messageId: "invalid-date", data: { what, value: String(s) } }, lang);
  return n;
}

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

/** Formatted dates are cached for day numbers 0 .. FORMAT_CACHE_SIZE-1 (1970–2139). */
const FORMAT_CACHE_SIZE = 62_000;
/** Packed array ("" = not yet formatted); a sparse array would fall back to a slow dictionary. */
let formatCache: string[] | undefined;

/** YYYY-MM-DD of a day number. */
export function formatDay(n: number): string {
  const cacheable = n >= 0 && n < FORMAT_CACHE_SIZE;
  if (cacheable) {
    formatCache ??= new Array<string>(FORMAT_CACHE_SIZE).fill("");
    const hit = formatCache[n] as string;
    if (hit !== "") return hit;
  }
  const { y, m, d } = civilFromDays(n);
  const s = `${y}-${pad2(m)}-${pad2(d)}`;
  if (cacheable) (formatCache as string[])[n] = s;
  return s;
}

/** Year of a day number. */
export function yearOfDay(n: number): number {
  return civilFromDays(n).y;
}

/** Day of the week of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** The date `n` calendar days after (or before, when negative) a YYYY-MM-DD date. */
export function addCalendarDays(date: string, n: number, lang: Lang = "zh"): string {
  return formatDay(parseDay(date, "date", lang) + n);
}

const WEEKDAYS_ZH = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
const WEEKDAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** Short weekday label of a day number. */
export function weekdayLabel(n: number, lang: Lang): string {
  return (lang === "en" ? WEEKDAYS_EN : WEEKDAYS_ZH)[weekdayOfDay(n)] ?? "";
}
