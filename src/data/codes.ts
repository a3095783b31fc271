/**
 * Code lists shared by the schema, the letters, the annual report, the audit and the importer.
 * Codes are stable English identifiers; labels are the verbatim Chinese texts of the national
 * annual-report format (annual-report-format.md) where one exists.
 */

/** Regimes (regulations.md §1). */
export const REGIMES = ["ogi-2008", "ogi-2019"] as const;
export type Regime = (typeof REGIMES)[number];

/**
 * The regulation each regime code stands for, as sentences for people name it (the codes stay
 * in --json): 《中华人民共和国政府信息公开条例》 as promulgated in 2007 (国务院令第492号, in force
 * from 2008-05-01) and as revised in 2019 (国务院令第711号, in force from 2019-05-15).
 */
export const REGIME_NAMES: Record<Regime, { zh: string; en: string }> = {
  "ogi-2008": {
    zh: "《中华人民共和国政府信息公开条例》（2007年公布）",
    en: "the Regulations on Open Government Information (2007)",
  },
  "ogi-2019": {
    zh: "《中华人民共和国政府信息公开条例》（2019年修订）",
    en: "the Regulations on Open Government Information (revised 2019)",
  },
};

/** The name of a regime in a sentence (the code itself when it is not one). */
export function regimeName(regime: string, lang: "zh" | "en"): string {
  const n = (REGIME_NAMES as Record<string, { zh: string; en: string }>)[regime];
  return n ? n[lang] : regime;
}

/** Applicant columns of annual-report table 三, in column order. */
export const APPLICANT_TYPES = [
  "natural-person",
  "commercial-enterprise",
  "research-institution",
  "public-interest-organisation",
  "legal-services-organisation",
  "other",
] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  "natural-person": "自然人",
  "commercial-enterprise": "商业企业",
  "research-institution": "科研机构",
  "public-interest-organisation": "社会公益组织",
  "legal-services-organisation": "法律服务机构",
  other: "其他",
};

/** How a request arrived; decides the receipt date (ogi-2019 Art. 31). */
export const CHANNELS = ["in-person", "registered-post", "ordinary-post", "online", "fax", "email"] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  "in-person": "当面提交",
  "registered-post": "挂号信",
  "ordinary-post": "平常信函",
  online: "网络",
  fax: "传真",
  email: "电子邮件",
};

/**
 * Reply types (regulations.md §3). One letter variant per type (and per reason where there is
 * one). `already-public`, `not-this-agency` and `special-law` have their own letters but are
 * counted in an annual-report row of another type (see REPLY_TYPE_ROW).
 */
export const REPLY_TYPES = [
  "already-public", // 36(1) 已主动公开
  "disclosed", // 36(2) 予以公开
  "partial", // 37 部分公开
  "refused", // 36(3) 不予公开 — reason required
  "unavailable", // 36(4)/38/30 无法提供 — reason required
  "not-processed", // 不予处理 — reason required
  "other", // 其他处理 — reason required
  "not-this-agency", // 36(5) 非本机关负责公开
  "special-law", // 36(7) 法律、行政法规有特别规定
] as const;
export type ReplyType = (typeof REPLY_TYPES)[number];

export const REPLY_TYPE_LABELS: Record<ReplyType, string> = {
  "already-public": "已主动公开",
  disclosed: "予以公开",
  partial: "部分公开",
  refused: "不予公开",
  unavailable: "无法提供",
  "not-processed": "不予处理",
  other: "其他处理",
  "not-this-agency": "非本机关负责公开",
  "special-law": "法律、行政法规另有规定",
};

/** Reasons per reply type, in the order of the annual-report rows. */
export const REASONS = {
  refused: [
    "state-secret",
    "prohibited-by-law",
    "three-securities-one-stability",
    "third-party-rights",
    "internal-affairs",
    "process-information",
    "enforcement-file",
    "administrative-query",
  ],
  unavailable: ["not-held", "needs-creation", "unclear-after-correction"],
  "not-processed": ["petition-complaint", "duplicate", "publication", "excessive", "confirmation"],
  other: ["no-correction", "fee-unpaid", "other"],
} as const;
export type ReasonType = keyof typeof REASONS;
export type RefusalReason = (typeof REASONS.refused)[number];
export type Reason = (typeof REASONS)[ReasonType][number];

