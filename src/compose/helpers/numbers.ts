/** Numbers, counts with a qualifier (260余, 约260, 260多) and percentages. */
import { HelperError, kindOf } from "./errors.js";

/** The qualifiers a count may carry: 余 and 多 follow the number, 约 precedes it. */
export type CountQualifier = "余" | "约" | "多";

/** A count that the facts layer states approximately: { value: 260, qualifier: "余" }. */
export interface QualifiedCount {
  value: number;
  qualifier?: CountQualifier | null;
}

export type Count = number | QualifiedCount;

const QUALIFIERS: readonly string[] = ["余", "约", "多"];

function finite(n: unknown, helper: string): number {
  if (typeof n !== "number" || !Number.isFinite(n)) {
    throw new HelperError(
      `${helper} 需要有限数值，得到 ${typeof n === "number" ? String(n) : kindOf(n)}`,
      `${helper} needs a finite number, got ${typeof n === "number" ? String(n) : kindOf(n)}`,
    );
  }
  return n;
}

/** Plain Arabic digits, no grouping; binary floating-point noise removed (0.1+0.2 → 0.3). */
export function formatNumber(n: number, helper = "num"): string {
  const v = finite(n, helper);
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(12)));
}

/** Split a count into its number and qualifier, checking its shape. */
export function unwrapCount(
  c: unknown,
  helper = "num",
): { value: number; qualifier: CountQualifier | undefined } {
  if (typeof c === "number") return { value: finite(c, helper), qualifier: undefined };
  if (
    c !== null &&
    typeof c === "object" &&
    !Array.isArray(c) &&
    Object.prototype.hasOwnProperty.call(c, "value")
  ) {
    const { value, qualifier } = c as QualifiedCount;
    if (qualifier !== undefined && qualifier !== null && !QUALIFIERS.includes(qualifier)) {
      throw new HelperError(
        `${helper}：qualifier 只能是 余、约 或 多`,
        `${helper}: qualifier must be 余, 约 or 多`,
      );
    }
    return { value: finite(value, helper), qualifier: qualifier ?? undefined };
  }
  throw new HelperError(
    `${helper} 需要数值或 { value, qualifier }，得到 ${kindOf(c)}`,
    `${helper} needs a number or { value, qualifier }, got ${kindOf(c)}`,
  );
}

/** 260 → "260"; { value: 260, qualifier: "余" } → "260余"; "约" → "约260"; "多" → "260多". */
export function formatCount(c: Count, helper = "num"): string {
  const { value, qualifier } = unwrapCount(c, helper);
  const digits = formatNumber(value, helper);
  if (qualifier === "约") return "约" + digits;
  return digits + (qualifier ?? "");
}

/**
 * A ratio as a percentage: 0.6 → "60%", 0.3536 → "35.4%" (decimals 1), 0.35 → "35%".
 * Rounds half away from zero to `decimals` places and drops trailing zeros.
 */
export function formatPercent(ratio: number, decimals = 1): string {
  const r = finite(ratio, "percent");
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new HelperError("percent：decimals 需为 0–6 的整数", "percent: decimals must be an integer 0–6");
  }
  const scale = 10 ** decimals;
  // toPrecision(12) first, so that 0.145 * 100 = 14.499999999999998 rounds as 14.5.
  const scaled = Number((Math.abs(r) * 100 * scale).toPrecision(12));
  const rounded = Math.round(scaled) / scale;
  let text = rounded.toFixed(decimals);
  if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
  return (r < 0 && rounded !== 0 ? "-" : "") + text + "%";
}
