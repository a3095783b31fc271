/**
 * Facts of the approval office (集中审批): its organisation, items, completed cases by category,
 * overdue cases (by the working-day calendar), complaints, criticism notices, absences, the
 * seal, awards, reforms and the shortened time limits.
 *
 * Records are the source: when the dataset has case records, every count comes from them; only
 * an office without records has its given totals used. Absent values are null (never
 * undefined), so strict templates can test them.
 */
import {
  approvalDue,
  checkApproval,
  checkApprovalN,
  formatDay,
  tryParseDay,
  type ApprovalDayCheck,
  type ApprovalLimit,
  type Calendar,
} from "../calendar/index.js";
import type {
  AbsenceKind,
  Approval,
  ApprovalCase,
  ApprovalItem,
  ApprovalRecords,
  Complaint,
  Count,
  Dataset,
  RatingLevel,
  TimeLimit,
} from "../data/types.js";
import { VALID_COMPLAINT_OUTCOMES } from "../data/codes.js";
import { FactError } from "./messages.js";
import {
  compareLimits,
  countFact,
  countValue,
  limitFact,
  rate,
  reduction,
  type CountFact,
  type LimitFact,
  type Rate,
  type Reduction,
} from "./numbers.js";

/** Where the completed counts come from. */
export type CountSource = "records" | "totals" | "none";

export interface ApprovalOfficeFacts {
  name: string | null;
  head: string;
  deputies: { count: number; rank: string | null; name: string | null }[];
  /** Sum of the deputies' counts (副主任N名). */
  deputyCount: number;
  staff: number;
  partyMembershipTransferred: boolean;
  partyMembershipTransferredTo: string | null;
  /** 审批职能、场所、人员 concentrated; null when the dataset does not say. */
  threeConcentrations: { functions: boolean; site: boolean; staff: boolean; all: boolean } | null;
}

export interface ApprovalItemFacts {
  id: string;
  name: string;
  category: string;
  statutoryLimit: LimitFact;
  promisedLimit: LimitFact;
  previousPromisedLimit: LimitFact | null;
  inPlatform: boolean;
  guidePublished: boolean;
  removedSteps: string[];
  /** Cases of this item completed in the year (records only; null when counted from totals). */
  completed: number | null;
}

/** A promised limit changed from its previous value (previousPromisedLimit, or last year's dataset). */
export interface ItemReduction extends Reduction {
  itemId: string;
  itemName: string;
  category: string;
  removedSteps: string[];
  /** Where the previous limit comes from. */
  previousFrom: "item" | "previous-dataset";
}

export interface OverdueCase {
  id: string;
  item: string;
  itemName: string;
  accepted: string;
  /** null: still open at the end of the year. */
  completed: string | null;
  /** Last day of the promised limit, counted from acceptance in the item's unit. */
  due: string;
  limit: LimitFact;
  /** Days taken from acceptance to completion in the limit's unit (null when open). */
  daysTaken: number | null;
  /** Days after the due day to completion in the limit's unit (null when open). */
  daysLate: number | null;
  open: boolean;
}

export interface ComplaintOutcomeCounts {
  upheld: string[];
  partlyUpheld: string[];
  rejected: string[];
  withdrawn: string[];
}

export interface CategoryCountFact {
  category: string;
  count: CountFact;
}

export interface AwardFacts {
  name: string;
  issuer: string | null;
  count: CountFact;
  unit: string | null;
  /** Awarded by the service centre hosting the approval platform (the text may call it 政务中心). */
  fromServiceCentre: boolean;
}

export interface ReformFacts {
  title: string;
  /** Whose procedure changed; with it the change itself is stated, else the title. */
  subject: string | null;
  from: string;
  to: string;
  /** Took effect during the dataset's year. */
  inYear: boolean;
  /** What the change means (即…), without final punctuation. */
  explanation: string | null;
  removedSteps: string[];
  description: string | null;
}

export interface NamedCountFacts {
  name: string;
  count: CountFact;
  unit: string | null;
}

