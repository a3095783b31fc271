/** Chinese labels for what pages show: statuses, steps, record fields. No codes on screen. */
import {
  APPLICANT_TYPE_LABELS,
  CHANNEL_LABELS,
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
  "issue-letter": "签发文书",
  import: "导入数据",
  "create-office": "建立机关",
  "new-year": "新建年度",
  settings: "修改设置",
  "import-cases": "导入办件台账",
  "import-applications": "导入申请台账",
  "register-case": "登记办件",
};

const FIELD_LABELS: Record<string, string> = {
  id: "登记号",
  carriedOver: "上年结转",
  "applicant.type": "申请人类型",
  "applicant.name": "申请人姓名或名称",
  "applicant.address": "申请人地址",
  "applicant.postcode": "邮政编码",
  "applicant.phone": "联系电话",
  "applicant.email": "电子邮箱",
  "applicant.idNumber": "证件号码",
  channel: "提交方式",
  submitted: "提交日期",
  received: "收到日期",
  signedFor: "签收日期",
  confirmed: "确认日期",
  content: "申请内容",
  "correction.notified": "补正告知日期",
  "correction.items": "需补正事项",
  "correction.periodDays": "补正期限（日）",
  "correction.correctedReceived": "收到补正日期",
  party: "征求对象类别",
  name: "征求意见对象",
  sent: "发出日期",
  answered: "收到意见日期",
  consent: "是否同意公开",
  "extension.approved": "批准延期日期",
  "extension.notified": "告知延期日期",
  "extension.days": "延长工作日数",
  "fee.method": "收费方式",
  "fee.quantity": "页数或件次",
  "fee.amount": "金额（元）",
  "fee.noticeDate": "收费通知日期",
  "fee.paid": "已缴费",
  "fee.paidDate": "缴费日期",
  "reply.date": "答复日期",
  "reply.type": "答复类型",
  "reply.reason": "具体理由",
  "reply.ground": "具体情形",
  "reply.groundLaw": "禁止公开的法律及条款",
  "reply.note": "说明",
  "reply.responsibleAgency.name": "负责公开的机关",
  "reply.responsibleAgency.contact": "该机关联系方式",
};

/** A record field's label: consultations.1.sent → 第2次征求意见：发出日期. */
export function fieldLabel(path: string): string {
  if (path === "") return "整条记录";
  const m = /^consultations\.(\d+)(?:\.(.+))?$/.exec(path);
  if (m) return `第${Number(m[1]) + 1}次征求意见${m[2] ? `：${FIELD_LABELS[m[2]] ?? m[2]}` : ""}`;
  const items = /^correction\.items\.(\d+)$/.exec(path);
  if (items) return `需补正事项${Number(items[1]) + 1}`;
  if (path.startsWith("letter.")) return `文书：${letterLabelOfSuffix(path.slice(7))}`;
  return FIELD_LABELS[path] ?? path;
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
    const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (d) return `${d[1]}年${Number(d[2])}月${Number(d[3])}日`;
    return CODE_LABELS[v] ?? v;
  }
  if (Array.isArray(v)) return v.length === 0 ? "（空）" : JSON.stringify(v);
  return String(v);
}

export function codeLabel(code: string | null | undefined): string {
  if (!code) return "";
  return CODE_LABELS[code] ?? code;
}
