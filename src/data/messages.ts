/**
 * The wording of validation messages, in Chinese (default) and English. Messages name records
 * by JSON pointer and id, never by applicant name, address, phone or ID number.
 */
import { maskPersonalPatterns } from "../util/personal-patterns.js";
import {
  ABSENCE_KIND_LABELS,
  COMPLAINT_OUTCOME_LABELS,
  APPLICANT_TYPE_LABELS,
  DELIVERY_FORM_LABELS,
  DELIVERY_METHOD_LABELS,
  CHANNEL_LABELS,
  NEW_MEDIA_KIND_LABELS,
  REASON_LABELS,
  REPLY_TYPE_LABELS,
  REVIEW_OUTCOME_LABELS,
} from "./codes.js";
import type { Lang } from "../util/i18n.js";
import { dateText } from "./date-text.js";
import { FIELD_LABELS, fieldPathLabel } from "./field-labels.js";

/** A message in both languages. */
export interface Msg {
  zh: string;
  en: string;
}

/**
 * The message in `lang`. Messages go to logs: anything shaped like a phone number, an ID number
 * or an e-mail address in it is masked (***), whoever's it is and whichever field held it.
 */
export function pick(m: Msg, lang: Lang): string {
  return maskPersonalPatterns(lang === "en" ? m.en : m.zh);
}

export function field(key: string, lang: Lang): string {
  const label = FIELD_LABELS[key];
  return lang === "zh" && label ? `${key}（${label}）` : key;
}

/** A field and its value: "completed（办结日期）2014-03-01" / "completed 2014-03-01". */
export function fieldValue(key: string, value: string, lang: Lang): string {
  const f = field(key, lang);
  return f.endsWith("）") ? f + value : `${f} ${value}`;
}

/** Labels of code values, for "可选值" lists. */
const CODE_LABELS: Record<string, Record<string, string>> = {
  ApplicantType: APPLICANT_TYPE_LABELS,
  Channel: CHANNEL_LABELS,
  ReplyType: REPLY_TYPE_LABELS,
  Reason: REASON_LABELS,
  ReviewOutcome: REVIEW_OUTCOME_LABELS,
  AbsenceKind: ABSENCE_KIND_LABELS,
  ComplaintOutcome: COMPLAINT_OUTCOME_LABELS,
  NewMediaKind: NEW_MEDIA_KIND_LABELS,
  FeeMethod: { "per-request": "按件计收", "per-page": "按量计收" },
  DayUnit: { working: "工作日", calendar: "自然日" },
  RatingLevel: {
    "very-satisfied": "非常满意",
    satisfied: "满意",
    "basically-satisfied": "基本满意",
    dissatisfied: "不满意",
    "very-dissatisfied": "非常不满意",
  },
  Regime: { "ogi-2008": "2008年条例", "ogi-2019": "2019年修订条例" },
  ConsultationParty: { "third-party": "第三方", agency: "其他机关" },
  DeliveryForm: DELIVERY_FORM_LABELS,
  DeliveryMethod: DELIVERY_METHOD_LABELS,
};

/** "a（甲）、b（乙）" in Chinese, "a, b" in English. */
export function choices(values: readonly unknown[], list: string | undefined, lang: Lang): string {
  const labels = list ? CODE_LABELS[list] : undefined;
  return values
    .map((v) => {
      const s = typeof v === "string" ? v : JSON.stringify(v);
      const label = labels?.[s];
      return lang === "zh" && label ? `${s}（${label}）` : s;
    })
    .join(lang === "zh" ? "、" : ", ");
}

export function replyTypeLabel(type: string, lang: Lang): string {
  const label = (REPLY_TYPE_LABELS as Record<string, string>)[type];
  return lang === "zh" && label ? `“${label}”` : `"${type}"`;
}

const TYPE_NAMES: Record<string, Msg> = {
  integer: { zh: "整数", en: "an integer" },
  number: { zh: "数字", en: "a number" },
  string: { zh: "文本（用双引号括起）", en: "a string (in double quotes)" },
  boolean: { zh: "布尔值 true 或 false", en: "true or false" },
  object: { zh: "对象 {…}", en: "an object {…}" },
  array: { zh: "列表 […]", en: "a list […]" },
  null: { zh: "null", en: "null" },
};

export function typeName(t: string, lang: Lang): string {
  return TYPE_NAMES[t] ? pick(TYPE_NAMES[t], lang) : t;
}

/**
 * Pointers whose values may be personal data (the applicant's particulars, the request's
 * content, a consulted party's name): messages say what kind of value is there, never the value.
 */
export function isPersonal(pointer: string): boolean {
  return /\/applicant(\/(?!type$)|$)|\/content$|\/consultations\/\d+\/name$/.test(pointer);
}

/** A text value quoted in a message: masked, then cut at 30 characters. */
function quoteText(v: string): string {
  const masked = maskPersonalPatterns(v);
  return JSON.stringify(masked.length > 30 ? masked.slice(0, 30) + "…" : masked);
}

