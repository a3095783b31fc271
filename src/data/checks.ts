/**
 * Checks beyond the schema: dates in order, records inside the year, unique ids, references
 * that resolve, given totals that agree with records, and records that agree with themselves.
 * The data may be partly invalid (these run alongside the schema so every error is reported
 * at once): every access is guarded, and a value of the wrong shape is left to the schema.
 */
import type { Lang } from "../util/i18n.js";
import { recordGaps } from "./completeness.js";
import { deliveryProblems } from "./delivery.js";
import { groundProblem } from "./grounds.js";
import { extensionProblem, feeProblem, regimeOfReceipt } from "./record-limits.js";
import { daysInMonth } from "./date-format.js";
import { countAgrees, countText } from "./count.js";
import { pointerOf, type Issue } from "./issue.js";
import { choices, field, fieldValue, replyTypeLabel, type Msg } from "./messages.js";
import { RECEIPT_FIELD } from "./receipt.js";
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  COMPLAINT_OUTCOME_LABELS,
  REASON_LABELS,
  REPLY_TYPE_LABELS,
  REPLY_TYPE_ROW,
  REVIEW_GROUP_NAMES,
  replyTableRow,
  REVIEW_OUTCOME_LABELS,
  VALID_COMPLAINT_OUTCOMES,
  type ComplaintOutcome,
  type ReplyType,
} from "./codes.js";
import type { Channel, Count } from "./types.js";

type Obj = Record<string, unknown>;
type Path = (string | number)[];

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const NONE: readonly unknown[] = Object.freeze([]);
const arr = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : NONE);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/**
 * A date string that exists (the schema reports the others): YYYY-MM-DD with ASCII digits, a
 * month 1–12, a day of that month, and a year from 100 (as the Date.UTC round trip judged it:
 * Date.UTC reads years 0–99 as 1900–1999).
 */
function date(v: unknown): string | undefined {
  if (typeof v !== "string" || v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45)
    return undefined;
  const y = digits(v, 0, 4);
  const m = digits(v, 5, 7);
  const d = digits(v, 8, 10);
  if (y < 100 || m < 1 || m > 12 || d < 1) return undefined;
  return d <= daysInMonth(y, m) ? v : undefined;
}

/** The ASCII digits at [from, to) of `s` as a number, or -1 when one is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const idOf = (rec: unknown): string | undefined => (isObj(rec) ? str(rec.id) : undefined);

/**
 * The string ids of a list strictly increase, shorter ids first and ids of one length in string
 * order (so numbered ids without leading zeros increase too): then no id repeats.
 */
function increasingIds(list: readonly unknown[]): boolean {
  let prev: string | undefined;
  for (let i = 0; i < list.length; i++) {
    const id = idOf(list[i]);
    if (id === undefined) continue;
    if (prev !== undefined && !(prev.length < id.length || (prev.length === id.length && prev < id)))
      return false;
    prev = id;
  }
  return true;
}

/** The ids of a list with the position of each (the first, when one repeats); built when first asked. */
class IdIndex {
  #map: Map<string, number> | undefined;
  constructor(
    private readonly list: readonly unknown[],
    map?: Map<string, number>,
  ) {
    this.#map = map;
  }

  private get map(): Map<string, number> {
    if (this.#map === undefined) {
      const m = new Map<string, number>();
      this.list.forEach((rec, i) => {
        const id = idOf(rec);
        if (id !== undefined && !m.has(id)) m.set(id, i);
      });
      this.#map = m;
    }
    return this.#map;
  }

  has(id: string): boolean {
    return this.map.has(id);
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }
}

function isCount(v: unknown): v is Count {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0;
  return isObj(v) && typeof v.value === "number" && typeof v.qualifier === "string";
}

function both(f: (lang: Lang) => string): Msg {
  return { zh: f("zh"), en: f("en") };
}

class Checker {
  readonly issues: Issue[] = [];
  /** 1 January and 31 December of the year, as date strings. */
  readonly yearStart: string | undefined;
  private readonly yearEnd: string | undefined;
  constructor(readonly year: number | undefined) {
    this.yearStart = year === undefined ? undefined : `${year}-01-01`;
    this.yearEnd = year === undefined ? undefined : `${year}-12-31`;
  }

  add(path: Path, code: Issue["code"], message: Msg, anchor: Issue["anchor"] = "value"): void {
    this.issues.push({ pointer: pointerOf(path), anchor, code, message });
  }

  /** `later` (a date field of `obj`) must not be before `earlier` (a date, named by `earlierName`). */
  order(
    path: Path,
    obj: Obj,
    laterKey: string,
    earlier: string | undefined,
    earlierName: string,
    laterName = laterKey,
  ): void {
    if (!earlier) return;
    const later = date(obj[laterKey]);
    if (!later || later >= earlier) return;
    this.add([...path, laterKey], "order", {
      zh: `${fieldValue(laterName, later, "zh")} 早于 ${fieldValue(earlierName, earlier, "zh")}`,
      en: `${laterName} ${later} is before ${earlierName} ${earlier}`,
    });
  }

