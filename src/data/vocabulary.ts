/**
 * One vocabulary for the dataset and the importer: wherever the schema asks for a code, the
 * dataset may give its Chinese label instead (the labels `import` accepts: 自然人, 当面, 予以公开,
 * 不予公开（属于国家秘密）…), and wherever it asks for a date, 2025/3/5, 2025.3.5, 2025-3-5 or
 * 2025年3月5日 as well as 2025-03-05. They are normalised on read, before the schema is checked,
 * and every normalisation is reported (validate prints them; --json lists them with the pointer).
 *
 * Which fields take which codes is read from the schema itself (every enum with a title such as
 * Channel, every string of format "date"), so a field added to the schema is covered at once.
 * Normalising never adds or removes a member, except that a reply type given with its reason
 * (不予公开（属于国家秘密）) also fills in an absent reply.reason; positions of values stay those
 * of the text.
 */
import {
  ABSENCE_KIND_LABELS,
  ABSENCE_KINDS,
  COMPLAINT_OUTCOME_LABELS,
  COMPLAINT_OUTCOMES,
  CONSULTATION_PARTIES,
  DELIVERY_FORM_LABELS,
  DELIVERY_FORMS,
  DELIVERY_METHOD_LABELS,
  DELIVERY_METHODS,
  DAY_UNITS,
  GROUND_LABELS,
  GROUNDS,
  NEW_MEDIA_KIND_LABELS,
  NEW_MEDIA_KINDS,
  RATING_LEVELS,
  REGIMES,
  REVIEW_OUTCOME_LABELS,
  REVIEW_OUTCOMES,
} from "./codes.js";
import {
  APPLICANT_TYPE_TABLE,
  CHANNEL_TABLE,
  FEE_METHOD_TABLE,
  LabelTable,
  parseReplyLabel,
  REASON_TABLE,
  REPLY_TYPE_TABLE,
} from "./import/normalise.js";
import { loadSchema } from "./schema.js";

/** One value read otherwise than it was written. */
export interface Normalisation {
  /** JSON pointer of the value (for a reason taken from a reply type: of reply.reason). */
  pointer: string;
  /** A label read as its code, or a date read as YYYY-MM-DD. */
  kind: "label" | "date";
  /** The code list (schema title, e.g. "Channel") or "date". */
  list: string;
  /** The text as written. */
  from: string;
  /** The value read: the code, or the date YYYY-MM-DD. */
  to: string;
  /** Where it was read from when not from the value itself (a reason from its reply type). */
  source?: string;
}

function table<C extends string>(
  codes: readonly C[],
  labels: Record<C, string>,
  synonyms: Record<string, C> = {},
): LabelTable<C> {
  return new LabelTable<C>(
    codes.map((code) => ({ code, label: labels[code] })),
    synonyms,
  );
}

