/**
 * The statutory reply deadline of an on-request disclosure (regulations.md §2), with a trace
 * that explains it day by day. Generic: other modules adapt dataset records into
 * DeadlineInput.
 *
 * Rule (default convention, see convention.ts): the receipt day — or the day the corrected
 * request is received — is day 0; the deadline is the N-th working day strictly after it,
 * N = base + extension; working days inside a consultation pause (send day to answer day, both
 * inclusive) are not counted.
 */
import { CodedUserError, type InputMessage } from "../data/input-messages.js";
import type { Lang } from "../util/i18n.js";
import { defaultCalendar, type Calendar } from "./calendar.js";
import { meetsLimit, resolveConvention, type CountingConvention } from "./convention.js";
import { formatDay, parseDay, tryParseDay } from "./dates.js";
import { isRegime, regimeFor, REGIME_RULES, type Regime, type RegimeRules } from "../law/regime.js";

export type PauseKind = "third-party" | "agency" | (string & {});

/** A consultation: letter sent on `from`, answer received on `to`. */
export interface DeadlinePause {
  from: string;
  to: string;
  kind?: PauseKind;
}

export interface DeadlineInput {
  /** Receipt date (see receiptDate() for how the channel decides it). */
  received: string;
  /** Default: by receipt date (regimeFor). */
  regime?: Regime;
  /** Approved extension in working days (0 = none). */
  extensionDays?: number;
  /** Date the extension was approved (audit: after the original deadline is a finding). */
  extensionApproved?: string;
  /** Date the extension was notified to the applicant (same). */
  extensionNotified?: string;
  /** Date the correction notice (补正告知) was sent. */
  correctionNotified?: string;
  /** Date the corrected request was received: counting restarts from it as day 0. */
  correctionReceived?: string;
  pauses?: readonly DeadlinePause[];
}

export interface DeadlineOptions {
  /** Default: the shipped national calendar. */
  calendar?: Calendar;
  countingConvention?: Partial<CountingConvention>;
  /** Language of notes and messages (default zh). */
  lang?: Lang;
}

export type TraceClass = "start" | "counted" | "weekend" | "holiday" | "makeup-workday" | "paused";

/** One day from day 0 to the due date. */
export interface TraceEntry {
  date: string;
  class: TraceClass;
  /** Name of the holiday (holiday, or the holiday a make-up workday belongs to). */
  holidayName?: string;
  /** Running count of working days counted so far (counted and makeup-workday days). */
  n?: number;
}

export type DeadlineEventKind =
  | "received"
  | "correction-notice"
  | "correction-restart"
  | "correction-received"
  | "pause-start"
  | "pause-end"
  | "extension"
  | "due";

/**
 * A day of the deadline's story as a code and its data (eslint's messageId + data): the edges
 * word it (`eventNote` in ./trace-format.ts), one derivation for every language.
 */
export type DeadlineEvent = { date: string } & (
  | { kind: "received"; data: { regime: Regime; baseDays: number } }
  /** `due`: the correction notice's own limit (null where there is none); `late`: sent after it. */
  | { kind: "correction-notice"; data: { due: string | null; late: boolean } }
  | { kind: "correction-restart"; data: Record<string, never> }
  | { kind: "correction-received"; data: Record<string, never> }
  /** `pause`: the pause's kind as given (a consultation's party, "fee", or free text). */
  | { kind: "pause-start"; data: { pause: PauseKind | null } }
  /** `days`: working days not counted; null when the pause lies outside the counting period. */
  | { kind: "pause-end"; data: { pause: PauseKind | null; days: number | null } }
  /** `originalDue`: the deadline without it; `late`: approved or notified after that. */
  | { kind: "extension"; data: { days: number; originalDue: string; late: boolean } }
  /** `workingDay`: the due date's count; `pausedDays`: working days paused on the way. */
  | { kind: "due"; data: { workingDay: number; pausedDays: number } }
);

/**
 * A computed deadline. `events` and `trace` are computed on first access (getters, so bulk
 * computation stays cheap); JSON.stringify includes them, object spread does not.
 */