/**
 * Any JSON value quoted in a message: a text as quoteText does, anything else as JSON cut at 60
 * characters (a 300,000-character value is not printed back whole).
 */
export function quoteValue(v: unknown): string {
  if (typeof v === "string") return quoteText(v);
  const json = JSON.stringify(v) ?? String(v);
  return json.length > 60 ? json.slice(0, 60) + "…" : json;
}

/** What a JSON value is, in words: 文本 "abc", 数字 3, … (without the value when `hide`). */
export function describeValue(v: unknown, lang: Lang, hide = false): string {
  const kind =
    v === null
      ? "null"
      : Array.isArray(v)
        ? "array"
        : typeof v === "number" && Number.isInteger(v)
          ? "integer"
          : typeof v;
  const shown = hide
    ? ""
    : typeof v === "string"
      ? quoteText(v)
      : kind === "object"
        ? "{…}"
        : kind === "array"
          ? "[…]"
          : String(v);
  if (lang === "en")
    return kind === "object" || kind === "array" || kind === "null"
      ? (TYPE_NAMES[kind]?.en ?? kind)
      : `${(TYPE_NAMES[kind]?.en ?? kind).replace(/ \(.*\)$/, "")}${shown ? " " + shown : ""}`;
  const zhNames: Record<string, string> = {
    integer: "整数",
    number: "数字",
    string: "文本",
    boolean: "布尔值",
    object: "对象",
    array: "列表",
    null: "空值",
  };
  const zh = zhNames[kind];
  return kind === "object" || kind === "array" || kind === "null" || !shown
    ? (zh ?? kind)
    : `${zh ?? kind} ${shown}`;
}

/** Records named by their id in sentences: the array's path → the noun before the id. */
const RECORD_NOUNS: Record<string, Msg> = {
  "disclosure/applications": { zh: "申请", en: "application" },
  "approval/cases": { zh: "办件", en: "approval case" },
  "approval/items": { zh: "审批事项", en: "approval item" },
  "disclosure/proactive/items": { zh: "主动公开事项", en: "proactive item" },
};

/** Code lists by field name (and, for `type`, by the object it sits in). */
function codeListOf(key: string, parent: string | undefined): string | undefined {
  if (key === "type")
    return parent === "reply" ? "ReplyType" : parent === "applicant" ? "ApplicantType" : undefined;
  if (parent === "delivery" || parent === "requestedDelivery")
    return key === "form" ? "DeliveryForm" : key === "method" ? "DeliveryMethod" : undefined;
  const byKey: Record<string, string> = {
    channel: "Channel",
    reason: "Reason",
    outcome: "ReviewOutcome",
    method: "FeeMethod",
    regime: "Regime",
    party: "ConsultationParty",
    level: "RatingLevel",
    unit: "DayUnit",
  };
  return byKey[key];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A place in the dataset and the value there, as a sentence for people names them: the record
 * by its id and the field by its Chinese name, codes by their labels, dates as 2023年9月13日
 * ("申请 YSQ2023-030 的答复日期" = "2023年10月19日"); in English the record by id and the field
 * path ("application YSQ2023-030 reply.date"). The pointer itself stays in --json.
 */
export function evidenceText(
  pointer: string,
  value: unknown,
  dataset: unknown,
  lang: Lang,
  opts: { byPosition?: boolean; named?: boolean } = {},
): { where: string; value: string } {
  const segs = pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  // The innermost record with an id, and the fields below it.
  let node: unknown = dataset;
  let record: string | null = null;
  let rest: string[] = segs;
  const keys: string[] = [];
  for (const [i, seg] of segs.entries()) {
    const next: unknown = Array.isArray(node)
      ? node[Number(seg)]
      : typeof node === "object" && node !== null
        ? (node as Record<string, unknown>)[seg]
        : undefined;
    if ((opts.byPosition || Array.isArray(node)) && /^\d+$/.test(seg)) {
      const id =
        !opts.byPosition && typeof next === "object" && next !== null
          ? (next as { id?: unknown }).id
          : undefined;
      const path = keys.join("/");
      const noun = RECORD_NOUNS[path] ?? {
        zh:
          FIELD_LABELS[keys[keys.length - 1] ?? ""] ??
          (opts.named ? namedPrefix(keys) : (keys[keys.length - 1] ?? "")),
        en: keys[keys.length - 1] ?? "",
      };
      record =
        typeof id === "string"
          ? `${pick(noun, lang)} ${id}`
          : lang === "en"
            ? `${noun.en} ${Number(seg) + 1}`
            : `${noun.zh}第${Number(seg) + 1}项`;
      rest = segs.slice(i + 1);
      keys.length = 0;
    } else keys.push(seg);
    node = next;
  }
  const fields = rest.filter((s) => !/^\d+$/.test(s));
  const dotted = fields.join(".");
  const last = fields[fields.length - 1];
  const fieldText =
    lang === "en"
      ? dotted
      : opts.named
        ? // Not one key with a name, and no record to name: the keys say where.
          namedPrefix(fields) || (record === null ? dotted : "")
        : (fieldPathLabel(dotted) ?? fields.join(""));
  const where =
    record === null
      ? fieldText
      : fieldText === ""
        ? record
        : lang === "en"
          ? `${record} ${fieldText}`
          : `${record}${/[A-Za-z0-9]$/.test(record) ? " " : ""}的${fieldText}`;
  return { where, value: valueText(value, last, fields[fields.length - 2], lang) };
}

/**
 * The field path by its Chinese names as far as it has them: a key without one (a field the
 * schema does not know, a table cell's code) ends it there ("政务公开", not
 * "政务公开annualReportTablerequests…"); the message and the line and column say the rest.
 */
function namedPrefix(fields: readonly string[]): string {
  for (let k = fields.length; k > 0; k--) {
    const label = fieldPathLabel(fields.slice(0, k).join("."));
    if (label !== undefined && !/[A-Za-z]/.test(label)) return label;
  }
  return "";
}

function valueText(v: unknown, key: string | undefined, parent: string | undefined, lang: Lang): string {
  if (v === true) return lang === "en" ? "yes" : "是";
  if (v === false) return lang === "en" ? "no" : "否";
  if (v === null || v === undefined) return lang === "en" ? "(not given)" : "（未填写）";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") {
    if (lang === "en") return ISO_DAY.test(v) ? dateText(v, "en") : v;
    const list = key ? codeListOf(key, parent) : undefined;
    const label = list ? CODE_LABELS[list]?.[v] : undefined;
    if (label) return label;
    return ISO_DAY.test(v) ? dateText(v) : v;
  }
  // An empty list or record is "none", not JSON's [] or {}.
  if (Array.isArray(v) && v.length === 0) return lang === "en" ? "(none)" : "（无）";
  if (typeof v === "object" && Object.keys(v).length === 0) return lang === "en" ? "(none)" : "（无）";
  return JSON.stringify(v);
}

