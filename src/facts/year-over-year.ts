/**
 * Year-over-year figures (同比): with last year's dataset (`--previous`), each figure the
 * documents compare gets last year's value and the change as data — direction, amount and
 * percentage. Templates word it with the `yoy` helper ("比上年增长12.5%", "与上年持平",
 * "比上年减少3件"); they never subtract.
 *
 * Rules (documented defaults):
 * - Percentage = (this year − last year) ÷ last year × 100, one decimal, rounded half up; a
 *   change that is not zero never shows as 0.0% (it shows as 0.1%), and a fall short of the
 *   whole never shows as 100% (it shows as 99.9%). Last year 0: no percentage
 *   (`percent` null, `previousZero` true — the wording says 上年为0).
 * - A figure known only approximately in either year (260余条) or unknown in either year (no
 *   records and no totals) is not compared: its change is null.
 * - The previous dataset must be the year before; anything else is a UserError.
 */
import type { Dataset } from "../data/types.js";
import { FactError } from "./messages.js";
import type { ApprovalFacts } from "./approval.js";
import type { DisclosureFacts } from "./disclosure.js";
import type { CountFact } from "./numbers.js";

export type ChangeDirection = "increase" | "decrease" | "equal";

export interface YearChange {
  current: number;
  previous: number;
  direction: ChangeDirection;
  increase: boolean;
  decrease: boolean;
  equal: boolean;
  /** |current − previous| */
  amount: number;
  /** |change| ÷ previous in percent, one decimal (12.5); null when previous is 0. */
  percent: number | null;
  /** Last year's value was 0: no percentage can be given (上年为0). */
  previousZero: boolean;
}

/** |part| ÷ whole × 100 to one decimal, half up; never 0.0 for a non-zero part. */
export function changePercent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  const exact = Number(((Math.abs(part) / Math.abs(whole)) * 100).toPrecision(12));
  let p = Math.floor(exact * 10 + 0.5) / 10;
  if (p === 0 && part !== 0) p = 0.1;
  if (p >= 100 && Math.abs(part) < Math.abs(whole)) p = 99.9;
  return p;
}

/** The change from `previous` to `current`, or null when either is unknown or approximate. */
export function yearChange(
  current: CountFact | null | undefined,
  previous: CountFact | null | undefined,
): YearChange | null {
  if (typeof current !== "number" || typeof previous !== "number") return null;
  const diff = current - previous;
  const direction: ChangeDirection = diff > 0 ? "increase" : diff < 0 ? "decrease" : "equal";
  return {
    current,
    previous,
    direction,
    increase: diff > 0,
    decrease: diff < 0,
    equal: diff === 0,
    amount: Math.abs(diff),
    percent: changePercent(diff, previous),
    previousZero: previous === 0,
  };
}

export interface CategoryChange {
  category: string;
  change: YearChange | null;
}

export interface YearOverYearFacts {
  /** Last year (the previous dataset's year). */
  previousYear: number;
  approval: {
    /** Cases completed in the year (办结). */
    completed: YearChange | null;
    /** Per category of this year's completed cases (a category new this year compares with 0). */
    completedByCategory: CategoryChange[];
    overdue: YearChange | null;
    complaints: YearChange | null;
  };
  disclosure: {
    /** Information submitted (共报送). */
    submissions: YearChange | null;
    /** Adopted by all outlets together. */
    adopted: YearChange | null;
    documentsIssued: YearChange | null;
    pressConferences: YearChange | null;
    interviews: YearChange | null;
    /** On-request applications received in the year (新收). */
    requestsReceived: YearChange | null;
    /** Received + carried over. */
    requestsTotal: YearChange | null;
    /** Requests for which a fee was paid. */
    feesCount: YearChange | null;
  };
}

/** The facts a comparison needs from each year. */
export interface YearFigures {
  year: number;
  approval: ApprovalFacts;
  disclosure: DisclosureFacts;
}

/** Check that `previous` is the year before `dataset`. */
export function assertPreviousYear(dataset: Dataset, previous: Dataset): void {
  if (previous.year !== dataset.year - 1)
    throw new FactError({
      messageId: "previous-year-mismatch",
      data: { previousYear: previous.year, year: dataset.year },
    });
}

function completedByCategory(now: ApprovalFacts, before: ApprovalFacts): CategoryChange[] {
  if (now.completed.source === "none" || before.completed.source === "none") return [];
  const last = new Map(before.completed.byCategory.map((c) => [c.category, c.count]));
  return now.completed.byCategory.map((c) => ({
    category: c.category,
    change: yearChange(c.count, last.get(c.category) ?? 0),
  }));
}

function known<T>(flag: boolean, v: T): T | null {
  return flag ? v : null;
}

/** Compare this year's facts with last year's. */
export function deriveYearOverYear(now: YearFigures, before: YearFigures): YearOverYearFacts {
  const a = now.approval;
  const b = before.approval;
  const d = now.disclosure;
  const e = before.disclosure;
  const completedKnown = a.completed.source !== "none" && b.completed.source !== "none";
  return {
    previousYear: before.year,
    approval: {
      completed: completedKnown ? yearChange(a.completed.total, b.completed.total) : null,
      completedByCategory: completedByCategory(a, b),
      overdue: a.overdue.known && b.overdue.known ? yearChange(a.overdue.count, b.overdue.count) : null,
      complaints:
        a.complaints.known && b.complaints.known ? yearChange(a.complaints.count, b.complaints.count) : null,
    },
    disclosure: {
      submissions: yearChange(d.proactive.submissions?.count, e.proactive.submissions?.count),
      adopted:
        d.proactive.outlets.some((o) => o.adopted !== null) &&
        e.proactive.outlets.some((o) => o.adopted !== null)
          ? yearChange(d.proactive.adoptedTotal, e.proactive.adoptedTotal)
          : null,
      documentsIssued: yearChange(d.documentsIssued, e.documentsIssued),
      pressConferences: yearChange(d.pressConferences, e.pressConferences),
      interviews: yearChange(d.interviews?.count, e.interviews?.count),
      requestsReceived: known(
        d.requests.known && e.requests.known,
        yearChange(d.requests.received, e.requests.received),
      ),
      requestsTotal: known(
        d.requests.known && e.requests.known,
        yearChange(d.requests.total, e.requests.total),
      ),
      feesCount: known(d.fees.known && e.fees.known, yearChange(d.fees.count, e.fees.count)),
    },
  };
}

/**
 * The facts hook: null without a previous dataset; otherwise checks it is last year's and
 * compares. `now` and `before` are the core facts of this year and last year.
 */
export function yearOverYearFacts(
  dataset: Dataset,
  previous: Dataset | undefined,
  now: YearFigures,
  before: YearFigures | null,
): YearOverYearFacts | null {
  if (!previous || !before) return null;
  assertPreviousYear(dataset, previous);
  return deriveYearOverYear(now, before);
}
