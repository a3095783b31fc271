/**
 * Number rules the facts share: counts with a qualifier (260余条), sums of such counts, rates and
 * reductions of time limits ("由原5个工作日缩减至2个工作日，办理时间缩短了60%").
 *
 * Percentage rule (used for every percentage the facts state):
 *   percent = (part ÷ whole) × 100, rounded half up to a whole number;
 *   a non-zero part never shows as 0% (it shows as 1%) and a part short of the whole never
 *   shows as 100% (it shows as 99%), so the rounded figure never contradicts the counts.
 *   Exact cases stay exact: 3/5 → 60, 7/20 → 35, 1/3 → 33, 2/3 → 67, 1/8 → 13 (12.5 rounds up).
 */
import { countValue, isApproximate } from "../data/count.js";
import type { Count, DayUnit, Qualifier, TimeLimit } from "../data/types.js";

export type { Count };
export { countValue, isApproximate };

/** A count as templates receive it: a plain integer, or { value, qualifier } for 260余. */
export type CountFact = number | { value: number; qualifier: Qualifier };

/** Copy a count (so facts never share objects with the dataset). */
export function countFact(c: Count): CountFact {
  return isApproximate(c) ? { value: c.value, qualifier: c.qualifier } : c;
}

/**
 * Sum of counts. Exact counts add up exactly. When any part is approximate the sum is
 * approximate: 约 if any part is 约 (the sum is only "about"), else 余 (each 余/多 part means
 * "at least", so the sum is "at least" too: 260余 + 10 = 270余).
 */
export function sumCounts(counts: readonly Count[]): CountFact {
  let value = 0;
  let qualifier: Qualifier | undefined;
  for (const c of counts) {
    value += countValue(c);
    if (isApproximate(c)) {
      if (c.qualifier === "约" || qualifier === "约") qualifier = "约";
      else qualifier = "余";
    }
  }
  return qualifier === undefined ? value : { value, qualifier };
}

/** Whole-number percentage of part/whole by the rule above; null when whole is 0. */
export function roundPercent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  const exact = (part / whole) * 100;
  // toPrecision(12) removes binary noise so that 12.5 stays 12.5 before rounding.
  const clean = Number(exact.toPrecision(12));
  let p = Math.sign(clean) * Math.floor(Math.abs(clean) + 0.5);
  if (p === 0 && part !== 0) p = Math.sign(part / whole);
  if (Math.abs(p) >= 100 && Math.abs(part) < Math.abs(whole)) p = 99 * Math.sign(p);
  return p;
}

/** A ratio with its parts, e.g. 按时办结率 265/267. */
export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator; null when the denominator is 0. */
  ratio: number | null;
  /** Whole percent by the rule above; null when the denominator is 0. */
  percent: number | null;
  /** numerator === denominator (and the denominator is not 0). */
  full: boolean;
}

export function rate(numerator: number, denominator: number): Rate {
  return {
    numerator,
    denominator,
    ratio: denominator === 0 ? null : numerator / denominator,
    percent: roundPercent(numerator, denominator),
    full: denominator > 0 && numerator === denominator,
  };
}

/** A time limit as templates receive it: the unit also as a flag for {{#if working}}. */
export interface LimitFact {
  days: number;
  unit: DayUnit;
  working: boolean;
}

export function limitFact(l: TimeLimit): LimitFact {
  return { days: l.days, unit: l.unit, working: l.unit === "working" };
}

/** A promised limit shortened (or lengthened) from its previous value. */
export interface Reduction {
  from: LimitFact;
  to: LimitFact;
  /** Same unit on both sides: only then are the days and the percentage stated. */
  comparable: boolean;
  /** from.days − to.days (null when not comparable). */
  shortenedBy: number | null;
  /** (from − to) ÷ from (null when not comparable or from is 0). */
  ratio: number | null;
  /** Whole percent by the rule above ("缩短了60%"); null when not comparable or from is 0. */
  percent: number | null;
  /** The limit is now shorter. */
  shortened: boolean;
  /** The limit is now longer. */
  lengthened: boolean;
}

export function reduction(from: TimeLimit, to: TimeLimit): Reduction {
  const comparable = from.unit === to.unit;
  const by = comparable ? from.days - to.days : null;
  return {
    from: limitFact(from),
    to: limitFact(to),
    comparable,
    shortenedBy: by,
    ratio: by === null || from.days === 0 ? null : by / from.days,
    percent: by === null ? null : roundPercent(by, from.days),
    shortened: by !== null && by > 0,
    lengthened: by !== null && by < 0,
  };
}

/** Compare two limits in the same unit: negative, 0, positive; null when units differ. */
export function compareLimits(a: TimeLimit, b: TimeLimit): number | null {
  return a.unit === b.unit ? a.days - b.days : null;
}
