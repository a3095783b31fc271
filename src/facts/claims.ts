/**
 * Claims: sentences such as "全年未出现办件超时、被投诉、通报事件发生" are facts too. Each claim
 * says whether the data proves it (`holds`) and carries the numbers a template needs to state
 * what happened instead. A claim never holds on missing data: no records and no totals means
 * "not proven", not "zero".
 *
 * Templates choose the wording with {{#if claims.x.holds}}; the lists of events (`events`) let
 * them name only what happened ("全年办件超时2件、被投诉1次").
 */
import type { ApprovalFacts } from "./approval.js";
import type { DisclosureFacts } from "./disclosure.js";
import type { LimitFact } from "./numbers.js";

/** One kind of event that happened, with flags so a template can word each kind. */
export interface ApprovalEvent {
  kind: "overdue" | "complaint" | "criticism-notice";
  count: number;
  overdue: boolean;
  complaint: boolean;
  criticismNotice: boolean;
  /**
   * For complaints: how they ended, from their outcome and conclusion dates (only the parts
   * with a count; empty when no complaint records an outcome or is open at the year's end).
   */
  parts?: ComplaintPart[];
}

/** How the year's complaints ended (属实, 部分属实, 不属实, 撤回) or that they were open at its end. */
export interface ComplaintPart {
  kind: "upheld" | "partly-upheld" | "rejected" | "withdrawn" | "open";
  count: number;
  upheld: boolean;
  partlyUpheld: boolean;
  rejected: boolean;
  withdrawn: boolean;
  open: boolean;
}

export interface AbsenceEvent {
  kind: "unstaffed" | "off-post" | "post-hopping";
  count: number;
  /** 漏岗 */
  unstaffed: boolean;
  /** 脱岗 */
  offPost: boolean;
  /** 串岗 */
  postHopping: boolean;
}

/**
 * What proves "所有审批事项办结时限不超过7天" (approval.maxPromisedLimit):
 * - "promised" (default): every item's promised limit (承诺时限) is within the ceiling, in the
 *   same unit — the literal reading of 办结时限. The reference summary makes this claim and, in
 *   the same paragraph, gives one item a promised limit of 13 working days; under this reading
 *   the claim is unsupported and is not repeated (samples/README.md says the same).
 * - "cases": every case completed in the year took no longer than the ceiling, counted from
 *   acceptance in the ceiling's unit (the time actually taken).
 * - "both": both of the above.
 */
export type MaxLimitBasis = "cases" | "promised" | "both";

export interface ClaimOptions {
  maxLimitBasis?: MaxLimitBasis;
}

export interface Claims {
  /** 全年未出现办件超时、被投诉、通报事件发生 */
  approvalRecord: {
    holds: boolean;
    /** Overdue cases, complaints and notices are all known (records or totals). */
    known: boolean;
    overdue: number;
    complaints: number;
    criticismNotices: number;
    /** The kinds that happened (count > 0), in the order overdue, complaint, notice. */
    events: ApprovalEvent[];
    anyEvent: boolean;
  };
  /** 全年未发生漏岗、脱岗、串岗等现象 */
  noAbsence: {
    holds: boolean;
    known: boolean;
    count: number;
    events: AbsenceEvent[];
  };
  /** 所有审批事项办结时限不超过N天 */
  maxLimit: {
    holds: boolean;
    basis: MaxLimitBasis;
    limit: LimitFact | null;
    promisedWithinMax: boolean | null;
    casesWithinMax: boolean | null;
    /** Names of items whose promised limit exceeds the ceiling. */
    itemsOverMax: string[];
    /** Ids of cases that took longer than the ceiling. */
    casesOverMax: string[];
  };
  /** 已全部进入政务服务中心审批平台 */
  allInPlatform: { holds: boolean; total: number; inPlatform: number; missing: string[] };
  /** 所有审批事项的内容、要件、程序、时限等都向社会公开 */
  allGuidesPublished: { holds: boolean; missing: string[] };
  /** 所有事项办理中均使用审批专用章 */
  sealUsedInAllCases: { holds: boolean; casesWithoutSeal: string[] };
  /** 由专人管理 */
  sealDedicatedKeeper: { holds: boolean };
  /** 未出现挪作他用现象 */
  sealNotMisused: { holds: boolean };
  /** 审批职能、场所、人员“三集中” */
  threeConcentrations: { holds: boolean };
  /** 人员党团组织关系已转到… */
  partyMembershipTransferred: { holds: boolean; to: string | null };
  /** 管理制度通过互联网予以公开 */
  rulesPublished: { holds: boolean; general: boolean; onRequest: boolean; unpublished: string[] };
  /** 每月的25日按时报送现行有效文件 */
  monthlyFilings: {
    holds: boolean;
    dueDay: number | null;
    count: number;
    missingMonths: number[];
    lateMonths: number[];
  };
  /** 全年未接到依申请公开申请 */
  noApplications: { holds: boolean; known: boolean; received: number; carriedOver: number; total: number };
  /** 按照《条例》规定时限及时回复申请 (no reply late; vacuously true without applications) */
  repliesOnTime: { holds: boolean; replied: number; late: number; lateIds: string[] };
  /** 没有发生信息公开收费情况 */
  noFees: { holds: boolean; known: boolean; count: number; amount: number };
}

function hasConclusionData(ap: ApprovalFacts): boolean {
  return ap.complaints.concludedKnown;
}

