/**
 * The national format of the annual report on government information disclosure
 * (《中华人民共和国政府信息公开工作年度报告格式》), as data: versions, the row and column sets of
 * tables 二, 三 and 四, and their verbatim texts (annual-report-format.md). The tables' printed
 * layout, the consistency rules and the spreadsheet are all built from these definitions.
 */
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  REASON_LABELS,
  REASONS,
  REVIEW_OUTCOME_LABELS,
  REVIEW_OUTCOMES,
  type ApplicantType,
  type Reason,
  type ReasonType,
  type ReviewOutcome,
} from "../data/codes.js";

/**
 * Format versions: `2021` (国办公开办函〔2021〕30号, reports for 2021 on), `2019` (trial format,
 * 国办公开办函〔2019〕60号, reports for 2019 and 2020), `2008` (no national table: the six items of
 * ogi-2008 Art. 32, reports before 2019).
 */
export const FORMAT_VERSIONS = ["2021", "2019", "2008"] as const;
export type FormatVersion = (typeof FORMAT_VERSIONS)[number];
/** The versions with the national tables. */
export type TableFormatVersion = Exclude<FormatVersion, "2008">;

/** The version that applies to a report year: 2021 from 2021, 2019 for 2019–2020, else 2008. */
export function formatVersionForYear(year: number): FormatVersion {
  if (year >= 2021) return "2021";
  if (year >= 2019) return "2019";
  return "2008";
}

export function isFormatVersion(v: unknown): v is FormatVersion {
  return typeof v === "string" && (FORMAT_VERSIONS as readonly string[]).includes(v);
}

/** Section headings, verbatim (the same in both table versions). */
export const SECTION_TITLES = [
  "总体情况",
  "主动公开政府信息情况",
  "收到和处理政府信息公开申请情况",
  "政府信息公开行政复议、行政诉讼情况",
  "存在的主要问题及改进情况",
  "其他需要报告的事项",
] as const;

// ---------------------------------------------------------------------------------------------
// Table 三: applications received and handled.

/** Data columns of table 三: the six applicant types, then 总计. */
export const REQUEST_COLUMNS = [...APPLICANT_TYPES, "total"] as const;
export type RequestColumn = ApplicantType | "total";

export const REQUEST_COLUMN_LABELS: Record<RequestColumn, string> = {
  ...APPLICANT_TYPE_LABELS,
  total: "总计",
};

/** Verbatim texts of table 三's header. */
export const REQUEST_HEADER = {
  note: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
  applicants: "申请人情况",
  organisations: "法人或其他组织",
  outcomes: "三、本年度办理结果",
} as const;

/**
 * Row keys of table 三 at the finest resolution (the 2021 format): `received` 一, `carriedOver` 二,
 * the outcome rows (`disclosed`, `partial`, `<type>.<reason>` for the sub-rows of （三）–（六）),
 * `outcomeTotal` （七）, `carriedForward` 四. The 2019 format has `other` for （六） without sub-rows.
 */
export type OutcomeRowKey =
  | "disclosed"
  | "partial"
  | `refused.${(typeof REASONS.refused)[number]}`
  | `unavailable.${(typeof REASONS.unavailable)[number]}`
  | `not-processed.${(typeof REASONS)["not-processed"][number]}`
  | `other.${(typeof REASONS.other)[number]}`
  | "other";
export type RequestRowKey = "received" | "carriedOver" | OutcomeRowKey | "outcomeTotal" | "carriedForward";

/** A group of outcome rows (（三）–（六）): a label cell spanning its sub-rows, no data row of its own. */
export interface OutcomeGroup {
  type: ReasonType;
  /** "（三）不予公开" */
  label: string;
  /** "（三）" */
  number: string;
}

export interface RequestRowDef {
  key: RequestRowKey;
  /** The row's verbatim text, e.g. "一、本年新收政府信息公开申请数量" or "1.属于国家秘密". */
  label: string;
  /** Short name used in messages: "一", "（一）", "（三）1", "（七）", "四". */
  short: string;
  /** For sub-rows of （三）–（六）: the group. */
  group?: OutcomeGroup;
  /** An outcome row summed into （七）总计. */
  outcome: boolean;
}

const GROUPS: Record<ReasonType, OutcomeGroup> = {
  refused: { type: "refused", label: "（三）不予公开", number: "（三）" },
  unavailable: { type: "unavailable", label: "（四）无法提供", number: "（四）" },
  "not-processed": { type: "not-processed", label: "（五）不予处理", number: "（五）" },
  other: { type: "other", label: "（六）其他处理", number: "（六）" },
};

/**
 * The label the annual report uses for a reason (REASON_LABELS). The format's text as commonly
 * copied has straight quotes (危及"三安全一稳定"); a Chinese document sets “”.
 */
export function reasonRowLabel(reason: Reason): string {
  return REASON_LABELS[reason];
}

function groupRows(type: ReasonType): RequestRowDef[] {
  const group = GROUPS[type];
  return REASONS[type].map((reason, i) => ({
    key: `${type}.${reason}` as OutcomeRowKey,
    label: `${i + 1}.${reasonRowLabel(reason)}`,
    short: `${group.number}${i + 1}`,
    group,
    outcome: true,
  }));
}

