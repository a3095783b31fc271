/** Chinese numerals: 一 十 十一 二十 一百零一 …, digit-by-digit 二〇一五, and 第一. */
import { HelperError, kindOf } from "./errors.js";

const QTY = "零一二三四五六七八九";
const DIGIT = "〇一二三四五六七八九";
const SECTION_UNITS = ["千", "百", "十", ""] as const;

/** Largest number cnNumeral accepts (九千九百九十九万九千九百九十九). */
export const CN_NUMERAL_MAX = 99_999_999;

function requireCount(n: unknown, what: string, min: number): number {
  if (typeof n !== "number" || !Number.isInteger(n) || n < min || n > CN_NUMERAL_MAX) {
    // Long numbers are not shown: a wrong variable could hold a phone or ID number.
    const shown = typeof n !== "number" ? kindOf(n) : Math.abs(n) < 1e9 ? String(n) : "…";
    throw new HelperError(
      `${what} 需要 ${min}–${CN_NUMERAL_MAX} 之间的整数，得到 ${shown}`,
      `${what} needs an integer between ${min} and ${CN_NUMERAL_MAX}, got ${shown}`,
    );
  }
  return n;
}

/** 1–9999 → 一 … 九千九百九十九, with one 零 for each run of inner zeros. */
function section(x: number): string {
  const digits = [Math.floor(x / 1000), Math.floor(x / 100) % 10, Math.floor(x / 10) % 10, x % 10];
  let out = "";
  let started = false;
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (started) zero = true;
      return;
    }
    if (zero) out += "零";
    zero = false;
    out += QTY[d]! + SECTION_UNITS[i]!;
    started = true;
  });
  return out;
}

/**
 * A count or ordinal in Chinese numerals, as written in running text:
 * 0 → 零, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一, 110 → 一百一十, 10001 → 一万零一.
 */
export function cnNumeral(n: number): string {
  requireCount(n, "cnNumeral", 0);
  if (n === 0) return "零";
  const high = Math.floor(n / 10_000);
  const low = n % 10_000;
  let out: string;
  if (high === 0) out = section(low);
  else {
    out = section(high) + "万";
    if (low > 0) out += (low < 1000 ? "零" : "") + section(low);
  }
  // 10–19 (and 十万–十九万) are read without the leading 一.
  return out.startsWith("一十") ? out.slice(1) : out;
}

/** Digit by digit with 〇 for zero, as in years written in Chinese: 2015 → 二〇一五. */
export function cnDigits(v: number | string): string {
  const s = typeof v === "number" && Number.isInteger(v) && v >= 0 ? String(v) : v;
  if (typeof s !== "string" || !/^[0-9]+$/.test(s)) {
    throw new HelperError(
      `cnDigits 需要由数字组成的值，得到 ${kindOf(v)}`,
      `cnDigits needs a value made of digits, got ${kindOf(v)}`,
    );
  }
  return [...s].map((c) => DIGIT[Number(c)]!).join("");
}

/** 第一, 第二, … 第十一. */
export function cnOrdinal(n: number): string {
  requireCount(n, "cnOrdinal", 1);
  return "第" + cnNumeral(n);
}