export interface DeadlineResult {
  regime: Regime;
  /** The original receipt date. */
  received: string;
  /** Day 0 actually used: the receipt, or the receipt of the corrected request. */
  start: string;
  /** Last day of the time limit (a reply dated on it is on time by default). */
  due: string;
  baseDays: number;
  extensionDays: number;
  /** Working days not counted because of consultation pauses (up to the due date). */
  pausedDays: number;
  /** The deadline without the extension (pauses included). */
  dueWithoutExtension: string;
  /** Correction notice due date (7 WD after receipt, ogi-2019); null where there is no limit. */
  correctionDue: string | null;
  correctionNotified: string | null;
  /** Whether the correction notice was sent in time; null when not applicable. */
  correctionNoticeOnTime: boolean | null;
  extensionApproved: string | null;
  extensionNotified: string | null;
  /** Extension approved or notified after the original deadline (audit finding); null when no dates. */
  extensionLate: boolean | null;
  /** Events in date order (computed on first access). */
  readonly events: DeadlineEvent[];
  /** Every day from `start` to `due` (computed on first access). */
  readonly trace: TraceEntry[];
}

interface Span {
  from: number;
  to: number;
}

/** What the lazy trace and events need besides the public fields. */
interface Context {
  cal: Calendar;
  rules: RegimeRules;
  rcv: number;
  startN: number;
  anchorN: number;
  dueN: number;
  baseDueN: number;
  correctionDueN: number | undefined;
  corrNotified: number | undefined;
  corrReceived: number | undefined;
  restart: boolean;
  extApproved: number | undefined;
  extNotified: number | undefined;
  spans: Span[];
  rawPauses: RawPause[];
}

class Result implements DeadlineResult {
  declare regime: Regime;
  declare received: string;
  declare start: string;
  declare due: string;
  declare baseDays: number;
  declare extensionDays: number;
  declare pausedDays: number;
  declare dueWithoutExtension: string;
  declare correctionDue: string | null;
  declare correctionNotified: string | null;
  declare correctionNoticeOnTime: boolean | null;
  declare extensionApproved: string | null;
  declare extensionNotified: string | null;
  declare extensionLate: boolean | null;
  // What the trace and the events need beyond the public fields (which give the rest: the
  // result of every request is kept, so it stays small).
  #cal: Calendar;
  #anchorN: number;
  #corrReceived: number | undefined;
  #restart: boolean;
  #spans: Span[];
  #rawPauses: RawPause[];
  #trace: TraceEntry[] | undefined;
  #events: DeadlineEvent[] | undefined;

  /** Public fields are assigned by compute(), always in the same order (one hidden class). */
  constructor(
    cal: Calendar,
    anchorN: number,
    corrReceived: number | undefined,
    restart: boolean,
    spans: Span[],
    rawPauses: RawPause[],
  ) {
    this.#cal = cal;
    this.#anchorN = anchorN;
    this.#corrReceived = corrReceived;
    this.#restart = restart;
    this.#spans = spans;
    this.#rawPauses = rawPauses;
  }

  /** The computation's day numbers, read back from the dates of the result (all valid). */
  #context(): Context {
    const day = (s: string): number => tryParseDay(s) as number;
    const optDay = (s: string | null): number | undefined => (s === null ? undefined : day(s));
    const cal = this.#cal;
    return {
      cal,
      rules: REGIME_RULES[this.regime],
      rcv: day(this.received),
      startN: day(this.start),
      anchorN: this.#anchorN,
      dueN: day(this.due),
      baseDueN: day(this.dueWithoutExtension),
      correctionDueN: optDay(this.correctionDue),
      corrNotified: optDay(this.correctionNotified),
      corrReceived: this.#corrReceived,
      restart: this.#restart,
      extApproved: optDay(this.extensionApproved),
      extNotified: optDay(this.extensionNotified),
      spans: this.#spans,
      rawPauses: this.#rawPauses,
    };
  }

  /** Events in date order (computed on first access). */
  get events(): DeadlineEvent[] {
    this.#events ??= buildEvents(this, this.#context());
    return this.#events;
  }

  get trace(): TraceEntry[] {
    this.#trace ??= buildTrace(
      this.#cal,
      tryParseDay(this.start) as number,
      this.#anchorN,
      tryParseDay(this.due) as number,
      this.#spans,
    );
    return this.#trace;
  }

  toJSON(): DeadlineResult {
    return { ...this, events: this.events, trace: this.trace };
  }
}

