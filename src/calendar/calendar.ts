/**
 * The working-day calendar: Monday–Friday work and Saturday–Sunday rest, minus official
 * holidays, plus official make-up workdays (调休上班日), plus a local override layer.
 *
 * A precomputed index over the known range (cumulative working-day counts per day and the
 * position of every working day) makes addWorkingDays and countWorkingDays O(1); the
 * known-year check is O(1) when the known years are contiguous (always, unless an override adds
 * a year after a gap) and linear in the years spanned otherwise.
 *
 * A year without data is unknown, not "weekends only": every computation touching a date in an
 * unknown year throws an UnknownYearError (a UserError, exit 2) naming the year.
 */
import { UserError } from "../util/errors.js";
import { CodedUserError } from "../data/input-messages.js";
import { t, type Lang } from "../util/i18n.js";
import { daysFromCivil, formatDay, parseDay, weekdayOfDay, yearOfDay } from "./dates.js";
import { shippedHolidayData, type HolidayData } from "./holidays.js";
import { loadCalendarOverride, type CalendarOverride } from "./override.js";

/** Why a day is or is not a working day. */
export type DayClass = "workday" | "weekend" | "holiday" | "makeup-workday";

export interface DayInfo {
  date: string;
  class: DayClass;
  /** workday and makeup-workday are working days. */
  working: boolean;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  /**
   * Holiday name (e.g. 春节) for a holiday or a make-up workday; also kept for a listed workday
   * on Monday–Friday (2020-02-03), which is classed "workday".
   */
  name?: string;
  /** True when the day comes from the local override rather than the national data. */
  local?: boolean;
}

/**
 * A computation reached a year without calendar data. A year after the data is one whose State
 * Council holiday notice is not in the calendar yet (today: any deadline running into 2027); the
 * message says so and how to add it. Deadlines that need such a year are undeterminable, never
 * counted as weekends only.
 */
export class UnknownYearError extends CodedUserError {
  readonly year: number;
  /** The year comes after every year of data (its notice may not be published yet). */
  readonly afterData: boolean;
  constructor(year: number, lang: Lang, afterData = false) {
    super({ messageId: "unknown-year", data: { year, afterData } }, lang);
    this.name = "UnknownYearError";
    this.year = year;
    this.afterData = afterData;
  }
}

const CLASS_CODES: readonly DayClass[] = ["workday", "weekend", "holiday", "makeup-workday"];
const C_WORKDAY = 0;
const C_WEEKEND = 1;
const C_HOLIDAY = 2;
const C_MAKEUP = 3;

/** The precomputed, language-independent part of a calendar. */
class CalendarIndex {
  readonly base: number;
  readonly size: number;
  readonly minYear: number;
  readonly maxYear: number;
  readonly known: Set<number>;
  /** Every year from minYear to maxYear is known. */
  readonly contiguous: boolean;
  readonly cls: Uint8Array;
  readonly names = new Map<number, string>();
  readonly local = new Set<number>();
  /** cum[i] = number of working days among days base .. base+i-1. */
  readonly cum: Int32Array;
  /** pos[k] = offset from base of the k-th (0-based) working day. */
  readonly pos: Int32Array;