/** The label table of each code list, by its schema title. */
const TABLES: Record<string, LabelTable<string>> = {
  ApplicantType: APPLICANT_TYPE_TABLE,
  Channel: CHANNEL_TABLE,
  ReplyType: REPLY_TYPE_TABLE,
  Reason: REASON_TABLE,
  Ground: table(Object.values(GROUNDS).flat(), GROUND_LABELS, {
    人事管理: "personnel-management",
    后勤管理: "logistics-management",
    内部工作流程: "internal-workflow",
    第三方合法权益: "other-third-party-rights",
  }),
  FeeMethod: FEE_METHOD_TABLE,
  ReviewOutcome: table(REVIEW_OUTCOMES, REVIEW_OUTCOME_LABELS, {
    维持: "upheld",
    纠正: "corrected",
    其他: "other",
    其它: "other",
    未审结: "pending",
    审理中: "pending",
  }),
  AbsenceKind: table(ABSENCE_KINDS, ABSENCE_KIND_LABELS),
  ComplaintOutcome: table(COMPLAINT_OUTCOMES, COMPLAINT_OUTCOME_LABELS, {
    经查属实: "upheld",
    投诉属实: "upheld",
    有效投诉: "upheld",
    经查部分属实: "partly-upheld",
    经查不属实: "rejected",
    投诉不属实: "rejected",
    无效投诉: "rejected",
    撤回: "withdrawn",
    撤诉: "withdrawn",
  }),
  NewMediaKind: table(NEW_MEDIA_KINDS, NEW_MEDIA_KIND_LABELS, {
    微博: "weibo",
    微信: "wechat",
    微信公众号: "wechat",
    客户端: "app",
    短视频: "short-video",
    其他: "other",
    其它: "other",
  }),
  DayUnit: table(DAY_UNITS, { working: "工作日", calendar: "自然日" }, { 日: "calendar", 天: "calendar" }),
  RatingLevel: table(RATING_LEVELS, {
    "very-satisfied": "非常满意",
    satisfied: "满意",
    "basically-satisfied": "基本满意",
    dissatisfied: "不满意",
    "very-dissatisfied": "非常不满意",
  }),
  Regime: table(
    REGIMES,
    { "ogi-2008": "2008年条例", "ogi-2019": "2019年修订条例" },
    {
      "《中华人民共和国政府信息公开条例》": "ogi-2008",
      "《中华人民共和国政府信息公开条例》（2019年修订）": "ogi-2019",
      "《政府信息公开条例》（2019年修订）": "ogi-2019",
      "2019年条例": "ogi-2019",
      "2019年修订": "ogi-2019",
      "2007年条例": "ogi-2008",
    },
  ),
  ConsultationParty: table(
    CONSULTATION_PARTIES,
    { "third-party": "第三方", agency: "其他机关" },
    { 其他行政机关: "agency", 行政机关: "agency", 有关机关: "agency" },
  ),
  DeliveryForm: table(DELIVERY_FORMS, DELIVERY_FORM_LABELS, {
    纸面: "paper",
    纸质文本: "paper",
    电子: "electronic",
    电子版: "electronic",
    电子文件: "electronic",
  }),
  DeliveryMethod: table(DELIVERY_METHODS, DELIVERY_METHOD_LABELS, {
    快递: "post",
    寄送: "post",
    自行领取: "collect",
    现场领取: "collect",
    邮件: "email",
    查阅: "inspect",
    当场查阅: "inspect",
    当场阅读抄录: "inspect",
    "当场阅读、抄录": "inspect",
  }),
};

/** What the walker does at one place of the document. */
interface Plan {
  props?: Map<string, Plan>;
  /** props as a list, with each key escaped for a pointer (the walk's fast form). */
  list?: { key: string; segment: string; plan: Plan }[];
  items?: Plan;
  /** A date string. */
  date?: true;
  /** A code of this list; `allowed` is the union of the enums the schema allows here. */
  code?: { list: string; allowed: Set<string> };
}

type SchemaNode = Record<string, unknown>;

