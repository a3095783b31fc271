/**
 * Per-application facts of on-request disclosure (regulations.md §1–4): the receipt date
 * (ogi-2019 Art. 31), the regime, the reply deadline with its trace, the correction-notice due
 * date, whether the reply was on time, whether an extension was lawful, the fee the schedule
 * prescribes against the fee charged, and the year-end status. Every letter, the annual report
 * and the audit read these; nothing else recomputes them.
 *
 * A record that lacks what a computation needs (e.g. a registered letter without its signed-for
 * date) does not stop the others: the computation is left null and a problem naming the field is
 * recorded. Messages name the application by id only, never the applicant.
 *
 * Interpretations (the dataset's `interpretations`, resolved by ./interpretations.ts; the
 * defaults and their statutory reasons are documented in schemas/operations.schema.json):
 * - `feePeriodPaused` (true): the time from the fee notice to payment — or to the end of the
 *   payment period when unpaid — is not counted in the reply deadline.
 * - `feePaymentDays` (20): the payment period, from the day after the fee notice.
 * - `consultationAnswerDays` (15): a consultation without a recorded answer pauses the deadline
 *   until the end of the answer period, counted from the day the letter was sent.
 * - `lateExtensionCounts` (false): an extension approved or notified after the original deadline
 *   does not move the deadline the reply is judged against.
 * An option given here overrides the dataset's value.
 */
import {
  DeadlineComputer,
  meetsLimit,
  resolveConvention,
  tryParseDay,
  UnknownYearError,
  type Calendar,
  type CountingConvention,
  type DeadlineInput,
  type DeadlinePause,
  type DeadlineResult,
} from "../calendar/index.js";
import {
  REGIME_RULES,
  regimeFor,
  receiptDate,
  computeFee,
  DEFAULT_RECEIPT_BASIS,
  type FeeTier,
  type ReceiptBasis,
} from "../law/index.js";
import type { ConsultationParty, FeeMethod, Reason, Regime, ReplyType } from "../data/codes.js";
import type { Application, Dataset } from "../data/types.js";
import { resolveInterpretations, type Interpretations } from "./interpretations.js";
import { codedOf, type InputMessage } from "../data/input-messages.js";

/** Options; an interpretation given here overrides the dataset's (see ./interpretations.ts). */
export interface ApplicationFactsOptions extends Interpretations {
  countingConvention?: Partial<CountingConvention>;
}

/** What every application of one dataset shares: pass applicationFactContext(dataset, calendar). */
export interface ApplicationFactContext {
  year: number;
  calendar: Calendar;
  /** The dataset's interpretations (absent keys: the defaults). */
  interpretations?: Interpretations;
}

/** The context applicationFact needs, from the dataset (its year and interpretations). */
export function applicationFactContext(dataset: Dataset, calendar: Calendar): ApplicationFactContext {
  return {
    year: dataset.year,
    calendar,
    ...(dataset.interpretations ? { interpretations: dataset.interpretations } : {}),
  };
}

/**
 * A record that lacks what a computation needs: the field (relative to the application) and why,
 * as a message id and its data (`inputMessage` words it at the edges).
 */
export type ApplicationProblem = InputMessage & {
  field: string;
  /**
   * The computation reached a year without holiday data (e.g. a deadline running into a year
   * whose State Council notice is not yet in the calendar): the date is undeterminable, not late.
   */
  unknownYear?: number;
};

export interface CorrectionFacts {
  notified: string;
  /** Last day for the correction notice (7 WD after receipt, ogi-2019); null under ogi-2008. */
  due: string | null;
  /** Notice sent within the limit; null where there is no limit. */
  onTime: boolean | null;
  /** Working days given to correct, as recorded (null when not recorded). */
  periodDays: number | null;
  /** Last day of the correction period (periodDays WD after the notice); null without periodDays. */
  periodEnd: string | null;
  correctedReceived: string | null;
  corrected: boolean;
}

export interface ConsultationFacts {
  /** Position in application.consultations. */
  index: number;
  party: ConsultationParty;
  sent: string;
  answered: string | null;
  /** End of the answer period: sent + consultationAnswerDays WD. */
  answerDue: string | null;
  /** The day the pause ends: the answer, or answerDue when no answer is recorded. */
  pauseTo: string | null;
  /** The pause end is the answer period's end, not a recorded answer. */
  pauseAssumed: boolean;
  consent: boolean | null;
}