function requestRows(version: TableFormatVersion): RequestRowDef[] {
  const rows: RequestRowDef[] = [
    { key: "received", label: "一、本年新收政府信息公开申请数量", short: "一", outcome: false },
    { key: "carriedOver", label: "二、上年结转政府信息公开申请数量", short: "二", outcome: false },
    { key: "disclosed", label: "（一）予以公开", short: "（一）", outcome: true },
    {
      key: "partial",
      label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
      short: "（二）",
      outcome: true,
    },
    ...groupRows("refused"),
    ...groupRows("unavailable"),
    ...groupRows("not-processed"),
  ];
  if (version === "2021") rows.push(...groupRows("other"));
  else rows.push({ key: "other", label: "（六）其他处理", short: "（六）", outcome: true });
  rows.push(
    { key: "outcomeTotal", label: "（七）总计", short: "（七）", outcome: false },
    { key: "carriedForward", label: "四、结转下年度继续办理", short: "四", outcome: false },
  );
  return rows;
}

/** Table 三's rows per version: 2021 has 22 rows under 三、本年度办理结果, 2019 has 20. */
export const REQUEST_ROWS: Record<TableFormatVersion, readonly RequestRowDef[]> = {
  "2021": requestRows("2021"),
  "2019": requestRows("2019"),
};

/** Every row key of the finest resolution (2021), for models that hold all of them. */
export const ALL_OUTCOME_KEYS: readonly OutcomeRowKey[] = REQUEST_ROWS["2021"]
  .filter((r) => r.outcome)
  .map((r) => r.key as OutcomeRowKey);

// ---------------------------------------------------------------------------------------------
// Table 四: administrative reconsideration and litigation.

/** The outcome columns of each group, then 总计. */
export const REVIEW_OUTCOME_COLUMNS = REVIEW_OUTCOMES;
export const REVIEW_COLUMNS = [...REVIEW_OUTCOMES, "total"] as const;
export type ReviewColumn = ReviewOutcome | "total";
export const REVIEW_COLUMN_LABELS: Record<ReviewColumn, string> = { ...REVIEW_OUTCOME_LABELS, total: "总计" };

export { REVIEW_GROUPS, type ReviewGroup } from "../data/codes.js";

/** Verbatim header texts of table 四 and the names used in messages. */
export const REVIEW_HEADER = {
  reconsideration: "行政复议",
  litigation: "行政诉讼",
  litigationDirect: "未经复议直接起诉",
  litigationAfterReconsideration: "复议后起诉",
} as const;

export { REVIEW_GROUP_NAMES } from "../data/codes.js";

// ---------------------------------------------------------------------------------------------
// Table 二: proactive disclosure. Each block is a caption row, a header row and data rows.

export interface ProactiveBlockDef {
  /** "第二十条第（一）项" */
  caption: string;
  /** Column headers, verbatim; the first is 信息内容. The last header spans what is left of the width. */
  headers: readonly string[];
  rows: readonly { key: string; label: string }[];
}

/** Table 二 is four columns wide in both versions. */
export const PROACTIVE_WIDTH = 4;

export const PROACTIVE_BLOCKS: Record<TableFormatVersion, readonly ProactiveBlockDef[]> = {
  "2021": [
    {
      caption: "第二十条第（一）项",
      headers: ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
      rows: [
        { key: "regulations", label: "规章" },
        { key: "normativeDocuments", label: "行政规范性文件" },
      ],
    },
    {
      caption: "第二十条第（五）项",
      headers: ["信息内容", "本年处理决定数量"],
      rows: [{ key: "licensing", label: "行政许可" }],
    },
    {
      caption: "第二十条第（六）项",
      headers: ["信息内容", "本年处理决定数量"],
      rows: [
        { key: "penalties", label: "行政处罚" },
        { key: "enforcement", label: "行政强制" },
      ],
    },
    {
      caption: "第二十条第（八）项",
      headers: ["信息内容", "本年收费金额（单位：万元）"],
      rows: [{ key: "fees", label: "行政事业性收费" }],
    },
  ],
  "2019": [
    {
      caption: "第二十条第（一）项",
      headers: ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
      rows: [
        { key: "regulations", label: "规章" },
        { key: "normativeDocuments", label: "规范性文件" },
      ],
    },
    {
      caption: "第二十条第（五）项",
      headers: ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
      rows: [
        { key: "licensing", label: "行政许可" },
        { key: "otherServices", label: "其他对外管理服务事项" },
      ],
    },
    {
      caption: "第二十条第（六）项",
      headers: ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
      rows: [
        { key: "penalties", label: "行政处罚" },
        { key: "enforcement", label: "行政强制" },
      ],
    },
    {
      caption: "第二十条第（八）项",
      headers: ["信息内容", "上一年项目数量", "本年增/减"],
      rows: [{ key: "fees", label: "行政事业性收费" }],
    },
    {
      caption: "第二十条第（九）项",
      headers: ["信息内容", "采购项目数量", "采购总金额"],
      rows: [{ key: "procurement", label: "政府集中采购" }],
    },
  ],
};

/** The six items of ogi-2008 Art. 32, the outline of reports before 2019. */
export const OGI2008_ITEMS = [
  "主动公开政府信息的情况",
  "依申请公开政府信息和不予公开政府信息的情况",
  "政府信息公开的收费及减免情况",
  "因政府信息公开申请行政复议、提起行政诉讼的情况",
  "政府信息公开工作存在的主要问题及改进情况",
  "其他需要报告的事项",
] as const;