function buildTrace(
  cal: Calendar,
  startN: number,
  anchorN: number,
  dueN: number,
  spans: Span[],
): TraceEntry[] {
  const out: TraceEntry[] = [];
  let n = 0;
  let s = 0;
  for (let d = startN; d <= dueN; d++) {
    while (s < spans.length && (spans[s] as Span).to < d) s++;
    const span = spans[s];
    const paused = span !== undefined && span.from <= d && d <= span.to && d > anchorN;
    const cls = cal.classOfN(d);
    const name = cal.nameOfN(d);
    let e: TraceEntry;
    if (d === anchorN) e = { date: formatDay(d), class: "start" };
    else if (cls === "workday" || cls === "makeup-workday") {
      if (paused) e = { date: formatDay(d), class: "paused" };
      else e = { date: formatDay(d), class: cls === "workday" ? "counted" : "makeup-workday", n: ++n };
    } else e = { date: formatDay(d), class: cls };
    if (name !== undefined && cls !== "workday") e.holidayName = name;
    out.push(e);
  }
  return out;
}

/** Merge overlapping or adjacent spans (sorted by `from`). */
function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.from <= last.to + 1) last.to = Math.max(last.to, s.to);
    else out.push({ ...s });
  }
  return out;
}

/**
 * The N-th counted working day after `anchor`, skipping pause spans (sorted, disjoint); the
 * paused working days go to `walkPaused`.
 */
function walk(cal: Calendar, anchor: number, days: number, spans: Span[]): number {
  walkPaused = 0;
  if (spans.length === 0) return cal.addWorkingDaysN(anchor, days);
  let pos = anchor;
  let remaining = days;
  let pausedDays = 0;
  for (const p of spans) {
    if (p.to <= pos) continue;
    const from = Math.max(p.from, pos + 1);
    cal.checkKnown(pos + 1, p.to);
    const avail = cal.countUpToN(from - 1) - cal.countUpToN(pos);
    if (avail >= remaining) break;
    remaining -= avail;
    pausedDays += cal.countUpToN(p.to) - cal.countUpToN(from - 1);
    pos = p.to;
  }
  walkPaused = pausedDays;
  return cal.addWorkingDaysN(pos, remaining);
}

function dateErr(lang: Lang, m: InputMessage): CodedUserError {
  return new CodedUserError(m, lang);
}

interface RawPause {
  pause: DeadlinePause;
  /** Working days not counted (after the convention on send and answer days). */
  span: Span;
  fromN: number;
  toN: number;
}
const NO_PAUSES: RawPause[] = [];
const NO_SPANS: Span[] = [];

function parsePauses(input: DeadlineInput, cal: Calendar, conv: CountingConvention, rcv: number): RawPause[] {
  const lang = cal.lang;
  return (input.pauses ?? []).map((p, i) => {
    const what = `pauses[${i}]`;
    const from = tryParseDay(p.from) ?? cal.parse(p.from, `${what}.from`);
    const to = tryParseDay(p.to) ?? cal.parse(p.to, `${what}.to`);
    if (to < from)
      throw dateErr(lang, { messageId: "pause-end-before-start", data: { what, from: p.from, to: p.to } });
    if (from < rcv)
      throw dateErr(lang, {
        messageId: "pause-before-receipt",
        data: { what, from: p.from, received: input.received },
      });
    const span = {
      from: conv.pauseIncludesSendDay ? from : from + 1,
      to: conv.pauseIncludesAnswerDay ? to : to - 1,
    };
    return { pause: p, span, fromN: from, toN: to };
  });
}

/** An optional date of the request, not before its receipt. */
function optDate(
  cal: Calendar,
  rcv: number,
  input: DeadlineInput,
  v: string | undefined,
  what: string,
): number | undefined {
  if (v === undefined) return undefined;
  const n = tryParseDay(v) ?? cal.parse(v, what);
  if (n < rcv)
    throw dateErr(cal.lang, {
      messageId: "date-before-receipt",
      data: { what, date: v, received: input.received },
    });
  return n;
}

/** Compute the reply deadline of one request. Throws UserError on inconsistent input. */
export function computeDeadline(input: DeadlineInput, options: DeadlineOptions = {}): DeadlineResult {
  return new DeadlineComputer(options).compute(input);
}

/** Paused working days of the last walk() (module scratch: no allocation per call). */
let walkPaused = 0;

