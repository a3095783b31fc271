/** Phrasing helpers: counts with units and zero/one wording, 《》 and “” quoting. */
import { formatCount, unwrapCount, type Count } from "./numbers.js";

export interface CountPhrasing {
  /** Printed instead when the count is exactly 0 (e.g. "无"). */
  zero?: string;
  /** Printed instead when the count is exactly 1 with no qualifier (e.g. "一名"). */
  one?: string;
}

/**
 * `count(3, "件")` → "3件"; `count({value: 260, qualifier: "余"}, "条")` → "260余条";
 * with `zero: "无"` a count of 0 gives "无". The facts decide which sentence applies; this only
 * words the number.
 */
export function formatCountWithUnit(n: Count, unit: string, phrasing: CountPhrasing = {}): string {
  const { value, qualifier } = unwrapCount(n, "count");
  if (value === 0 && qualifier === undefined && phrasing.zero !== undefined) return phrasing.zero;
  if (value === 1 && qualifier === undefined && phrasing.one !== undefined) return phrasing.one;
  return formatCount(n, "count") + unit;
}

/** 《title》, leaving an already quoted title alone. */
export function bookTitle(title: string): string {
  return title.startsWith("《") && title.endsWith("》") ? title : `《${title}》`;
}

/** “text”, leaving already quoted text alone. */
export function quote(text: string): string {
  return text.startsWith("“") && text.endsWith("”") ? text : `“${text}”`;
}
