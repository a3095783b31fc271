/** Dates as GB/T 9704 writes them: Arabic numerals, year in full, no zero padding. */
import { dateParts, dateText } from "../../data/date-text.js";
import { HelperError, kindOf } from "./errors.js";

/**
 * `YYYY-MM-DD` → 2015年1月23日, `YYYY-MM` → 2014年6月, `YYYY` → 2014年.
 * Anything else (or an impossible date such as 2015-02-29) is an error.
 */
export function formatDate(value: string): string {
  // Quote the value only when it looks like a date: a wrong variable could hold personal data.
  const looksLikeDate = typeof value === "string" && /^[0-9./\-年月日 ]{1,20}$/.test(value);
  const got = {
    zh:
      typeof value !== "string"
        ? ` ${kindOf(value)}`
        : looksLikeDate
          ? ` ${JSON.stringify(value)}`
          : "不是日期的文字",
    en:
      typeof value !== "string"
        ? kindOf(value)
        : looksLikeDate
          ? JSON.stringify(value)
          : "text that is not a date",
  };
  const bad = () =>
    new HelperError(
      `date 需要 YYYY-MM-DD、YYYY-MM 或 YYYY 形式的日期，得到${got.zh}`,
      `date needs a YYYY-MM-DD, YYYY-MM or YYYY date, got ${got.en}`,
    );
  if (!dateParts(value)) throw bad();
  return dateText(value, "zh");
}