/**
 * Deadlines of many requests under one calendar, convention and language (resolved once):
 * `compute(input)` is computeDeadline(input, options).
 */
export class DeadlineComputer {
  readonly lang: Lang;
  private readonly cal: Calendar;
  private readonly conv: CountingConvention;

  constructor(options: DeadlineOptions = {}) {
    this.lang = options.lang ?? "zh";
    this.cal = (options.calendar ?? defaultCalendar(this.lang)).withLang(this.lang);
    this.conv = resolveConvention(options.countingConvention);
  }

  /** The regime of a request: as given (validated), else by its receipt date. */
  private regimeOf(regime: Regime | undefined, received: string): Regime {
    if (regime !== undefined && !isRegime(regime))
      throw dateErr(this.lang, { messageId: "unknown-regime", data: { regime: String(regime) } });
    return regime ?? regimeFor(received);
  }

  /** An extension is a whole number of working days within the regime's limit. */
  private checkExtension(ext: number, regime: Regime, rules: RegimeRules): void {
    const lang = this.lang;
    if (!Number.isInteger(ext) || ext < 0)
      throw dateErr(lang, { messageId: "extension-not-whole", data: { days: String(ext) } });
    if (ext > rules.maxExtensionDays)
      throw dateErr(lang, {
        messageId: "extension-over-limit",
        data: { days: ext, regime, maxDays: rules.maxExtensionDays },
      });
  }

  /** Day 0 of the count: the start, or the day before it when a working start day counts as day 1. */
  private anchorOf(startN: number): number {
    return this.conv.receiptDay === "day-one-if-working" && this.cal.isWorkingDayN(startN)
      ? startN - 1
      : startN;
  }

  /**
   * The deadline of a request with nothing but its receipt date (and regime): the same due date
   * and the same errors as compute({ received, regime }).due, without building the result.
   */
  baseDue(received: string, regime?: Regime): string {
    const cal = this.cal;
    const rcv = tryParseDay(received) ?? cal.parse(received, "received");
    const rules = REGIME_RULES[this.regimeOf(regime, received)];
    cal.checkKnown(rcv, rcv);
    const dueN = cal.addWorkingDaysN(this.anchorOf(rcv), rules.baseDays);
    // compute() also works out the correction notice's due date, which can reach a year without data.
    if (rules.correctionNoticeDays !== null) cal.addWorkingDaysN(rcv, rules.correctionNoticeDays);
    return formatDay(dueN);
  }

  /** The deadline of one request (the result keeps nothing of `input` but its values). */
  compute(input: DeadlineInput): DeadlineResult {
    const { cal, conv, lang } = this;
    const rcv = tryParseDay(input.received) ?? cal.parse(input.received, "received");
    const regime = this.regimeOf(input.regime, input.received);
    const rules = REGIME_RULES[regime];
    const ext = input.extensionDays ?? 0;
    this.checkExtension(ext, regime, rules);
    cal.checkKnown(rcv, rcv);

    const corrNotified = optDate(cal, rcv, input, input.correctionNotified, "correctionNotified");
    const corrReceived = optDate(cal, rcv, input, input.correctionReceived, "correctionReceived");
    if (corrNotified !== undefined && corrReceived !== undefined && corrReceived < corrNotified)
      throw dateErr(lang, {
        messageId: "correction-before-notice",
        data: { correctionReceived: input.correctionReceived!, notified: input.correctionNotified! },
      });
    const extApproved = optDate(cal, rcv, input, input.extensionApproved, "extensionApproved");
    const extNotified = optDate(cal, rcv, input, input.extensionNotified, "extensionNotified");

    const restart = corrReceived !== undefined && conv.restartOnCorrection[regime];
    const startN = restart ? corrReceived : rcv;
    cal.checkKnown(startN, startN);
    const anchorN = this.anchorOf(startN);

    const rawPauses =
      input.pauses === undefined || input.pauses.length === 0
        ? NO_PAUSES
        : parsePauses(input, cal, conv, rcv);
    const spans =
      rawPauses.length === 0
        ? NO_SPANS
        : mergeSpans(rawPauses.map((p) => p.span).filter((s) => s.to >= s.from));

    const baseDueN = walk(cal, anchorN, rules.baseDays, spans);
    const dueN = ext > 0 ? walk(cal, anchorN, rules.baseDays + ext, spans) : baseDueN;
    const pausedDays = walkPaused;

    const correctionDueN =
      rules.correctionNoticeDays === null ? undefined : cal.addWorkingDaysN(rcv, rules.correctionNoticeDays);
    const onTime = conv.dueDayIsOnTime;
    const r = new Result(cal, anchorN, corrReceived, restart, spans, rawPauses);
    r.regime = regime;
    r.received = input.received;
    r.start = formatDay(startN);
    r.due = formatDay(dueN);
    r.baseDays = rules.baseDays;
    r.extensionDays = ext;
    r.pausedDays = pausedDays;
    r.dueWithoutExtension = formatDay(baseDueN);
    r.correctionDue = correctionDueN === undefined ? null : formatDay(correctionDueN);
    r.correctionNotified = input.correctionNotified ?? null;
    r.correctionNoticeOnTime =
      corrNotified === undefined || correctionDueN === undefined
        ? null
        : meetsLimit(corrNotified, correctionDueN, onTime);
    r.extensionApproved = input.extensionApproved ?? null;
    r.extensionNotified = input.extensionNotified ?? null;
    r.extensionLate =
      ext === 0 || (extApproved === undefined && extNotified === undefined)
        ? null
        : (extApproved !== undefined && !meetsLimit(extApproved, baseDueN, onTime)) ||
          (extNotified !== undefined && !meetsLimit(extNotified, baseDueN, onTime));
    return r;
  }
}

