/**
 * Cell values to dataset values: dates in every way Chinese ledgers write them, and the coded
 * fields (applicant type, channel, reply type, reason, fee method, yes/no) from their Chinese
 * labels — the annual-report wording of src/data/codes.ts first, then common synonyms. An
 * unknown label is an error that lists the accepted labels (a mapping file can add more).
 *
 * Messages never quote a value of a personal-data column; the callers only pass labels, dates
 * and numbers here.
 */
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  CHANNEL_LABELS,
  CHANNELS,
  DELIVERY_FORM_LABELS,
  DELIVERY_FORMS,
  DELIVERY_METHOD_LABELS,
  DELIVERY_METHODS,
  REASON_LABELS,
  REASONS,
  REPLY_TYPE_LABELS,
  REPLY_TYPES,
  type ApplicantType,
  type Channel,
  type DeliveryForm,
  type DeliveryMethod,
  type FeeMethod,
  type Reason,
  type ReasonType,
  type ReplyType,
} from "../codes.js";
import type { Msg } from "../messages.js";
import { cellText, type CellValue } from "./ledger.js";

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: Msg };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(zh: string, en: string): Parsed<T> => ({ ok: false, message: { zh, en } });

// ---------------------------------------------------------------- dates

/** Years a ledger date may fall in; anything else is taken as a typing slip. */
export const DATE_YEAR_RANGE = [1990, 2100] as const;

function isoDate(y: number, m: number, d: number): string | undefined {
  if (y < DATE_YEAR_RANGE[0] || y > DATE_YEAR_RANGE[1] || m < 1 || m > 12 || d < 1) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * An Excel serial day number as a date: days since 1899-12-30 (the 1900 system, serials after
 * its phantom 1900-02-29) or since 1904-01-01 (the 1904 system). A time of day is dropped.
 */
export function excelSerialDate(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial) || serial < 61) return undefined;
  const day = Math.floor(serial + 1e-9);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const t = new Date(epoch + day * 86_400_000);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Full-width digits and punctuation to ASCII (２０１４．３．５ → 2014.3.5), spaces trimmed. */
function narrow(s: string): string {
  return s.normalize("NFKC").trim();
}

/**
 * A date cell: a spreadsheet date, an Excel serial (41703), or text as 2014-03-05, 2014-3-5,
 * 2014/3/5, 2014.3.5, 2014年3月5日 (or …5号), 20140305; a time after it (2014/3/5 9:30) is
 * dropped.
 */
export function parseDate(v: CellValue, date1904 = false): Parsed<string> {
  const shown = cellText(v).trim();
  const bad = () => fail<string>(`无法识别的日期“${shown}”`, `unrecognised date "${shown}"`);
  if (v === null) return bad();
  if (typeof v === "object") {
    if ("date" in v) return ok(v.date);
    return bad();
  }
  if (typeof v === "boolean") return bad();
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= 19_000_101 && v <= 21_001_231) {
      const d = isoDate(Math.floor(v / 10_000), Math.floor(v / 100) % 100, v % 100);
      return d ? ok(d) : bad();
    }
    const d = excelSerialDate(v, date1904);
    return d ? ok(d) : bad();
  }
  const s = narrow(v).replace(/\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, "");
  let m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(s);
  if (m) return orBad(isoDate(Number(m[1]), Number(m[3]), Number(m[4])));
  m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/.exec(s);
  if (m) return orBad(isoDate(Number(m[1]), Number(m[2]), Number(m[3])));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return orBad(isoDate(Number(m[1]), Number(m[2]), Number(m[3])));
  if (/^\d{5}(\.\d+)?$/.test(s)) return orBad(excelSerialDate(Number(s), date1904));
  return bad();

  function orBad(d: string | undefined): Parsed<string> {
    return d ? ok(d) : bad();
  }
}

// ---------------------------------------------------------------- labels