  /** Dates after the year's end do not belong in this year's data. */
  notAfterYear(path: Path, obj: Obj, key: string, hint?: Msg, name = key): void {
    const d = date(obj[key]);
    if (!d || this.yearEnd === undefined || d <= this.yearEnd) return;
    this.add([...path, key], "year", {
      zh: `${fieldValue(name, d, "zh")} 晚于 ${this.year} 年度${hint ? "；" + hint.zh : ""}`,
      en: `${name} ${d} is after the year ${this.year}${hint ? "; " + hint.en : ""}`,
    });
  }

  /** Reports each repeated id; returns the ids with their first positions. */
  uniqueIds(path: Path, list: readonly unknown[], what: Msg): IdIndex {
    // Ids in increasing order (e.g. YSQ-1, YSQ-2, … YSQ-10) cannot repeat: no map needed yet.
    if (increasingIds(list)) return new IdIndex(list);
    const seen = new Map<string, number>();
    list.forEach((rec, i) => {
      const id = idOf(rec);
      if (id === undefined) return;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else
        this.add([...path, i, "id"], "duplicate-id", {
          zh: `${what.zh}编号 ${id} 重复：与 ${pointerOf([...path, first])} 相同`,
          en: `${what.en} id ${id} is used twice: also at ${pointerOf([...path, first])}`,
        });
    });
    return new IdIndex(list, seen);
  }

  reference(path: Path, key: string, id: string | undefined, known: IdIndex, what: Msg): void {
    if (id === undefined || known.has(id)) return;
    const list = [...known.keys()];
    const shown = list.length > 8 ? [...list.slice(0, 8), "…"] : list;
    this.add([...path, key], "dangling-reference", {
      zh: `找不到编号为 ${id} 的${what.zh}${list.length ? `（已有：${shown.join("、")}）` : "（尚未登记任何" + what.zh + "）"}`,
      en: `no ${what.en} has id ${id}${list.length ? ` (known: ${shown.join(", ")})` : ` (none recorded)`}`,
    });
  }

  total(path: Path, given: unknown, actual: number, what: Msg): void {
    if (!isCount(given) || countAgrees(given, actual)) return;
    this.add(path, "totals-mismatch", {
      zh: `合计数为 ${countText(given)}，但${what.zh}为 ${actual}`,
      en: `the total is ${countText(given)} but ${what.en} is ${actual}`,
    });
  }
}

export function semanticIssues(data: unknown): Issue[] {
  if (!isObj(data)) return [];
  const year = typeof data.year === "number" && Number.isInteger(data.year) ? data.year : undefined;
  const c = new Checker(year);
  if (isObj(data.approval)) checkApproval(c, data.approval);
  if (isObj(data.disclosure))
    checkDisclosure(c, data.disclosure, isObj(data.agency) && data.agency.website !== undefined);
  return c.issues;
}

const APPROVAL_ITEM: Msg = { zh: "审批事项", en: "approval item" };
const COMPLETED_HINT: Msg = {
  zh: "本年度未办结的办件不填写 completed",
  en: "leave completed out for a case still open at the year's end",
};

const exactCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