function buildPlan(root: SchemaNode): Plan {
  const defs = (root.$defs ?? {}) as Record<string, SchemaNode>;
  const seen = new Map<Plan, Set<SchemaNode>>();
  const plan: Plan = {};
  const visit = (node: unknown, at: Plan, title: string | undefined): void => {
    if (typeof node !== "object" || node === null) return;
    const n = node as SchemaNode;
    const done = seen.get(at) ?? new Set<SchemaNode>();
    if (done.has(n)) return;
    done.add(n);
    seen.set(at, done);
    const own = typeof n.title === "string" ? n.title : title;
    if (typeof n.$ref === "string" && n.$ref.startsWith("#/$defs/"))
      visit(defs[n.$ref.slice("#/$defs/".length)], at, own);
    if (n.format === "date") at.date = true;
    const values = Array.isArray(n.enum) ? n.enum : n.const !== undefined ? [n.const] : undefined;
    if (values && values.every((v) => typeof v === "string")) {
      // A titled list (ReplyType) decides; an untitled enum (reply.reason under a reply type,
      // a const of a condition) takes the list its values belong to.
      const titled = own !== undefined && TABLES[own] !== undefined ? own : undefined;
      const list = titled ?? at.code?.list ?? listOf(values as string[]);
      if (list) {
        at.code ??= { list, allowed: new Set() };
        if (titled) at.code.list = titled;
        for (const v of values as string[]) at.code.allowed.add(v);
      }
    }
    if (n.properties && typeof n.properties === "object")
      for (const [k, v] of Object.entries(n.properties as Record<string, unknown>)) {
        at.props ??= new Map();
        const child = at.props.get(k) ?? {};
        at.props.set(k, child);
        visit(v, child, undefined);
      }
    if (n.items) visit(n.items, (at.items ??= {}), undefined);
    for (const k of ["allOf", "anyOf", "oneOf"])
      if (Array.isArray(n[k])) for (const s of n[k] as unknown[]) visit(s, at, own);
    // What a condition tests ("if") allows nothing; what it requires ("then", "else") does.
    for (const k of ["then", "else"]) if (n[k]) visit(n[k], at, own);
  };
  visit(root, plan, undefined);
  return prune(plan) ?? {};
}

/** The list every value of an untitled enum belongs to (reply.reason under a reply type). */
function listOf(values: readonly string[]): string | undefined {
  for (const [list, t] of Object.entries(TABLES))
    if (values.every((v) => t.canonical.some((c) => c.code === v))) return list;
  return undefined;
}

/** The plan without the branches that lead to nothing to normalise. */
function prune(p: Plan): Plan | undefined {
  const out: Plan = {};
  if (p.date) out.date = true;
  if (p.code) out.code = p.code;
  if (p.props)
    for (const [k, v] of p.props) {
      const c = prune(v);
      if (c) {
        (out.props ??= new Map()).set(k, c);
        (out.list ??= []).push({ key: k, segment: escape(k), plan: c });
      }
    }
  if (p.items) {
    const c = prune(p.items);
    if (c) out.items = c;
  }
  return out.date || out.code || out.props || out.items ? out : undefined;
}

let plan: Plan | undefined;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date written 2025/3/5, 2025.3.5, 2025-3-5 or 2025年3月5日 (full-width digits too) as
 * 2025-03-05; undefined when the text is not a date so written. The day is not checked here: the
 * schema says that 2025-02-30 does not exist.
 */
