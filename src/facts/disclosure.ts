/**
 * Facts of the disclosure office (政务公开 / 政府信息公开): leading group, rules, proactive
 * disclosure by outlet with rankings, new media, online interviews, press conferences, monthly
 * filings of current valid documents, documents issued, on-request applications and fees.
 *
 * The on-request counts (`requests`, `fees`) are totals over the per-application facts of
 * src/facts/applications.ts (receipt date, deadline, on-time status), the one place that
 * applies the disclosure deadlines.
 */
import { meetsLimit, type Calendar } from "../calendar/index.js";
import type {
  Dataset,
  NewMediaKind,
  OutletConstruction,
  OutletPart,
  RankingWording,
  SubCountsBy,
} from "../data/types.js";
import type { ApplicationFacts } from "./applications.js";
import { countFact, rate, sumCounts, type CountFact, type Rate } from "./numbers.js";
import type { NamedCountFacts } from "./approval.js";

export interface RankingFacts {
  /** The outlet the ranking concerns. */
  outlet: string;
  /** The notice (通报) stating it. */
  notice: string;
  rank: number;
  among: string | null;
  first: boolean;
  /** notice: 在《通报》中，位居…排名第N名; list: 在…排名中居第N名. */
  wording: RankingWording;
}

/** A part of an outlet's count, or an uptake by a higher outlet, with the office's words. */
export interface OutletPartFacts extends NamedCountFacts {
  verb: string | null;
  itemKind: string | null;
}

/** The words of one of an outlet's counts: the template supplies its default words when null. */
export interface CountWording {
  construction: OutletConstruction;
  verb: string | null;
  itemKind: string | null;
}

export interface OutletFacts {
  name: string;
  submitted: CountFact | null;
  adopted: CountFact | null;
  published: CountFact | null;
  /** Words of the adopted count (the outlet's verb, item kind, construction), null without one. */
  adoptedWording: CountWording | null;
  /**
   * Words of the published count, null without one: the outlet's own words when it has no
   * adopted count, otherwise the defaults (in-outlet).
   */
  publishedWording: CountWording | null;
  /** Adopted from the office's submissions: stated as a part of them (其中…). */
  fromSubmissions: boolean;
  subCounts: OutletPartFacts[];
  /** outlet: parts are publications of the adopting body; kind: kinds of item. */
  subCountsBy: SubCountsBy;
  relayed: OutletPartFacts[];
  ranking: RankingFacts | null;
  /** The outlet has something to state: a count adopted or published, or a ranking. */
  stated: boolean;
}

export interface NewMediaFacts {
  kind: NewMediaKind;
  name: string | null;
  /** YYYY-MM */
  opened: string;
  openedYear: number;
  openedMonth: number;
  /** Opened during the dataset's year. */
  openedInYear: boolean;
  published: CountFact;
}

export interface FilingFacts {
  dueDay: number | null;
  recipients: string[];
  paper: boolean;
  electronic: boolean;
  /** Filing dates within the year, sorted. */
  dates: string[];
  count: number;
  /** Months (1–12) with a filing. */
  monthsFiled: number[];
  /** Months (1–12) of the year without a filing. */
  missingMonths: number[];
  /** Months whose only filings came after the due day. */
  lateMonths: number[];
  /** Every month filed, on or before the due day when there is one. */
  everyMonthOnTime: boolean;
}

export interface RequestFacts {
  /** The dataset lists applications (an empty list means none were received). */
  known: boolean;
  /** Received during the year (not carried over). */
  received: number;
  /** Carried over from the previous year. */
  carriedOver: number;
  /** received + carriedOver */
  total: number;
  /** Replied during the year. */
  replied: number;
  /** Without a reply at the end of the year (carried to the next). */
  pending: number;
  /** Replies (and unanswered requests) past the statutory deadline, by id. */
  late: string[];
  /** Replies within the deadline ÷ replies. */
  onTime: Rate;
}

export interface FeeFacts {
  /** Fee totals or fee records exist. */
  known: boolean;
  source: "records" | "totals" | "none";
  /** Requests for which a fee was paid. */
  count: number;
  /** Yuan. */
  amount: number;
  waived: number;
  charged: boolean;
}