function checkApproval(c: Checker, ap: Obj): void {
  const base: Path = ["approval"];
  const items = arr(ap.items);
  const itemIds = c.uniqueIds([...base, "items"], items, APPROVAL_ITEM);
  const categoryOf = new Map<string, string>();
  for (const it of items)
    if (isObj(it) && str(it.id) && str(it.category)) categoryOf.set(it.id as string, it.category as string);

  const cases = arr(ap.cases);
  const caseIds = c.uniqueIds([...base, "cases"], cases, { zh: "办件", en: "case" });
  const yearPrefix = `${c.year}-`;
  const completedByCategory = new Map<string, number>();
  let completed = 0;
  let unresolvedItem = false;
  cases.forEach((k, i) => {
    if (!isObj(k)) return;
    const p: Path = ["approval", "cases", i];
    c.reference(p, "item", str(k.item), itemIds, APPROVAL_ITEM);
    c.order(p, k, "accepted", date(k.received), "received");
    c.order(p, k, "completed", date(k.accepted), "accepted");
    c.notAfterYear(p, k, "received");
    c.notAfterYear(p, k, "accepted");
    c.notAfterYear(p, k, "completed", COMPLETED_HINT);
    // A completed date that is not a valid date is reported by the schema; count it anyway so
    // the totals check does not repeat that error.
    const done = date(k.completed);
    if (k.completed !== undefined && (!done || c.year === undefined || done.startsWith(yearPrefix))) {
      completed++;
      const cat = categoryOf.get(str(k.item) ?? "");
      if (cat !== undefined) completedByCategory.set(cat, (completedByCategory.get(cat) ?? 0) + 1);
      else unresolvedItem = true;
    }
  });

  const complaints = arr(ap.complaints);
  c.uniqueIds([...base, "complaints"], complaints, { zh: "投诉", en: "complaint" });
  complaints.forEach((k, i) => {
    if (!isObj(k)) return;
    const p: Path = [...base, "complaints", i];
    c.order(p, k, "handled", date(k.received), "received");
    c.order(p, k, "concluded", date(k.received), "received");
    const outcome = str(k.outcome) as ComplaintOutcome | undefined;
    const label = outcome !== undefined ? COMPLAINT_OUTCOME_LABELS[outcome] : undefined;
    if (label !== undefined && k.concluded === undefined)
      c.add([...p, "outcome"], "required", {
        zh: `投诉办理结果为“${label}”，须填写办结日期`,
        en: `a complaint with outcome ${outcome} needs its conclusion date (concluded)`,
      });
    if (label !== undefined && typeof k.valid === "boolean") {
      const validByOutcome = VALID_COMPLAINT_OUTCOMES.includes(outcome!);
      if (k.valid !== validByOutcome)
        c.add([...p, "valid"], "inconsistent", {
          zh: `投诉办理结果为“${label}”，${validByOutcome ? "属于" : "不属于"}有效投诉，valid 应为 ${validByOutcome}`,
          en: `a complaint with outcome ${outcome} is ${validByOutcome ? "" : "not "}a valid complaint: valid must be ${validByOutcome}`,
        });
    }
    if (Array.isArray(ap.cases)) c.reference(p, "case", str(k.case), caseIds, { zh: "办件", en: "case" });
  });
  c.uniqueIds([...base, "criticismNotices"], arr(ap.criticismNotices), {
    zh: "通报",
    en: "criticism notice",
  });
  c.uniqueIds([...base, "absenceIncidents"], arr(ap.absenceIncidents), {
    zh: "漏岗脱岗串岗",
    en: "absence incident",
  });
  checkRatings(c, [...base, "ratings"], arr(ap.ratings), Array.isArray(ap.cases) ? caseIds : undefined, {
    zh: "办件",
    en: "case",
  });

  const totals = ap.totals;
  const mode = ap.records === "exceptions" || ap.records === "sample" ? ap.records : "all";
  if (mode !== "all") {
    const what = mode === "exceptions" ? "超时办件（exceptions）" : "抽样（sample）";
    if (!isObj(totals) || totals.completed === undefined)
      c.add([...base, "records"], "required", {
        zh: `办件记录只是${what}时，须在 totals.completed 中填写全年办结总数`,
        en: `with records "${mode}", give the year's completed total in totals.completed`,
      });
  }
  if (!isObj(totals)) return;
  const tp: Path = [...base, "totals"];
  if (mode !== "all") {
    // The records are a part of the year's cases: never more than the totals.
    if (exactCount(totals.completed) && completed > totals.completed)
      c.add([...tp, "completed"], "totals-mismatch", {
        zh: `办结总数为 ${totals.completed}，少于办件记录中的本年办结数 ${completed}`,
        en: `the completed total ${totals.completed} is less than the ${completed} cases the records complete in the year`,
      });
    if (!unresolvedItem)
      arr(totals.completedByCategory).forEach((e, i) => {
        if (!isObj(e) || str(e.category) === undefined || !exactCount(e.count)) return;
        const n = completedByCategory.get(e.category as string) ?? 0;
        if (n > e.count)
          c.add([...tp, "completedByCategory", i, "count"], "totals-mismatch", {
            zh: `“${e.category as string}”类办结数为 ${e.count}，少于办件记录中该类的本年办结数 ${n}`,
            en: `the count ${e.count} of category ${e.category as string} is less than the ${n} cases the records complete`,
          });
      });
    // Exceptions are every overdue case: the overdue total, if given, is their number.
    if (mode === "exceptions" && exactCount(totals.overdue) && totals.overdue !== cases.length)
      c.add([...tp, "overdue"], "totals-mismatch", {
        zh: `超期办结数为 ${totals.overdue}，但列出的超时办件（records 为 exceptions：列出全部超时办件）为 ${cases.length} 件`,
        en: `overdue is ${totals.overdue} but ${cases.length} overdue cases are listed (records "exceptions": every overdue case is listed)`,
      });
  }
  if (Array.isArray(ap.cases) && mode !== "all") {
    // (checked above: the records are a part of the totals)
  } else if (Array.isArray(ap.cases)) {
    // (by category only when every case resolves to an item: a dangling one is reported above)
    c.total([...tp, "completed"], totals.completed, completed, {
      zh: "办件记录中的本年办结数",
      en: "the cases completed in the year",
    });
    const byCat = unresolvedItem ? [] : arr(totals.completedByCategory);
    const listed = new Set<string>();
    byCat.forEach((e, i) => {
      if (!isObj(e)) return;
      const cat = str(e.category);
      if (cat === undefined) return;
      listed.add(cat);
      c.total([...tp, "completedByCategory", i, "count"], e.count, completedByCategory.get(cat) ?? 0, {
        zh: `办件记录中“${cat}”类的本年办结数`,
        en: `the cases of category ${cat} completed in the year`,
      });
    });
    if (byCat.length > 0) {
      for (const [cat, n] of completedByCategory) {
        if (listed.has(cat)) continue;
        c.add([...tp, "completedByCategory"], "totals-mismatch", {
          zh: `办件记录中“${cat}”类本年办结 ${n} 件，但分类合计中没有这一类`,
          en: `the case records complete ${n} of category ${cat}, which the totals by category leave out`,
        });
      }
    }
  } else {
    // Given totals without case records: the parts must add up to the whole ("共计1项，其中…862项"
    // was printed). Approximate figures (260余) are left to the writer.
    const parts = arr(totals.completedByCategory).map((e) => (isObj(e) ? e.count : undefined));
    if (parts.length > 0 && parts.every((n) => typeof n === "number" && Number.isInteger(n) && n >= 0)) {
      const sum = (parts as number[]).reduce((a, b) => a + b, 0);
      c.total([...tp, "completed"], totals.completed, sum, {
        zh: "各类办结数之和",
        en: "the sum of the counts by category (completedByCategory)",
      });
    }
  }
  const exact = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);
  if (exact(totals.overdue) && exact(totals.completed) && totals.overdue > totals.completed)
    c.add([...tp, "overdue"], "totals-mismatch", {
      zh: `超期办结数 ${totals.overdue} 多于办结总数 ${totals.completed}`,
      en: `overdue ${totals.overdue} is more than the ${totals.completed} cases completed`,
    });
  const cats = new Set(categoryOf.values());
  arr(totals.completedByCategory).forEach((e, i) => {
    const cat = isObj(e) ? str(e.category) : undefined;
    if (cat !== undefined && items.length > 0 && !cats.has(cat))
      c.add([...tp, "completedByCategory", i, "category"], "dangling-reference", {
        zh: `没有类别为“${cat}”的审批事项（已有：${[...cats].join("、")}）`,
        en: `no approval item has category ${cat} (known: ${[...cats].join(", ")})`,
      });
  });
  if (Array.isArray(ap.complaints))
    c.total([...tp, "complaints"], totals.complaints, complaints.length, {
      zh: "投诉记录数",
      en: "the number of complaint records",
    });
  if (Array.isArray(ap.criticismNotices))
    c.total([...tp, "criticismNotices"], totals.criticismNotices, arr(ap.criticismNotices).length, {
      zh: "通报记录数",
      en: "the number of criticism notice records",
    });
}