export const REASON_LABELS: Record<Reason, string> = {
  "state-secret": "属于国家秘密",
  "prohibited-by-law": "其他法律行政法规禁止公开",
  "three-securities-one-stability": "危及“三安全一稳定”",
  "third-party-rights": "保护第三方合法权益",
  "internal-affairs": "属于三类内部事务信息",
  "process-information": "属于四类过程性信息",
  "enforcement-file": "属于行政执法案卷",
  "administrative-query": "属于行政查询事项",
  "not-held": "本机关不掌握相关政府信息",
  "needs-creation": "没有现成信息需要另行制作",
  "unclear-after-correction": "补正后申请内容仍不明确",
  "petition-complaint": "信访举报投诉类申请",
  duplicate: "重复申请",
  publication: "要求提供公开出版物",
  excessive: "无正当理由大量反复申请",
  confirmation: "要求行政机关确认或重新出具已获取信息",
  "no-correction": "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
  "fee-unpaid": "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
  other: "其他",
};

/**
 * The specific grounds of a refusal reason (说明理由, ogi-2019 Art. 36(3) and Art. 37): which of
 * the interests of Art. 14 is endangered, whose right of Art. 15 is protected, which kind of
 * internal or process information of Art. 16. A refusal (or the withheld part of a partial
 * disclosure) for one of these reasons names its ground (reply.ground); prohibited-by-law names
 * the law and its article instead (GROUND_LAW_REASON); the other refusal reasons have one ground.
 * The annual-report row is the reason's; the ground never changes it.
 */
export const GROUNDS = {
  "three-securities-one-stability": [
    "national-security",
    "public-security",
    "economic-security",
    "social-stability",
  ],
  "third-party-rights": ["commercial-secret", "personal-privacy", "other-third-party-rights"],
  "internal-affairs": ["personnel-management", "logistics-management", "internal-workflow"],
  "process-information": ["discussion-record", "draft", "consultation-letter", "request-report"],
} as const satisfies Partial<Record<RefusalReason, readonly string[]>>;
export type GroundReason = keyof typeof GROUNDS;
export type Ground = (typeof GROUNDS)[GroundReason][number];

/** The reason whose ground is the prohibiting law and its article, as text. */
export const GROUND_LAW_REASON = "prohibited-by-law" satisfies RefusalReason;

/** Grounds the 2008 regulation does not know (Art. 14 ¶4 names only 商业秘密 and 个人隐私). */
export const GROUNDS_2019_ONLY: readonly Ground[] = ["other-third-party-rights"];

export const GROUND_LABELS: Record<Ground, string> = {
  "national-security": "国家安全",
  "public-security": "公共安全",
  "economic-security": "经济安全",
  "social-stability": "社会稳定",
  "commercial-secret": "商业秘密",
  "personal-privacy": "个人隐私",
  "other-third-party-rights": "其他第三方合法权益",
  "personnel-management": "人事管理信息",
  "logistics-management": "后勤管理信息",
  "internal-workflow": "内部工作流程信息",
  "discussion-record": "讨论记录",
  draft: "过程稿",
  "consultation-letter": "磋商信函",
  "request-report": "请示报告",
};

/** The grounds a refusal reason takes (empty: a single ground, or the law as text). */
export function groundsOf(reason: string): readonly Ground[] {
  return (GROUNDS as Record<string, readonly Ground[] | undefined>)[reason] ?? [];
}

/**
 * Where a reply is counted in annual-report table 三 (2019/2021 formats).
 * Interpretation (documented default): 已主动公开 counts as 予以公开; 非本机关负责公开 counts as
 * 无法提供/本机关不掌握; 特别规定 counts as 其他处理/其他.
 */
export const REPLY_TYPE_ROW: Record<ReplyType, { type: ReplyType; reason?: Reason }> = {
  "already-public": { type: "disclosed" },
  disclosed: { type: "disclosed" },
  partial: { type: "partial" },
  refused: { type: "refused" },
  unavailable: { type: "unavailable" },
  "not-processed": { type: "not-processed" },
  other: { type: "other" },
  "not-this-agency": { type: "unavailable", reason: "not-held" },
  "special-law": { type: "other", reason: "other" },
};

/** A row of annual-report table 三 that counts replies: 予以公开, 部分公开, or a group and its reason. */
export type ReplyTableRow = { type: "disclosed" | "partial" } | { type: ReasonType; reason: string };

/**
 * The row of table 三 a reply is counted in (REPLY_TYPE_ROW; the mapped reason, if any, before
 * the reply's own), or undefined when the row needs a reason and none is given. The one mapping
 * of the facts' table and the dataset checks of a given table against the records.
 */
