/**
 * The workbench's statistics of a year: applications by month of receipt, by channel, by
 * outcome and by working days to reply. Counted here from the facts (the outcome figures are
 * the annual report's own, table 三), so no page counts anything itself.
 */
import type { Calendar } from "../calendar/index.js";
import { CHANNELS, type Channel } from "../data/codes.js";
import type { Dataset } from "../data/types.js";
import type { AnnualReportFacts } from "./annual-report.js";
import type { ApplicationFacts } from "./applications.js";

/** Upper bounds (inclusive) of the days-to-reply bands, in working days; the last band is open. */
export const REPLY_DAY_BANDS = [5, 10, 15, 20, 40] as const;

export interface YearStatistics {
  year: number;
  /** New applications received in the year (not carried over), by month 1–12 (index 0 = January). */
  byMonth: number[];
  /** New applications received in the year by channel, in CHANNELS order. */
  byChannel: { channel: Channel; count: number }[];
  /** The annual report's outcome figures (table 三, 总计 column); null cells print as 0 there. */
  byOutcome: {
    disclosed: number;
    partial: number;
    refused: number;
    unavailable: number;
    notProcessed: number;
    other: number;
    carriedForward: number;
  };
  /** The annual report's count of new applications (table 三, 本年新收). */
  reportReceived: number;
  /**
   * Replies dated in the year by working days from receipt to reply: band i counts replies of
   * more than REPLY_DAY_BANDS[i-1] and at most REPLY_DAY_BANDS[i] days; the last band, more
   * than the last bound.
   */
  daysToReply: number[];
  /** Replies whose working days could not be counted (no holiday data for a year they span). */
  daysToReplyUnknown: number;
}

function inYear(date: string | null, year: number): boolean {
  return date !== null && date.slice(0, 4) === String(year);
}

export function yearStatistics(
  dataset: Dataset,
  applications: readonly ApplicationFacts[],
  report: AnnualReportFacts,
  calendar: Calendar,
): YearStatistics {
  const year = dataset.year;
  const records = dataset.disclosure.applications ?? [];
  const byMonth = new Array<number>(12).fill(0);
  const channels = new Map<Channel, number>(CHANNELS.map((c) => [c, 0]));
  const daysToReply = new Array<number>(REPLY_DAY_BANDS.length + 1).fill(0);
  let unknown = 0;
  for (const f of applications) {
    if (!f.carriedOver && inYear(f.received, year)) {
      byMonth[Number(f.received!.slice(5, 7)) - 1]!++;
      const ch = records[f.index]?.channel as Channel | undefined;
      if (ch !== undefined && channels.has(ch)) channels.set(ch, channels.get(ch)! + 1);
    }
    if (f.reply !== null && f.reply.inYear && f.received !== null) {
      let days: number;
      try {
        days = calendar.workingDaysBetween(f.received, f.reply.date);
      } catch {
        unknown++;
        continue;
      }
      let band = REPLY_DAY_BANDS.findIndex((b) => days <= b);
      if (band < 0) band = REPLY_DAY_BANDS.length;
      daysToReply[band]!++;
    }
  }
  const s = report.summary;
  const n = (c: number | null) => c ?? 0;
  return {
    year,
    byMonth,
    byChannel: CHANNELS.map((channel) => ({ channel, count: channels.get(channel)! })),
    byOutcome: {
      disclosed: n(s.disclosed),
      partial: n(s.partial),
      refused: n(s.refused),
      unavailable: n(s.unavailable),
      notProcessed: n(s.notProcessed),
      other: n(s.other),
      carriedForward: n(s.carriedForward),
    },
    reportReceived: n(s.received),
    daysToReply,
    daysToReplyUnknown: unknown,
  };
}