export interface ApprovalFacts {
  /** The dataset has an approval section. */
  present: boolean;
  /**
   * What the case records are (approval.records): every case ("all"), every overdue case
   * ("exceptions", the totals giving the rest) or a sample ("sample").
   */
  records: ApprovalRecords;
  serviceCentre: string | null;
  office: ApprovalOfficeFacts | null;
  items: {
    count: number;
    list: ApprovalItemFacts[];
    inPlatform: Rate;
    /** Names of items not in the service centre's platform. */
    notInPlatform: string[];
    guidePublished: Rate;
    /** Names of items whose conditions, documents, procedure and limit are not published. */
    guideMissing: string[];
  };
  limits: {
    /** The office's stated ceiling (所有审批事项办结时限不超过7天), null when none. */
    max: LimitFact | null;
    /** Every promised limit is within the ceiling (same unit); null without a ceiling. */
    promisedWithinMax: boolean | null;
    /** Items whose promised limit exceeds the ceiling (or is in another unit). */
    promisedOverMax: { id: string; name: string; promisedLimit: LimitFact }[];
    /** Every case completed in the year took no longer than the ceiling from acceptance; null without a ceiling or records. */
    casesWithinMax: boolean | null;
    /** Cases that took longer than the ceiling. */
    casesOverMax: { id: string; item: string; accepted: string; completed: string; daysTaken: number }[];
  };
  /** Shortened (or lengthened) promised limits, in item order. */
  reductions: ItemReduction[];
  completed: {
    source: CountSource;
    total: CountFact;
    /** Categories with at least one completed case, in the order of the items list. */
    byCategory: CategoryCountFact[];
    /** Categories of retained items without a completed case this year. */
    categoriesWithoutCases: string[];
  };
  /** Cases not completed by 31 December. */
  open: { count: number; ids: string[] };
  overdue: {
    /**
     * Records or a given total say how many; false when nothing is known — or when the records
     * are a sample and no overdue total is given (the sample's overdue cases are in `cases`,
     * but how many the year had is not known).
     */
    known: boolean;
    count: number;
    /** Overdue cases with their ids (records only). */
    cases: OverdueCase[];
    /**
     * With records "exceptions": listed cases completed in the year within their promised
     * limit — not exceptions at all (the list should hold only overdue cases). Ids.
     */
    listedOnTime: string[];
  };
  /** Completed within the promised limit ÷ completed (records only). */
  onTime: Rate | null;
  complaints: {
    known: boolean;
    count: number;
    /** Valid complaints (有效投诉): valid true, or concluded as upheld or partly upheld. */
    valid: number;
    exposedByMedia: number;
    ids: string[];
    /** Records by how they were concluded (outcome), each with its complaints' ids. */
    outcomes: ComplaintOutcomeCounts;
    /**
     * Not concluded by 31 December: concluded after it, or neither concluded nor verified (no
     * concluded, outcome or valid). Ids.
     */
    open: string[];
    /** Some complaint records its conclusion date (concluded): the data speaks of conclusions. */
    concludedKnown: boolean;
  };
  criticismNotices: { known: boolean; count: number; ids: string[] };
  absences: {
    known: boolean;
    count: number;
    /** 漏岗 */
    unstaffed: number;
    /** 脱岗 */
    offPost: number;
    /** 串岗 */
    postHopping: number;
    ids: string[];
  };
  seal: {
    /** The dataset says how the seal is kept. */
    known: boolean;
    dedicatedKeeper: boolean;
    keeper: string | null;
    misused: boolean;
    /** Every case completed in the year used the dedicated seal; null without records. */
    usedInAllCases: boolean | null;
    casesWithoutSeal: string[];
  };
  awards: AwardFacts[];
  reforms: ReformFacts[];
  otherCounts: NamedCountFacts[];
  ratings: {
    total: number;
    byLevel: Record<RatingLevel, number>;
    /** 不满意 + 非常不满意 (差评). */
    bad: number;
    badRectified: number;
    badUnrectified: string[];
    /** Every bad rating with the working days taken to rectify it (or open at the end of the year). */
    badList: BadRatingFacts[];
    /** (非常满意 + 满意 + 基本满意) ÷ total. */
    satisfied: Rate;
  };
}

/** A bad rating (差评) and its rectification (国办发〔2019〕51号). */
export interface BadRatingFacts {
  id: string;
  /** Position in approval.ratings. */
  index: number;
  level: RatingLevel;
  date: string;
  rectified: string | null;
  /** Working days from the rating (day 0) to its rectification; null when not rectified. */
  workingDaysToRectify: number | null;
  /** Not rectified: working days from the rating (day 0) to 31 December; null when rectified. */
  workingDaysOpenAtYearEnd: number | null;
}

export interface ApprovalFactOptions {
  calendar: Calendar;
  previous?: Dataset;
}

