/**
 * Types of a gongwen dataset, generated from schemas/operations.schema.json by
 * scripts/gen-types.mjs (npm run gen:types). DO NOT EDIT BY HAND: change the schema and regenerate.
 */

/**
 * A calendar date YYYY-MM-DD that exists (no 2014-02-30), in a year from 2007 (the first year of the holiday data and of the regulations) to 2100.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "date".
 */
export type DateString = string;
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "text".
 */
export type Text = string;
/**
 * Identifier of a record, unique within its list: letters, digits, '.', '_' or '-'.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "id".
 */
export type RecordId = string;
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "dayUnit".
 */
export type DayUnit = "working" | "calendar";
/**
 * What the case records are against the totals: all (default) — every case of the year, the source of every count; exceptions — only the cases overdue in the year (completed late, or open past their due day), every one of them, with totals.completed giving the rest (so no overdue case beyond them is proven); sample — a sample of the cases, with totals.completed giving the whole: a count or a 'none overdue' claim the sample cannot prove is not made, unless totals.overdue states it.
 */
export type ApprovalRecords = "all" | "exceptions" | "sample";
/**
 * How the complaint was concluded after verification (投诉办理结果, as 12345 / 投诉 handling records it): upheld 属实 (the office was at fault, rectified), partly-upheld 部分属实, rejected 不属实, withdrawn 投诉人撤回. Upheld and partly upheld complaints are valid complaints (有效投诉).
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "complaintOutcome".
 */
export type ComplaintOutcome = "upheld" | "partly-upheld" | "rejected" | "withdrawn";
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "absenceKind".
 */
export type AbsenceKind = "unstaffed" | "off-post" | "post-hopping";
/**
 * A count: a non-negative integer, or an approximate figure such as 260余条 written {"value": 260, "qualifier": "余"}.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "count".
 */
export type Count = number | ApproximateCount;
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "ratingLevel".
 */
export type RatingLevel =
  "very-satisfied" | "satisfied" | "basically-satisfied" | "dissatisfied" | "very-dissatisfied";
/**
 * How the sentence on an outlet's count is built: outlet-subject — the outlet did it: 市委办公厅（信息处）共采用信息66条 (default with adopted); in-outlet — the office did it in or on the outlet: 在内蒙古日报、呼和浩特日报共刊发各类商务新闻70余条 (default with published); to-outlet — the office sent it there: 向商务部地方商务之窗转载、原创发布各类信息2074条; outlet-object — the outlet is what the office worked on: 更新市商务局信息网各类业务信息550余条.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "outletConstruction".
 */
export type OutletConstruction = "outlet-subject" | "in-outlet" | "to-outlet" | "outlet-object";
/**
 * What the parts are: outlet (default) — publications of the adopting body, stated as an aside: （其中，《每日报》采用信息46条）; kind — kinds of item, stated as a clause: ，其中，每日要请32条，政务信息22条.
 */
export type SubCountsBy = "outlet" | "kind";
/**
 * notice (default): 在《通报》中，位居{among}排名第七名; list: 在{通报}排名中居{among}第一名.
 */
export type RankingWording = "notice" | "list";
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "newMediaKind".
 */
export type NewMediaKind = "weibo" | "wechat" | "app" | "short-video" | "other";
/**
 * A calendar month YYYY-MM.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "month".
 */
export type MonthString = string;
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "applicantType".
 */
export type ApplicantType =
  | "natural-person"
  | "commercial-enterprise"
  | "research-institution"
  | "public-interest-organisation"
  | "legal-services-organisation"
  | "other";
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "channel".
 */
export type Channel = "in-person" | "registered-post" | "ordinary-post" | "online" | "fax" | "email";
/**
 * The form in which information is provided (提供形式): paper (纸质) or an electronic document (电子文档).
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "deliveryForm".
 */
export type DeliveryForm = "paper" | "electronic";
/**
 * How the applicant obtains it (获取方式): by post (邮寄), e-mail (电子邮件), fax (传真), collected at the office (当面领取), or inspected and copied there (当场查阅、抄录).
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "deliveryMethod".
 */
export type DeliveryMethod = "post" | "email" | "fax" | "collect" | "inspect";
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "consultationParty".
 */
export type ConsultationParty = "third-party" | "agency";
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "replyType".
 */
export type ReplyType =
  | "already-public"
  | "disclosed"
  | "partial"
  | "refused"
  | "unavailable"
  | "not-processed"
  | "other"
  | "not-this-agency"
  | "special-law";
/**
 * The specific ground of a refusal (不予公开, or the withheld part of 部分公开), within its reason: three-securities-one-stability — national-security, public-security, economic-security, social-stability; third-party-rights — commercial-secret, personal-privacy, other-third-party-rights (ogi-2019 only); internal-affairs — personnel-management, logistics-management, internal-workflow; process-information — discussion-record, draft, consultation-letter, request-report.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "ground".
 */