/**
 * The form labels are compared in: full-width to half-width, no spaces, no quotation marks or
 * book-title marks, no final full stop, Latin letters in lower case.
 */
export function labelKey(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[\s"'“”‘’「」『』《》〈〉]/g, "")
    .replace(/[。.]$/, "")
    .toLowerCase();
}

/** A table of labels (canonical first, then synonyms) for the codes of one field. */
export class LabelTable<C extends string> {
  private readonly byKey = new Map<string, C>();
  constructor(
    /** The canonical labels, in the order they are listed in messages. */
    readonly canonical: readonly { code: C; label: string }[],
    synonyms: Readonly<Record<string, C>> = {},
  ) {
    for (const { code, label } of canonical) this.byKey.set(labelKey(label), code);
    for (const [label, code] of Object.entries(synonyms)) this.add(label, code);
  }

  add(label: string, code: C): void {
    this.byKey.set(labelKey(label), code);
  }

  /** A copy with more labels (from a mapping file). */
  extend(extra: Readonly<Record<string, C>> | undefined): LabelTable<C> {
    const copy = new LabelTable<C>(this.canonical);
    for (const [k, v] of this.byKey) copy.byKey.set(k, v);
    for (const [label, code] of Object.entries(extra ?? {})) copy.add(label, code);
    return copy;
  }

  lookup(text: string): C | undefined {
    return this.byKey.get(labelKey(text));
  }

  /** “自然人”“商业企业”… (zh) or 自然人, 商业企业, … (en) for messages. */
  list(sep?: string): string {
    const labels = this.canonical.map((c) => c.label);
    return sep === undefined ? quotedList(labels) : labels.join(sep);
  }
}

/**
 * Chinese labels listed as choices: each in “”, side by side (a label may itself hold 、, as
 * 法律、行政法规另有规定); quotation marks inside a label become ‘’.
 */
export function quotedList(labels: readonly string[]): string {
  return labels.map((l) => `“${l.replace(/“/g, "‘").replace(/”/g, "’")}”`).join("");
}

function canonical<C extends string>(codes: readonly C[], labels: Record<C, string>) {
  return codes.map((code) => ({ code, label: labels[code] }));
}

export const APPLICANT_TYPE_TABLE = new LabelTable<ApplicantType>(
  canonical(APPLICANT_TYPES, APPLICANT_TYPE_LABELS),
  {
    个人: "natural-person",
    公民: "natural-person",
    群众: "natural-person",
    自然人申请: "natural-person",
    企业: "commercial-enterprise",
    公司: "commercial-enterprise",
    商业企业申请: "commercial-enterprise",
    科研单位: "research-institution",
    研究机构: "research-institution",
    公益组织: "public-interest-organisation",
    社会组织: "public-interest-organisation",
    律师事务所: "legal-services-organisation",
    律所: "legal-services-organisation",
    其它: "other",
  },
);

export const CHANNEL_TABLE = new LabelTable<Channel>(canonical(CHANNELS, CHANNEL_LABELS), {
  当面: "in-person",
  当面申请: "in-person",
  现场: "in-person",
  现场申请: "in-person",
  现场提交: "in-person",
  窗口: "in-person",
  窗口申请: "in-person",
  来访: "in-person",
  挂号信函: "registered-post",
  挂号邮寄: "registered-post",
  邮寄挂号信: "registered-post",
  信函: "ordinary-post",
  信函申请: "ordinary-post",
  平信: "ordinary-post",
  普通信函: "ordinary-post",
  网上申请: "online",
  网络申请: "online",
  在线申请: "online",
  网上: "online",
  互联网: "online",
  政府网站: "online",
  网站: "online",
  传真申请: "fax",
  电子邮件申请: "email",
  邮件: "email",
  电邮: "email",
  email: "email",
  "e-mail": "email",
});

export const REPLY_TYPE_TABLE = new LabelTable<ReplyType>(canonical(REPLY_TYPES, REPLY_TYPE_LABELS), {
  已公开: "already-public",
  属于已主动公开: "already-public",
  已主动公开信息: "already-public",
  公开: "disclosed",
  同意公开: "disclosed",
  全部公开: "disclosed",
  予以公开全部: "disclosed",
  部分予以公开: "partial",
  同意部分公开: "partial",
  不公开: "refused",
  不予公开信息: "refused",
  无法提供信息: "unavailable",
  不予受理: "not-processed",
  其他: "other",
  其它处理: "other",
  非本机关职责: "not-this-agency",
  非本机关负责: "not-this-agency",
  非本机关政府信息: "not-this-agency",
  不属于本机关公开职责: "not-this-agency",
  法律法规另有规定: "special-law",
  法律行政法规另有规定: "special-law",
  另有规定: "special-law",
});

const ALL_REASONS = [...new Set(Object.values(REASONS).flat())] as Reason[];

export const REASON_TABLE = new LabelTable<Reason>(canonical(ALL_REASONS, REASON_LABELS), {
  国家秘密: "state-secret",
  涉及国家秘密: "state-secret",
  法律行政法规禁止公开: "prohibited-by-law",
  其他法律法规禁止公开: "prohibited-by-law",
  危及三安全一稳定: "three-securities-one-stability",
  三安全一稳定: "three-securities-one-stability",
  商业秘密: "third-party-rights",
  个人隐私: "third-party-rights",
  涉及商业秘密: "third-party-rights",
  涉及个人隐私: "third-party-rights",
  第三方合法权益: "third-party-rights",
  内部事务信息: "internal-affairs",
  内部事务: "internal-affairs",
  过程性信息: "process-information",
  行政执法案卷: "enforcement-file",
  行政执法案卷信息: "enforcement-file",
  行政查询事项: "administrative-query",
  本机关不掌握: "not-held",
  不掌握相关信息: "not-held",
  本机关不掌握该信息: "not-held",
  信息不存在: "not-held",
  需要另行制作: "needs-creation",
  需另行制作: "needs-creation",
  没有现成信息: "needs-creation",
  补正后仍不明确: "unclear-after-correction",
  信访举报投诉: "petition-complaint",
  信访举报投诉类: "petition-complaint",
  公开出版物: "publication",
  大量反复申请: "excessive",
  确认或重新出具已获取信息: "confirmation",
  逾期不补正: "no-correction",
  逾期未缴费: "fee-unpaid",
  逾期未缴纳费用: "fee-unpaid",
  其它: "other",
});

export const FEE_METHOD_TABLE = new LabelTable<FeeMethod>(
  [
    { code: "per-request", label: "按件计收" },
    { code: "per-page", label: "按量计收" },
  ],
  { 按件: "per-request", 按件收费: "per-request", 按量: "per-page", 按页: "per-page", 按页计收: "per-page" },
);

export const DELIVERY_FORM_TABLE = new LabelTable<DeliveryForm>(
  canonical(DELIVERY_FORMS, DELIVERY_FORM_LABELS),
  {
    纸质形式: "paper",
    纸质件: "paper",
    纸质文本: "paper",
    纸质版: "paper",
    纸本: "paper",
    书面: "paper",
    书面形式: "paper",
    复印件: "paper",
    电子: "electronic",
    电子版: "electronic",
    电子形式: "electronic",
    电子文件: "electronic",
    电子文本: "electronic",
    电子数据: "electronic",
    光盘: "electronic",
  },
);

export const DELIVERY_METHOD_TABLE = new LabelTable<DeliveryMethod>(
  canonical(DELIVERY_METHODS, DELIVERY_METHOD_LABELS),
  {
    邮寄方式: "post",
    邮递: "post",
    快递: "post",
    挂号邮寄: "post",
    ems: "post",
    邮件: "email",
    电邮: "email",
    email: "email",
    "e-mail": "email",
    电子邮箱: "email",
    传真方式: "fax",
    自取: "collect",
    自行领取: "collect",
    现场领取: "collect",
    窗口领取: "collect",
    当面: "collect",
    当面提供: "collect",
    领取: "collect",
    当场查阅: "inspect",
    现场查阅: "inspect",
    查阅: "inspect",
    抄录: "inspect",
    查阅抄录: "inspect",
  },
);

export const BOOLEAN_TABLE = new LabelTable<"true" | "false">(
  [
    { code: "true", label: "是" },
    { code: "false", label: "否" },
  ],
  {
    "√": "true",
    "✓": "true",
    "✔": "true",
    y: "true",
    yes: "true",
    true: "true",
    有: "true",
    已: "true",
    已使用: "true",
    使用: "true",
    已缴: "true",
    已缴费: "true",
    结转: "true",
    "×": "false",
    "✗": "false",
    n: "false",
    no: "false",
    false: "false",
    无: "false",
    未: "false",
    未使用: "false",
    未缴: "false",
    未缴费: "false",
    不结转: "false",
  },
);

/** What the coded fields are called in messages. */
export const CODE_NAMES = {
  applicantType: { zh: "申请人类型", en: "applicant type" },
  channel: { zh: "申请方式", en: "channel" },
  replyType: { zh: "答复类型", en: "reply type" },
  reason: { zh: "理由", en: "reason" },
  feeMethod: { zh: "收费方式", en: "fee method" },
  delivery: { zh: "提供形式或获取方式", en: "form or method" },
  boolean: { zh: "是/否", en: "yes/no value" },
} as const;

/** A label looked up in a table, or the error that lists the accepted ones. */
export function parseLabel<C extends string>(
  v: CellValue,
  table: LabelTable<C>,
  name: { zh: string; en: string },
): Parsed<C> {
  const shown = cellText(v).trim();
  const code = table.lookup(shown);
  if (code !== undefined) return ok(code);
  return fail(
    `无法识别的${name.zh}“${shown}”，可用：${table.list()}`,
    `unrecognised ${name.en} "${shown}"; accepted: ${table.list(", ")}`,
  );
}

/**
 * A form and/or method of providing information in one cell: 纸质, 邮寄, 纸质、邮寄, 电子文档/电子邮件
 * (parts separated by 、，,/；; or 和/及). Each part is a form or a method; at most one of each.
 */
export function parseDelivery(
  v: CellValue,
  forms: LabelTable<DeliveryForm>,
  methods: LabelTable<DeliveryMethod>,
): Parsed<{ form?: DeliveryForm; method?: DeliveryMethod }> {
  const shown = cellText(v).trim();
  const whole = { form: forms.lookup(shown), method: methods.lookup(shown) };
  if (whole.form !== undefined) return ok({ form: whole.form });
  if (whole.method !== undefined) return ok({ method: whole.method });
  const out: { form?: DeliveryForm; method?: DeliveryMethod } = {};
  const accepted = `可用：${forms.list()}（形式），${methods.list()}（方式），两者可并写，如“纸质、邮寄”`;
  const acceptedEn = `accepted: ${forms.list(", ")} (form); ${methods.list(", ")} (method); both may be given, as 纸质、邮寄`;
  for (const part of shown.split(/[、，,/／;；\s]+|和|及|以及/).filter((x) => x !== "")) {
    const form = forms.lookup(part);
    const method = form === undefined ? methods.lookup(part) : undefined;
    if (form === undefined && method === undefined)
      return fail(
        `无法识别的提供形式或获取方式“${part}”，${accepted}`,
        `unrecognised form or method "${part}"; ${acceptedEn}`,
      );
    if (form !== undefined) {
      if (out.form !== undefined && out.form !== form)
        return fail(`“${shown}”写了两种形式，只能写一种`, `"${shown}" names two forms; give one`);
      out.form = form;
    }
    if (method !== undefined) {
      if (out.method !== undefined && out.method !== method)
        return fail(`“${shown}”写了两种方式，只能写一种`, `"${shown}" names two methods; give one`);
      out.method = method;
    }
  }
  if (out.form === undefined && out.method === undefined)
    return fail(
      `无法识别的提供形式或获取方式“${shown}”，${accepted}`,
      `unrecognised form or method "${shown}"; ${acceptedEn}`,
    );
  return ok(out);
}

export function parseBoolean(v: CellValue): Parsed<boolean> {
  if (typeof v === "boolean") return ok(v);
  if (typeof v === "number" && (v === 0 || v === 1)) return ok(v === 1);
  const r = parseLabel(v, BOOLEAN_TABLE, CODE_NAMES.boolean);
  return r.ok ? ok(r.value === "true") : r;
}

/** The reply type a reason belongs to (each reason belongs to one; "other" to type other). */
export function replyTypeOfReason(reason: Reason): ReasonType {
  for (const [type, reasons] of Object.entries(REASONS) as [ReasonType, readonly Reason[]][])
    if (reasons.includes(reason)) return type;
  /* c8 ignore next */
  return "other";
}

/** A reply cell that may carry its reason: 不予公开（属于国家秘密）, 不予公开-国家秘密, or the reason alone. */
export interface ReplyLabel {
  type: ReplyType;
  reason?: Reason;
}

export function parseReplyLabel(
  v: CellValue,
  types: LabelTable<ReplyType>,
  reasons: LabelTable<Reason>,
): Parsed<ReplyLabel> {
  const shown = narrow(cellText(v));
  const type = types.lookup(shown);
  if (type !== undefined) return ok({ type });
  const m = /^(.+?)\s*(?:[(（[【](.+?)[)）\]】]|[-—－:：、,，/](.+))$/.exec(shown);
  if (m) {
    const t = types.lookup(m[1]!);
    const r = reasons.lookup((m[2] ?? m[3])!);
    if (t !== undefined && r !== undefined) return ok({ type: t, reason: r });
  }
  const r = reasons.lookup(shown);
  if (r !== undefined && r !== "other") return ok({ type: replyTypeOfReason(r), reason: r });
  return fail(
    `无法识别的答复类型“${shown}”，可用：${types.list()}`,
    `unrecognised reply type "${shown}"; accepted: ${types.list(", ")}`,
  );
}

/** Reasons a reply type may carry (partial: those of refused). */
export function reasonsFor(type: ReplyType): readonly Reason[] {
  if (type === "partial") return REASONS.refused;
  return type in REASONS ? REASONS[type as ReasonType] : [];
}

/** A reply type that must give its reason. */
export function reasonRequired(type: ReplyType): boolean {
  return type === "refused" || type === "unavailable" || type === "not-processed" || type === "other";
}

/** An amount of money: 12, 12.5, ￥12.50, 12元; 无/不收费/免费/blank as zero. */
export function parseAmount(v: CellValue): Parsed<number> {
  const shown = cellText(v).trim();
  if (typeof v === "number")
    return v >= 0 && Number.isFinite(v)
      ? ok(v)
      : fail(`无法识别的金额“${shown}”`, `unrecognised amount "${shown}"`);
  const s = narrow(shown)
    .replace(/^[¥￥]/, "")
    .replace(/元$/, "")
    .trim();
  if (s === "" || /^(无|否|不收费|免费|未收费|0)$/.test(s)) return ok(0);
  if (/^\d+(\.\d{1,2})?$/.test(s)) return ok(Number(s));
  return fail(`无法识别的金额“${shown}”`, `unrecognised amount "${shown}"`);
}

/** A positive whole number (pages, rank). */
export function parsePositiveInteger(v: CellValue): Parsed<number> {
  const shown = cellText(v).trim();
  const s = typeof v === "number" ? v : Number(narrow(shown).replace(/[页件次]$/, ""));
  if (Number.isInteger(s) && s >= 1) return ok(s);
  return fail(`应为正整数：“${shown}”`, `expected a positive whole number: "${shown}"`);
}
