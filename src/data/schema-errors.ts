/**
 * ajv's errors turned into messages a clerk understands. ajv reports `required` and
 * `additionalProperties` at the parent object; these point at the missing or unknown key.
 */
import type { ErrorObject } from "ajv/dist/2020.js";
import { localizeZh } from "../util/ajv-localize.js";
import type { Lang } from "../util/i18n.js";
import { escapePointer, type Issue } from "./issue.js";
import {
  choices,
  describeValue,
  field,
  isPersonal,
  quoteValue,
  replyTypeLabel,
  typeName,
  type Msg,
} from "./messages.js";
import { nearestName } from "./suggest.js";

type Schema = Record<string, unknown>;

function both(f: (lang: Lang) => string): Msg {
  return { zh: f("zh"), en: f("en") };
}

function lastSegment(pointer: string): string {
  const i = pointer.lastIndexOf("/");
  return pointer
    .slice(i + 1)
    .replace(/~1/g, "/")
    .replace(/~0/g, "~");
}

function title(e: ErrorObject): string | undefined {
  const t = (e.parentSchema as Schema | undefined)?.title;
  return typeof t === "string" ? t : undefined;
}

/** The reply type of the reply object at (or containing) this error, for reason messages. */
function replyTypeOf(e: ErrorObject, data: unknown): string {
  const obj = e.keyword === "required" ? e.data : undefined;
  if (obj && typeof obj === "object" && typeof (obj as Schema).type === "string")
    return (obj as Schema).type as string;
  // enum / false schema at …/reply/reason: read the sibling type from the whole document.
  const parent = e.instancePath.replace(/\/reason$/, "");
  let node: unknown = data;
  for (const seg of parent.split("/").slice(1)) {
    const key = seg.replace(/~1/g, "/").replace(/~0/g, "~");
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  }
  const t = node && typeof node === "object" ? (node as Schema).type : undefined;
  return typeof t === "string" ? t : "?";
}

function fallback(e: ErrorObject): Msg {
  const copy = [{ ...e }];
  localizeZh(copy); // the Chinese messages alone (ajv-i18n's index loads all 26 languages)
  return { zh: copy[0]!.message ?? "不符合要求", en: e.message ?? "is invalid" };
}

const personalCache = new WeakMap<object, string[]>();

/** The applicants' personal texts in the document (and consulted third parties' names). */
function personalValues(data: unknown): string[] {
  if (!data || typeof data !== "object") return [];
  let values = personalCache.get(data);
  if (!values) {
    const set = new Set<string>();
    const apps = (data as { disclosure?: { applications?: unknown } }).disclosure?.applications;
    for (const a of Array.isArray(apps) ? apps : []) {
      const { applicant, consultations } = (a ?? {}) as { applicant?: unknown; consultations?: unknown };
      if (applicant && typeof applicant === "object")
        for (const [k, v] of Object.entries(applicant)) if (k !== "type" && typeof v === "string") set.add(v);
      for (const c of Array.isArray(consultations) ? consultations : []) {
        const name = (c as { name?: unknown } | null)?.name;
        if ((c as { party?: unknown } | null)?.party === "third-party" && typeof name === "string")
          set.add(name);
      }
    }
    values = [...set].filter((v) => v.trim().length >= 2);
    personalCache.set(data, values);
  }
  return values;
}

/** Is `v` (a value quoted in a message) or does it contain an applicant's personal data? */
function looksPersonal(v: unknown, data: unknown): boolean {
  if (typeof v !== "string" || v.length < 2) return false;
  return personalValues(data).some((p) => v.includes(p));
}

/** What every keyword's message is made from: the error, the dataset, where, and whether to quote the value. */
export interface IssueContext {
  e: ErrorObject;
  data: unknown;
  /** The error's instance path (a JSON pointer). */
  at: string;
  /** Its last segment (the field's key). */
  key: string;
  p: Record<string, unknown>;
  /** The value is (or contains) an applicant's personal data: never repeated. */
  hide: boolean;
  /** The value quoted for the message ("" when hidden). */
  shownData: string;
}

/** The issue of a failed `required` keyword. */
export function requiredIssue(c: IssueContext): Issue {
  const { e, data, at, p } = c;
  const missing = String(p.missingProperty);
  const isReplyReason = e.schemaPath.includes("/then/") && missing === "reason";
  if (isReplyReason) {
    const t = replyTypeOf(e, data);
    const allowed = ((e.parentSchema as Schema).properties as Schema)?.reason as Schema | undefined;
    const values = (allowed?.enum as string[] | undefined) ?? [];
    return {
      pointer: `${at}/reason`,
      anchor: "value",
      code: "required",
      message: both((l) =>
        l === "zh"
          ? `答复类型为${replyTypeLabel(t, l)}时必须填写理由 reason，可选：${choices(values, "Reason", l)}`
          : `a reply of type ${replyTypeLabel(t, l)} needs a reason; one of: ${choices(values, "Reason", l)}`,
      ),
    };
  }
  return {
    pointer: `${at}/${escapePointer(missing)}`,
    anchor: "value",
    code: "required",
    message: both((l) =>
      l === "zh" ? `缺少必填字段 ${field(missing, l)}` : `missing required field ${missing}`,
    ),
  };
}