const ABSENCE_FIELD: Record<AbsenceKind, "unstaffed" | "offPost" | "postHopping"> = {
  unstaffed: "unstaffed",
  "off-post": "offPost",
  "post-hopping": "postHopping",
};

const RATING_LEVELS: readonly RatingLevel[] = [
  "very-satisfied",
  "satisfied",
  "basically-satisfied",
  "dissatisfied",
  "very-dissatisfied",
];

function emptyApproval(): ApprovalFacts {
  const zeroRate = rate(0, 0);
  return {
    present: false,
    records: "all",
    serviceCentre: null,
    office: null,
    items: {
      count: 0,
      list: [],
      inPlatform: zeroRate,
      notInPlatform: [],
      guidePublished: zeroRate,
      guideMissing: [],
    },
    limits: {
      max: null,
      promisedWithinMax: null,
      promisedOverMax: [],
      casesWithinMax: null,
      casesOverMax: [],
    },
    reductions: [],
    completed: { source: "none", total: 0, byCategory: [], categoriesWithoutCases: [] },
    open: { count: 0, ids: [] },
    overdue: { known: false, count: 0, cases: [], listedOnTime: [] },
    onTime: null,
    complaints: {
      known: false,
      count: 0,
      valid: 0,
      exposedByMedia: 0,
      ids: [],
      outcomes: { upheld: [], partlyUpheld: [], rejected: [], withdrawn: [] },
      open: [],
      concludedKnown: false,
    },
    criticismNotices: { known: false, count: 0, ids: [] },
    absences: { known: false, count: 0, unstaffed: 0, offPost: 0, postHopping: 0, ids: [] },
    seal: {
      known: false,
      dedicatedKeeper: false,
      keeper: null,
      misused: false,
      usedInAllCases: null,
      casesWithoutSeal: [],
    },
    awards: [],
    reforms: [],
    otherCounts: [],
    ratings: ratingFacts([], null, 0),
  };
}

function ratingFacts(
  ratings: NonNullable<Approval["ratings"]>,
  calendar: Calendar | null,
  year: number,
): ApprovalFacts["ratings"] {
  const byLevel = Object.fromEntries(RATING_LEVELS.map((l) => [l, 0])) as Record<RatingLevel, number>;
  const badUnrectified: string[] = [];
  const badList: BadRatingFacts[] = [];
  let badRectified = 0;
  ratings.forEach((r, index) => {
    byLevel[r.level]++;
    if (r.level === "dissatisfied" || r.level === "very-dissatisfied") {
      if (r.rectified) badRectified++;
      else badUnrectified.push(r.id);
      const yearEnd = `${year}-12-31`;
      badList.push({
        id: r.id,
        index,
        level: r.level,
        date: r.date,
        rectified: r.rectified ?? null,
        workingDaysToRectify:
          r.rectified && calendar ? calendar.workingDaysBetween(r.date, r.rectified) : null,
        workingDaysOpenAtYearEnd:
          !r.rectified && calendar && r.date <= yearEnd ? calendar.workingDaysBetween(r.date, yearEnd) : null,
      });
    }
  });
  const bad = byLevel.dissatisfied + byLevel["very-dissatisfied"];
  return {
    total: ratings.length,
    byLevel,
    bad,
    badRectified,
    badUnrectified,
    badList,
    satisfied: rate(ratings.length - bad, ratings.length),
  };
}

/** A valid complaint (有效投诉): found substantiated, or concluded as upheld or partly upheld. */
export function isValidComplaint(c: Complaint): boolean {
  return c.valid === true || (c.outcome !== undefined && VALID_COMPLAINT_OUTCOMES.includes(c.outcome));
}

/**
 * Not concluded by the day given (31 December): concluded after it, or with nothing recorded
 * of its conclusion (no concluded date, outcome or finding).
 */
export function complaintOpenAt(c: Complaint, day: string): boolean {
  if (c.concluded !== undefined) return c.concluded > day;
  return c.valid === undefined && c.outcome === undefined;
}

function complaintOutcomes(list: readonly Complaint[], yearEnd: string): ComplaintOutcomeCounts {
  const out: ComplaintOutcomeCounts = { upheld: [], partlyUpheld: [], rejected: [], withdrawn: [] };
  const key = {
    upheld: "upheld",
    "partly-upheld": "partlyUpheld",
    rejected: "rejected",
    withdrawn: "withdrawn",
  } as const;
  for (const c of list)
    if (c.outcome !== undefined && !complaintOpenAt(c, yearEnd)) out[key[c.outcome]].push(c.id);
  return out;
}

