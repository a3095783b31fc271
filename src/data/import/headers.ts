/**
 * Header recognition: which column of a ledger holds which field. Each field has the names
 * clerks give it (申请编号, 收到申请日期 / 收件日期, 答复类型 / 办理结果 …); "weak" names (编号,
 * 办结日期, 理由 …) give way when a column with a strong name for the same field exists. The
 * header row is found among the first rows (a title row above it is common); a two-level header
 * (答复情况 over 答复日期 | 答复类型) is read as one. Columns no field claims are reported and left
 * out; columns every ledger has but the dataset does not keep (备注, 经办人 …) are left out
 * quietly. A mapping file (mapping.ts) names any other layout.
 */
import { labelKey } from "./normalise.js";
import { cellText, isBlank, type LedgerSheet } from "./ledger.js";

export const IMPORT_KINDS = ["applications", "approval-cases"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** How a column's cells are read (normalise.ts). */
export type ValueKind =
  | "seq"
  | "id"
  | "text"
  /** Personal data of an applicant: never quoted in a message. */
  | "personal"
  | "date"
  | "applicantType"
  | "channel"
  | "reply"
  | "reason"
  | "amount"
  | "integer"
  | "boolean"
  | "feeMethod"
  /** Form and/or method of providing information (纸质、邮寄). */
  | "delivery"
  | "item"
  | "itemId";

export interface FieldDef {
  /** Target path in the record, dotted: "reply.date". Also the key in a mapping file. */
  key: string;
  /** The usual Chinese column name (shown when the column is missing). */
  label: string;
  en: string;
  value: ValueKind;
  /** Names that always mean this field. */
  aliases: readonly string[];
  /** Names that mean this field unless another column has a strong name for it. */
  weak?: readonly string[];
}

export const APPLICATION_FIELDS: readonly FieldDef[] = [
  { key: "seq", label: "序号", en: "sequence number", value: "seq", aliases: ["序号", "序", "顺序号", "no"] },
  {
    key: "id",
    label: "申请编号",
    en: "application id",
    value: "id",
    aliases: [
      "申请编号",
      "申请号",
      "申请登记号",
      "登记编号",
      "登记号",
      "受理编号",
      "受理号",
      "流水号",
      "申请流水号",
    ],
    weak: ["编号"],
  },
  {
    key: "applicant.name",
    label: "申请人",
    en: "applicant",
    value: "personal",
    aliases: [
      "申请人",
      "申请人姓名",
      "申请人名称",
      "申请人姓名或名称",
      "申请人姓名(名称)",
      "申请人姓名/名称",
      "姓名或名称",
      "姓名/名称",
      "姓名(名称)",
    ],
    weak: ["姓名", "名称"],
  },
  {
    key: "applicant.type",
    label: "申请人类型",
    en: "applicant type",
    value: "applicantType",
    aliases: [
      "申请人类型",
      "申请人类别",
      "申请主体",
      "申请主体类型",
      "申请人性质",
      "申请人身份",
      "申请人分类",
    ],
  },
  {
    key: "applicant.address",
    label: "地址",
    en: "address",
    value: "personal",
    aliases: ["地址", "通讯地址", "通信地址", "联系地址", "申请人地址", "住址"],
  },
  {
    key: "applicant.postcode",
    label: "邮编",
    en: "postcode",
    value: "personal",
    aliases: ["邮编", "邮政编码"],
  },
  {
    key: "applicant.phone",
    label: "联系电话",
    en: "phone",
    value: "personal",
    aliases: ["联系电话", "电话", "电话号码", "手机", "手机号码", "联系方式"],
  },
  {
    key: "applicant.email",
    label: "电子邮箱",
    en: "e-mail",
    value: "personal",
    aliases: ["电子邮箱", "邮箱", "电子邮件地址", "email", "e-mail"],
  },
  {
    key: "applicant.idNumber",
    label: "身份证号码",
    en: "ID number",
    value: "personal",
    aliases: ["身份证号码", "身份证号", "证件号码", "证件号", "身份证件号码", "统一社会信用代码"],
  },
  {
    key: "channel",
    label: "申请方式",
    en: "channel",
    value: "channel",
    aliases: ["申请方式", "申请渠道", "渠道", "提交方式", "申请形式", "收件方式", "申请途径"],
  },
  {
    key: "submitted",
    label: "申请日期",
    en: "date submitted",
    value: "date",
    aliases: ["申请日期", "申请时间", "提交日期", "提交时间", "提出申请日期", "申请提交日期"],
  },
  {
    key: "received",
    label: "收到申请日期",
    en: "date received",
    value: "date",
    aliases: ["收到申请日期", "收到申请时间", "收到日期", "收件日期", "收件时间", "接收日期", "登记日期"],
    weak: ["受理日期", "受理时间"],
  },
  {
    key: "signedFor",
    label: "签收日期",
    en: "date signed for",
    value: "date",
    aliases: ["签收日期", "签收时间", "挂号信签收日期"],
  },
  {
    key: "confirmed",
    label: "确认收到日期",
    en: "date receipt confirmed",
    value: "date",
    aliases: ["确认收到日期", "确认日期", "确认收到时间"],
  },
  {
    key: "content",
    label: "申请内容",
    en: "content",
    value: "text",
    aliases: [
      "申请内容",
      "申请公开内容",
      "申请公开的内容",
      "申请信息内容",
      "申请公开的信息",
      "申请获取的信息",
      "所需信息",
      "所需政府信息",
      "所需信息内容",
      "所需信息描述",
      "申请事项",
      "申请公开事项",
    ],
    weak: ["内容"],
  },
  {
    key: "requestedDelivery",
    label: "获取信息方式",
    en: "requested form and method",
    value: "delivery",
    aliases: [
      "获取信息方式",
      "获取信息的方式",
      "获取方式",
      "信息获取方式",
      "申请获取方式",
      "获取信息的方式和途径",
      "所需信息的形式",
      "所需信息形式",
      "要求提供形式",
      "申请提供形式",
      "提供形式要求",
      "指定提供形式",
    ],
  },
  {
    key: "carriedOver",
    label: "上年结转",
    en: "carried over",
    value: "boolean",
    aliases: ["上年结转", "是否上年结转", "是否结转"],
  },
  {
    key: "reply.date",
    label: "答复日期",
    en: "reply date",
    value: "date",
    aliases: ["答复日期", "答复时间", "回复日期", "回复时间", "答复书日期"],
    weak: ["办结日期", "办结时间", "告知日期"],
  },
  {
    key: "reply.type",
    label: "答复类型",
    en: "reply type",
    value: "reply",
    aliases: ["答复类型", "答复结果", "答复情况", "办理结果", "处理结果", "答复类别", "办理结果类型"],
    weak: ["办理情况", "处理情况"],
  },
  {
    key: "reply.reason",
    label: "不予公开理由",
    en: "reason",
    value: "reason",
    aliases: [
      "不予公开理由",
      "不予公开原因",
      "不予公开的理由",
      "答复理由",
      "具体理由",
      "理由说明",
      "不予公开依据",
      "不予公开、无法提供等理由",
    ],
    weak: ["理由", "原因"],
  },
  {
    key: "reply.delivery",
    label: "提供形式",
    en: "form and method provided",
    value: "delivery",
    aliases: [
      "提供形式",
      "提供方式",
      "信息提供形式",
      "信息提供方式",
      "实际提供形式",
      "实际提供方式",
      "提供信息的形式",
      "提供信息方式",
    ],
  },
  {
    key: "reply.delivery.deviation",
    label: "未按申请形式提供的原因",
    en: "reason for another form",
    value: "text",
    aliases: [
      "未按申请形式提供的原因",
      "未按申请形式提供原因",
      "未按要求形式提供的原因",
      "未按要求形式提供原因",
      "变更提供形式原因",
      "提供形式变更原因",
    ],
  },
  {
    key: "reply.delivered",
    label: "送达日期",
    en: "date served",
    value: "date",
    aliases: ["送达日期", "送达时间", "答复送达日期", "答复送达时间", "答复书送达日期"],
  },
  {
    key: "fee.amount",
    label: "收费",
    en: "fee",
    value: "amount",
    aliases: ["收费", "收费金额", "收费金额(元)", "收费(元)", "信息处理费", "信息处理费(元)", "收费情况"],
    weak: ["费用", "金额"],
  },
  {
    key: "fee.method",
    label: "收费方式",
    en: "fee method",
    value: "feeMethod",
    aliases: ["收费方式", "计费方式", "计收方式"],
  },
  {
    key: "fee.quantity",
    label: "计费数量",
    en: "fee quantity",
    value: "integer",
    aliases: ["计费数量", "收费数量", "计费页数", "页数"],
  },
  {
    key: "fee.noticeDate",
    label: "收费通知日期",
    en: "fee notice date",
    value: "date",
    aliases: ["收费通知日期", "缴费通知日期", "收费通知书日期"],
  },
  {
    key: "fee.paid",
    label: "是否缴费",
    en: "fee paid",
    value: "boolean",
    aliases: ["是否缴费", "已缴费", "缴费情况"],
  },
  {
    key: "fee.paidDate",
    label: "缴费日期",
    en: "fee paid on",
    value: "date",
    aliases: ["缴费日期", "缴费时间"],
  },
];

export const CASE_FIELDS: readonly FieldDef[] = [
  { key: "seq", label: "序号", en: "sequence number", value: "seq", aliases: ["序号", "序", "顺序号", "no"] },
  {
    key: "id",
    label: "办件编号",
    en: "case id",
    value: "id",
    aliases: [
      "办件编号",
      "办件号",
      "办件流水号",
      "受理编号",
      "受理号",
      "业务编号",
      "业务流水号",
      "流水号",
      "申报号",
      "申报编号",
      "案卷号",
    ],
    weak: ["编号"],
  },
  {
    key: "item",
    label: "事项名称",
    en: "item name",
    value: "item",
    aliases: [
      "事项名称",
      "审批事项",
      "审批事项名称",
      "办理事项",
      "服务事项",
      "事项名",
      "审批服务事项",
      "业务名称",
    ],
    weak: ["事项"],
  },
  {
    key: "itemId",
    label: "事项编码",
    en: "item code",
    value: "itemId",
    aliases: ["事项编码", "事项编号", "事项代码", "审批事项编码", "事项id"],
  },
  {
    key: "received",
    label: "收件日期",
    en: "date received",
    value: "date",
    aliases: ["收件日期", "收件时间", "收到申请日期", "申请日期", "申请时间", "申报日期", "申报时间"],
  },
  {
    key: "accepted",
    label: "受理日期",
    en: "date accepted",
    value: "date",
    aliases: ["受理日期", "受理时间"],
  },
  {
    key: "completed",
    label: "办结日期",
    en: "date completed",
    value: "date",
    aliases: ["办结日期", "办结时间", "完成日期", "办理完成日期", "审结日期"],
  },
  {
    key: "sealUsed",
    label: "是否使用审批专用章",
    en: "approval seal used",
    value: "boolean",
    aliases: ["是否使用审批专用章", "使用审批专用章", "审批专用章", "是否使用专用章", "专用章", "用章"],
  },
];

/** Columns ledgers commonly have that the dataset does not keep: left out without a warning. */
export const QUIET_HEADERS: Readonly<Record<ImportKind, readonly string[]>> = {
  applications: [
    "备注",
    "经办人",
    "承办人",
    "承办科室",
    "承办部门",
    "办理科室",
    "登记人",
    "说明",
    "答复方式",
    "送达方式",
  ],
  "approval-cases": [
    "备注",
    "经办人",
    "承办人",
    "窗口",
    "办件状态",
    "状态",
    "申请人",
    "申请单位",
    "企业名称",
    "申请人名称",
    "联系人",
    "联系电话",
    "办理时限",
    "承诺时限",
    "法定时限",
    "用时",
    "办理用时",
  ],
};

export function fieldsOf(kind: ImportKind): readonly FieldDef[] {
  return kind === "applications" ? APPLICATION_FIELDS : CASE_FIELDS;
}

export function fieldByKey(kind: ImportKind, key: string): FieldDef | undefined {
  return fieldsOf(kind).find((f) => f.key === key);
}

/** A header as shown in messages: its text without line breaks or spaces. */
export function headerDisplay(text: string): string {
  return text.replace(/\s+/g, "");
}

/** Forms a header is compared in: as written, and without a trailing (单位)/（必填）/*. */
function headerKeys(text: string): string[] {
  const key = labelKey(text).replace(/^\*+|\*+$/g, "");
  const bare = key.replace(/\([^()]*\)$/, "").replace(/[:：]$/, "");
  return bare === key ? [key] : [key, bare];
}

/** What a header names: a field (strong or weak), a column to leave out quietly, or nothing. */
export type HeaderMatch =
  { kind: "field"; field: FieldDef; weak: boolean } | { kind: "quiet" } | { kind: "none" };

/** Extra names from a mapping file. */
export interface HeaderHints {
  /** labelKey(header) → field, from the mapping's columns given by header name. */
  byHeader?: ReadonlyMap<string, FieldDef>;
  /** labelKey(header) of columns to leave out. */
  ignore?: ReadonlySet<string>;
}

export class HeaderMatcher {
  private readonly strong = new Map<string, FieldDef>();
  private readonly weak = new Map<string, FieldDef>();
  private readonly quiet = new Set<string>();
  constructor(
    readonly kind: ImportKind,
    private readonly hints: HeaderHints = {},
  ) {
    for (const f of fieldsOf(kind)) {
      for (const a of f.aliases) this.strong.set(labelKey(a), f);
      for (const a of f.weak ?? []) this.weak.set(labelKey(a), f);
    }
    for (const q of QUIET_HEADERS[kind]) this.quiet.add(labelKey(q));
  }

  match(text: string): HeaderMatch {
    for (const key of headerKeys(text)) {
      if (this.hints.ignore?.has(key)) return { kind: "quiet" };
      const hinted = this.hints.byHeader?.get(key);
      if (hinted) return { kind: "field", field: hinted, weak: false };
    }
    for (const key of headerKeys(text)) {
      const s = this.strong.get(key);
      if (s) return { kind: "field", field: s, weak: false };
    }
    for (const key of headerKeys(text)) {
      const w = this.weak.get(key);
      if (w) return { kind: "field", field: w, weak: true };
      if (this.quiet.has(key)) return { kind: "quiet" };
    }
    return { kind: "none" };
  }
}

/** Rows searched for the header (a title and notes above it are common). */
export const HEADER_SEARCH_ROWS = 20;

/** Distinct fields (other than 序号) a row names. */
export function rowScore(sheet: LedgerSheet, row: number, matcher: HeaderMatcher): number {
  const cells = sheet.rows[row - 1] ?? [];
  const seen = new Set<string>();
  for (const c of cells) {
    if (typeof c !== "string" || isBlank(c)) continue;
    const m = matcher.match(c);
    if (m.kind === "field" && m.field.key !== "seq") seen.add(m.field.key);
  }
  return seen.size;
}

/** The row (1-based) that names the most fields, at least 2; ties go to the upper row. */
export function findHeaderRow(
  sheet: LedgerSheet,
  matcher: HeaderMatcher,
): { row: number; score: number } | undefined {
  let best: { row: number; score: number } | undefined;
  const last = Math.min(HEADER_SEARCH_ROWS, sheet.rows.length);
  for (let r = 1; r <= last; r++) {
    const score = rowScore(sheet, r, matcher);
    if (score >= 2 && (!best || score > best.score)) best = { row: r, score };
  }
  return best;
}

/** One column of the header: its position, text as shown, and what it names. */
export interface HeaderColumn {
  col: number;
  header: string;
  match: HeaderMatch;
}

/**
 * The header's columns, reading a two-level header as one: for each column, the lowest header
 * row that names a field wins (答复日期 under a merged 答复情况), else the text of the header row.
 * Returns the header rows used and the columns.
 */
export function headerColumns(
  sheet: LedgerSheet,
  headerRow: number,
  matcher: HeaderMatcher,
): { rows: number[]; columns: HeaderColumn[] } {
  const names = (r: number) =>
    (sheet.rows[r - 1] ?? []).map((c) => (c === null ? undefined : headerDisplay(cellText(c))));
  // A neighbouring row belongs to the header when it names a field and nothing in it is
  // unknown (a data row holds values, which name no column): 答复日期 | 答复类型 under a merged
  // 答复情况, or a merged group name above the main row.
  const rows = [headerRow];
  for (const r of [headerRow - 1, headerRow + 1]) {
    if (r < 1 || r > sheet.rows.length) continue;
    const texts = names(r).filter((x): x is string => x !== undefined && x !== "");
    const matches = texts.map((x) => matcher.match(x));
    const namesField = matches.some((m) => m.kind === "field" && m.field.key !== "seq");
    if (namesField && matches.every((m) => m.kind !== "none")) rows.push(r);
  }
  rows.sort((a, b) => a - b);
  const width = Math.max(...rows.map((r) => (sheet.rows[r - 1] ?? []).length));
  const columns: HeaderColumn[] = [];
  for (let col = 1; col <= width; col++) {
    let chosen: HeaderColumn | undefined;
    for (const r of [...rows].reverse()) {
      const texts = names(r);
      const text = texts[col - 1];
      if (!text) continue;
      const m = matcher.match(text);
      if (m.kind === "field") {
        chosen = { col, header: text, match: m };
        break;
      }
      if (!chosen || r === headerRow) chosen = { col, header: text, match: m };
    }
    if (chosen) columns.push(chosen);
  }
  return { rows, columns };
}