/** The issue of a failed `enum` keyword. */
export function enumIssue(c: IssueContext): Issue {
  const { e, data, at, key, p, hide, shownData } = c;
  const values = (p.allowedValues as unknown[]) ?? [];
  const isReason = key === "reason" && e.schemaPath.includes("/then/");
  const list = isReason ? "Reason" : title(e);
  const near = typeof e.data === "string" ? nearestName(e.data, values.map(String)) : undefined;
  const hint = near
    ? both((l) => (l === "zh" ? `是否应为 ${near}？` : `did you mean ${near}? `))
    : { zh: "", en: "" };
  if (isReason) {
    const t = replyTypeOf(e, data);
    return {
      pointer: at,
      anchor: "value",
      code: "enum",
      message: both((l) =>
        l === "zh"
          ? `答复类型为${replyTypeLabel(t, l)}时，理由 ${hide ? "该值" : shownData} 不适用；${hint.zh}可选：${choices(values, list, l)}`
          : `reason ${hide ? "the value" : shownData} does not apply to a reply of type ${replyTypeLabel(t, l)}; ${hint.en}one of: ${choices(values, list, l)}`,
      ),
    };
  }
  return {
    pointer: at,
    anchor: "value",
    code: "enum",
    message: both((l) =>
      l === "zh"
        ? `${hide ? "该值" : shownData + " "}不是 ${field(key, l)}${field(key, l).endsWith("）") ? "" : " "}的可选值；${hint.zh}可选：${choices(values, list, l)}`
        : `${hide ? "the value" : shownData} is not a valid ${key}; ${hint.en}one of: ${choices(values, list, l)}`,
    ),
  };
}

/** The issue of a failed `pattern` keyword. */
export function patternIssue(c: IssueContext): Issue {
  const { e, at, key, hide, shownData } = c;
  const shown = shownData;
  const zhFound = hide ? "" : `，实际为 ${shown}`;
  const enFound = hide ? "" : `; found ${shown}`;
  const t = title(e);
  const year =
    typeof e.data === "string" && /^\d{4}-\d{2}(-\d{2})?$/.test(e.data) ? e.data.slice(0, 4) : null;
  const m: Msg =
    (t === "DateString" || t === "MonthString") && year !== null
      ? {
          zh: `年份 ${year} 超出范围：日期应在 2007 年至 2100 年之间（节假日数据和政府信息公开条例从 2007 年起）${zhFound}`,
          en: `the year ${year} is out of range: dates lie between 2007 and 2100 (the holiday data and the disclosure regulations begin in 2007)${enFound}`,
        }
      : t === "DateString"
        ? {
            zh: `日期应写作 2023-03-05、2023/3/5 或 2023年3月5日${zhFound}`,
            en: `a date is written 2023-03-05, 2023/3/5 or 2023年3月5日${enFound}`,
          }
        : t === "MonthString"
          ? {
              zh: `月份应写作 YYYY-MM（如 2014-06）${zhFound}`,
              en: `a month is written YYYY-MM (e.g. 2014-06)${enFound}`,
            }
          : t === "RecordId"
            ? {
                zh: `编号 ${shown} 不合规：只能由英文字母、数字和 . _ - 组成，并以字母或数字开头`,
                en: `id ${shown} is invalid: use letters, digits, '.', '_' and '-', starting with a letter or digit`,
              }
            : key === "postcode"
              ? {
                  zh: `邮政编码应为6位数字${zhFound}`,
                  en: `a postcode has 6 digits${enFound}`,
                }
              : { zh: `格式不符合要求${zhFound}`, en: `invalid format${enFound}` };
  return { pointer: at, anchor: "value", code: "format", message: m };
}

/** The issue of a failed `type` keyword. */
export function typeIssue(c: IssueContext): Issue {
  const { e, at, p, hide } = c;
  if (title(e) === "Count") {
    return {
      pointer: at,
      anchor: "value",
      code: "type",
      message: both((l) =>
        l === "zh"
          ? `数量应为非负整数，或约数如 {"value": 260, "qualifier": "余"}，实际是${describeValue(e.data, l, hide)}`
          : `a count is a non-negative integer or an approximate figure such as {"value": 260, "qualifier": "余"}; found ${describeValue(e.data, l, hide)}`,
      ),
    };
  }
  const types = Array.isArray(p.type) ? (p.type as string[]) : [String(p.type)];
  return {
    pointer: at,
    anchor: "value",
    code: "type",
    message: both((l) =>
      l === "zh"
        ? `应为${types.map((t) => typeName(t, l)).join("或")}，实际是${describeValue(e.data, l, hide)}`
        : `should be ${types.map((t) => typeName(t, l)).join(" or ")}; found ${describeValue(e.data, l, hide)}`,
    ),
  };
}