export interface DisclosureFacts {
  leadingGroup: {
    name: string | null;
    /** Name after the first mention: shortName, else name, else null. */
    shortName: string | null;
    leader: string;
    deputy: string;
    members: string;
    office: string;
    adjustedInYear: boolean;
    secrecyReviewLead: string | null;
  } | null;
  rules: {
    count: number;
    names: string[];
    /** Rules other than the on-request procedures. */
    general: string[];
    /** On-request procedures. */
    onRequest: string[];
    allPublished: boolean;
    generalAllPublished: boolean;
    onRequestAllPublished: boolean;
    unpublished: string[];
  };
  onRequestSetup: { designatedStaff: boolean; readingRoom: boolean; unifiedReplyTexts: boolean } | null;
  proactive: {
    submissions: {
      recipients: CountFact | null;
      recipientsDescription: string | null;
      count: CountFact;
    } | null;
    outlets: OutletFacts[];
    /** Stated outlets that adopted from the submissions (其中，A…；B…。), in the dataset's order. */
    submissionOutlets: OutletFacts[];
    /** The other stated outlets, each a sentence of its own, in the dataset's order. */
    otherOutlets: OutletFacts[];
    /** Sum of the outlets' adopted counts. */
    adoptedTotal: CountFact;
    rankings: RankingFacts[];
    /** The best (lowest) rank, null without rankings. */
    bestRanking: RankingFacts | null;
    categories: string[];
    focusAreas: string[];
    /** Item records: published within 20 working days of creation. */
    items: {
      count: number;
      /** Late items: `index` in proactive.items, working days after the due date. */
      late: {
        id: string;
        index: number;
        created: string;
        published: string;
        due: string;
        workingDaysLate: number;
      }[];
      onTime: Rate;
    };
  };
  newMedia: NewMediaFacts[];
  interviews: { count: CountFact; programme: string | null; speaker: string | null; titles: string[] } | null;
  pressConferences: CountFact | null;
  validDocumentFilings: FilingFacts | null;
  documentsIssued: CountFact | null;
  validDocumentsReported: CountFact | null;
  /** Provisional on-request counts (see the module comment). */
  requests: RequestFacts;
  fees: FeeFacts;
  /** Innovations in the office's words (clauses). */
  innovations: string[];
  /** Innovations that are features added to a platform, in the dataset's order. */
  platformFeatures: PlatformFeatureFacts[];
}

export interface PlatformFeatureFacts {
  platform: string;
  launchedInYear: boolean;
  area: string | null;
  /** Names of the sections or functions added. */
  names: string[];
  purpose: string | null;
}

export interface DisclosureFactOptions {
  calendar: Calendar;
  /** Per-application facts of the same dataset (src/facts/applications.ts). */
  applications: readonly ApplicationFacts[];
}

/** Proactive information is due within this many working days of its creation or change. */
export const PROACTIVE_DUE_WORKING_DAYS = 20;

function inYear(date: string, year: number): boolean {
  return date >= `${year}-01-01` && date <= `${year}-12-31`;
}

function parts(list: OutletPart[] | undefined): OutletPartFacts[] {
  return (list ?? []).map((n) => ({
    name: n.name,
    count: countFact(n.count),
    unit: n.unit ?? null,
    verb: n.verb ?? null,
    itemKind: n.itemKind ?? null,
  }));
}

type OutletRecord = NonNullable<NonNullable<Dataset["disclosure"]["proactive"]>["outlets"]>[number];

/** The outlet's words go with its adopted count, or with its published count when it has none. */
function outletWordings(o: OutletRecord): Pick<OutletFacts, "adoptedWording" | "publishedWording"> {
  const own = (fallback: OutletConstruction): CountWording => ({
    construction: o.construction ?? fallback,
    verb: o.verb ?? null,
    itemKind: o.itemKind ?? null,
  });
  const hasAdopted = o.adopted !== undefined;
  return {
    adoptedWording: hasAdopted ? own("outlet-subject") : null,
    publishedWording:
      o.published === undefined
        ? null
        : hasAdopted
          ? { construction: "in-outlet", verb: null, itemKind: null }
          : own("in-outlet"),
  };
}

