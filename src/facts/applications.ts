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
 * Interpretations (options, documented defaults):
 * - `feePeriodPaused` (true): the time from the fee notice to payment — or to the end of the
 *   payment period when unpaid — is not counted in the reply deadline (国办函〔2020〕109号 on
 *   the fee notice and payment period).
 * - `consultationAnswerDays` (15): a consultation without a recorded answer pauses the deadline
 *   until the end of the answer period (ogi-2019 Art. 32, 34: 15 working days), counted from the
 *   day the letter was sent.
 * - `lateExtensionCounts` (false): an extension approved or notified after the original deadline
 *   does not move the deadline the reply is judged against.
 */
import {
  computeDeadline,
  resolveConvention,
  REGIME_RULES,
  regimeFor,
  receiptDate,
  computeFee,
  type Calendar,
  type CountingConvention,
  type DeadlinePause,
  type DeadlineResult,
  type FeeTier,
  type ReceiptBasis,
  DEFAULT_RECEIPT_BASIS,
} from "../calendar/index.js";
import type { ConsultationParty, FeeMethod, Reason, Regime, ReplyType } from "../data/codes.js";
import type { Application, Dataset } from "../data/types.js";
import { t, type Lang } from "../util/i18n.js";

export interface ApplicationFactsOptions {
  lang?: Lang;
  countingConvention?: Partial<CountingConvention>;
  /** Working days the applicant has to pay a fee, from the day after the notice (default 20). */
  feePaymentDays?: number;
  /** Working days a consulted party has to answer (default 15, ogi-2019 Art. 32, 34). */
  consultationAnswerDays?: number;
  /** The fee notice-to-payment period is not counted in the reply deadline (default true). */
  feePeriodPaused?: boolean;
  /** An extension granted after the original deadline still moves the deadline (default false). */
  lateExtensionCounts?: boolean;
}

export const DEFAULT_APPLICATION_FACTS_OPTIONS = Object.freeze({
  feePaymentDays: 20,
  consultationAnswerDays: 15,
  feePeriodPaused: true,
  lateExtensionCounts: false,
});

/** A record that lacks what a computation needs: the field (relative to the application) and why. */
export interface ApplicationProblem {
  field: string;
  message: string;
}

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
  regimeSource: "pinned" | "receipt-date" | null;
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