function checkRatings(
  c: Checker,
  path: Path,
  ratings: readonly unknown[],
  targets: IdIndex | undefined,
  what: Msg,
): void {
  c.uniqueIds(path, ratings, { zh: "好差评", en: "rating" });
  ratings.forEach((r, i) => {
    if (!isObj(r)) return;
    c.order([...path, i], r, "rectified", date(r.date), "date");
    if (targets) c.reference([...path, i], "case", str(r.case), targets, what);
  });
}

function checkDisclosure(c: Checker, ds: Obj, agencyHasWebsite: boolean): void {
  const base: Path = ["disclosure"];
  const proactive = isObj(ds.proactive) ? ds.proactive : undefined;
  if (proactive) {
    const items = arr(proactive.items);
    c.uniqueIds([...base, "proactive", "items"], items, { zh: "主动公开信息", en: "proactive item" });
    items.forEach((it, i) => {
      if (isObj(it))
        c.order([...base, "proactive", "items", i], it, "published", date(it.created), "created");
    });
    arr(proactive.outlets).forEach((o, i) => {
      if (!isObj(o) || typeof o.adopted !== "number") return;
      const parts = arr(o.subCounts).map((s) => (isObj(s) ? s.count : undefined));
      if (!parts.every((n) => typeof n === "number")) return;
      const sum = (parts as number[]).reduce((a, b) => a + b, 0);
      if (sum > o.adopted)
        c.add([...base, "proactive", "outlets", i, "subCounts"], "totals-mismatch", {
          zh: `其中各项之和 ${sum} 大于采用数 ${o.adopted}`,
          en: `the parts add up to ${sum}, more than the ${o.adopted} adopted`,
        });
    });
  }
  if (isObj(ds.interviews) && typeof ds.interviews.count === "number") {
    const n = arr(ds.interviews.titles).length;
    if (n > ds.interviews.count)
      c.add([...base, "interviews", "titles"], "totals-mismatch", {
        zh: `列出了 ${n} 个访谈题目，但访谈次数 count 为 ${ds.interviews.count}`,
        en: `${n} interview titles are listed but count is ${ds.interviews.count}`,
      });
  }
  checkRatings(c, [...base, "ratings"], arr(ds.ratings), undefined, { zh: "申请", en: "application" });

  if (!Array.isArray(ds.applications)) return;
  const apps = ds.applications;
  const appIds = c.uniqueIds([...base, "applications"], apps, { zh: "申请", en: "application" });
  void appIds;
  let feeCount = 0;
  let feeAmount = 0;
  apps.forEach((a, i) => {
    if (!isObj(a)) return;
    const fee = checkApplication(c, ["disclosure", "applications", i], a);
    for (const gap of recordGaps(a, agencyHasWebsite))
      c.add(["disclosure", "applications", i, ...gap.field.split(".")], "incomplete", gap.message);
    if (fee !== undefined) {
      feeCount++;
      feeAmount += fee;
    }
  });
  checkDuplicates(c, apps);
  if (isObj(ds.annualReportTable)) checkTablesAgainstRecords(c, ds.annualReportTable, apps);
  if (isObj(ds.fees)) {
    const fp: Path = [...base, "fees"];
    if (typeof ds.fees.count === "number" && ds.fees.count !== feeCount)
      c.add([...fp, "count"], "totals-mismatch", {
        zh: `收费合计为 ${ds.fees.count} 件，但申请记录中本年已缴费的为 ${feeCount} 件`,
        en: `fees.count is ${ds.fees.count} but the applications record ${feeCount} fees paid in the year`,
      });
    if (typeof ds.fees.amount === "number" && Math.abs(ds.fees.amount - feeAmount) > 0.005)
      c.add([...fp, "amount"], "totals-mismatch", {
        zh: `收费合计金额为 ${ds.fees.amount} 元，但申请记录中本年已缴费用合计 ${feeAmount} 元`,
        en: `fees.amount is ${ds.fees.amount} yuan but the fees paid in the year add up to ${feeAmount} yuan`,
      });
  }
}

