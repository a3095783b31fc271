/**
 * Time limits of approval cases (regulations.md §8): the promised limit (承诺时限) counts from
 * acceptance (受理) as day 0, in the item's unit, working or calendar days. A case is overdue
 * when completed after the last day of the limit.
 */
import type { DayUnit } from "../data/codes.js";
import { CodedUserError } from "../data/input-messages.js";
import type { Lang } from "../util/i18n.js";
import { defaultCalendar, type Calendar } from "./calendar.js";
import { meetsLimit } from "./convention.js";
import { formatDay, parseDay } from "./dates.js";

export interface ApprovalLimit {
  days: number;
  unit: DayUnit;
}

export interface ApprovalOptions {
  /**
   * A calendar-day limit whose last day is not a working day: "next-working-day" (default)
   * moves it to the next working day, as 民法典 Art. 203 does for periods ending on a statutory
   * rest day (an interpretation); "keep" leaves it.
   */
  calendarDueOnRestDay?: "next-working-day" | "keep";
  lang?: Lang;
}

function checkLimit(limit: ApprovalLimit, lang: Lang): void {
  if (!Number.isInteger(limit.days) || limit.days < 0)
    throw new CodedUserError(
      { messageId: "approval-limit-not-whole", data: { days: String(limit.days) } },
      lang,
    );
}

/** Last day of the limit from acceptance day `a` (the limit already checked). */
function dueDay(cal: Calendar, a: number, limit: ApprovalLimit, options: ApprovalOptions): number {
  cal.checkKnown(a, a);
  if (limit.unit === "working") return cal.addWorkingDaysN(a, limit.days);
  let due = a + limit.days;
  if ((options.calendarDueOnRestDay ?? "next-working-day") === "next-working-day") {
    cal.checkKnown(due, due);
    if (!cal.isWorkingDayN(due)) due = cal.addWorkingDaysN(due, 1);
  }
  return due;
}

/** Last day of the limit (YYYY-MM-DD). */
export function approvalDue(
  accepted: string,
  limit: ApprovalLimit,
  calendar: Calendar = defaultCalendar(),
  options: ApprovalOptions = {},
): string {
  const lang = options.lang ?? calendar.lang;
  const cal = calendar.withLang(lang);
  checkLimit(limit, lang);
  const a = parseDay(accepted, "accepted", lang);
  return formatDay(dueDay(cal, a, limit, options));
}

export interface ApprovalCheck {
  due: string;
  overdue: boolean;
  /** Days taken from acceptance (day 0) to completion, in the limit's unit. */
  daysTaken: number;
  /** Days after the due day to completion, in the limit's unit (0 when on time). */
  daysLate: number;
}

/** Whether a case completed on `completed` kept the promised limit. */
export function checkApproval(
  accepted: string,
  completed: string,
  limit: ApprovalLimit,
  calendar: Calendar = defaultCalendar(),
  options: ApprovalOptions = {},
): ApprovalCheck {
  const lang = options.lang ?? calendar.lang;
  const cal = calendar.withLang(lang);
  checkLimit(limit, lang);
  const a = parseDay(accepted, "accepted", lang);
  const due = dueDay(cal, a, limit, options);
  const c = parseDay(completed, "completed", lang);
  const d = checkApprovalDays(cal, a, c, accepted, completed, limit, due);
  return { due: formatDay(due), overdue: d.overdue, daysTaken: d.daysTaken, daysLate: d.daysLate };
}

/** checkApproval in day numbers (for checking every case of a year): due date as a day number. */
export interface ApprovalDayCheck {
  due: number;
  overdue: boolean;
  daysTaken: number;
  daysLate: number;
}

/**
 * checkApproval for a case accepted on day `a` and completed on day `c` (both real dates;
 * `accepted` and `completed` are their strings, for messages): the same result and the same
 * errors, with the due date as a day number.
 */
export function checkApprovalN(
  a: number,
  c: number,
  accepted: string,
  completed: string,
  limit: ApprovalLimit,
  calendar: Calendar = defaultCalendar(),
  options: ApprovalOptions = {},
): ApprovalDayCheck {
  const lang = options.lang ?? calendar.lang;
  const cal = calendar.withLang(lang);
  checkLimit(limit, lang);
  return checkApprovalDays(cal, a, c, accepted, completed, limit, dueDay(cal, a, limit, options));
}

function checkApprovalDays(
  cal: Calendar,
  a: number,
  c: number,
  accepted: string,
  completed: string,
  limit: ApprovalLimit,
  due: number,
): ApprovalDayCheck {
  if (c < a)
    throw new CodedUserError(
      { messageId: "completed-before-accepted", data: { completed, accepted } },
      cal.lang,
    );
  let daysTaken: number;
  const overdue = !meetsLimit(c, due);
  let daysLate = 0;
  if (limit.unit === "working") {
    cal.checkKnown(a, c);
    daysTaken = cal.countUpToN(c) - cal.countUpToN(a);
    if (overdue) daysLate = cal.countUpToN(c) - cal.countUpToN(due);
  } else {
    daysTaken = c - a;
    if (overdue) daysLate = c - due;
  }
  return { due, overdue, daysTaken, daysLate };
}

/** Shorthand: completed after the promised limit. */
export function isApprovalOverdue(
  accepted: string,
  completed: string,
  limit: ApprovalLimit,
  calendar: Calendar = defaultCalendar(),
  options: ApprovalOptions = {},
): boolean {
  return checkApproval(accepted, completed, limit, calendar, options).overdue;
}