function msg(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const FEE_PAUSE_KIND: Record<Lang, string> = { zh: "收费通知至缴费", en: "fee notice to payment" };

/** Facts of one application. `year` is the data year. */
export function applicationFact(
  app: Application,
  index: number,
  ctx: { year: number; pinned?: Regime; calendar: Calendar },
  options: ApplicationFactsOptions = {},
): ApplicationFacts {
  const lang = options.lang ?? "zh";
  const o = { ...DEFAULT_APPLICATION_FACTS_OPTIONS, ...stripUndefined(options) };
  const cal = ctx.calendar.withLang(lang);
  const problems: ApplicationProblem[] = [];
  const problem = (field: string, e: unknown): void => {
    problems.push({ field, message: msg(e) });
  };
  const addWd = (date: string, n: number, field: string): string | null => {
    try {
      return cal.addWorkingDays(date, n);
    } catch (e) {
      problem(field, e);
      return null;
    }
  };
  const conv = resolveConvention(options.countingConvention);
  /** A date meets a limit (the due day itself counts as on time by default). */
  const inTime = (d: string, limit: string): boolean => (conv.dueDayIsOnTime ? d <= limit : d < limit);
  const yearStart = `${ctx.year}-01-01`;
  const yearEnd = `${ctx.year}-12-31`;

  // Receipt date (Art. 31).
  let received: string | null = null;
  let receivedFrom: ApplicationFacts["receivedFrom"] = null;
  try {
    received = receiptDate(
      {
        channel: app.channel,
        submitted: app.submitted,
        ...(app.signedFor !== undefined ? { signedFor: app.signedFor } : {}),
        ...(app.confirmed !== undefined ? { confirmed: app.confirmed } : {}),
        ...(app.received !== undefined ? { received: app.received } : {}),
      },
      { lang },
    );
    receivedFrom = app.received !== undefined ? "received" : DEFAULT_RECEIPT_BASIS[app.channel];
  } catch (e) {
    const basis = DEFAULT_RECEIPT_BASIS[app.channel] ?? "received";
    problem(basis, e);
  }

  const regime: Regime | null = ctx.pinned ?? (received !== null ? regimeFor(received) : null);
  const regimeSource = ctx.pinned !== undefined ? "pinned" : received !== null ? "receipt-date" : null;

  // Consultations: pauses from the letter to the answer (or the end of the answer period).
  const consultations: ConsultationFacts[] = (app.consultations ?? []).map((c, i) => {
    const answerDue = addWd(c.sent, o.consultationAnswerDays, `consultations[${i}].sent`);
    const pauseTo = c.answered ?? answerDue;
    return {
      index: i,
      party: c.party,
      sent: c.sent,
      answered: c.answered ?? null,
      answerDue,
      pauseTo,
      pauseAssumed: c.answered === undefined,
      consent: c.consent ?? null,
    };
  });

  // Fee.
  let fee: FeeFacts | null = null;
  if (app.fee) {
    const f = app.fee;
    const payBy = addWd(f.noticeDate, o.feePaymentDays, "fee.noticeDate");
    let expected: number | null = null;
    let tiers: FeeTier[] | null = null;
    let basis: string | null = null;
    if (regime !== null) {
      try {
        const c = computeFee({ regime, method: f.method, quantity: f.quantity }, lang);
        if (c.fee) {
          expected = c.fee.amount;
          tiers = c.fee.tiers;
          basis = c.fee.basis;
        }
      } catch (e) {
        problem("fee.quantity", e);
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

  const pauses: DeadlinePause[] = [];
  for (const c of consultations)
    if (c.pauseTo !== null) pauses.push({ from: c.sent, to: c.pauseTo, kind: c.party });
  if (fee && o.feePeriodPaused) {
    const to = fee.paid ? (fee.paidDate ?? fee.payBy) : fee.payBy;
    if (to !== null) pauses.push({ from: fee.noticeDate, to, kind: FEE_PAUSE_KIND[lang] });
  }

  // Deadlines.
  const convention = options.countingConvention ? { countingConvention: options.countingConvention } : {};
  const dOpts = { calendar: cal, lang, ...convention };
  let dueAtReceipt: string | null = null;
  let deadline: DeadlineResult | null = null;
  let due: string | null = null;
  let extension: ExtensionFacts | null = null;
  let correction: CorrectionFacts | null = null;
  const ext = app.extension;
  const maxExt = regime !== null ? REGIME_RULES[regime].maxExtensionDays : null;
  if (received !== null && regime !== null) {
    try {
      dueAtReceipt = computeDeadline({ received, regime }, dOpts).due;
    } catch (e) {
      problem("received", e);
    }
    const base = {
      received,
      regime,
      ...(app.correction ? { correctionNotified: app.correction.notified } : {}),
      ...(app.correction?.correctedReceived ? { correctionReceived: app.correction.correctedReceived } : {}),
    };
    try {
      const counted = ext && maxExt !== null ? Math.min(ext.days, maxExt) : 0;
      const full = computeDeadline(
        {
          ...base,
          pauses,
          ...(ext
            ? { extensionDays: counted, extensionApproved: ext.approved, extensionNotified: ext.notified }
            : {}),
        },
        dOpts,
      );
      deadline = full;
      const extCounts = !ext || full.extensionLate !== true || o.lateExtensionCounts;
      due = extCounts ? full.due : full.dueWithoutExtension;
      if (app.correction) {
        const c = app.correction;
        correction = {
          notified: c.notified,
          due: full.correctionDue,
          onTime: full.correctionNoticeOnTime,
          periodDays: c.periodDays ?? null,
          periodEnd:
            c.periodDays !== undefined ? addWd(c.notified, c.periodDays, "correction.periodDays") : null,
          correctedReceived: c.correctedReceived ?? null,
          corrected: c.correctedReceived !== undefined,
        };
      }
      if (ext && maxExt !== null) {
        const originalDue = full.dueWithoutExtension;
        const approvedInTime = inTime(ext.approved, originalDue);
        const notifiedInTime = inTime(ext.notified, originalDue);
        // The deadline as the notice states it: pauses completed by the notice date only.
        const known = pauses.filter((p) => p.to <= ext.notified);
        const ongoing = pauses.some((p) => p.from <= ext.notified && p.to > ext.notified);
        let newDue: string | null = null;
        let noticeOriginalDue: string | null = null;
        try {
          const atNotice = computeDeadline(
            {
              ...base,
              pauses: known,
              extensionDays: counted,
              extensionApproved: ext.approved,
              extensionNotified: ext.notified,
            },
            dOpts,
          );
          newDue = atNotice.due;
          noticeOriginalDue = atNotice.dueWithoutExtension;
        } catch (e) {
          problem("extension", e);
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
      problem("received", e);
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

  // Reply.
  let reply: ReplyFacts | null = null;
  if (app.reply) {
    const r = app.reply;
    let onTime: boolean | null = null;
    let late: number | null = null;
    if (due !== null && deadline !== null) {
      try {
        cal.parse(r.date, "reply.date");
        onTime = inTime(r.date, due);
        late = onTime ? 0 : Math.max(1, cal.workingDaysBetween(due, r.date));
      } catch (e) {
        problem("reply.date", e);
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
  const ctx = { year: dataset.year, calendar, ...(dataset.regime ? { pinned: dataset.regime } : {}) };
  return apps.map((a, i) => applicationFact(a, i, ctx, options));
}

/** A one-line description of a problem, naming the application by id only. */
export function formatApplicationProblem(id: string, p: ApplicationProblem, lang: Lang = "zh"): string {
  return t(lang, `${id}：${p.field}：${p.message}`, `${id}: ${p.field}: ${p.message}`);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