function officeFacts(a: Approval): ApprovalOfficeFacts {
  const o = a.office;
  const tc = o.threeConcentrations;
  return {
    name: o.name ?? null,
    head: o.head,
    deputies: o.deputies.map((d) => ({ count: d.count, rank: d.rank ?? null, name: d.name ?? null })),
    deputyCount: o.deputies.reduce((s, d) => s + d.count, 0),
    staff: o.staff,
    partyMembershipTransferred: o.partyMembershipTransferred,
    partyMembershipTransferredTo: o.partyMembershipTransferredTo ?? null,
    threeConcentrations: tc
      ? { functions: tc.functions, site: tc.site, staff: tc.staff, all: tc.functions && tc.site && tc.staff }
      : null,
  };
}

/** The item's previous promised limit: its own field first, else last year's dataset. */
function previousLimit(
  item: ApprovalItem,
  previous: Dataset | undefined,
): { limit: TimeLimit; from: "item" | "previous-dataset" } | null {
  if (item.previousPromisedLimit) return { limit: item.previousPromisedLimit, from: "item" };
  const old = previous?.approval?.items.find((i) => i.id === item.id);
  if (
    old &&
    (old.promisedLimit.days !== item.promisedLimit.days || old.promisedLimit.unit !== item.promisedLimit.unit)
  )
    return { limit: old.promisedLimit, from: "previous-dataset" };
  return null;
}

function itemOf(c: ApprovalCase, items: Map<string, ApprovalItem>): ApprovalItem {
  const item = items.get(c.item);
  if (!item) throw new FactError({ messageId: "case-item-missing", data: { caseId: c.id, item: c.item } });
  return item;
}

/** The year's bounds and what the case records are: what every section of the facts reads. */
export interface ApprovalYear {
  yearStart: string;
  yearEnd: string;
  /** The dataset lists case records. */
  hasRecords: boolean;
  mode: ApprovalRecords;
  /** The records are every case of the year: the source of every count. */
  allRecords: boolean;
}

export function approvalYear(a: Approval, year: number): ApprovalYear {
  const hasRecords = (a.cases ?? []).length > 0;
  const mode: ApprovalRecords = a.records ?? "all";
  return {
    yearStart: `${year}-01-01`,
    yearEnd: `${year}-12-31`,
    hasRecords,
    mode,
    allRecords: hasRecords && mode === "all",
  };
}

/** The completed counts and the cases they come from (records completed in the year, per item). */
export interface CompletedCounts {
  completed: ApprovalFacts["completed"];
  /** Case records completed in the year. */
  completedInYear: ApprovalCase[];
  /** Completed cases of the year by item id (records only). */
  perItem: Map<string, number>;
}

/**
 * Completed cases, by item and category: counted from the records when they are every case
 * (or no total is given), else the given totals.
 */
export function completedCounts(a: Approval, y: ApprovalYear): CompletedCounts {
  const items = new Map(a.items.map((i) => [i.id, i]));
  const cases = a.cases ?? [];
  const completedInYear = cases.filter(
    (c) => c.completed !== undefined && c.completed >= y.yearStart && c.completed <= y.yearEnd,
  );
  const perItem = new Map<string, number>();
  for (let ci = 0; ci < completedInYear.length; ci++) {
    const c = completedInYear[ci]!;
    const item = itemOf(c, items);
    perItem.set(item.id, (perItem.get(item.id) ?? 0) + 1);
  }
  const categories: string[] = [];
  for (const i of a.items) if (!categories.includes(i.category)) categories.push(i.category);

  if (y.allRecords || a.totals?.completed === undefined) {
    const perCategory = new Map<string, number>();
    for (const i of a.items)
      perCategory.set(i.category, (perCategory.get(i.category) ?? 0) + (perItem.get(i.id) ?? 0));
    return {
      completed: {
        source: y.hasRecords ? "records" : "none",
        total: completedInYear.length,
        byCategory: categories
          .filter((c) => (perCategory.get(c) ?? 0) > 0)
          .map((c) => ({ category: c, count: perCategory.get(c) ?? 0 })),
        categoriesWithoutCases: categories.filter((c) => (perCategory.get(c) ?? 0) === 0),
      },
      completedInYear,
      perItem,
    };
  }
  const given = a.totals.completedByCategory ?? [];
  const byCategory = given
    .filter((g) => countValue(g.count) > 0)
    .map((g) => ({ category: g.category, count: countFact(g.count) }));
  const named = new Set(byCategory.map((g) => g.category));
  return {
    completed: {
      source: "totals",
      total: countFact(a.totals.completed),
      byCategory,
      categoriesWithoutCases: categories.filter((c) => !named.has(c)),
    },
    completedInYear,
    perItem,
  };
}