export type Ground =
  | "national-security"
  | "public-security"
  | "economic-security"
  | "social-stability"
  | "commercial-secret"
  | "personal-privacy"
  | "other-third-party-rights"
  | "personnel-management"
  | "logistics-management"
  | "internal-workflow"
  | "discussion-record"
  | "draft"
  | "consultation-letter"
  | "request-report";
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "feeMethod".
 */
export type FeeMethod = "per-request" | "per-page";
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "reviewOutcome".
 */
export type ReviewOutcome = "upheld" | "corrected" | "other" | "pending";
/**
 * A new way of working: a clause in the office's words (text), or features added to one platform (PlatformFeatures).
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "innovation".
 */
export type Innovation = string | PlatformFeatures;
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "regime".
 */
export type Regime = "ogi-2008" | "ogi-2019";
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "qualifier".
 */
export type Qualifier = "余" | "约" | "多";
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "reason".
 */
export type Reason =
  | "state-secret"
  | "prohibited-by-law"
  | "three-securities-one-stability"
  | "third-party-rights"
  | "internal-affairs"
  | "process-information"
  | "enforcement-file"
  | "administrative-query"
  | "not-held"
  | "needs-creation"
  | "unclear-after-correction"
  | "petition-complaint"
  | "duplicate"
  | "publication"
  | "excessive"
  | "confirmation"
  | "no-correction"
  | "fee-unpaid"
  | "other";

/**
 * One office's operations for one year: the approval office (集中审批) and the disclosure office (政务公开/政府信息公开). Records (cases, applications) are the source of every derived figure; totals are accepted where an office has no records and must agree with records where both are given.
 */
export interface Dataset {
  /**
   * URL or path of this schema, for editor completion.
   */
  $schema?: string;
  /**
   * The year the data covers (本年度).
   */
  year: number;
  /**
   * The data year's regulation, for the year's own documents (the annual report's outline, the summary). When absent it is that of the year's last day. It never re-dates a request: each application is judged by the regulation in force on its receipt date (before 2019-05-15: ogi-2008).
   */
  regime?: Regime;
  interpretations?: Interpretations;
  documents?: DocumentInfo;
  agency: Agency;
  approval?: Approval;
  disclosure: Disclosure;
  narrative?: Narrative;
}
/**
 * The office's reading of what the regulations leave open (法律适用口径). One place for every document: the facts read it, so the letters, the audit, the annual report and the workbench judge by the same periods. Every key is optional; the default is the tool's reading of the statute, and each output's manifest records the values used.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "interpretations".
 */
export interface Interpretations {
  /**
   * Working days a consulted party has to answer, counted from the day the consultation letter was sent; a consultation without a recorded answer pauses the deadline until then, and the consultation letter states the period. Default 15: ogi-2019 Art. 32 (third party) and Art. 34 (other agencies) give 15 working days from receipt of the letter; Art. 33 ¶3 (ogi-2008 Art. 24 ¶3) does not count the time in the reply deadline.
   */
  consultationAnswerDays?: number;
  /**
   * Working days to pay a fee, from the day after the fee notice: the fee notice states it, and an unpaid fee pauses the deadline until its end. Default 20: 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）.
   */
  feePaymentDays?: number;
  /**
   * The time from the fee notice to payment (or to the end of the payment period when unpaid) is not counted in the reply deadline, under either regime. Default true: 国办函〔2020〕109号 does not count it; for requests under ogi-2008 (cost fees, Art. 27) the regulations say nothing, and the default applies the same reading — set false to count that time.
   */
  feePeriodPaused?: boolean;
  /**
   * An extension approved or notified after the original deadline still moves the deadline the reply is judged against. Default false: ogi-2019 Art. 33 ¶2 (ogi-2008 Art. 24 ¶2) allows an extension of a deadline still running, with the office head's consent and notice to the applicant; one granted after the deadline cannot make a late reply timely.
   */
  lateExtensionCounts?: boolean;
}
/**
 * Dates and titles of the documents produced from this dataset.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "documents".
 */