  constructor(data: HolidayData, override: CalendarOverride | undefined, lang: Lang) {
    this.known = new Set([...data.years, ...(override?.years ?? [])]);
    if (this.known.size === 0) throw new Error("calendar without any known year");
    const years = [...this.known].sort((a, b) => a - b);
    this.minYear = years[0] as number;
    this.maxYear = years[years.length - 1] as number;
    this.contiguous = this.known.size === this.maxYear - this.minYear + 1;
    this.base = daysFromCivil(this.minYear, 1, 1);
    this.size = daysFromCivil(this.maxYear + 1, 1, 1) - this.base;
    this.cls = new Uint8Array(this.size);
    for (let i = 0; i < this.size; i++) {
      const wd = weekdayOfDay(this.base + i);
      this.cls[i] = wd === 0 || wd === 6 ? C_WEEKEND : C_WORKDAY;
    }
    const apply = (date: string, name: string, isOffDay: boolean, isLocal: boolean): void => {
      const i = parseDay(date, "holiday data", lang) - this.base;
      if (i < 0 || i >= this.size) return;
      // A listed workday on Monday–Friday (2020-02-03, end of the extended Spring Festival) is an
      // ordinary workday, not a make-up day; the name stays for classify().
      if (isOffDay) this.cls[i] = C_HOLIDAY;
      else {
        const wd = weekdayOfDay(this.base + i);
        this.cls[i] = wd === 0 || wd === 6 ? C_MAKEUP : C_WORKDAY;
      }
      this.names.set(i, name);
      if (isLocal) this.local.add(i);
      else this.local.delete(i);
    };
    for (const d of data.days.values()) apply(d.date, d.name, d.isOffDay, false);
    for (const d of override?.days ?? []) {
      const y = Number(d.date.slice(0, 4));
      if (!this.known.has(y))
        throw new UserError(
          t(
            lang,
            `日历覆盖文件列出了 ${d.date}，但没有${y}年的节假日数据；如要提供整年日历，请在 "years" 中列出 ${y}`,
            `The calendar override lists ${d.date} but there is no holiday data for ${y}; to supply the whole year, list ${y} in "years"`,
          ),
        );
      apply(d.date, d.name, d.isOffDay, true);
    }
    const shippedYears = new Set(data.years);
    for (const y of override?.years ?? []) if (!shippedYears.has(y)) this.checkWholeYear(y, lang);
    this.cum = new Int32Array(this.size + 1);
    let total = 0;
    for (let i = 0; i < this.size; i++) {
      const c = this.cls[i];
      if (c === C_WORKDAY || c === C_MAKEUP) total++;
      this.cum[i + 1] = total;
    }
    this.pos = new Int32Array(total);
    for (let i = 0, k = 0; i < this.size; i++) {
      const c = this.cls[i];
      if (c === C_WORKDAY || c === C_MAKEUP) this.pos[k++] = i;
    }
  }

  /**
   * A year the override declares complete (no shipped data) must list at least the national
   * holidays: every fixed-date holiday as a day off and as many days off as the statutory
   * holidays number. An empty year would count 1 January (and every holiday) as a working day
   * and move every deadline that crosses it.
   */
  private checkWholeYear(y: number, lang: Lang): void {
    const rule = statutoryHolidays(y);
    const off = (date: string): boolean =>
      this.cls[parseDay(date, "holiday data", lang) - this.base] === C_HOLIDAY;
    const missing = rule.fixed.filter(([md]) => !off(`${y}-${md}`));
    let count = 0;
    const from = daysFromCivil(y, 1, 1) - this.base;
    const to = daysFromCivil(y + 1, 1, 1) - this.base;
    for (let i = from; i < to; i++) if (this.cls[i] === C_HOLIDAY) count++;
    if (missing.length === 0 && count >= rule.days) return;
    const why =
      missing.length > 0
        ? t(
            lang,
            `没有把${missing.map(([md, name]) => `${name}（${y}-${md}）`).join("、")}列为放假日`,
            `it does not list ${missing.map(([md, name]) => `${name} (${y}-${md})`).join(", ")} as a day off`,
          )
        : t(
            lang,
            `只列出了 ${count} 天放假日，少于法定节假日的 ${rule.days} 天`,
            `it lists ${count} days off, fewer than the ${rule.days} days of statutory holidays`,
          );
    throw new UserError(
      t(
        lang,
        `日历覆盖文件把 ${y} 年列为整年日历（"years"），但${why}；整年日历至少应按国务院办公厅当年的放假通知列出全部法定节假日（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节）和调休上班日`,
        `The calendar override declares ${y} a whole year ("years"), but ${why}; a whole year must list at least every statutory holiday (New Year's Day, Spring Festival, Qingming, Labour Day, Dragon Boat, Mid-Autumn, National Day) and the make-up workdays, as the State Council's notice for the year gives them`,
      ),
    );
  }
}

/**
 * The statutory holidays of a year (全国年节及纪念日放假办法): the fixed-date ones (month-day,
 * name) and the number of holiday days. 2008–2024: 11 days (元旦 1, 春节 3, 清明 1, 劳动节 1,
 * 端午 1, 中秋 1, 国庆 3); from 2025: 13 (春节 4, 劳动节 2); before 2008: 10 (元旦 1, 春节 3,
 * 劳动节 3, 国庆 3).
 */