export interface ExtensionFacts {
  days: number;
  /** Longest lawful extension under the regime (ogi-2008 15, ogi-2019 20 WD). */
  maxDays: number;
  withinLimit: boolean;
  /** Days counted in the deadline: min(days, maxDays), or 0 when the extension does not count. */
  countedDays: number;
  approved: string;
  notified: string;
  /** The deadline without the extension. */
  originalDue: string | null;
  approvedInTime: boolean | null;
  notifiedInTime: boolean | null;
  /** Within the limit and approved and notified by the original deadline. */
  lawful: boolean | null;
  /** The deadline before the extension as the notice states it (pauses completed by its date). */
  noticeOriginalDue: string | null;
  /** The new deadline as the extension notice states it (pauses completed by its date included). */
  newDue: string | null;
  /** A consultation was under way when the extension was notified (its time is not counted yet). */
  pauseOngoingAtNotice: boolean;
}

export interface FeeFacts {
  method: FeeMethod;
  quantity: number;
  /** Amount recorded, 元. */
  charged: number;
  /** Amount the schedule prescribes, 元; null under ogi-2008 (cost fees, no schedule). */
  expected: number | null;
  tiers: FeeTier[] | null;
  /** charged === expected; null when there is no schedule. */
  matches: boolean | null;
  basis: string | null;
  noticeDate: string;
  /** Last day to pay: feePaymentDays WD after the notice date. */
  payBy: string | null;
  paid: boolean;
  paidDate: string | null;
  paidInTime: boolean | null;
}

export interface ReplyFacts {
  date: string;
  type: ReplyType;
  reason: Reason | null;
  /** Dated on or before the deadline (the convention decides the due day itself); null without a deadline. */
  onTime: boolean | null;
  /** Working days after the deadline; 0 when on time; null without a deadline. */
  workingDaysLate: number | null;
  /** Dated within the data year. */
  inYear: boolean;
}

export type YearEndStatus = "closed" | "carried-to-next-year";

export interface ApplicationFacts {
  id: string;
  /** Position in disclosure.applications (0-based). */
  index: number;
  /** Received in an earlier year and open at its end (上年结转). */
  carriedOver: boolean;
  /** Receipt date (收到申请之日); null when the record lacks the date its channel needs. */
  received: string | null;
  /** Which record field gave the receipt date. */
  receivedFrom: "received" | ReceiptBasis | null;
  regime: Regime | null;
  /** Always the receipt date when known (a dataset-level regime never re-dates a request). */
  regimeSource: "receipt-date" | null;
  /** The deadline the receipt letter states: base days from receipt, nothing else known yet. */
  dueAtReceipt: string | null;
  /** The full deadline computation (correction restart, pauses, counted extension) with its trace. */
  deadline: DeadlineResult | null;
  /** The deadline the reply is judged against. */
  due: string | null;
  correction: CorrectionFacts | null;
  consultations: ConsultationFacts[];
  extension: ExtensionFacts | null;
  fee: FeeFacts | null;
  reply: ReplyFacts | null;
  /** closed: replied within the data year; otherwise carried to the next year (结转下年度). */
  yearEnd: YearEndStatus;
  problems: ApplicationProblem[];
}

function problemOf(field: string, e: unknown): ApplicationProblem {
  const coded = codedOf(e);
  return e instanceof UnknownYearError ? { field, ...coded, unknownYear: e.year } : { field, ...coded };
}

/** The pause kind of the fee's payment window (the trace words it: pauseLabel). */
const FEE_PAUSE_KIND = "fee";
const NO_PAUSES: readonly DeadlinePause[] = Object.freeze([]);

/** What every application of a dataset shares, resolved once. */
interface FactContext {
  year: number;
  cal: Calendar;
  feePaymentDays: number;
  consultationAnswerDays: number;
  feePeriodPaused: boolean;
  lateExtensionCounts: boolean;
  dueDayIsOnTime: boolean;
  deadlines: DeadlineComputer;
  /** The input of each deadline computation, filled in anew for each (compute() keeps none of it). */
  input: DeadlineInput;
  yearStart: string;
  yearEnd: string;
}

