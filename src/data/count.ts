/** Counts: exact integers or approximate figures such as 260余条 ({ value: 260, qualifier: "余" }). */
import type { ApproximateCount, Count } from "./types.js";

export function isApproximate(c: Count): c is ApproximateCount {
  return typeof c === "object" && c !== null;
}

/** The number of a count (260 for 260余). */
export function countValue(c: Count): number {
  return isApproximate(c) ? c.value : c;
}

/** As written in Chinese text: 267, 260余, 约300, 50多. */
export function countText(c: Count): string {
  if (!isApproximate(c)) return String(c);
  return c.qualifier === "约" ? `约${c.value}` : `${c.value}${c.qualifier}`;
}

/**
 * Does a given total agree with the number of records? Exact totals must be equal; 260余 and
 * 260多 mean at least 260 (and fewer than the next round figure is not checked); 约 is not checked.
 */
export function countAgrees(given: Count, actual: number): boolean {
  if (!isApproximate(given)) return given === actual;
  if (given.qualifier === "约") return true;
  return actual >= given.value;
}
