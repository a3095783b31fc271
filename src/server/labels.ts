/** Chinese labels for what pages show: statuses, steps, record fields. No codes on screen. */
import {
  APPLICANT_TYPE_LABELS,
  CHANNEL_LABELS,
  DELIVERY_FORM_LABELS,
  DELIVERY_METHOD_LABELS,
  dateText,
  fieldPathLabel,
  LETTER_KIND_LABELS,
  REASON_LABELS,
  REPLY_TYPE_LABELS,
  type LetterKind,
  type WorkStatus,
} from "./lib.js";

export const STATUS_LABELS: Record<WorkStatus, string> = {
  "on-time": "按期办理中",
  "due-soon": "即将到期",
  overdue: "已逾期",
  unknown: "期限无法计算",
};

export const REGIME_LABELS: Record<string, string> = {
  "ogi-2008": "《政府信息公开条例》（2007年公布）",
  "ogi-2019": "《政府信息公开条例》（2019年修订）",
};

export const STEP_LABELS: Record<string, string> = {
  register: "登记申请",
  "correction-notified": "告知补正",
  "correction-received": "收到补正",
  "consultation-sent": "征求意见",
  "consultation-answered": "收到意见",
  extension: "延期答复",
  "fee-notice": "收费通知",
  "fee-paid": "缴费",
  reply: "答复",
  delivered: "送达",
  "issue-letter": "签发文书",
  "sign-off": "负责人签批答复",
  import: "导入数据",
  "create-office": "建立机关",
  "new-year": "新建年度",
  settings: "修改设置",
  "rename-agency": "机关更名",
  "import-cases": "导入办件台账",
  "import-applications": "导入申请台账",
  "register-case": "登记办件",
};

/** A record field's label (the data layer's one table): consultations.1.sent → 第2次征求意见：发出日期. */
export function fieldLabel(path: string): string {
  if (path === "") return "整条记录";
  const m = /^consultations\.(\d+)(?:\.(.+))?$/.exec(path);
  if (m) return `第${Number(m[1]) + 1}次征求意见${m[2] ? `：${fieldPathLabel(m[2]) ?? m[2]}` : ""}`;
  const items = /^correction\.items\.(\d+)$/.exec(path);
  if (items) return `需补正事项${Number(items[1]) + 1}`;
  if (path.startsWith("letter.")) return `文书：${letterLabelOfSuffix(path.slice(7))}`;
  return fieldPathLabel(path) ?? path;
}

export function letterLabelOfSuffix(suffix: string): string {
  const m = /^([a-z-]+?)(?:-(\d+))?$/.exec(suffix);
  const kind = (m?.[1] ?? suffix) as LetterKind;
  const label = LETTER_KIND_LABELS[kind]?.zh ?? suffix;
  return m?.[2] ? `${label}（${m[2]}）` : label;
}

const CODE_LABELS: Record<string, string> = {
  ...APPLICANT_TYPE_LABELS,
  ...CHANNEL_LABELS,
  ...REPLY_TYPE_LABELS,
  ...REASON_LABELS,
  ...DELIVERY_FORM_LABELS,
  ...DELIVERY_METHOD_LABELS,
  "third-party": "第三方",
  agency: "其他机关",
  "per-page": "按量计收（按页）",
  "per-request": "按件计收",
};

/** A stored JSON value as a clerk reads it (codes as their labels, dates in Chinese). */
export function valueText(json: string | null): string {
  if (json === null) return "（无）";
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return json;
  }
  if (v === true) return "是";
  if (v === false) return "否";
  if (typeof v === "string") {
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return dateText(v, "zh");
    return CODE_LABELS[v] ?? v;
  }
  if (Array.isArray(v)) return v.length === 0 ? "（空）" : JSON.stringify(v);
  return String(v);
}

export function codeLabel(code: string | null | undefined): string {
  if (!code) return "";
  return CODE_LABELS[code] ?? code;
}
