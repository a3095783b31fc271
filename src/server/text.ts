/**
 * Library messages as a clerk reads them: dates in Chinese, the regulation by its name, no
 * JSON pointer in front. Display only: no figure or decision is changed.
 */
import { cnDate } from "./html.js";
import { REGIME_LABELS } from "./labels.js";

export function screenText(message: string): string {
  return (
    message
      // A leading pointer ("/documents/summary/date：…") names a place in the dataset file.
      .replace(/^(?:[^\s：:]+\s+)?\/[A-Za-z0-9_/~-]*[：:]\s*/, "")
      // …and one inside a message ("数据.json 第12行第3列 /approval/totals/completed：…").
      .replace(/(^|\s)\/[A-Za-z][A-Za-z0-9_/~-]*[：:]\s*/g, "$1")
      .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (d) => cnDate(d))
      .replace(/ogi-(2008|2019)/g, (r) => REGIME_LABELS[r] ?? r)
  );
}
