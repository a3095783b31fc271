/**
 * Helpers rules share to point into the dataset and to name limits and dates in a message.
 * Pointers name records by position; values are copied from the dataset or the facts. Nothing
 * here reads an applicant's personal data.
 */
import { escapePointer } from "../data/issue.js";
import type { Dataset } from "../data/types.js";
import type { ApplicationFacts } from "../facts/applications.js";
import type { LimitFact } from "../facts/index.js";
import type { Lang } from "../util/i18n.js";
import type { Evidence, JsonValue } from "./finding.js";

/** A JSON pointer from path segments. */
export function ptr(...segments: (string | number)[]): string {
  let out = "";
  for (const s of segments)
    out += "/" + (typeof s === "number" || !/[~/]/.test(s) ? String(s) : escapePointer(s));
  return out;
}

export function ev(pointer: string, value: JsonValue): Evidence {
  return { pointer, value };
}

/** Pointer into the application at `index` of disclosure.applications. */
export function appPtr(index: number, ...rest: (string | number)[]): string {
  return ptr("disclosure", "applications", index, ...rest);
}

/** Evidence of an application's receipt date: the field it was taken from. */
export function receiptEvidence(a: ApplicationFacts): Evidence[] {
  if (a.received === null || a.receivedFrom === null) return [];
  return [ev(appPtr(a.index, a.receivedFrom), a.received)];
}

/** The position of each record of a list by id (built once per list and dataset). */
const indexCache = new WeakMap<object, Map<string, number>>();
export function indexById(list: readonly { id: string }[]): Map<string, number> {
  let m = indexCache.get(list);
  if (!m) {
    m = new Map(list.map((r, i) => [r.id, i]));
    indexCache.set(list, m);
  }
  return m;
}

/** Position of an approval case by id (-1 when absent). */
export function caseIndex(dataset: Dataset, id: string): number {
  return indexById(dataset.approval?.cases ?? []).get(id) ?? -1;
}

/** "7个工作日" / "7天"; "7 working days" / "7 calendar days". */
export function limitText(limit: LimitFact | { days: number; unit: string }, lang: Lang): string {
  const working = limit.unit === "working";
  if (lang === "en")
    return `${limit.days} ${working ? "working" : "calendar"} day${limit.days === 1 ? "" : "s"}`;
  return `${limit.days}${working ? "个工作日" : "天"}`;
}