function filingFacts(
  f: NonNullable<Dataset["disclosure"]["validDocumentFilings"]>,
  year: number,
): FilingFacts {
  const dates = f.dates.filter((d) => inYear(d, year)).sort();
  const onTime = new Set<number>();
  const filed = new Set<number>();
  for (const d of dates) {
    const month = Number(d.slice(5, 7));
    filed.add(month);
    if (f.dueDay === undefined || Number(d.slice(8, 10)) <= f.dueDay) onTime.add(month);
  }
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const missingMonths = months.filter((m) => !filed.has(m));
  const lateMonths = months.filter((m) => filed.has(m) && !onTime.has(m));
  return {
    dueDay: f.dueDay ?? null,
    recipients: [...(f.recipients ?? [])],
    paper: f.paper ?? false,
    electronic: f.electronic ?? false,
    dates,
    count: dates.length,
    monthsFiled: months.filter((m) => filed.has(m)),
    missingMonths,
    lateMonths,
    everyMonthOnTime: missingMonths.length === 0 && lateMonths.length === 0,
  };
}

function requestFacts(dataset: Dataset, apps: readonly ApplicationFacts[]): RequestFacts {
  const year = dataset.year;
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  let received = 0;
  let carriedOver = 0;
  let replied = 0;
  let pending = 0;
  let repliedOnTime = 0;
  const late: string[] = [];
  for (let ai = 0; ai < apps.length; ai++) {
    const a = apps[ai]!;
    if (a.carriedOver) carriedOver++;
    else if (a.received !== null && a.received >= yearStart && a.received <= yearEnd) received++;
    else continue; // another year's request
    const reply = a.reply?.inYear ? a.reply : null;
    if (reply) replied++;
    else pending++;
    // Late: a reply after its deadline, or no reply by 31 December with the deadline passed.
    // A reply dated in the next year (carried to it) is late by its real dates, or by the
    // deadline passing before 31 December.
    const later = !reply && a.reply !== null && a.reply.date > yearEnd ? a.reply : null;
    const isLate = reply
      ? reply.onTime === false
      : later?.onTime === false || (a.due !== null && !meetsLimit(yearEnd, a.due));
    if (isLate) late.push(a.id);
    else if (reply) repliedOnTime++;
  }
  return {
    known: dataset.disclosure.applications !== undefined,
    received,
    carriedOver,
    total: received + carriedOver,
    replied,
    pending,
    late,
    onTime: rate(repliedOnTime, replied),
  };
}

function feeFacts(dataset: Dataset, apps: readonly ApplicationFacts[]): FeeFacts {
  const withFee = apps.filter((a) => a.fee !== null);
  const totals = dataset.disclosure.fees;
  if (withFee.length > 0) {
    const paid = withFee.filter(
      (a) => a.fee?.paid === true && (a.fee.paidDate === null || inYear(a.fee.paidDate, dataset.year)),
    );
    const amount = paid.reduce((s, a) => s + (a.fee?.charged ?? 0), 0);
    return {
      known: true,
      source: "records",
      count: paid.length,
      amount,
      waived: totals?.waived ?? 0,
      charged: paid.length > 0 && amount > 0,
    };
  }
  if (totals) {
    return {
      known: true,
      source: "totals",
      count: totals.count,
      amount: totals.amount,
      waived: totals.waived ?? 0,
      charged: totals.count > 0 || totals.amount > 0,
    };
  }
  return { known: false, source: "none", count: 0, amount: 0, waived: 0, charged: false };
}