function buildEvents(r: Result, c: Context): DeadlineEvent[] {
  const { cal, rules } = c;
  const ev: { n: number; e: DeadlineEvent }[] = [];
  const add = (n: number, e: DeadlineEvent): void => {
    ev.push({ n, e });
  };
  add(c.rcv, {
    date: formatDay(c.rcv),
    kind: "received",
    data: { regime: r.regime, baseDays: rules.baseDays },
  });
  if (c.corrNotified !== undefined)
    add(c.corrNotified, {
      date: formatDay(c.corrNotified),
      kind: "correction-notice",
      data: {
        due: c.correctionDueN === undefined ? null : r.correctionDue,
        late: r.correctionNoticeOnTime === false,
      },
    });
  if (c.corrReceived !== undefined)
    add(c.corrReceived, {
      date: formatDay(c.corrReceived),
      kind: c.restart ? "correction-restart" : "correction-received",
      data: {},
    });
  for (const { pause, span, fromN, toN } of c.rawPauses) {
    const kind = pause.kind === undefined || pause.kind === "" ? null : pause.kind;
    const from = Math.max(span.from, c.anchorN + 1);
    const inPeriod = span.to > c.anchorN && span.from <= c.dueN;
    const days = inPeriod && span.to >= from ? cal.countUpToN(span.to) - cal.countUpToN(from - 1) : 0;
    add(fromN, { date: formatDay(fromN), kind: "pause-start", data: { pause: kind } });
    add(toN, {
      date: formatDay(toN),
      kind: "pause-end",
      data: { pause: kind, days: inPeriod ? days : null },
    });
  }
  const ext = r.extensionDays;
  if (ext > 0) {
    const n = c.extNotified ?? c.extApproved ?? c.baseDueN;
    add(n, {
      date: formatDay(n),
      kind: "extension",
      data: { days: ext, originalDue: r.dueWithoutExtension, late: r.extensionLate === true },
    });
  }
  add(c.dueN, {
    date: formatDay(c.dueN),
    kind: "due",
    data: { workingDay: rules.baseDays + ext, pausedDays: r.pausedDays },
  });
  ev.sort((a, b) => a.n - b.n);
  return ev.map((x) => x.e);
}

export interface OnTimeOptions {
  countingConvention?: Partial<CountingConvention>;
  lang?: Lang;
}

/** Whether a reply dated `replyDate` meets the deadline (on the due day counts as on time by default). */
export function isReplyOnTime(
  result: DeadlineResult,
  replyDate: string,
  options: OnTimeOptions = {},
): boolean {
  const conv = resolveConvention(options.countingConvention);
  const lang = options.lang ?? "zh";
  const reply = parseDay(replyDate, "replyDate", lang);
  const due = parseDay(result.due, "due", lang);
  return meetsLimit(reply, due, conv.dueDayIsOnTime);
}