export function replyTableRow(type: ReplyType, reason: string | undefined): ReplyTableRow | undefined {
  const mapped = REPLY_TYPE_ROW[type];
  if (mapped.type === "disclosed" || mapped.type === "partial") return { type: mapped.type };
  const r = mapped.reason ?? reason;
  return r ? { type: mapped.type as ReasonType, reason: r } : undefined;
}

/** The groups of annual-report table 四: reconsideration, and litigation with or without one first. */
export const REVIEW_GROUPS = [
  "reconsideration",
  "litigationDirect",
  "litigationAfterReconsideration",
] as const;
export type ReviewGroup = (typeof REVIEW_GROUPS)[number];

/** Names of table 四's groups, as its rows and the messages about them say them. */
export const REVIEW_GROUP_NAMES: Record<ReviewGroup, string> = {
  reconsideration: "行政复议",
  litigationDirect: "行政诉讼（未经复议直接起诉）",
  litigationAfterReconsideration: "行政诉讼（复议后起诉）",
};

/** Outcomes of reconsideration and litigation (annual-report table 四). */
export const REVIEW_OUTCOMES = ["upheld", "corrected", "other", "pending"] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  upheld: "结果维持",
  corrected: "结果纠正",
  other: "其他结果",
  pending: "尚未审结",
};

/** Fee methods (国办函〔2020〕109号): one per request, never both. */
export const FEE_METHODS = ["per-request", "per-page"] as const;
export type FeeMethod = (typeof FEE_METHODS)[number];

/** Time-limit units of approval items. */
export const DAY_UNITS = ["working", "calendar"] as const;
export type DayUnit = (typeof DAY_UNITS)[number];

/** 好差评 levels; the last two are bad ratings (差评). */
export const RATING_LEVELS = [
  "very-satisfied",
  "satisfied",
  "basically-satisfied",
  "dissatisfied",
  "very-dissatisfied",
] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

/** Approximate-figure qualifiers: 260余条, 约300条, 50多条. */
export const QUALIFIERS = ["余", "约", "多"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** Absence from post at the service-centre window. */
export const ABSENCE_KINDS = ["unstaffed", "off-post", "post-hopping"] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];
export const ABSENCE_KIND_LABELS: Record<AbsenceKind, string> = {
  unstaffed: "漏岗",
  "off-post": "脱岗",
  "post-hopping": "串岗",
};

/**
 * How a complaint about the approval service was concluded (投诉办理结果), as 12345 hotline and
 * 投诉 handling records it after verification (核查): 属实 (upheld: the office was at fault, to be
 * rectified), 部分属实, 不属实 (rejected: not substantiated), or withdrawn by the complainant
 * (投诉人撤回). An upheld or partly upheld complaint is a valid complaint (有效投诉).
 */
export const COMPLAINT_OUTCOMES = ["upheld", "partly-upheld", "rejected", "withdrawn"] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];
export const COMPLAINT_OUTCOME_LABELS: Record<ComplaintOutcome, string> = {
  upheld: "属实",
  "partly-upheld": "部分属实",
  rejected: "不属实",
  withdrawn: "投诉人撤回",
};
/** Outcomes that make a complaint valid (有效投诉). */
export const VALID_COMPLAINT_OUTCOMES: readonly ComplaintOutcome[] = ["upheld", "partly-upheld"];

/** New-media accounts (政务新媒体). */
export const NEW_MEDIA_KINDS = ["weibo", "wechat", "app", "short-video", "other"] as const;
export type NewMediaKind = (typeof NEW_MEDIA_KINDS)[number];
export const NEW_MEDIA_KIND_LABELS: Record<NewMediaKind, string> = {
  weibo: "政务微博",
  wechat: "政务微信",
  app: "政务客户端",
  "short-video": "政务短视频",
  other: "其他新媒体",
};

/** Who is consulted before a reply: a third party (Art. 32) or another agency (Art. 34). */
export const CONSULTATION_PARTIES = ["third-party", "agency"] as const;
export type ConsultationParty = (typeof CONSULTATION_PARTIES)[number];

/** The form information is provided in (提供形式; ogi-2019 Art. 29 ¶2 item (3), Art. 40). */
export const DELIVERY_FORMS = ["paper", "electronic"] as const;
export type DeliveryForm = (typeof DELIVERY_FORMS)[number];

export const DELIVERY_FORM_LABELS: Record<DeliveryForm, string> = {
  paper: "纸质",
  electronic: "电子文档",
};

/** How the applicant obtains the information (获取方式). */
export const DELIVERY_METHODS = ["post", "email", "fax", "collect", "inspect"] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  post: "邮寄",
  email: "电子邮件",
  fax: "传真",
  collect: "当面领取",
  inspect: "当场查阅、抄录",
};
