/**
 * How working days are counted where the text of the law leaves room for interpretation
 * (regulations.md §2). Configuration with documented defaults; pass a partial object in
 * DeadlineOptions.countingConvention to change a point.
 */
import type { Regime } from "../data/codes.js";

export interface CountingConvention {
  /**
   * "day-zero" (default): the receipt day is day 0 and the deadline is the N-th working day
   * strictly after it, whether or not the receipt day is a working day.
   * "day-one-if-working": a receipt on a working day counts as day 1.
   */
  receiptDay: "day-zero" | "day-one-if-working";
  /** A reply (or notice) dated on the due day is on time. Default true. */
  dueDayIsOnTime: boolean;
  /** The day the consultation letter is sent is not counted. Default true. */
  pauseIncludesSendDay: boolean;
  /** The day the answer arrives is not counted. Default true. */
  pauseIncludesAnswerDay: boolean;
  /**
   * Counting restarts (day 0) on receipt of the corrected request. ogi-2019 Art. 30 says so;
   * ogi-2008 is silent (Art. 21(4) only requires asking for the amendment), and the default
   * treats the amended request the same way (an interpretation: set false to keep counting from
   * the first receipt).
   */
  restartOnCorrection: Record<Regime, boolean>;
}

export const DEFAULT_COUNTING_CONVENTION: Readonly<CountingConvention> = Object.freeze({
  receiptDay: "day-zero",
  dueDayIsOnTime: true,
  pauseIncludesSendDay: true,
  pauseIncludesAnswerDay: true,
  restartOnCorrection: Object.freeze({ "ogi-2008": true, "ogi-2019": true }),
});

/**
 * THE on-time decision: a day meets a limit when it is on or before the limit's last day, or
 * strictly before it when the convention says the due day itself is late. Every caller (the
 * deadline's correction and extension checks, the reply's on-time fact, the letters' warnings,
 * the audit rules and the annual report, which read those facts) goes through this function.
 * Days are day numbers or YYYY-MM-DD strings (which sort like the dates they name).
 */
export function meetsLimit(day: number, limit: number, dueDayIsOnTime?: boolean): boolean;
export function meetsLimit(day: string, limit: string, dueDayIsOnTime?: boolean): boolean;
export function meetsLimit(day: number | string, limit: number | string, dueDayIsOnTime = true): boolean {
  return dueDayIsOnTime ? day <= limit : day < limit;
}

/** The defaults with the given points replaced. */
export function resolveConvention(partial?: Partial<CountingConvention>): CountingConvention {
  if (!partial) return DEFAULT_COUNTING_CONVENTION as CountingConvention;
  return {
    ...DEFAULT_COUNTING_CONVENTION,
    ...partial,
    restartOnCorrection: {
      ...DEFAULT_COUNTING_CONVENTION.restartOnCorrection,
      ...partial.restartOnCorrection,
    },
  };
}