function factContext(ctx: ApplicationFactContext, options: ApplicationFactsOptions): FactContext {
  const cal = ctx.calendar;
  const { feePaymentDays, consultationAnswerDays, feePeriodPaused, lateExtensionCounts } =
    resolveInterpretations(ctx, options);
  return {
    year: ctx.year,
    cal,
    feePaymentDays,
    consultationAnswerDays,
    feePeriodPaused,
    lateExtensionCounts,
    dueDayIsOnTime: resolveConvention(options.countingConvention).dueDayIsOnTime,
    deadlines: new DeadlineComputer({
      calendar: cal,
      ...(options.countingConvention ? { countingConvention: options.countingConvention } : {}),
    }),
    input: {
      received: "",
      regime: undefined,
      correctionNotified: undefined,
      correctionReceived: undefined,
      pauses: NO_PAUSES,
      extensionDays: undefined,
      extensionApproved: undefined,
      extensionNotified: undefined,
    },
    yearStart: `${ctx.year}-01-01`,
    yearEnd: `${ctx.year}-12-31`,
  };
}

/** `n` working days after `date`, or null with a problem recorded against `field`. */
function addWd(
  fc: FactContext,
  problems: ApplicationProblem[],
  date: string,
  n: number,
  field: string,
): string | null {
  try {
    return fc.cal.addWorkingDays(date, n);
  } catch (e) {
    problems.push(problemOf(field, e));
    return null;
  }
}

/** A date meets a limit (the due day itself counts as on time by default): see meetsLimit. */
function inTime(fc: FactContext, d: string, limit: string): boolean {
  return meetsLimit(d, limit, fc.dueDayIsOnTime);
}

/** Facts of one application. `year` is the data year. */
export function applicationFact(
  app: Application,
  index: number,
  ctx: ApplicationFactContext,
  options: ApplicationFactsOptions = {},
): ApplicationFacts {
  return factOf(app, index, factContext(ctx, options));
}

/** Consultations (Art. 32): each one's answer period and the pause it makes, from the letter to the answer. */
function consultationsOf(
  app: Application,
  fc: FactContext,
  problems: ApplicationProblem[],
): ConsultationFacts[] {
  const consultations: ConsultationFacts[] = [];
  const records = app.consultations;
  if (records !== undefined)
    for (let i = 0; i < records.length; i++) {
      const c = records[i]!;
      const answerDue = addWd(fc, problems, c.sent, fc.consultationAnswerDays, `consultations[${i}].sent`);
      consultations.push({
        index: i,
        party: c.party,
        sent: c.sent,
        answered: c.answered ?? null,
        answerDue,
        pauseTo: c.answered ?? answerDue,
        pauseAssumed: c.answered === undefined,
        consent: c.consent ?? null,
      });
    }

  return consultations;
}

/** The fee (Art. 42): the amount by the schedule of the request's regime, the payment window and the payment. */
function feeOf(
  app: Application,
  regime: Regime | null,
  fc: FactContext,
  problems: ApplicationProblem[],
): FeeFacts | null {
  let fee: FeeFacts | null = null;
  if (app.fee) {
    const f = app.fee;
    const payBy = addWd(fc, problems, f.noticeDate, fc.feePaymentDays, "fee.noticeDate");
    let expected: number | null = null;
    let tiers: FeeTier[] | null = null;
    let basis: string | null = null;
    if (regime !== null) {
      try {
        const c = computeFee({ regime, method: f.method, quantity: f.quantity });
        if (c.fee) {
          expected = c.fee.amount;
          tiers = c.fee.tiers;
          basis = c.fee.basis;
        }
      } catch (e) {
        problems.push(problemOf("fee.quantity", e));
      }
    }
    const paid = f.paid === true;
    fee = {
      method: f.method,
      quantity: f.quantity,
      charged: f.amount,
      expected,
      tiers,
      matches: expected === null ? null : expected === f.amount,
      basis,
      noticeDate: f.noticeDate,
      payBy,
      paid,
      paidDate: f.paidDate ?? null,
      paidInTime:
        paid && f.paidDate !== undefined && payBy !== null ? f.paidDate <= payBy : paid ? null : false,
    };
  }

  return fee;
}

/**
 * The pauses of the reply deadline: each consultation's, and the fee's payment window when the
 * dataset's interpretation pauses it (`feePeriodPaused`); undefined when there is none.
 */
export function deadlinePauses(
  consultations: readonly ConsultationFacts[],
  fee: FeeFacts | null,
  feePeriodPaused: boolean,
  feeKind: string,
): DeadlinePause[] | undefined {
  let pauses: DeadlinePause[] | undefined;
  for (const c of consultations)
    if (c.pauseTo !== null) (pauses ??= []).push({ from: c.sent, to: c.pauseTo, kind: c.party });
  if (fee && feePeriodPaused) {
    const to = fee.paid ? (fee.paidDate ?? fee.payBy) : fee.payBy;
    if (to !== null) (pauses ??= []).push({ from: fee.noticeDate, to, kind: feeKind });
  }

  return pauses;
}