/** The issue of a failed `additionalProperties` keyword. */
export function unknownFieldIssue(c: IssueContext): Issue {
  const { e, at, p } = c;
  const name = String(p.additionalProperty);
  const known = Object.keys(((e.parentSchema as Schema).properties as Schema | undefined) ?? {});
  const near = nearestName(name, known);
  return {
    pointer: `${at}/${escapePointer(name)}`,
    anchor: "key",
    code: "unknown-field",
    message: near
      ? both((l) =>
          l === "zh"
            ? `未知字段 ${name}，是否应为 ${near}？`
            : `unknown field ${name}; did you mean ${near}?`,
        )
      : both((l) =>
          l === "zh"
            ? `未知字段 ${name}。此处可用的字段：${known.join("、")}`
            : `unknown field ${name}. Fields allowed here: ${known.join(", ")}`,
        ),
  };
}

function oneIssue(e: ErrorObject, data: unknown): Issue | undefined {
  const at = e.instancePath;
  const key = lastSegment(at);
  const p = e.params as Record<string, unknown>;
  // Personal data is never repeated in a message — also when it was typed into another field
  // (a name in the reply-type column of a shifted ledger row, say).
  const hide = isPersonal(at) || looksPersonal(e.data, data);
  const shownData = hide ? "" : quoteValue(e.data);
  const c: IssueContext = { e, data, at, key, p, hide, shownData };
  switch (e.keyword) {
    case "if":
      return undefined; // the failing `then` keyword says what is wrong
    case "required":
      return requiredIssue(c);
    case "additionalProperties":
      return unknownFieldIssue(c);
    case "false schema": {
      if (key === "reason") {
        const t = replyTypeOf(e, data);
        return {
          pointer: at,
          anchor: "key",
          code: "not-allowed",
          message: both((l) =>
            l === "zh"
              ? `答复类型为${replyTypeLabel(t, l)}时不填写理由 reason，请删除该字段`
              : `a reply of type ${replyTypeLabel(t, l)} takes no reason; remove the field`,
          ),
        };
      }
      return {
        pointer: at,
        anchor: "key",
        code: "not-allowed",
        message: { zh: `此处不允许出现字段 ${key}`, en: `field ${key} is not allowed here` },
      };
    }
    case "type":
      return typeIssue(c);
    case "enum":
      return enumIssue(c);
    case "pattern":
      return patternIssue(c);
    case "format":
      return {
        pointer: at,
        anchor: "value",
        code: "date",
        message: { zh: `日期 ${String(e.data)} 不存在`, en: `date ${String(e.data)} does not exist` },
      };
    case "minimum":
    case "maximum": {
      const limit = Number(p.limit);
      const v = String(e.data);
      const m: Msg =
        e.keyword === "minimum"
          ? limit === 0
            ? { zh: `不能为负数（实际为 ${v}）`, en: `cannot be negative (found ${v})` }
            : { zh: `不能小于 ${limit}（实际为 ${v}）`, en: `cannot be less than ${limit} (found ${v})` }
          : { zh: `不能大于 ${limit}（实际为 ${v}）`, en: `cannot be more than ${limit} (found ${v})` };
      return { pointer: at, anchor: "value", code: "range", message: m };
    }
    case "minLength":
      return {
        pointer: at,
        anchor: "value",
        code: "empty",
        message: { zh: "不能为空", en: "cannot be empty" },
      };
    case "propertyNames": {
      const name = String(p.propertyName);
      if (at.endsWith("/issued"))
        return {
          pointer: `${at}/${escapePointer(name)}`,
          anchor: "key",
          code: "format",
          message: {
            zh: `已签发文书 ${name} 不是文书名称：应为 reply、receipt、correction、extension、fee、consultation、consultation-notice（多次征求意见时加 -2、-3…）`,
            en: `issued letter ${name} is not a letter name: use reply, receipt, correction, extension, fee, consultation, consultation-notice (-2, -3 … for further consultations)`,
          },
        };
      return {
        pointer: `${at}/${escapePointer(name)}`,
        anchor: "key",
        code: "format",
        message: {
          zh: `段落名称 ${name} 不合规：应以小写英文字母开头，只含英文字母和数字（如 closing）`,
          en: `passage name ${name} is invalid: start with a lower-case letter, then letters and digits only (e.g. closing)`,
        },
      };
    }
    default:
      return { pointer: at, anchor: "value", code: "schema", message: fallback(e) };
  }
}

export function schemaIssues(errors: readonly ErrorObject[], data: unknown): Issue[] {
  // The inner error of propertyNames repeats it; a bad date pattern makes the format error moot.
  const patternAt = new Set(errors.filter((e) => e.keyword === "pattern").map((e) => e.instancePath));
  const out: Issue[] = [];
  for (const e of errors) {
    if ((e as { propertyName?: string }).propertyName !== undefined) continue;
    if (e.keyword === "format" && patternAt.has(e.instancePath)) continue;
    const issue = oneIssue(e, data);
    if (issue) out.push(issue);
  }
  return out;
}
