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

/** Finds a record's position by id (the last record with that id, as a map built in order would). */
interface IdLookup {
  get(id: string): number | undefined;
}

/** The lookup of a list (built once per list and dataset). */
const indexCache = new WeakMap<object, IdLookup>();

/** The position of each record of a list by id (the last one when an id repeats). */
export function indexById(list: readonly { id: string }[]): IdLookup {
  let m = indexCache.get(list);
  if (!m) {
    m = increasingIds(list) ? new SortedIds(list) : mapOf(list);
    indexCache.set(list, m);
  }
  return m;
}

function mapOf(list: readonly { id: string }[]): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < list.length; i++) m.set(list[i]!.id, i);
  return m;
}

/** Ids strictly increase, shorter first and in string order within a length (so none repeats). */
function before(a: string, b: string): boolean {
  return a.length < b.length || (a.length === b.length && a < b);
}

function increasingIds(list: readonly { id: string }[]): boolean {
  for (let i = 1; i < list.length; i++)
    if (typeof list[i]!.id !== "string" || !before(list[i - 1]!.id, list[i]!.id)) return false;
  return list.length === 0 || typeof list[0]!.id === "string";
}

/** Binary search over ids in increasing order: no map of a million cases to find a few. */
class SortedIds implements IdLookup {
  constructor(private readonly list: readonly { id: string }[]) {}
  get(id: string): number | undefined {
    let lo = 0;
    let hi = this.list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.list[mid]!.id;
      if (at === id) return mid;
      if (before(at, id)) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
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
