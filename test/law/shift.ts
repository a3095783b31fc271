/** Shift every YYYY-MM-DD date of a value by whole years (a 2015 copy of the 2023 sample). */
export function shiftYears<T>(v: T, years: number): T {
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v))
    return `${Number(v.slice(0, 4)) + years}${v.slice(4)}` as T;
  if (Array.isArray(v)) return v.map((x) => shiftYears(x, years)) as T;
  if (v && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shiftYears(x, years)])) as T;
  return v;
}
