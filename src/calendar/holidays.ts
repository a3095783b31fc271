/**
 * The shipped holiday data (data/holidays/, one holiday-cn JSON file per year of the State
 * Council notice). All files merge into one date map: a file can hold dates of the previous
 * December (2019.json holds 2018-12-29..31). The years that have a file are the known years.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { HOLIDAYS_DIR } from "../util/paths.js";
import { tryParseDay } from "./dates.js";

/** One listed day: a holiday / day off in lieu (isOffDay) or a make-up workday (!isOffDay). */
export interface HolidayDay {
  date: string;
  name: string;
  isOffDay: boolean;
}

/** Merged holiday data: every listed day by date, and the years that have data. */
export interface HolidayData {
  /** Listed days keyed by YYYY-MM-DD. */
  days: Map<string, HolidayDay>;
  /** Years whose calendar is known (a file exists), ascending. */
  years: number[];
}

interface HolidayFile {
  year: number;
  days: HolidayDay[];
}

function isHolidayFile(v: unknown): v is HolidayFile {
  if (typeof v !== "object" || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.year === "number" &&
    Array.isArray(o.days) &&
    o.days.every(
      (d: unknown) =>
        typeof d === "object" &&
        d !== null &&
        typeof (d as HolidayDay).date === "string" &&
        tryParseDay((d as HolidayDay).date) !== undefined &&
        typeof (d as HolidayDay).name === "string" &&
        typeof (d as HolidayDay).isOffDay === "boolean",
    )
  );
}

/**
 * Read and merge every `YYYY.json` in `dir`. A malformed file or a date listed twice is a
 * packaging bug, so it throws a plain Error (not a UserError).
 */
export function loadHolidayData(dir: string = HOLIDAYS_DIR): HolidayData {
  const days = new Map<string, HolidayDay>();
  const years: number[] = [];
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort();
  for (const f of files) {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, f), "utf8"));
    if (!isHolidayFile(parsed) || String(parsed.year) + ".json" !== f)
      throw new Error(`malformed holiday data file ${f}`);
    years.push(parsed.year);
    for (const d of parsed.days) {
      if (days.has(d.date)) throw new Error(`holiday data: ${d.date} is listed twice (${f})`);
      days.set(d.date, { date: d.date, name: d.name, isOffDay: d.isOffDay });
    }
  }
  return { days, years };
}

let shipped: HolidayData | undefined;

/** The shipped data, read once per process. */
export function shippedHolidayData(): HolidayData {
  shipped ??= loadHolidayData();
  return shipped;
}