function statutoryHolidays(y: number): { fixed: [string, string][]; days: number } {
  const national: [string, string][] = [
    ["10-01", "国庆节"],
    ["10-02", "国庆节"],
    ["10-03", "国庆节"],
  ];
  if (y < 2008)
    return {
      fixed: [["01-01", "元旦"], ["05-01", "劳动节"], ["05-02", "劳动节"], ["05-03", "劳动节"], ...national],
      days: 10,
    };
  if (y < 2025) return { fixed: [["01-01", "元旦"], ["05-01", "劳动节"], ...national], days: 11 };
  return { fixed: [["01-01", "元旦"], ["05-01", "劳动节"], ["05-02", "劳动节"], ...national], days: 13 };
}

let shippedIndex: CalendarIndex | undefined;
const defaults = new Map<Lang, Calendar>();

/**
 * A working-day calendar. Cheap to hold and share; `withLang` gives a view with messages in
 * another language over the same index. Public methods take and return YYYY-MM-DD strings;
 * the `*Day` methods work on day numbers (see dates.ts) for bulk computation.
 */
export class Calendar {
  private readonly idx: CalendarIndex;
  readonly lang: Lang;

  /** Use defaultCalendar() or createCalendar(). */
  private constructor(idx: CalendarIndex, lang: Lang) {
    this.idx = idx;
    this.lang = lang;
  }

  /** @internal */
  static fromIndex(idx: CalendarIndex, lang: Lang): Calendar {
    return new Calendar(idx, lang);
  }

  withLang(lang: Lang): Calendar {
    return lang === this.lang ? this : new Calendar(this.idx, lang);
  }

  /** Years with calendar data (shipped files plus override years), ascending. */
  get knownYears(): number[] {
    return [...this.idx.known].sort((a, b) => a - b);
  }

  isKnownYear(year: number): boolean {
    return this.idx.known.has(year);
  }

  /** Parse a date string (UserError naming `what` when invalid). */
  parse(date: string, what = "date"): number {
    return parseDay(date, what, this.lang);
  }

  // ---- string API -------------------------------------------------------------------------

  /** Whether `date` is a working day, and why. */
  classify(date: string): DayInfo {
    const n = this.parse(date);
    this.checkKnown(n, n);
    const i = n - this.idx.base;
    const cls = CLASS_CODES[this.idx.cls[i] as number] as DayClass;
    const info: DayInfo = {
      date,
      class: cls,
      working: cls === "workday" || cls === "makeup-workday",
      weekday: weekdayOfDay(n),
    };
    const name = this.idx.names.get(i);
    if (name !== undefined) info.name = name;
    if (this.idx.local.has(i)) info.local = true;
    return info;
  }

  isWorkingDay(date: string): boolean {
    const n = this.parse(date);
    this.checkKnown(n, n);
    return this.isWorkingDayN(n);
  }

