/**
 * Wording of a year-over-year change (facts.yearOverYear.*, src/facts/year-over-year.ts). The
 * facts decide direction, amount and percentage; this only words them:
 *
 *   {{yoy c}}                        比上年增长12.5% · 比上年下降12.5% · 与上年持平 · 上年为0
 *   {{yoy c unit="件"}}              比上年增加3件 · 比上年减少3件 · 与上年持平
 *   {{yoy c unit="件" percent=true}} 比上年增加3件，增长12.5% · 比上年增加3件（上年为0）
 *
 * Last year 0 gives no percentage: alone, "上年为0"; after an amount, "（上年为0）".
 */
import { HelperError, kindOf } from "./errors.js";
import { formatNumber } from "./numbers.js";

export interface YearChangeInput {
  direction: "increase" | "decrease" | "equal";
  amount: number;
  percent: number | null;
  previousZero: boolean;
}

export interface YearChangePhrasing {
  /** Unit word: state the amount (比上年增加3件). Without it, the percentage is stated. */
  unit?: string;
  /** With a unit: state the percentage too (比上年增加3件，增长12.5%). */
  percent?: boolean;
}

function checked(v: unknown): YearChangeInput {
  const o = v as Record<string, unknown> | null;
  if (
    o === null ||
    typeof o !== "object" ||
    Array.isArray(o) ||
    !["increase", "decrease", "equal"].includes(o.direction as string) ||
    typeof o.amount !== "number" ||
    !(o.percent === null || typeof o.percent === "number") ||
    typeof o.previousZero !== "boolean"
  ) {
    throw new HelperError(
      `yoy 需要同比变化（facts.yearOverYear 中的一项），得到 ${kindOf(v)}`,
      `yoy needs a year-over-year change (an entry of facts.yearOverYear), got ${kindOf(v)}`,
    );
  }
  return o as unknown as YearChangeInput;
}

export function formatYearChange(change: unknown, phrasing: YearChangePhrasing = {}): string {
  const c = checked(change);
  if (c.direction === "equal") return "与上年持平";
  const up = c.direction === "increase";
  const pct = c.percent === null ? null : `${formatNumber(c.percent, "yoy")}%`;
  if (phrasing.unit === undefined) {
    if (pct === null) return "上年为0";
    return `比上年${up ? "增长" : "下降"}${pct}`;
  }
  const amount = `比上年${up ? "增加" : "减少"}${formatNumber(c.amount, "yoy")}${phrasing.unit}`;
  if (!phrasing.percent) return amount;
  if (pct === null) return `${amount}（上年为0）`;
  return `${amount}，${up ? "增长" : "下降"}${pct}`;
}
