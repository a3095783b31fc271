/**
 * The receipt date of a request (收到申请之日), from its channel and events (ogi-2019 Art. 31):
 * in person → the day submitted; registered post → the day the agency signs for it; ordinary
 * letter, online, fax, e-mail → the day receipt is confirmed with the applicant. An explicit
 * `received` date wins over the rule.
 */
import type { Channel } from "../data/codes.js";
import { CHANNELS } from "../data/codes.js";
import { CodedUserError } from "../data/input-messages.js";
import type { Lang } from "../util/i18n.js";
import { parseDay } from "../calendar/dates.js";
import { RECEIPT_FIELD } from "../data/receipt.js";

/** Which event of a request fixes its receipt date. */
export type ReceiptBasis = "submitted" | "signedFor" | "confirmed";

/**
 * Default basis per channel (ogi-2019 Art. 31). E-mail is not named in Art. 31; the default
 * treats it like online submission (an interpretation; 国办公开办函〔2015〕207号 used the day
 * the mail system received it under ogi-2008 — pass `rules` to change it).
 */
export const DEFAULT_RECEIPT_BASIS: Readonly<Record<Channel, ReceiptBasis>> = RECEIPT_FIELD;

export interface ReceiptEvents {
  channel: Channel;
  /** Day the applicant submitted or sent the request. */
  submitted: string;
  /** Day the agency signed for a registered letter. */
  signedFor?: string;
  /** Day the agency confirmed receipt with the applicant. */
  confirmed?: string;
  /** Explicit receipt date (wins). */
  received?: string;
}

export interface ReceiptOptions {
  rules?: Partial<Record<Channel, ReceiptBasis>>;
  lang?: Lang;
  /** Names the record in messages (an id, never personal data). */
  recordId?: string;
}

const CHANNEL_SET: ReadonlySet<string> = new Set(CHANNELS);

/** The receipt date (YYYY-MM-DD). Throws UserError when the date the rule needs is missing or invalid. */
export function receiptDate(ev: ReceiptEvents, options: ReceiptOptions = {}): string {
  const lang = options.lang ?? "zh";
  const who = options.recordId ? `${options.recordId}: ` : "";
  if (!CHANNEL_SET.has(ev.channel))
    throw new CodedUserError(
      { messageId: "unknown-channel", data: { who, channel: String(ev.channel) } },
      lang,
    );
  if (ev.received !== undefined) {
    parseDay(ev.received, `${who}received`, lang);
    return ev.received;
  }
  const basis = options.rules?.[ev.channel] ?? DEFAULT_RECEIPT_BASIS[ev.channel];
  const v = ev[basis];
  if (v === undefined) {
    throw new CodedUserError(
      { messageId: "receipt-date-missing", data: { who, channel: ev.channel, basis } },
      lang,
    );
  }
  parseDay(v, `${who}${basis}`, lang);
  return v;
}