/** Each case record against its promised limit and the office's ceiling. */
export interface CaseTimeliness {
  overdueCases: OverdueCase[];
  casesOverMax: ApprovalFacts["limits"]["casesOverMax"];
  /** Cases open at the end of the year (or completed only next year). */
  openIds: string[];
  /** Cases completed in the year within their promised limit. */
  onTimeIds: string[];
}

/**
 * Overdue cases (the promised limit counted from acceptance), open cases and cases over the
 * office's ceiling, by the working-day calendar.
 */
export function caseTimeliness(a: Approval, y: ApprovalYear, calendar: Calendar): CaseTimeliness {
  const { yearStart, yearEnd } = y;
  const items = new Map(a.items.map((i) => [i.id, i]));
  const cases = a.cases ?? [];
  /** checkApproval, in day numbers when both dates are real (else as checkApproval does: it throws). */
  const check = (
    c: ApprovalCase,
    done: string,
    aN: number | undefined,
    dN: number | undefined,
    limit: ApprovalLimit,
  ): ApprovalDayCheck => {
    if (aN === undefined || dN === undefined) {
      const r = checkApproval(c.accepted, done, limit, calendar);
      return {
        due: tryParseDay(r.due) as number,
        overdue: r.overdue,
        daysTaken: r.daysTaken,
        daysLate: r.daysLate,
      };
    }
    return checkApprovalN(aN, dN, c.accepted, done, limit, calendar);
  };
  const max = a.maxPromisedLimit;
  const overdueCases: OverdueCase[] = [];
  const casesOverMax: ApprovalFacts["limits"]["casesOverMax"] = [];
  const openIds: string[] = [];
  const onTimeIds: string[] = [];
  for (let ki = 0; ki < cases.length; ki++) {
    const c = cases[ki]!;
    const item = itemOf(c, items);
    const done = c.completed !== undefined && c.completed <= yearEnd ? c.completed : undefined;
    if (done === undefined) {
      // Open at the end of the year (or completed only next year).
      openIds.push(c.id);
      const due = approvalDue(c.accepted, item.promisedLimit, calendar);
      if (due < yearEnd) {
        overdueCases.push({
          id: c.id,
          item: item.id,
          itemName: item.name,
          accepted: c.accepted,
          completed: null,
          due,
          limit: limitFact(item.promisedLimit),
          daysTaken: null,
          daysLate: null,
          open: true,
        });
      }
      continue;
    }
    if (done < yearStart) continue; // completed before this year: last year's case
    const acceptedN = tryParseDay(c.accepted);
    const doneN = tryParseDay(done);
    const promised = check(c, done, acceptedN, doneN, item.promisedLimit);
    if (promised.overdue) {
      overdueCases.push({
        id: c.id,
        item: item.id,
        itemName: item.name,
        accepted: c.accepted,
        completed: done,
        due: formatDay(promised.due),
        limit: limitFact(item.promisedLimit),
        daysTaken: promised.daysTaken,
        daysLate: promised.daysLate,
        open: false,
      });
    } else {
      onTimeIds.push(c.id);
    }
    if (max) {
      const m = check(c, done, acceptedN, doneN, max);
      if (m.overdue)
        casesOverMax.push({
          id: c.id,
          item: item.id,
          accepted: c.accepted,
          completed: done,
          daysTaken: m.daysTaken,
        });
    }
  }
  return { overdueCases, casesOverMax, openIds, onTimeIds };
}

/**
 * How many cases were overdue: every case, or every overdue one, the records count them; a
 * sample counts them only with the overdue total given.
 */
export function overdueFacts(a: Approval, y: ApprovalYear, t: CaseTimeliness): ApprovalFacts["overdue"] {
  const recordsCountOverdue = y.hasRecords && y.mode !== "sample";
  return {
    known: recordsCountOverdue || a.totals?.overdue !== undefined,
    count: recordsCountOverdue
      ? t.overdueCases.length
      : a.totals?.overdue !== undefined
        ? countValue(a.totals.overdue)
        : 0,
    cases: t.overdueCases,
    listedOnTime: y.mode === "exceptions" ? t.onTimeIds : [],
  };
}