interface DeadlineFacts {
  dueAtReceipt: string | null;
  deadline: DeadlineResult | null;
  due: string | null;
  extension: ExtensionFacts | null;
  correction: CorrectionFacts | null;
}

/** The reply deadline (Art. 33) with its correction, pauses and extension (Art. 30, 33). */
function deadlinesOf(
  app: Application,
  received: string | null,
  regime: Regime | null,
  pauses: DeadlinePause[] | undefined,
  fc: FactContext,
  problems: ApplicationProblem[],
): DeadlineFacts {
  let dueAtReceipt: string | null = null;
  let deadline: DeadlineResult | null = null;
  let due: string | null = null;
  let extension: ExtensionFacts | null = null;
  let correction: CorrectionFacts | null = null;
  const ext = app.extension;
  const maxExt = regime !== null ? REGIME_RULES[regime].maxExtensionDays : null;
  if (received !== null && regime !== null) {
    // Without a correction, a pause or an extension the full deadline is the receipt letter's
    // (the same steps, the same error when one fails): computed once.
    const plain = !app.correction && !ext && pauses === undefined;
    if (!plain) {
      try {
        dueAtReceipt = fc.deadlines.baseDue(received, regime);
      } catch (e) {
        problems.push(problemOf("received", e));
      }
    }
    const correctionNotified = app.correction ? app.correction.notified : undefined;
    const correctionReceived = app.correction?.correctedReceived
      ? app.correction.correctedReceived
      : undefined;
    try {
      const counted = ext && maxExt !== null ? Math.min(ext.days, maxExt) : 0;
      const input = fc.input;
      input.received = received;
      input.regime = regime;
      input.correctionNotified = correctionNotified;
      input.correctionReceived = correctionReceived;
      input.pauses = pauses ?? NO_PAUSES;
      input.extensionDays = ext ? counted : undefined;
      input.extensionApproved = ext ? ext.approved : undefined;
      input.extensionNotified = ext ? ext.notified : undefined;
      let full: DeadlineResult;
      try {
        full = fc.deadlines.compute(input);
      } catch (e) {
        // The receipt letter's deadline (the same computation here) is a problem of its own.
        if (plain) problems.push(problemOf("received", e));
        throw e;
      }
      if (plain) dueAtReceipt = full.due;
      deadline = full;
      const extCounts = !ext || full.extensionLate !== true || fc.lateExtensionCounts;
      due = extCounts ? full.due : full.dueWithoutExtension;
      if (app.correction) {
        const c = app.correction;
        correction = {
          notified: c.notified,
          due: full.correctionDue,
          onTime: full.correctionNoticeOnTime,
          periodDays: c.periodDays ?? null,
          periodEnd:
            c.periodDays !== undefined
              ? addWd(fc, problems, c.notified, c.periodDays, "correction.periodDays")
              : null,
          correctedReceived: c.correctedReceived ?? null,
          corrected: c.correctedReceived !== undefined,
        };
      }
      if (ext && maxExt !== null) {
        const originalDue = full.dueWithoutExtension;
        const approvedInTime = inTime(fc, ext.approved, originalDue);
        const notifiedInTime = inTime(fc, ext.notified, originalDue);
        // The deadline as the notice states it: pauses completed by the notice date only.
        const all = pauses ?? NO_PAUSES;
        const known = all.filter((p) => p.to <= ext.notified);
        const ongoing = all.some((p) => p.from <= ext.notified && p.to > ext.notified);
        let newDue: string | null = null;
        let noticeOriginalDue: string | null = null;
        try {
          // The same request, with the pauses completed by the notice date.
          input.pauses = known;
          input.extensionDays = counted;
          const atNotice = fc.deadlines.compute(input);
          newDue = atNotice.due;
          noticeOriginalDue = atNotice.dueWithoutExtension;
        } catch (e) {
          problems.push(problemOf("extension", e));
        }
        extension = {
          days: ext.days,
          maxDays: maxExt,
          withinLimit: ext.days <= maxExt,
          countedDays: extCounts ? counted : 0,
          approved: ext.approved,
          notified: ext.notified,
          originalDue,
          approvedInTime,
          notifiedInTime,
          lawful: ext.days <= maxExt && approvedInTime && notifiedInTime,
          noticeOriginalDue,
          newDue,
          pauseOngoingAtNotice: ongoing,
        };
      }
    } catch (e) {
      problems.push(problemOf("received", e));
    }
  }
  if (app.correction && correction === null) {
    const c = app.correction;
    correction = {
      notified: c.notified,
      due: null,
      onTime: null,
      periodDays: c.periodDays ?? null,
      periodEnd: null,
      correctedReceived: c.correctedReceived ?? null,
      corrected: c.correctedReceived !== undefined,
    };
  }
  if (ext && extension === null) {
    extension = {
      days: ext.days,
      maxDays: maxExt ?? 0,
      withinLimit: maxExt === null ? false : ext.days <= maxExt,
      countedDays: 0,
      approved: ext.approved,
      notified: ext.notified,
      originalDue: null,
      approvedInTime: null,
      notifiedInTime: null,
      lawful: null,
      noticeOriginalDue: null,
      newDue: null,
      pauseOngoingAtNotice: false,
    };
  }

  return { dueAtReceipt, deadline, due, extension, correction };
}