/** The same applicant: type and name, and the id number where both records give one. */
function sameApplicant(a: unknown, b: unknown): boolean {
  if (!isObj(a) || !isObj(b)) return false;
  if (a.type !== b.type || str(a.name) !== str(b.name)) return false;
  const ia = str(a.idNumber);
  const ib = str(b.idNumber);
  return ia === undefined || ib === undefined || ia === ib;
}

/** The receipt date a record states (the latest of the dates its channel may use; checks only). */
function statedReceipt(a: Obj): string | undefined {
  for (const k of ["received", "signedFor", "confirmed", "submitted"] as const) {
    const d = date(a[k]);
    if (d !== undefined) return d;
  }
  return undefined;
}

/**
 * A repeat application (重复申请, ogi-2019 Art. 36(6)) is the same applicant asking again for
 * information already answered: reply.duplicateOf names that earlier request, and when it is in
 * the dataset it must be the same applicant's and answered before this request was received.
 */
function checkDuplicates(c: Checker, apps: readonly unknown[]): void {
  const byId = new Map<string, Obj>();
  for (const a of apps)
    if (isObj(a) && str(a.id) !== undefined && !byId.has(str(a.id)!)) byId.set(str(a.id)!, a);
  apps.forEach((a, i) => {
    if (!isObj(a) || !isObj(a.reply)) return;
    const r = a.reply;
    if (r.type !== "not-processed" || r.reason !== "duplicate") return;
    const rp: Path = ["disclosure", "applications", i, "reply"];
    const id = str(a.id) ?? `#${i}`;
    const of = str(r.duplicateOf);
    if (of === undefined) {
      c.add([...rp, "duplicateOf"], "required", {
        zh: `申请 ${id} 答复为不予处理（重复申请），须在 duplicateOf 中写明同一申请人此前已获答复的申请编号`,
        en: `request ${id} is refused as a repeat application: duplicateOf must name the same applicant's earlier request that was answered`,
      });
      return;
    }
    const earlier = byId.get(of);
    if (earlier === undefined) return; // an earlier year's request: not in this file
    if (of === id || !sameApplicant(a.applicant, earlier.applicant)) {
      c.add([...rp, "duplicateOf"], "inconsistent", {
        zh: `申请 ${id} 按重复申请不予处理，但 ${of} 不是同一申请人的申请：重复申请只适用于同一申请人再次申请已获答复的相同信息`,
        en: `request ${id} is refused as a repeat of ${of}, which is not the same applicant's request: a repeat application is the same applicant asking again`,
      });
      return;
    }
    const earlierReply = isObj(earlier.reply) ? date(earlier.reply.date) : undefined;
    const received = statedReceipt(a);
    if (earlierReply === undefined || (received !== undefined && earlierReply > received))
      c.add([...rp, "duplicateOf"], "inconsistent", {
        zh: `申请 ${id} 按重复申请不予处理，但 ${of} 在本申请收到时尚未答复`,
        en: `request ${id} is refused as a repeat of ${of}, which had not been answered when this request was received`,
      });
  });
}

const RECEIPT_KEYS = ["signedFor", "confirmed", "received"] as const;
const REPLY_HINT: Msg = {
  zh: "跨年度办理的申请可填写下一年度的答复（按结转下年度统计），更晚的答复不属于本年度的申请",
  en: "a request answered in the next year may keep that reply (counted as carried to the next year); a later one is not this year's",
};

function reasonMsg(t: string, r: string, need: Msg): Msg {
  return both((l) =>
    l === "zh"
      ? `答复为${replyTypeLabel(t, l)}（${r}），${need.zh}`
      : `the reply is ${replyTypeLabel(t, l)} (${r}), ${need.en}`,
  );
}