/**
 * Where a validation problem is, for people: the record by its id (else its place in the list)
 * and the field by its Chinese name ("申请 YSQ2023-003 的答复日期"); in English the record and
 * the field path ("application YSQ2023-003 reply.date"). "" for the whole document. The JSON
 * pointer itself stays in --json.
 */
export function placeText(pointer: string, dataset: unknown, lang: Lang): string {
  if (pointer === "") return "";
  return evidenceText(pointer, undefined, dataset, lang, { byPosition: dataset === undefined, named: true })
    .where;
}

/**
 * An ISO date in a message, to be written in words; not one shown as a way of writing a date
 * ("日期应写作 2023-03-05、2023/3/5 或 2023年3月5日": followed by another spelling of the day).
 */
const ISO_DAY_IN_TEXT = /(?<![\d-])(\d{4}-\d{2}-\d{2})(?![\d-]|(?:、|, )\d{4}\/)/g;
/** A JSON pointer quoted in a message ("与 /approval/cases/3 相同"). */
const POINTER_IN_TEXT = /(?<![\w.:/])\/[A-Za-z][\w-]*(?:\/[\w-]+)+/g;
/** A code followed by its Chinese label, as field() and choices() write them: reply.date（答复日期）. */
const CODE_AND_LABEL = /([A-Za-z][A-Za-z0-9.\-[\]]*)（([^）]+)）/g;

/** `label` is the label field() or choices() gives `code` (not any words in brackets after a code). */
function isLabelOf(code: string, label: string): boolean {
  return FIELD_LABELS[code] === label || Object.values(CODE_LABELS).some((l) => l[code] === label);
}

/**
 * A validation message as a clerk reads it (terminal text and the workbench's pages): field keys
 * and codes named beside their Chinese label reduced to the label (`reply.date（答复日期）` →
 * `答复日期`), ISO dates written as people write them (2026-11-19 → 2026年11月19日; in English
 * 19 November 2026), a record named by pointer by its place ("申请第4项"). What the message
 * quotes from the user's file ("…" in double quotes) is left as written. The message as built
 * (with its codes) is what --json prints.
 */
export function clerkMessage(message: string, lang: Lang): string {
  return message
    .split(/("(?:[^"\\]|\\.)*")/)
    .map((part, i) => (i % 2 === 1 ? part : clerkPart(part, lang, i === 0)))
    .join("");
}

/** `first`: the part opens the message (a space at its start is the message's own). */
function clerkPart(text: string, lang: Lang, first: boolean): string {
  const plain = text
    .replace(POINTER_IN_TEXT, (p) => placeText(p, undefined, lang))
    .replace(ISO_DAY_IN_TEXT, (d) => dateText(d, lang));
  if (lang === "en") return plain;
  return plain
    .replace(CODE_AND_LABEL, (whole, code: string, label: string) => (isLabelOf(code, label) ? label : whole))
    .replace(/([\u3000-\u9fff）]) +(?=[\u3000-\u9fff（“])/g, "$1")
    .replace(
      first ? /(^|[\u3000-\u9fff]) +([\u3000-\u9fff])/g : /([\u3000-\u9fff]) +([\u3000-\u9fff])/g,
      "$1$2",
    );
}