/**
 * Completed within the promised limit ÷ completed: from every record, or — with the overdue
 * cases listed and the total given — the total less the listed overdue cases; else null.
 */
export function onTimeRate(
  y: ApprovalYear,
  completed: ApprovalFacts["completed"],
  completedInYear: number,
  t: CaseTimeliness,
): Rate | null {
  if (y.allRecords) return rate(t.onTimeIds.length, completedInYear);
  if (y.hasRecords && y.mode === "exceptions" && completed.source === "totals") {
    const total = countValue(completed.total);
    return rate(total - t.overdueCases.filter((c) => !c.open).length, total);
  }
  return null;
}

/** The office's ceiling on promised limits: the items over it and the cases that took longer. */
export function limitFacts(a: Approval, y: ApprovalYear, t: CaseTimeliness): ApprovalFacts["limits"] {
  const max = a.maxPromisedLimit;
  const promisedOverMax = max
    ? a.items
        .filter((i) => {
          const cmp = compareLimits(i.promisedLimit, max);
          return cmp === null || cmp > 0;
        })
        .map((i) => ({ id: i.id, name: i.name, promisedLimit: limitFact(i.promisedLimit) }))
    : [];
  return {
    max: max ? limitFact(max) : null,
    promisedWithinMax: max ? promisedOverMax.length === 0 : null,
    promisedOverMax,
    casesWithinMax: max && y.allRecords ? t.casesOverMax.length === 0 : null,
    casesOverMax: t.casesOverMax,
  };
}

/** Promised limits changed from their previous value (the item's own, else last year's dataset), in item order. */
export function reductionFacts(a: Approval, previous: Dataset | undefined): ItemReduction[] {
  const reductions: ItemReduction[] = [];
  for (const i of a.items) {
    const prev = previousLimit(i, previous);
    if (!prev) continue;
    reductions.push({
      ...reduction(prev.limit, i.promisedLimit),
      itemId: i.id,
      itemName: i.name,
      category: i.category,
      removedSteps: [...(i.removedSteps ?? [])],
      previousFrom: prev.from,
    });
  }
  return reductions;
}

/** The items: each with its limits and completed count, and the platform and guide rates. */
export function itemFacts(
  a: Approval,
  source: CountSource,
  perItem: ReadonlyMap<string, number>,
): ApprovalFacts["items"] {
  const inPlatform = a.items.filter((i) => i.inPlatform).length;
  const guides = a.items.filter((i) => i.guidePublished).length;
  return {
    count: a.items.length,
    list: a.items.map((i) => ({
      id: i.id,
      name: i.name,
      category: i.category,
      statutoryLimit: limitFact(i.statutoryLimit),
      promisedLimit: limitFact(i.promisedLimit),
      previousPromisedLimit: i.previousPromisedLimit ? limitFact(i.previousPromisedLimit) : null,
      inPlatform: i.inPlatform,
      guidePublished: i.guidePublished,
      removedSteps: [...(i.removedSteps ?? [])],
      completed: source === "totals" ? null : (perItem.get(i.id) ?? 0),
    })),
    inPlatform: rate(inPlatform, a.items.length),
    notInPlatform: a.items.filter((i) => !i.inPlatform).map((i) => i.name),
    guidePublished: rate(guides, a.items.length),
    guideMissing: a.items.filter((i) => !i.guidePublished).map((i) => i.name),
  };
}

/**
 * A count from the records when they are given, else from the office's total (0 when neither):
 * known when either is.
 */
function recordsElseTotal(
  records: readonly unknown[] | undefined,
  total: Count | undefined,
): { known: boolean; count: number } {
  return {
    known: records !== undefined || total !== undefined,
    count: records !== undefined ? records.length : total !== undefined ? countValue(total) : 0,
  };
}