/** Checks one application; returns the fee amount paid in the year, if any. */
function checkApplication(c: Checker, p: Path, a: Obj): number | undefined {
  const channel = str(a.channel) as Channel | undefined;
  const submitted = date(a.submitted);
  // Receipt date (Art. 31): explicit, or from the field the channel requires.
  let receipt = date(a.received);
  const need = channel && channel in RECEIPT_FIELD ? RECEIPT_FIELD[channel] : undefined;
  if (!receipt && need) {
    receipt = date(a[need]);
    // (in person: a missing `submitted` is already reported by the schema)
    if (need !== "submitted" && a[need] === undefined && a.received === undefined)
      c.add([...p, need], "receipt", {
        zh: `以 ${choices([channel], "Channel", "zh")}方式提交的申请须填写 ${field(need, "zh")}，或直接填写 ${field("received", "zh")}`,
        en: `an application by ${channel} needs ${need}, or an explicit received date`,
      });
  }
  if (submitted)
    for (let k = 0; k < RECEIPT_KEYS.length; k++) c.order(p, a, RECEIPT_KEYS[k]!, submitted, "submitted");

  // Which year it belongs to.
  if (receipt && c.yearStart !== undefined) {
    const receiptKey = a.received !== undefined ? "received" : (need ?? "received");
    const before = receipt < c.yearStart;
    if (a.carriedOver === true && !before)
      c.add([...p, "carriedOver"], "year", {
        zh: `标记为上年结转，但收到日期 ${receipt} 不在上一年度`,
        en: `carriedOver is true but the receipt date ${receipt} is not in the previous year`,
      });
    if (a.carriedOver !== true && before)
      c.add([...p, receiptKey], "year", {
        zh: `收到日期 ${receipt} 在 ${c.year} 年之前：上年收到、本年继续办理的申请应填写 "carriedOver": true`,
        en: `the receipt date ${receipt} is before ${c.year}: mark an application carried over from last year "carriedOver": true`,
      });
    c.notAfterYear(p, a, receiptKey);
  }

  const correction = isObj(a.correction) ? a.correction : undefined;
  const corrected = correction ? date(correction.correctedReceived) : undefined;
  if (correction) {
    c.order([...p, "correction"], correction, "notified", receipt, "received");
    c.order([...p, "correction"], correction, "correctedReceived", date(correction.notified), "notified");
  }
  const consultations = arr(a.consultations);
  for (let j = 0; j < consultations.length; j++) {
    const k = consultations[j];
    if (!isObj(k)) continue;
    c.order([...p, "consultations", j], k, "sent", receipt, "received");
    c.order([...p, "consultations", j], k, "answered", date(k.sent), "sent");
  }
  if (isObj(a.extension)) {
    c.order(
      [...p, "extension"],
      a.extension,
      "approved",
      corrected ?? receipt,
      corrected ? "correctedReceived" : "received",
    );
    c.order([...p, "extension"], a.extension, "notified", date(a.extension.approved), "approved");
  }

  // Limits of the law (the letters refuse with the same sentence): data/record-limits.ts.
  // The regulation in force on the receipt date, as the facts judge it (a dataset-level regime
  // names the data year's regulation and never re-dates a request).
  const regime = receipt ? regimeOfReceipt(receipt) : undefined;
  if (regime)
    // (an extension over 20 working days is the schema's maximum, reported once there)
    for (const problem of [
      isObj(a.extension) && typeof a.extension.days === "number" && a.extension.days > 20
        ? null
        : extensionProblem(regime, a.extension),
      feeProblem(regime, a.fee),
    ])
      if (problem)
        c.add(
          [...p, ...problem.field.split(".")],
          problem.field === "fee.amount"
            ? "inconsistent"
            : problem.field === "fee.costs"
              ? "not-allowed"
              : "range",
          problem.message,
        );

  const reply = isObj(a.reply) ? a.reply : undefined;
  const replyDate = reply ? date(reply.date) : undefined;
  const replyType = reply ? str(reply.type) : undefined;
  const reason = reply ? str(reply.reason) : undefined;
  if (reply) {
    const rp: Path = p.concat("reply");
    c.order(
      rp,
      reply,
      "date",
      corrected ?? receipt,
      corrected ? "correctedReceived" : "received",
      "reply.date",
    );
    // A request received in the year and answered in the next (结转下年度) keeps its reply here,
    // dated as it was: counted as carried to the next year, judged by its real dates. Later
    // than the next year is no reply of this year's requests.
    if (replyDate !== undefined && c.year !== undefined && replyDate > `${c.year + 1}-12-31`)
      c.add([...rp, "date"], "year", {
        zh: `${fieldValue("reply.date", replyDate, "zh")} 晚于 ${c.year + 1} 年度；${REPLY_HINT.zh}`,
        en: `reply.date ${replyDate} is after the year ${c.year + 1}; ${REPLY_HINT.en}`,
      });
    if (reply.withdrawn !== undefined) {
      if (replyType !== "other" || reason !== "other")
        c.add([...rp, "withdrawn"], "inconsistent", {
          zh: "撤回日期 reply.withdrawn 只用于答复类型为其他处理、理由为其他（other / other）的答复",
          en: "reply.withdrawn is only for an other / other reply",
        });
      c.order(
        rp,
        reply,
        "withdrawn",
        corrected ?? receipt,
        corrected ? "correctedReceived" : "received",
        "reply.withdrawn",
      );
      const w = date(reply.withdrawn);
      if (w !== undefined && replyDate !== undefined && replyDate < w)
        c.add([...rp, "date"], "order", {
          zh: `答复日期 ${replyDate} 早于撤回日期 reply.withdrawn ${w}：终止办理的决定在收到撤回申请之后作出`,
          en: `reply.date ${replyDate} is before reply.withdrawn ${w}: the decision to end follows the withdrawal`,
        });
    }
    const g = groundProblem(reply);
    if (g) c.add([...rp, "ground"], g.code, g.message);
    c.order(rp, reply, "delivered", replyDate, "reply.date", "reply.delivered");
    for (const d of deliveryProblems(a)) c.add([...p, ...d.field.split(".")], d.code, d.message);
  }
  if (replyType === "other" && reason === "no-correction" && (!correction || corrected))
    c.add(
      [...p, "reply", "reason"],
      "inconsistent",
      reasonMsg("other", "no-correction", {
        zh: "但该申请没有未补正的补正告知（correction 且无 correctedReceived）",
        en: "but the application has no correction notice left uncorrected",
      }),
    );
  if (replyType === "unavailable" && reason === "unclear-after-correction" && !corrected)
    c.add(
      [...p, "reply", "reason"],
      "inconsistent",
      reasonMsg("unavailable", "unclear-after-correction", {
        zh: "但该申请没有收到补正的记录",
        en: "but the application records no corrected request (correction.correctedReceived)",
      }),
    );

  // Fees.
  const fee = isObj(a.fee) ? a.fee : undefined;
  let paidInYear: number | undefined;
  if (fee) {
    const fp = [...p, "fee"];
    c.order(fp, fee, "noticeDate", receipt, "received");
    c.order(fp, fee, "paidDate", date(fee.noticeDate), "noticeDate");
    if (fee.paid === true && fee.paidDate === undefined)
      c.add([...fp, "paid"], "inconsistent", {
        zh: "已缴费（paid 为 true）须填写缴费日期 paidDate",
        en: "a paid fee (paid: true) needs paidDate",
      });
    if (fee.paid !== true && fee.paidDate !== undefined)
      c.add([...fp, "paidDate"], "inconsistent", {
        zh: "填写了缴费日期 paidDate，但 paid 不是 true",
        en: "paidDate is given but paid is not true",
      });
    const paidDate = date(fee.paidDate);
    if (
      fee.paid === true &&
      typeof fee.amount === "number" &&
      // without a (valid) paidDate it still counts: the missing date is reported on its own
      (!paidDate || c.year === undefined || paidDate.startsWith(`${c.year}-`))
    )
      paidInYear = fee.amount;
  }
  if (replyType === "other" && reason === "fee-unpaid" && (!fee || fee.paid === true))
    c.add(
      [...p, "reply", "reason"],
      "inconsistent",
      reasonMsg("other", "fee-unpaid", {
        zh: "但该申请没有未缴的收费记录（fee 且 paid 不为 true）",
        en: "but the application has no unpaid fee record",
      }),
    );

  // Reconsideration and litigation.
  const rec = isObj(a.reconsideration) ? a.reconsideration : undefined;
  if (rec) {
    c.order([...p, "reconsideration"], rec, "filed", replyDate, "reply.date");
    checkReview(c, [...p, "reconsideration"], rec);
  }
  const lit = isObj(a.litigation) ? a.litigation : undefined;
  if (lit) {
    if (lit.afterReconsideration === true && !rec)
      c.add([...p, "litigation", "afterReconsideration"], "inconsistent", {
        zh: "标记为复议后起诉，但该申请没有行政复议记录 reconsideration",
        en: "afterReconsideration is true but the application has no reconsideration record",
      });
    if (lit.afterReconsideration === true && rec)
      c.order(
        [...p, "litigation"],
        lit,
        "filed",
        date(rec.decided) ?? date(rec.filed),
        date(rec.decided) ? "reconsideration.decided" : "reconsideration.filed",
      );
    else c.order([...p, "litigation"], lit, "filed", replyDate, "reply.date");
    checkReview(c, [...p, "litigation"], lit);
  }
  return paidInYear;
}