export function deriveDisclosureFacts(dataset: Dataset, opts: DisclosureFactOptions): DisclosureFacts {
  const d = dataset.disclosure;
  const lg = d.leadingGroup;
  const rules = d.rules ?? [];
  const p = d.proactive;

  const outlets: OutletFacts[] = (p?.outlets ?? []).map((o) => ({
    name: o.name,
    submitted: o.submitted !== undefined ? countFact(o.submitted) : null,
    adopted: o.adopted !== undefined ? countFact(o.adopted) : null,
    published: o.published !== undefined ? countFact(o.published) : null,
    ...outletWordings(o),
    fromSubmissions: o.fromSubmissions ?? false,
    subCounts: parts(o.subCounts),
    subCountsBy: o.subCountsBy ?? "outlet",
    relayed: parts(o.relayed),
    ranking: o.ranking
      ? {
          outlet: o.name,
          notice: o.ranking.notice,
          rank: o.ranking.rank,
          among: o.ranking.among ?? null,
          first: o.ranking.rank === 1,
          wording: o.ranking.wording ?? "notice",
        }
      : null,
    stated: o.adopted !== undefined || o.published !== undefined || o.ranking !== undefined,
  }));
  const stated = outlets.filter((o) => o.stated);
  const rankings = outlets.flatMap((o) => (o.ranking ? [o.ranking] : []));
  const bestRanking = rankings.reduce<RankingFacts | null>(
    (b, r) => (b === null || r.rank < b.rank ? r : b),
    null,
  );

  const items = p?.items ?? [];
  const lateItems = items
    .map((i, index) => ({
      id: i.id,
      index,
      created: i.created,
      published: i.published,
      due: opts.calendar.addWorkingDays(i.created, PROACTIVE_DUE_WORKING_DAYS),
      workingDaysLate: 0,
    }))
    .filter((i) => i.published > i.due);
  for (const i of lateItems) i.workingDaysLate = opts.calendar.workingDaysBetween(i.due, i.published);

  return {
    leadingGroup: lg
      ? {
          name: lg.name ?? null,
          shortName: lg.shortName ?? lg.name ?? null,
          leader: lg.leader,
          deputy: lg.deputy,
          members: lg.members,
          office: lg.office,
          adjustedInYear: lg.adjustedInYear ?? false,
          secrecyReviewLead: lg.secrecyReviewLead ?? null,
        }
      : null,
    rules: {
      count: rules.length,
      names: rules.map((r) => r.name),
      general: rules.filter((r) => !r.onRequest).map((r) => r.name),
      onRequest: rules.filter((r) => r.onRequest === true).map((r) => r.name),
      allPublished: rules.every((r) => r.published),
      generalAllPublished: rules.filter((r) => !r.onRequest).every((r) => r.published),
      onRequestAllPublished: rules.filter((r) => r.onRequest === true).every((r) => r.published),
      unpublished: rules.filter((r) => !r.published).map((r) => r.name),
    },
    onRequestSetup: d.onRequestSetup
      ? {
          designatedStaff: d.onRequestSetup.designatedStaff,
          readingRoom: d.onRequestSetup.readingRoom ?? false,
          unifiedReplyTexts: d.onRequestSetup.unifiedReplyTexts,
        }
      : null,
    proactive: {
      submissions: p?.submissions
        ? {
            recipients: p.submissions.recipients !== undefined ? countFact(p.submissions.recipients) : null,
            recipientsDescription: p.submissions.recipientsDescription ?? null,
            count: countFact(p.submissions.count),
          }
        : null,
      outlets,
      submissionOutlets: stated.filter((o) => o.fromSubmissions),
      otherOutlets: stated.filter((o) => !o.fromSubmissions),
      adoptedTotal: sumCounts(
        (p?.outlets ?? []).flatMap((o) => (o.adopted !== undefined ? [o.adopted] : [])),
      ),
      rankings,
      bestRanking,
      categories: [...(p?.categories ?? [])],
      focusAreas: [...(p?.focusAreas ?? [])],
      items: {
        count: items.length,
        late: lateItems,
        onTime: rate(items.length - lateItems.length, items.length),
      },
    },
    newMedia: (d.newMedia ?? []).map((m) => {
      const openedYear = Number(m.opened.slice(0, 4));
      return {
        kind: m.kind,
        name: m.name ?? null,
        opened: m.opened,
        openedYear,
        openedMonth: Number(m.opened.slice(5, 7)),
        openedInYear: openedYear === dataset.year,
        published: countFact(m.published),
      };
    }),
    interviews: d.interviews
      ? {
          count: countFact(d.interviews.count),
          programme: d.interviews.programme ?? null,
          speaker: d.interviews.speaker ?? null,
          titles: [...(d.interviews.titles ?? [])],
        }
      : null,
    pressConferences: d.pressConferences !== undefined ? countFact(d.pressConferences) : null,
    validDocumentFilings: d.validDocumentFilings ? filingFacts(d.validDocumentFilings, dataset.year) : null,
    documentsIssued: d.documentsIssued !== undefined ? countFact(d.documentsIssued) : null,
    validDocumentsReported:
      d.validDocumentsReported !== undefined ? countFact(d.validDocumentsReported) : null,
    requests: requestFacts(dataset, opts.applications),
    fees: feeFacts(dataset, opts.applications),
    innovations: (d.innovations ?? []).filter((i): i is string => typeof i === "string"),
    platformFeatures: (d.innovations ?? []).flatMap((i) =>
      typeof i === "string"
        ? []
        : [
            {
              platform: i.platform,
              launchedInYear: i.launchedInYear ?? false,
              area: i.area ?? null,
              names: [...i.names],
              purpose: i.purpose ?? null,
            },
          ],
    ),
  };
}