/** Complaints: their count (records, else the given total), validity, outcomes and those open at the end of the year. */
export function complaintFacts(a: Approval, yearEnd: string): ApprovalFacts["complaints"] {
  const list = a.complaints ?? [];
  return {
    ...recordsElseTotal(a.complaints, a.totals?.complaints),
    valid: list.filter(isValidComplaint).length,
    exposedByMedia: list.filter((c) => c.exposedByMedia === true).length,
    ids: list.map((c) => c.id),
    outcomes: complaintOutcomes(list, yearEnd),
    open: list.filter((c) => complaintOpenAt(c, yearEnd)).map((c) => c.id),
    concludedKnown: list.some((c) => c.concluded !== undefined),
  };
}

/** Criticism notices (通报批评): records, else the given total. */
export function criticismNoticeFacts(a: Approval): ApprovalFacts["criticismNotices"] {
  return {
    ...recordsElseTotal(a.criticismNotices, a.totals?.criticismNotices),
    ids: (a.criticismNotices ?? []).map((n) => n.id),
  };
}

/** Absences from post (漏岗, 脱岗, 串岗), by kind. */
export function absenceFacts(a: Approval): ApprovalFacts["absences"] {
  const absences = { unstaffed: 0, offPost: 0, postHopping: 0 };
  for (const x of a.absenceIncidents ?? []) absences[ABSENCE_FIELD[x.kind]]++;
  return {
    known: a.absenceIncidents !== undefined,
    count: (a.absenceIncidents ?? []).length,
    ...absences,
    ids: (a.absenceIncidents ?? []).map((x) => x.id),
  };
}

/** The seal: how it is kept, and (with every record) whether every case completed in the year used it. */
export function sealFacts(
  a: Approval,
  y: ApprovalYear,
  completedInYear: readonly ApprovalCase[],
): ApprovalFacts["seal"] {
  const withoutSeal = completedInYear.filter((c) => !c.sealUsed).map((c) => c.id);
  return {
    known: a.seal !== undefined,
    dedicatedKeeper: a.seal?.dedicatedKeeper ?? false,
    keeper: a.seal?.keeper ?? null,
    misused: a.seal?.misused ?? false,
    usedInAllCases: y.allRecords ? withoutSeal.length === 0 : null,
    casesWithoutSeal: withoutSeal,
  };
}

/** Awards, reforms and other counts, as given (an award from the service centre marked). */
export function recognitionFacts(a: Approval): Pick<ApprovalFacts, "awards" | "reforms" | "otherCounts"> {
  return {
    awards: (a.awards ?? []).map((w) => ({
      name: w.name,
      issuer: w.issuer ?? null,
      count: countFact(w.count),
      unit: w.unit ?? null,
      fromServiceCentre:
        w.issuer !== undefined && a.serviceCentre !== undefined && w.issuer === a.serviceCentre,
    })),
    reforms: (a.reforms ?? []).map((r) => ({
      title: r.title,
      subject: r.subject ?? null,
      from: r.from,
      to: r.to,
      inYear: r.inYear ?? false,
      explanation: r.explanation ?? null,
      removedSteps: [...(r.removedSteps ?? [])],
      description: r.description ?? null,
    })),
    otherCounts: (a.otherCounts ?? []).map((n) => ({
      name: n.name,
      count: countFact(n.count),
      unit: n.unit ?? null,
    })),
  };
}

/** Every fact of the approval office, section by section (each function above stands alone). */
export function deriveApprovalFacts(dataset: Dataset, opts: ApprovalFactOptions): ApprovalFacts {
  const a = dataset.approval;
  if (!a) return emptyApproval();
  const { calendar } = opts;
  const y = approvalYear(a, dataset.year);
  const { completed, completedInYear, perItem } = completedCounts(a, y);
  const timeliness = caseTimeliness(a, y, calendar);
  const { awards, reforms, otherCounts } = recognitionFacts(a);
  return {
    present: true,
    records: y.mode,
    serviceCentre: a.serviceCentre ?? null,
    office: officeFacts(a),
    items: itemFacts(a, completed.source, perItem),
    limits: limitFacts(a, y, timeliness),
    reductions: reductionFacts(a, opts.previous),
    completed,
    open: { count: timeliness.openIds.length, ids: timeliness.openIds },
    overdue: overdueFacts(a, y, timeliness),
    onTime: onTimeRate(y, completed, completedInYear.length, timeliness),
    complaints: complaintFacts(a, y.yearEnd),
    criticismNotices: criticismNoticeFacts(a),
    absences: absenceFacts(a),
    seal: sealFacts(a, y, completedInYear),
    awards,
    reforms,
    otherCounts,
    ratings: ratingFacts(a.ratings ?? [], calendar, dataset.year),
  };
}