function checkReview(c: Checker, p: Path, r: Obj): void {
  c.order(p, r, "decided", date(r.filed), "filed");
  if (r.outcome === "pending" && r.decided !== undefined)
    c.add([...p, "decided"], "inconsistent", {
      zh: "结果为尚未审结，却填写了审结日期",
      en: "the outcome is pending but a decided date is given",
    });
}

/** The cell paths of table 三 an application counts in: its column, and its rows. */
function tableRows(a: Obj): { col: string; rows: string[] } | undefined {
  const applicant = isObj(a.applicant) ? a.applicant : undefined;
  const col = str(applicant?.type);
  if (!col || !(APPLICANT_TYPES as readonly string[]).includes(col)) return undefined;
  const rows = [a.carriedOver === true ? "carriedOver" : "newReceived"];
  const reply = isObj(a.reply) ? a.reply : undefined;
  const type = str(reply?.type);
  if (!reply) rows.push("carriedForward");
  else if (type && type in REPLY_TYPE_ROW) {
    const row = replyTableRow(type as ReplyType, str(reply.reason));
    if (!row) return undefined;
    rows.push("reason" in row ? `${row.type}/${row.reason}` : row.type);
    rows.push("total");
  } else return undefined;
  return { col, rows };
}

const TABLE_ROW_LABELS: Record<string, Msg> = {
  newReceived: { zh: "本年新收", en: "new requests" },
  carriedOver: { zh: "上年结转", en: "carried over" },
  disclosed: { zh: "予以公开", en: "disclosed" },
  partial: { zh: "部分公开", en: "partial" },
  total: { zh: "总计", en: "total" },
  carriedForward: { zh: "结转下年度", en: "carried forward" },
};