/** The reply: its date, type and reason, and whether it met the deadline. */
function replyOf(
  app: Application,
  due: string | null,
  deadline: DeadlineResult | null,
  fc: FactContext,
  problems: ApplicationProblem[],
): ReplyFacts | null {
  const { cal, yearStart, yearEnd } = fc;
  let reply: ReplyFacts | null = null;
  if (app.reply) {
    const r = app.reply;
    let onTime: boolean | null = null;
    let late: number | null = null;
    if (due !== null && deadline !== null) {
      try {
        if (tryParseDay(r.date) === undefined) cal.parse(r.date, "reply.date");
        onTime = inTime(fc, r.date, due);
        late = onTime ? 0 : Math.max(1, cal.workingDaysBetween(due, r.date));
      } catch (e) {
        problems.push(problemOf("reply.date", e));
      }
    }
    reply = {
      date: r.date,
      type: r.type,
      reason: r.reason ?? null,
      onTime,
      workingDaysLate: late,
      inYear: r.date >= yearStart && r.date <= yearEnd,
    };
  }

  return reply;
}

function factOf(app: Application, index: number, fc: FactContext): ApplicationFacts {
  const { yearStart, yearEnd } = fc;
  const problems: ApplicationProblem[] = [];

  // Receipt date (Art. 31).
  let received: string | null = null;
  let receivedFrom: ApplicationFacts["receivedFrom"] = null;
  try {
    received = receiptDate(app);
    receivedFrom = app.received !== undefined ? "received" : DEFAULT_RECEIPT_BASIS[app.channel];
  } catch (e) {
    const basis = DEFAULT_RECEIPT_BASIS[app.channel] ?? "received";
    problems.push(problemOf(basis, e));
  }

  // The law in force on the receipt date governs the request (regulations.md §1); a dataset-level
  // `regime` names the data year's regime and never re-dates a request (it used to: a request of
  // 2014 was judged on 20 working days and cited the 2019 articles).
  const regime: Regime | null = received !== null ? regimeFor(received) : null;
  const regimeSource = received !== null ? "receipt-date" : null;

  const consultations = consultationsOf(app, fc, problems);
  const fee = feeOf(app, regime, fc, problems);
  const pauses = deadlinePauses(consultations, fee, fc.feePeriodPaused, FEE_PAUSE_KIND);
  const { dueAtReceipt, deadline, due, extension, correction } = deadlinesOf(
    app,
    received,
    regime,
    pauses,
    fc,
    problems,
  );
  const reply = replyOf(app, due, deadline, fc, problems);

  const carriedOver = app.carriedOver ?? (received !== null && received < yearStart);
  return {
    id: app.id,
    index,
    carriedOver,
    received,
    receivedFrom,
    regime,
    regimeSource,
    dueAtReceipt,
    deadline,
    due,
    correction,
    consultations,
    extension,
    fee,
    reply,
    yearEnd: reply !== null && reply.date <= yearEnd ? "closed" : "carried-to-next-year",
    problems,
  };
}

/** Facts of every application of the dataset, in dataset order. */
export function applicationFacts(
  dataset: Dataset,
  calendar: Calendar,
  options: ApplicationFactsOptions = {},
): ApplicationFacts[] {
  const apps = dataset.disclosure.applications ?? [];
  const fc = factContext(applicationFactContext(dataset, calendar), options);
  const out: ApplicationFacts[] = [];
  for (let i = 0; i < apps.length; i++) out.push(factOf(apps[i]!, i, fc));
  return out;
}