  /**
   * The n-th working day strictly after `date` (n > 0), strictly before it (n < 0), or `date`
   * itself (n = 0). `date` itself need not be a working day.
   */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n)) throw new TypeError(`addWorkingDays: n must be an integer, got ${n}`);
    const d = this.parse(date);
    this.checkKnown(d, d);
    return formatDay(this.addWorkingDaysN(d, n));
  }

  /** Working days in the inclusive range [from, to]; 0 when to < from. */
  countWorkingDays(from: string, to: string): number {
    const a = this.parse(from, "from");
    const b = this.parse(to, "to");
    if (b < a) return 0;
    return this.countRangeN(a, b);
  }

  /**
   * Working days strictly after `start` up to and including `end` (the working days elapsed
   * from day 0); negative when `end` is before `start`.
   */
  workingDaysBetween(start: string, end: string): number {
    const a = this.parse(start, "start");
    const b = this.parse(end, "end");
    this.checkKnown(Math.min(a, b), Math.max(a, b));
    return this.countUpToN(b) - this.countUpToN(a);
  }

  // ---- day-number API (for bulk computation) ----------------------------------------------

  /** Throw UnknownYearError unless every year from day `from` to day `to` is known. */
  checkKnown(from: number, to: number): void {
    const idx = this.idx;
    if (idx.contiguous && from >= idx.base && to < idx.base + idx.size) return;
    const y1 = yearOfDay(from);
    const y2 = from === to ? y1 : yearOfDay(to);
    for (let y = y1; y <= y2; y++) if (!this.idx.known.has(y)) throw this.unknownYear(y);
  }

  /** Class of a day in the known range (call checkKnown first). */
  classOfN(n: number): DayClass {
    return CLASS_CODES[this.classCode(n)] as DayClass;
  }

  /** Holiday name of a day (holiday or make-up workday), if any. */
  nameOfN(n: number): string | undefined {
    return this.idx.names.get(n - this.idx.base);
  }

  isWorkingDayN(n: number): boolean {
    const c = this.classCode(n);
    return c === C_WORKDAY || c === C_MAKEUP;
  }

  /** Working days among days ≤ n, counted from the start of the index (differences only). */
  countUpToN(n: number): number {
    const i = n - this.idx.base + 1;
    if (i < 0 || i > this.idx.size) this.throwOutside(n);
    return this.idx.cum[i] as number;
  }

  /** Working days in [a, b] (a ≤ b), with the known-year check. */
  countRangeN(a: number, b: number): number {
    this.checkKnown(a, b);
    return this.countUpToN(b) - this.countUpToN(a - 1);
  }

  /**
   * The n-th working day after / before day `d` (see addWorkingDays), with the known-year check
   * of the days passed over (not of `d` itself unless n = 0).
   */
  addWorkingDaysN(d: number, n: number): number {
    const idx = this.idx;
    if (n === 0) {
      this.checkKnown(d, d);
      return d;
    }
    let r: number;
    if (n > 0) {
      this.checkKnown(d + 1, d + 1);
      const k = this.countUpToN(d) + n - 1;
      if (k >= idx.pos.length) this.throwFirstUnknownFrom(yearOfDay(d + 1));
      r = idx.base + (idx.pos[k] as number);
      this.checkKnown(d + 1, r);
    } else {
      this.checkKnown(d - 1, d - 1);
      const k = this.countUpToN(d - 1) + n;
      if (k < 0) this.throwFirstUnknownBackFrom(yearOfDay(d - 1));
      r = idx.base + (idx.pos[k] as number);
      this.checkKnown(r, d - 1);
    }
    return r;
  }

  private classCode(n: number): number {
    const i = n - this.idx.base;
    if (i < 0 || i >= this.idx.size) this.throwOutside(n);
    return this.idx.cls[i] as number;
  }

  private throwOutside(n: number): never {
    throw this.unknownYear(yearOfDay(n));
  }

  private throwFirstUnknownFrom(y: number): never {
    while (this.idx.known.has(y)) y++;
    throw this.unknownYear(y);
  }

  private unknownYear(y: number): UnknownYearError {
    return new UnknownYearError(y, this.lang, y > this.idx.maxYear);
  }

  private throwFirstUnknownBackFrom(y: number): never {
    while (this.idx.known.has(y)) y--;
    throw this.unknownYear(y);
  }
}

function shipped(): CalendarIndex {
  shippedIndex ??= new CalendarIndex(shippedHolidayData(), undefined, "zh");
  return shippedIndex;
}

/** The calendar of the shipped national data, built once per process. */
export function defaultCalendar(lang: Lang = "zh"): Calendar {
  let c = defaults.get(lang);
  if (!c) {
    c = Calendar.fromIndex(shipped(), lang);
    defaults.set(lang, c);
  }
  return c;
}

export interface CreateCalendarOptions {
  /** A parsed override, or the path of an override file. */
  override?: CalendarOverride | string;
  /** Language of error messages (default zh). */
  lang?: Lang;
  /** Base data instead of the shipped files (tests). */
  holidayData?: HolidayData;
}

/** A calendar of the shipped data plus an optional local override. */
export function createCalendar(options: CreateCalendarOptions = {}): Calendar {
  const lang = options.lang ?? "zh";
  if (options.override === undefined && options.holidayData === undefined) return defaultCalendar(lang);
  const override =
    typeof options.override === "string" ? loadCalendarOverride(options.override, lang) : options.override;
  const data = options.holidayData ?? shippedHolidayData();
  return Calendar.fromIndex(new CalendarIndex(data, override, lang), lang);
}