/**
 * Given annual-report tables 三 and 四 agree, cell by cell, with the application records.
 * Table 四 counts the reconsiderations and lawsuits filed in the year.
 */
function checkTablesAgainstRecords(c: Checker, table: Obj, apps: readonly unknown[]): void {
  const base: Path = ["disclosure", "annualReportTable"];
  if (isObj(table.requests)) {
    const counts = new Map<string, number>();
    for (const a of apps) {
      if (!isObj(a)) continue;
      const placed = tableRows(a);
      if (!placed) return; // a record the schema rejects: compare nothing rather than mislead
      for (const row of placed.rows)
        for (const col of [placed.col, "total"])
          counts.set(`${row}|${col}`, (counts.get(`${row}|${col}`) ?? 0) + 1);
    }
    const compare = (rowPath: string[], cells: unknown) => {
      if (!isObj(cells)) return;
      for (const [col, given] of Object.entries(cells)) {
        if (typeof given !== "number") continue;
        const actual = counts.get(`${rowPath.join("/")}|${col}`) ?? 0;
        if (given === actual) continue;
        const row = rowPath.length > 1 ? rowPath[1]! : rowPath[0]!;
        const rowZh =
          rowPath.length > 1
            ? `${(REPLY_TYPE_LABELS as Record<string, string>)[rowPath[0]!] ?? rowPath[0]}/${(REASON_LABELS as Record<string, string>)[row] ?? row}`
            : (TABLE_ROW_LABELS[row]?.zh ?? row);
        const colZh =
          col === "total" ? "总计" : ((APPLICANT_TYPE_LABELS as Record<string, string>)[col] ?? col);
        c.add([...base, "requests", ...rowPath, col], "totals-mismatch", {
          zh: `表三“${rowZh}”行“${colZh}”列为 ${given}，但申请记录为 ${actual}`,
          en: `table 三 row ${rowPath.join("/")}, column ${col} is ${given} but the application records give ${actual}`,
        });
      }
    };
    for (const [row, v] of Object.entries(table.requests)) {
      if (["refused", "unavailable", "not-processed", "other"].includes(row)) {
        if (isObj(v)) for (const [reason, cells] of Object.entries(v)) compare([row, reason], cells);
      } else compare([row], v);
    }
  }
  if (isObj(table.reviews)) {
    const counts = new Map<string, number>();
    const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
    const inYear = (r: Obj) => {
      const f = date(r.filed);
      return !f || c.year === undefined || f.startsWith(`${c.year}-`);
    };
    for (const a of apps) {
      if (!isObj(a)) continue;
      const rec = isObj(a.reconsideration) ? a.reconsideration : undefined;
      if (rec && inYear(rec) && typeof rec.outcome === "string") {
        bump(`reconsideration|${rec.outcome}`);
        bump("reconsideration|total");
      }
      const lit = isObj(a.litigation) ? a.litigation : undefined;
      if (lit && inYear(lit) && typeof lit.outcome === "string") {
        const kind =
          lit.afterReconsideration === true ? "litigationAfterReconsideration" : "litigationDirect";
        bump(`${kind}|${lit.outcome}`);
        bump(`${kind}|total`);
      }
    }
    for (const [kind, cells] of Object.entries(table.reviews)) {
      if (!isObj(cells)) continue;
      for (const [outcome, given] of Object.entries(cells)) {
        if (typeof given !== "number") continue;
        const actual = counts.get(`${kind}|${outcome}`) ?? 0;
        if (given !== actual)
          c.add([...base, "reviews", kind, outcome], "totals-mismatch", {
            zh: `表四“${(REVIEW_GROUP_NAMES as Record<string, string>)[kind] ?? kind}”的“${outcome === "total" ? "总计" : ((REVIEW_OUTCOME_LABELS as Record<string, string>)[outcome] ?? outcome)}”为 ${given}，但申请记录中本年为 ${actual}`,
            en: `table 四 ${kind} ${outcome} is ${given} but the application records give ${actual} in the year`,
          });
      }
    }
  }
}