export function deriveClaims(ap: ApprovalFacts, di: DisclosureFacts, options: ClaimOptions = {}): Claims {
  const basis = options.maxLimitBasis ?? "promised";

  const events: ApprovalEvent[] = [];
  const ev = (kind: ApprovalEvent["kind"], count: number) => {
    if (count > 0)
      events.push({
        kind,
        count,
        overdue: kind === "overdue",
        complaint: kind === "complaint",
        criticismNotice: kind === "criticism-notice",
      });
  };
  // (a sample's overdue cases are not the year's count: no event stated from them)
  ev("overdue", ap.overdue.known ? ap.overdue.count : 0);
  ev("complaint", ap.complaints.count);
  const complaintEvent = events.find((e) => e.complaint);
  if (complaintEvent) {
    const o = ap.complaints.outcomes;
    const parts: ComplaintPart[] = [];
    const part = (kind: ComplaintPart["kind"], count: number) => {
      if (count > 0)
        parts.push({
          kind,
          count,
          upheld: kind === "upheld",
          partlyUpheld: kind === "partly-upheld",
          rejected: kind === "rejected",
          withdrawn: kind === "withdrawn",
          open: kind === "open",
        });
    };
    part("upheld", o.upheld.length);
    part("partly-upheld", o.partlyUpheld.length);
    part("rejected", o.rejected.length);
    part("withdrawn", o.withdrawn.length);
    // An open complaint counts as such only beside records that state outcomes or dates: a
    // list of bare complaints says nothing of their conclusion in the summary.
    if (parts.length > 0 || (ap.complaints.open.length > 0 && hasConclusionData(ap)))
      part("open", ap.complaints.open.length);
    complaintEvent.parts = parts;
  }
  ev("criticism-notice", ap.criticismNotices.count);
  const recordKnown = ap.present && ap.overdue.known && ap.complaints.known && ap.criticismNotices.known;

  const absenceEvents: AbsenceEvent[] = [];
  const ab = (kind: AbsenceEvent["kind"], count: number) => {
    if (count > 0)
      absenceEvents.push({
        kind,
        count,
        unstaffed: kind === "unstaffed",
        offPost: kind === "off-post",
        postHopping: kind === "post-hopping",
      });
  };
  ab("unstaffed", ap.absences.unstaffed);
  ab("off-post", ap.absences.offPost);
  ab("post-hopping", ap.absences.postHopping);

  const { promisedWithinMax, casesWithinMax } = ap.limits;
  const maxHolds =
    ap.limits.max !== null &&
    (basis === "promised"
      ? promisedWithinMax === true
      : basis === "cases"
        ? casesWithinMax === true
        : promisedWithinMax === true && casesWithinMax === true);

  const filings = di.validDocumentFilings;
  const requests = di.requests;

  return {
    approvalRecord: {
      holds: recordKnown && events.length === 0,
      known: recordKnown,
      overdue: ap.overdue.count,
      complaints: ap.complaints.count,
      criticismNotices: ap.criticismNotices.count,
      events,
      anyEvent: events.length > 0,
    },
    noAbsence: {
      holds: ap.absences.known && ap.absences.count === 0,
      known: ap.absences.known,
      count: ap.absences.count,
      events: absenceEvents,
    },
    maxLimit: {
      holds: maxHolds,
      basis,
      limit: ap.limits.max,
      promisedWithinMax,
      casesWithinMax,
      itemsOverMax: ap.limits.promisedOverMax.map((i) => i.name),
      casesOverMax: ap.limits.casesOverMax.map((c) => c.id),
    },
    allInPlatform: {
      holds: ap.items.count > 0 && ap.items.notInPlatform.length === 0,
      total: ap.items.count,
      inPlatform: ap.items.inPlatform.numerator,
      missing: ap.items.notInPlatform,
    },
    allGuidesPublished: {
      holds: ap.items.count > 0 && ap.items.guideMissing.length === 0,
      missing: ap.items.guideMissing,
    },
    sealUsedInAllCases: {
      holds: ap.seal.usedInAllCases === true,
      casesWithoutSeal: ap.seal.casesWithoutSeal,
    },
    sealDedicatedKeeper: { holds: ap.seal.known && ap.seal.dedicatedKeeper },
    sealNotMisused: { holds: ap.seal.known && !ap.seal.misused },
    threeConcentrations: { holds: ap.office?.threeConcentrations?.all === true },
    partyMembershipTransferred: {
      holds: ap.office?.partyMembershipTransferred === true,
      to: ap.office?.partyMembershipTransferredTo ?? null,
    },
    rulesPublished: {
      holds: di.rules.count > 0 && di.rules.allPublished,
      general: di.rules.general.length > 0 && di.rules.generalAllPublished,
      onRequest: di.rules.onRequest.length > 0 && di.rules.onRequestAllPublished,
      unpublished: di.rules.unpublished,
    },
    monthlyFilings: {
      holds: filings !== null && filings.everyMonthOnTime,
      dueDay: filings?.dueDay ?? null,
      count: filings?.count ?? 0,
      missingMonths: filings?.missingMonths ?? [],
      lateMonths: filings?.lateMonths ?? [],
    },
    noApplications: {
      holds: requests.known && requests.total === 0,
      known: requests.known,
      received: requests.received,
      carriedOver: requests.carriedOver,
      total: requests.total,
    },
    repliesOnTime: {
      holds: requests.known && requests.late.length === 0,
      replied: requests.replied,
      late: requests.late.length,
      lateIds: requests.late,
    },
    noFees: {
      holds: di.fees.known && !di.fees.charged,
      known: di.fees.known,
      count: di.fees.count,
      amount: di.fees.amount,
    },
  };
}