export function normaliseDateText(s: string): string | undefined {
  const v = s.normalize("NFKC").trim();
  const m =
    /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(v) ??
    /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/.exec(v);
  if (!m) return undefined;
  const [y, mo, d] = m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
  return `${y}-${mo!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
}

function escape(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Normalise a parsed dataset in place: labels to codes, dates to YYYY-MM-DD. Returns what was
 * read otherwise than written, in document order. A text that is neither a code, a known label
 * nor a date is left as it is (the schema reports it).
 */
export function normaliseDataset(data: unknown): Normalisation[] {
  plan ??= buildPlan(loadSchema());
  const out: Normalisation[] = [];
  walk(data, plan, [], out);
  return out;
}

/**
 * The walk keeps the path as a stack of escaped segments and joins it only for a value it
 * changes: most values need nothing, and a dataset may hold a million records.
 */
function walk(v: unknown, p: Plan, path: string[], out: Normalisation[]): void {
  if (typeof v !== "object" || v === null) return;
  if (Array.isArray(v)) {
    const items = p.items;
    if (!items) return;
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === "string") {
        if (!needs(x, items)) continue;
        path.push(String(i));
        const r = leaf(x, items, path, out);
        path.pop();
        if (r !== undefined) v[i] = r;
      } else if (typeof x === "object" && x !== null) {
        path.push(String(i));
        walk(x, items, path, out);
        path.pop();
      }
    }
    return;
  }
  const list = p.list;
  if (!list) return;
  const o = v as Record<string, unknown>;
  for (let j = 0; j < list.length; j++) {
    const { key: k, segment, plan: child } = list[j]!;
    const x = o[k];
    if (x === undefined || !Object.prototype.hasOwnProperty.call(o, k)) continue;
    if (typeof x === "string") {
      if (!needs(x, child)) continue;
      path.push(segment);
      if (child.code?.list === "ReplyType") replyType(o, x, path, out);
      else {
        const r = leaf(x, child, path, out);
        if (r !== undefined) o[k] = r;
      }
      path.pop();
    } else if (typeof x === "object" && x !== null) {
      path.push(segment);
      walk(x, child, path, out);
      path.pop();
    }
  }
}

/** Whether a string at a leaf may need normalising (not already a code or a YYYY-MM-DD date). */
function needs(x: string, p: Plan): boolean {
  if (p.code) return !p.code.allowed.has(x);
  if (p.date) return !ISO_DATE.test(x);
  return false;
}

const pointerOf = (path: readonly string[]): string => (path.length === 0 ? "" : "/" + path.join("/"));

/** The normalised value of a string at a leaf, recorded; undefined to leave it. */
function leaf(x: string, p: Plan, path: readonly string[], out: Normalisation[]): string | undefined {
  if (p.code) {
    const code = TABLES[p.code.list]?.lookup(x);
    if (code === undefined || !p.code.allowed.has(code)) return undefined;
    out.push({ pointer: pointerOf(path), kind: "label", list: p.code.list, from: x, to: code });
    return code;
  }
  if (p.date) {
    const d = normaliseDateText(x);
    if (d === undefined) return undefined;
    out.push({ pointer: pointerOf(path), kind: "date", list: "date", from: x, to: d });
    return d;
  }
  return undefined;
}

/** reply.type as a label, maybe with its reason: 不予公开（属于国家秘密）. */
function replyType(
  reply: Record<string, unknown>,
  x: string,
  path: readonly string[],
  out: Normalisation[],
): void {
  const r = parseReplyLabel(x, REPLY_TYPE_TABLE, REASON_TABLE);
  if (!r.ok) return;
  const at = pointerOf(path);
  const parent = pointerOf(path.slice(0, -1));
  reply.type = r.value.type;
  out.push({ pointer: at, kind: "label", list: "ReplyType", from: x, to: r.value.type });
  if (r.value.reason !== undefined && reply.reason === undefined) {
    reply.reason = r.value.reason;
    out.push({
      pointer: `${parent}/reason`,
      kind: "label",
      list: "Reason",
      from: x,
      to: r.value.reason,
      source: at,
    });
  }
}

/** The label a code is shown with (the canonical Chinese label of its list), else the code. */
export function codeLabel(list: string, code: string): string {
  return TABLES[list]?.canonical.find((c) => c.code === code)?.label ?? code;
}

/** What each code list is called in messages. */
export const LIST_NAMES: Record<string, { zh: string; en: string }> = {
  ApplicantType: { zh: "申请人类型", en: "applicant type" },
  Channel: { zh: "申请方式", en: "channel" },
  ReplyType: { zh: "答复类型", en: "reply type" },
  Reason: { zh: "理由", en: "reason" },
  FeeMethod: { zh: "收费方式", en: "fee method" },
  ReviewOutcome: { zh: "复议诉讼结果", en: "review outcome" },
  AbsenceKind: { zh: "离岗情形", en: "absence kind" },
  NewMediaKind: { zh: "新媒体类型", en: "new-media kind" },
  DayUnit: { zh: "时限单位", en: "day unit" },
  RatingLevel: { zh: "评价等级", en: "rating level" },
  Regime: { zh: "适用条例", en: "regime" },
  ConsultationParty: { zh: "征求意见对象", en: "consulted party" },
  DeliveryForm: { zh: "提供形式", en: "delivery form" },
  DeliveryMethod: { zh: "获取方式", en: "delivery method" },
  date: { zh: "日期", en: "date" },
};
