/**
 * The JSON Schema "date" format as ajv-formats defines it (RFC 3339 full-date): YYYY-MM-DD in
 * ASCII digits, a month 1–12 and a day within the month (29 February in leap years) — without a
 * regular expression or an allocation: the validator checks every date of a dataset (some
 * 700,000 in a year of 100,000 applications and 100,000 cases).
 *
 * Self-contained but for daysInMonth (no imports, no other outer names):
 * scripts/gen-validator.mjs copies both sources into the precompiled validator's formats module.
 */
export function isDateFormat(s: unknown): boolean {
  if (typeof s !== "string" || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45)
    return false;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) m = m * 10 + c;
    else d = d * 10 + c;
  }
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * Days in month `m` (1–12) of year `y` in the proleptic Gregorian calendar: the one leap-year
 * rule (every 4th year, not every 100th, every 400th) of the schema's date format, the dataset
 * checks and the calendar. Self-contained (its source is copied with isDateFormat's).
 */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}