export interface DocumentInfo {
  summary?: SummaryInfo;
  annualReport?: AnnualReportInfo;
  selfAudit?: SelfAuditInfo;
}
export interface SummaryInfo {
  date: DateString;
  title?: Text;
  /**
   * Name of the assessment scheme the summary answers, e.g. 《2014年集中审批服务和政府信息公开工作年度考核方案》.
   */
  assessmentScheme?: Text;
}
export interface AnnualReportInfo {
  date: DateString;
}
export interface SelfAuditInfo {
  date: DateString;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "agency".
 */
export interface Agency {
  /**
   * Full name, e.g. 呼和浩特市商务局.
   */
  name: Text;
  /**
   * Short name used in document numbers (发文机关代字), e.g. 呼商务.
   */
  shortName: Text;
  /**
   * The government at the same level (本级人民政府).
   */
  parentGovernment: Text;
  reconsiderationBody: ReconsiderationBody;
  court: NamedBody;
  address: Text;
  postcode?: string;
  phone?: Text;
  email?: Text;
  website?: Text;
  disclosureOffice: DisclosureOffice;
  feePayment?: FeePayment;
  /**
   * Vertically managed agency (customs, tax, …): reconsideration goes to the next-higher department.
   */
  verticallyManaged?: boolean;
}
export interface ReconsiderationBody {
  /**
   * Body that hears reconsideration (行政复议机关).
   */
  name: Text;
  /**
   * Next-higher department an applicant could also choose before 2024-01-01.
   */
  higherDepartment?: Text;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "namedBody".
 */
export interface NamedBody {
  name: Text;
  address?: Text;
  /**
   * Phone number or other contact.
   */
  contact?: Text;
}
export interface DisclosureOffice {
  name: Text;
  /**
   * Name or title of the head, who approves extensions.
   */
  head: Text;
  phone?: Text;
  address?: Text;
  /**
   * Contact person (联系人) printed in every letter's note, e.g. 王晓. Agency staff, kept by --redact.
   */
  contact?: Text;
}
/**
 * How and where a fee is paid, printed in the fee notice; without it the notice prints the letters configuration's feePayment sentence.
 */
export interface FeePayment {
  /**
   * How to pay (缴费方式), e.g. 通过政府非税收入缴款码缴纳.
   */
  method?: Text;
  /**
   * Account to pay into (收款账户): payee, bank and number.
   */
  account?: Text;
  /**
   * Where to pay in person (缴费地点).
   */
  place?: Text;
}
/**
 * The approval office (行政审批办公室) and its year.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "approval".
 */
export interface Approval {
  /**
   * The government service centre hosting the approval platform, e.g. 市政务服务中心.
   */
  serviceCentre?: Text;
  office: ApprovalOffice;
  items: ApprovalItem[];
  /**
   * The office's claim that no promised limit exceeds this (所有审批事项办结时限不超过7天).
   */
  maxPromisedLimit?: TimeLimit;
  cases?: ApprovalCase[];
  records?: ApprovalRecords;
  seal?: Seal;
  complaints?: Complaint[];
  criticismNotices?: CriticismNotice[];
  absenceIncidents?: AbsenceIncident[];
  awards?: Award[];
  reforms?: Reform[];
  /**
   * Other case-like counts, e.g. 外商投资企业年度运营情况联合申报 110项.
   */
  otherCounts?: NamedCount[];
  ratings?: Rating[];
  totals?: ApprovalTotals;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "approvalOffice".
 */
export interface ApprovalOffice {
  /**
   * e.g. 行政审批办公室.
   */
  name?: Text;
  /**
   * Who heads it, e.g. 局主要领导.
   */
  head: Text;
  deputies: Deputy[];
  /**
   * Working staff besides head and deputies (工作人员).
   */
  staff: number;
  partyMembershipTransferred: boolean;
  /**
   * e.g. 政务服务中心机关党委.
   */
  partyMembershipTransferredTo?: Text;
  threeConcentrations?: ThreeConcentrations;
}
export interface Deputy {
  count: number;
  /**
   * e.g. 正科级.
   */
  rank?: Text;
  name?: Text;
}
/**
 * 审批职能集中、审批场所集中、审批人员集中.
 */
export interface ThreeConcentrations {
  functions: boolean;
  site: boolean;
  staff: boolean;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "approvalItem".
 */
export interface ApprovalItem {
  id: RecordId;
  name: Text;
  /**
   * The group it is counted under in the summary, e.g. 新设外商投资企业.
   */
  category: Text;
  statutoryLimit: TimeLimit;
  promisedLimit: TimeLimit;
  previousPromisedLimit?: TimeLimit;
  /**
   * Handled in the service centre's approval platform.
   */
  inPlatform: boolean;
  /**
   * Conditions, documents, procedure and time limit published.
   */
  guidePublished: boolean;
  removedSteps?: Text[];
}
/**
 * A time limit in working days (工作日) or calendar days (自然日).
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "limit".
 */
export interface TimeLimit {
  days: number;
  unit: DayUnit;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "approvalCase".
 */
export interface ApprovalCase {
  id: RecordId;
  /**
   * id of the approval item.
   */
  item: RecordId;
  received: DateString;
  accepted: DateString;
  /**
   * Absent while the case is open.
   */
  completed?: DateString;
  /**
   * The dedicated approval seal (审批专用章) was used.
   */
  sealUsed: boolean;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "seal".
 */
export interface Seal {
  /**
   * Kept by a named person (专人管理).
   */
  dedicatedKeeper: boolean;
  keeper?: Text;
  /**
   * Used for anything else (挪作他用).
   */
  misused: boolean;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "complaint".
 */
export interface Complaint {
  id: RecordId;
  received: DateString;
  /**
   * id of the approval case it concerns.
   */
  case?: RecordId;
  summary: Text;
  /**
   * Found substantiated (有效投诉). With an outcome it must agree: true for upheld and partly-upheld, false for rejected and withdrawn.
   */
  valid?: boolean;
  /**
   * Day the office first dealt with it (处理日期: contacted the complainant, forwarded it); not before received.
   */
  handled?: DateString;
  outcome?: ComplaintOutcome;
  /**
   * Day the complaint was concluded (办结日期, the complainant told the outcome); not before received, and required with an outcome. Absent, or after 31 December: still open at the end of the year.
   */
  concluded?: DateString;
  exposedByMedia?: boolean;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "criticismNotice".
 */
export interface CriticismNotice {
  id: RecordId;
  date: DateString;
  issuer: Text;
  summary: Text;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "absenceIncident".
 */
export interface AbsenceIncident {
  id: RecordId;
  date: DateString;
  kind: AbsenceKind;
  note?: Text;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "award".
 */
export interface Award {
  /**
   * e.g. 季度服务标兵.
   */
  name: Text;
  issuer?: Text;
  count: Count;
  /**
   * e.g. 人次.
   */
  unit?: Text;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "reform".
 */
export interface Reform {
  /**
   * A short name of the reform, e.g. 外商投资企业联合年检变更为联合年报; the summary states it when there is no subject.
   */
  title: Text;
  /**
   * Whose procedure changed, e.g. 外商投资企业: with it the summary states the change itself (外商投资企业联合年检变更为“联合年报”) instead of the title.
   */
  subject?: Text;
  /**
   * The procedure before, e.g. 联合年检.
   */
  from: Text;
  /**
   * The procedure after, e.g. 联合年报 (the summary quotes the new name).
   */
  to: Text;
  /**
   * The change took effect during the dataset's year (今年).
   */
  inYear?: boolean;
  /**
   * What the change means, without final punctuation: 将年度检查制变更为年度报告制 (stated as 即…).
   */
  explanation?: Text;
  /**
   * Steps removed with it, e.g. 纸质资料报送, 盖章确认 (并相应取消了…等环节).
   */
  removedSteps?: Text[];
  /**
   * What it achieved, in the office's words, with its final punctuation: 简化了年审程序、缩短了审核时限，避免了企业年审人员往返“跑路”的过程。
   */
  description?: Text;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "namedCount".
 */
export interface NamedCount {
  name: Text;
  count: Count;
  /**
   * Unit word as written, e.g. 项, 条, 人次.
   */
  unit?: Text;
}
/**
 * A 好差评 rating. The last two levels are bad ratings (差评) to be rectified.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "rating".
 */
export interface Rating {
  id: RecordId;
  level: RatingLevel;
  date: DateString;
  /**
   * id of the case or application rated.
   */
  case?: RecordId;
  rectified?: DateString;
}
/**
 * Given totals, for an office without case records. When cases are given too, they must agree.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "approvalTotals".
 */
export interface ApprovalTotals {
  completed?: Count;
  completedByCategory?: CategoryCount[];
  overdue?: Count;
  complaints?: Count;
  criticismNotices?: Count;
}
export interface CategoryCount {
  category: Text;
  count: Count;
}
/**
 * Government information disclosure (政务公开 / 政府信息公开).
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "disclosure".
 */
export interface Disclosure {
  leadingGroup?: LeadingGroup;
  rules?: Rule[];
  onRequestSetup?: OnRequestSetup;
  proactive?: Proactive;
  newMedia?: NewMediaAccount[];
  interviews?: Interviews;
  pressConferences?: Count;
  validDocumentFilings?: ValidDocumentFilings;
  /**
   * Documents issued in the year (发文).
   */
  documentsIssued?: Count;
  /**
   * Current valid documents reported (报送现行有效文件).
   */
  validDocumentsReported?: Count;
  applications?: Application[];
  fees?: FeeTotals;
  ratings?: Rating[];
  /**
   * New ways of working in the year: a clause in the office's words (门户网站开设“食品安全抽检”专栏), or features added to one platform (an object).
   */
  innovations?: Innovation[];
  previousAnnualReport?: PreviousAnnualReport;
  annualReportTable?: AnnualReportTable;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "leadingGroup".
 */
export interface LeadingGroup {
  /**
   * Full name, e.g. 政府信息公开（政务公开）工作领导小组.
   */
  name?: Text;
  /**
   * Name used after the first mention, e.g. 政府信息公开工作领导小组 (default: the full name).
   */
  shortName?: Text;
  /**
   * e.g. 局长.
   */
  leader: Text;
  /**
   * e.g. 分管领导.
   */
  deputy: Text;
  /**
   * e.g. 相关部门负责人.
   */
  members: Text;
  /**
   * Unit doing the daily work, e.g. 局商务信息中心.
   */
  office: Text;
  /**
   * Formed or adjusted during the year.
   */
  adjustedInYear?: boolean;
  /**
   * First person responsible for secrecy review (保密审查第一责任人).
   */
  secrecyReviewLead?: Text;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "rule".
 */
export interface Rule {
  /**
   * Title with book-title marks, e.g. 《市商务局政务信息公开工作制度》.
   */
  name: Text;
  /**
   * Published on the internet.
   */
  published: boolean;
  /**
   * A procedure for on-request disclosure.
   */
  onRequest?: boolean;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "onRequestSetup".
 */
export interface OnRequestSetup {
  /**
   * A named person is responsible (指定专人).
   */
  designatedStaff: boolean;
  /**
   * A reading room for on-request disclosure (依申请公开查询室).
   */
  readingRoom?: boolean;
  /**
   * The unified reply texts are used (统一的答复文本).
   */
  unifiedReplyTexts: boolean;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "proactive".
 */
export interface Proactive {
  submissions?: Submissions;
  outlets?: Outlet[];
  /**
   * Kinds of information published.
   */
  categories?: Text[];
  /**
   * Areas given more attention.
   */
  focusAreas?: Text[];
  items?: ProactiveItem[];
}
/**
 * Information submitted to outlets in total (共报送).
 */
export interface Submissions {
  /**
   * Number of receiving bodies (部门).
   */
  recipients?: Count;
  recipientsDescription?: Text;
  count: Count;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "outlet".
 */
export interface Outlet {
  name: Text;
  submitted?: Count;
  /**
   * Items adopted (采用) or printed (刊发).
   */
  adopted?: Count;
  /**
   * Items published or updated by the office itself on this outlet.
   */
  published?: Count;
  /**
   * The outlet adopted items from the office's submissions (proactive.submissions): the summary states it as a part of them (其中，A…；B…。). Default false: a sentence of its own.
   */
  fromSubmissions?: boolean;
  /**
   * Verb of the outlet's count (adopted, or published when there is no adopted): 采用 (default for adopted), 发布 (default for published), 刊发, 转载、原创发布, 更新.
   */
  verb?: Text;
  /**
   * What was adopted or published: 信息 (default for adopted), 各类信息 (default for published), 各类商务新闻, 各类业务信息.
   */
  itemKind?: Text;
  construction?: OutletConstruction;
  /**
   * Parts of adopted (其中…).
   */
  subCounts?: OutletPart[];
  subCountsBy?: SubCountsBy;
  /**
   * Taken up further by a higher outlet, e.g. 自治区网站采用 (verb default 采用).
   */
  relayed?: OutletPart[];
  ranking?: Ranking;
}
/**
 * A part of an outlet's count (其中…) or a further uptake by a higher outlet, with the words the office uses for it: 《每日报》采用信息46条 = name 《每日报》, verb 采用, itemKind 信息, count 46; 自治区网站采用报送信息26条 = name 自治区网站, verb 采用, itemKind 报送信息.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "outletPart".
 */
export interface OutletPart {
  name: Text;
  count: Count;
  /**
   * Unit word as written; default 条.
   */
  unit?: Text;
  /**
   * What the named body did, e.g. 采用 (the default for relays and for parts by outlet; none for parts by kind).
   */
  verb?: Text;
  /**
   * What it took up, e.g. 信息 (the default for parts by outlet), 报送信息.
   */
  itemKind?: Text;
}
export interface Ranking {
  /**
   * The notice (通报) stating the ranking: a document's title in book-title marks (《市委办公厅（信息处）第四季度信息通报》), or the name of a ranking list (市人民政府办公厅门户网站第四季度全市各委办局信息通报).
   */
  notice: Text;
  rank: number;
  /**
   * The group ranked, e.g. 全市各委办局 (leave it out when the notice's name says it).
   */
  among?: Text;
  wording?: RankingWording;
}
/**
 * A piece of information published proactively; due within 20 working days of creation or change.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "proactiveItem".
 */
export interface ProactiveItem {
  id: RecordId;
  title: Text;
  category?: Text;
  created: DateString;
  published: DateString;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "newMediaAccount".
 */
export interface NewMediaAccount {
  kind: NewMediaKind;
  name?: Text;
  opened: MonthString;
  /**
   * Items of government information published in the year.
   */
  published: Count;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "interviews".
 */
export interface Interviews {
  count: Count;
  /**
   * e.g. the 在线访谈 of the city portal and radio.
   */
  programme?: Text;
  speaker?: Text;
  titles?: Text[];
}
/**
 * Monthly filing of current valid documents (报送现行有效文件).
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "validDocumentFilings".
 */
export interface ValidDocumentFilings {
  /**
   * Day of the month the filing is due, e.g. 25.
   */
  dueDay?: number;
  recipients?: Text[];
  paper?: boolean;
  electronic?: boolean;
  dates: DateString[];
}
/**
 * An on-request disclosure application (政府信息公开申请). One without a reply at year end is carried to the next year.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "application".
 */
export interface Application {
  id: RecordId;
  /**
   * Received in the previous year and still open at its end (上年结转).
   */
  carriedOver?: boolean;
  applicant: Applicant;
  channel: Channel;
  /**
   * Day the applicant submitted or posted it.
   */
  submitted: DateString;
  /**
   * Receipt date, when stated. Otherwise derived (ogi-2019 Art. 31): in person = submitted; registered post = signedFor; ordinary post, online, fax, e-mail = confirmed.
   */
  received?: DateString;
  /**
   * Day the agency signed for a registered letter.
   */
  signedFor?: DateString;
  /**
   * Day the agency confirmed receipt with the applicant.
   */
  confirmed?: DateString;
  /**
   * The information requested, in the applicant's words.
   */
  content: Text;
  requestedDelivery?: RequestedDelivery;
  handler?: Handler;
  correction?: Correction;
  consultations?: Consultation[];
  extension?: Extension;
  reply?: Reply;
  fee?: Fee;
  reconsideration?: Reconsideration;
  litigation?: Litigation;
  issued?: IssuedLetters;
}
/**
 * Personal data: never written to logs or error messages.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "applicant".
 */
export interface Applicant {
  type: ApplicantType;
  name: Text;
  address?: Text;
  postcode?: string;
  phone?: Text;
  email?: Text;
  idNumber?: Text;
}
/**
 * The form of the information the application asks for (申请公开的政府信息的形式要求，包括获取信息的方式、途径: ogi-2019 Art. 29 ¶2 item (3); ogi-2008 Art. 20 ¶1 item (3)).
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "requestedDelivery".
 */
export interface RequestedDelivery {
  form?: DeliveryForm;
  method?: DeliveryMethod;
}
/**
 * The staff member handling this application (承办人), named as the contact in its letters instead of the office's contact. Agency staff, kept by --redact.
 */
export interface Handler {
  name?: Text;
  phone?: Text;
}
/**
 * Notice to correct an unclear request (补正告知, ogi-2019 Art. 30).
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "correction".
 */
export interface Correction {
  notified: DateString;
  /**
   * What is to be corrected.
   */
  items?: Text[];
  /**
   * Working days given to correct.
   */
  periodDays?: number;
  /**
   * Receipt of the corrected request; absent if never corrected.
   */
  correctedReceived?: DateString;
}
/**
 * Consultation of a third party (Art. 32) or another agency (Art. 34); the time from sent to answered is not counted.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "consultation".
 */
export interface Consultation {
  party: ConsultationParty;
  name: Text;
  sent: DateString;
  answered?: DateString;
  /**
   * The party agreed to disclosure.
   */
  consent?: boolean;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "extension".
 */
export interface Extension {
  /**
   * Approved by the disclosure office head.
   */
  approved: DateString;
  notified: DateString;
  /**
   * Working days (≤ 15 under ogi-2008, ≤ 20 under ogi-2019).
   */
  days: number;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "reply".
 */
export interface Reply {
  date: DateString;
  type: ReplyType;
  /**
   * Required for refused, unavailable, not-processed and other; optional for partial (reason for the withheld part).
   */
  reason?: Reason;
  /**
   * For refused and partial: the specific ground within reply.reason, which the letter states (说明理由). Required for three-securities-one-stability, third-party-rights, internal-affairs and process-information (a Ground code or its label); for prohibited-by-law, the law or administrative regulation and its article that prohibit disclosure (《中华人民共和国保守国家秘密法》第…条). The other reasons have a single ground and take none.
   */
  ground?: Ground | Text;
  /**
   * For not-this-agency: the agency responsible, where it can be determined.
   */
  responsibleAgency?: NamedBody;
  /**
   * For not-processed / duplicate (ogi-2019 Art. 36(6)): the id of the same applicant's earlier request for the same information that was already answered. Required; when that request is in this dataset it must be the same applicant's and answered before this one was received. The letters never print it.
   */
  duplicateOf?: Text;
  /**
   * For other / other: the day the applicant's written withdrawal of the request (撤回申请) was received. The reply is then the decision to end the handling (终止办理), written as such; it needs no note.
   */
  withdrawn?: DateString;
  delivery?: Delivery;
  /**
   * Day the reply (with any information provided) was served on the applicant (送达日期): not before the reply date. The remedy periods run from the applicant's receipt of the reply.
   */
  delivered?: DateString;
  note?: Text;
}
/**
 * For disclosed and partial replies: how the information is provided (ogi-2019 Art. 40; ogi-2008 Art. 26). Where form or method differs from the application's requestedDelivery, deviation says why (可能危及政府信息载体安全或者公开成本过高 …); the letter states it.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "delivery".
 */
export interface Delivery {
  form?: DeliveryForm;
  method?: DeliveryMethod;
  /**
   * Why the information is not provided in the form or by the method the application asked for.
   */
  deviation?: Text;
  /**
   * Titles of the documents enclosed with the reply (附件), printed as the letter's 附件 note.
   *
   * @minItems 1
   */
  enclosures?: [Text, ...Text[]];
}
/**
 * On-request fee: under ogi-2019 the information processing fee (信息处理费, 国办函〔2020〕109号), one method per request; under ogi-2008 (requests received before 2019-05-15) the cost fee (检索、复制、邮寄等成本费用, 2008 Art. 27), whose unit costs are given in costs.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "fee".
 */
export interface Fee {
  method: FeeMethod;
  /**
   * Pages (per-page), or the request's rank among the applicant's requests that calendar month (per-request).
   */
  quantity: number;
  /**
   * Yuan (元).
   */
  amount: number;
  noticeDate: DateString;
  paid?: boolean;
  paidDate?: DateString;
  /**
   * For an ogi-2008 cost fee: each cost the notice states (检索费, 复印费, 邮寄费 …) with its unit price and quantity; amount is their sum. Not for ogi-2019 processing fees, whose amount follows the national schedule.
   *
   * @minItems 1
   */
  costs?: [CostItem, ...CostItem[]];
}
export interface CostItem {
  /**
   * What is charged for: 复印费, 检索费, 邮寄费 …
   */
  item: Text;
  /**
   * Yuan (元) per unit.
   */
  unitPrice: number;
  quantity: number;
  /**
   * The unit: 页, 件, 次 …
   */
  unit: Text;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "reconsideration".
 */
export interface Reconsideration {
  filed: DateString;
  body?: Text;
  outcome: ReviewOutcome;
  decided?: DateString;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "litigation".
 */
export interface Litigation {
  filed: DateString;
  court?: Text;
  afterReconsideration: boolean;
  outcome: ReviewOutcome;
  decided?: DateString;
}
/**
 * Letters already issued (已签发), by the letter's file-name suffix (reply, receipt, correction, extension, fee, consultation, consultation-notice, consultation-2 …): their document number and date are data and never change; letters not listed take the next number after the highest issued of their pattern and year.
 */
export interface IssuedLetters {
  [k: string]: IssuedLetter | undefined;
}
/**
 * A letter as issued: its document number (文号) and date.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "issuedLetter".
 */
export interface IssuedLetter {
  /**
   * The number as issued, e.g. 示例公开复〔2025〕4号.
   */
  docNumber: Text;
  /**
   * The date the letter was issued with.
   */
  date: DateString;
}
/**
 * Fees charged in the year. Where applications carry fee records, these must agree with the fees paid.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "feeTotals".
 */
export interface FeeTotals {
  /**
   * Requests for which a fee was paid.
   */
  count: number;
  /**
   * Total paid, in yuan (元).
   */
  amount: number;
  /**
   * Fees waived (ogi-2008 Art. 28).
   */
  waived?: number;
}
export interface PreviousAnnualReport {
  published: DateString;
}
/**
 * Given figures of the statutory annual report, for what records do not cover: section 二 (2021 format), and for an office without application records the tables 三 (requests) and 四 (reviews). Blank cells are left out (a blank is not a zero); where records exist every given cell must agree with them.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "annualReportTable".
 */
export interface AnnualReportTable {
  proactive?: AnnualReportProactive;
  proactive2019?: AnnualReportProactive2019;
  requests?: RequestTable;
  reviews?: ReviewTable;
  /**
   * How a cell without a figure is printed in tables 二–四: 0 (zero, the default) or left empty. The consistency checks read the tables as printed.
   */
  blankCells?: "zero" | "empty";
}
export interface AnnualReportProactive {
  regulations?: DocumentCounts;
  normativeDocuments?: DocumentCounts;
  licensingDecisions?: number;
  penaltyDecisions?: number;
  enforcementDecisions?: number;
  feesTenThousandYuan?: number;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "documentCounts".
 */
export interface DocumentCounts {
  issued: number;
  repealed: number;
  valid: number;
}
/**
 * Table 二 of the 2019 trial format (第二十条第（一）（五）（六）（八）（九）项).
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "annualReportProactive2019".
 */
export interface AnnualReportProactive2019 {
  /**
   * 规章
   */
  regulations?: DocumentCounts2019;
  /**
   * 规范性文件
   */
  normativeDocuments?: DocumentCounts2019;
  /**
   * 行政许可
   */
  licensing?: ProjectCounts2019;
  /**
   * 其他对外管理服务事项
   */
  otherServices?: ProjectCounts2019;
  /**
   * 行政处罚
   */
  penalties?: ProjectCounts2019;
  /**
   * 行政强制
   */
  enforcement?: ProjectCounts2019;
  fees?: FeeProjectCounts2019;
  procurement?: Procurement2019;
}
/**
 * 行政事业性收费
 */
export interface FeeProjectCounts2019 {
  /**
   * 上一年项目数量
   */
  previous?: number;
  /**
   * 本年增/减
   */
  change?: number;
}
/**
 * 政府集中采购
 */
export interface Procurement2019 {
  /**
   * 采购项目数量
   */
  projects?: number;
  /**
   * 采购总金额, as published (usually 万元)
   */
  amount?: number;
}
/**
 * Annual-report table 三 (收到和处理政府信息公开申请情况), rows keyed by reply type and reason code.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "requestTable".
 */
export interface RequestTable {
  /**
   * 一、本年新收政府信息公开申请数量
   */
  newReceived?: ColumnCounts;
  /**
   * 二、上年结转政府信息公开申请数量
   */
  carriedOver?: ColumnCounts;
  /**
   * （一）予以公开
   */
  disclosed?: ColumnCounts;
  /**
   * （二）部分公开
   */
  partial?: ColumnCounts;
  refused?: RefusedRows;
  unavailable?: UnavailableRows;
  "not-processed"?: NotProcessedRows;
  other?: OtherRows;
  /**
   * （七）总计
   */
  total?: ColumnCounts;
  /**
   * 四、结转下年度继续办理
   */
  carriedForward?: ColumnCounts;
}
/**
 * （三）不予公开
 */
export interface RefusedRows {
  "state-secret"?: ColumnCounts;
  "prohibited-by-law"?: ColumnCounts;
  "three-securities-one-stability"?: ColumnCounts;
  "third-party-rights"?: ColumnCounts;
  "internal-affairs"?: ColumnCounts;
  "process-information"?: ColumnCounts;
  "enforcement-file"?: ColumnCounts;
  "administrative-query"?: ColumnCounts;
}
/**
 * One row of table 三: a count per applicant column, and the 总计 column.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "columnCounts".
 */
export interface ColumnCounts {
  "natural-person"?: number;
  "commercial-enterprise"?: number;
  "research-institution"?: number;
  "public-interest-organisation"?: number;
  "legal-services-organisation"?: number;
  other?: number;
  total?: number;
}
/**
 * （四）无法提供
 */
export interface UnavailableRows {
  "not-held"?: ColumnCounts;
  "needs-creation"?: ColumnCounts;
  "unclear-after-correction"?: ColumnCounts;
}
/**
 * （五）不予处理
 */
export interface NotProcessedRows {
  "petition-complaint"?: ColumnCounts;
  duplicate?: ColumnCounts;
  publication?: ColumnCounts;
  excessive?: ColumnCounts;
  confirmation?: ColumnCounts;
}
/**
 * （六）其他处理
 */
export interface OtherRows {
  "no-correction"?: ColumnCounts;
  "fee-unpaid"?: ColumnCounts;
  other?: ColumnCounts;
}
/**
 * Annual-report table 四 (行政复议、行政诉讼情况).
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "reviewTable".
 */
export interface ReviewTable {
  /**
   * 行政复议
   */
  reconsideration?: OutcomeCounts;
  /**
   * 行政诉讼：未经复议直接起诉
   */
  litigationDirect?: OutcomeCounts;
  /**
   * 行政诉讼：复议后起诉
   */
  litigationAfterReconsideration?: OutcomeCounts;
}
/**
 * Named passages in the office's own words (Markdown), for what data cannot say; templates place them by key.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "narrative".
 */
export interface Narrative {
  [k: string]: string | undefined;
}
/**
 * An approximate figure: 260余 = {"value": 260, "qualifier": "余"}; 约 = about; 多 = more than.
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "approximateCount".
 */
export interface ApproximateCount {
  value: number;
  qualifier: Qualifier;
}
/**
 * Features added to one platform in the year: 我局新版门户网站正式上线以来，政府信息公开内容上新增加了“依申请专栏”、“旗县区商务动态”、“意见建议箱”等，便于….
 *
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "platformFeatures".
 */
export interface PlatformFeatures {
  /**
   * Where: 新版门户网站, 政务服务大厅, 政务客户端.
   */
  platform: Text;
  /**
   * The platform itself went live during the year (正式上线以来).
   */
  launchedInYear?: boolean;
  /**
   * Which part of it, e.g. 政府信息公开内容 (…上).
   */
  area?: Text;
  /**
   * Names of the sections or functions added, without quotation marks: 依申请专栏, 旗县区商务动态, 意见建议箱.
   *
   * @minItems 1
   */
  names: [Text, ...Text[]];
  /**
   * What they are for, in the office's words, without final punctuation: 便于社会公众及时查阅信息….
   */
  purpose?: Text;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "documentCounts2019".
 */
export interface DocumentCounts2019 {
  /**
   * 本年新制作数量
   */
  made?: number;
  /**
   * 本年新公开数量
   */
  published?: number;
  /**
   * 对外公开总数量
   */
  total?: number;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "projectCounts2019".
 */
export interface ProjectCounts2019 {
  /**
   * 上一年项目数量
   */
  previous?: number;
  /**
   * 本年增/减
   */
  change?: number;
  /**
   * 处理决定数量
   */
  decisions?: number;
}
/**
 * This interface was referenced by `Dataset`'s JSON-Schema
 * via the `definition` "outcomeCounts".
 */
export interface OutcomeCounts {
  upheld?: number;
  corrected?: number;
  other?: number;
  pending?: number;
  total?: number;
}
