/**
 * The receipt date of an application (收到申请之日), ogi-2019 Art. 31: stated explicitly in
 * `received`, or derived from the channel — in person: the day submitted; registered post: the
 * day the agency signed for it; ordinary post, online, fax, e-mail: the day receipt was confirmed.
 */
import type { Application, Channel, DateString } from "./types.js";

/** Which field gives the receipt date for each channel when `received` is absent. */
export const RECEIPT_FIELD: Record<Channel, "submitted" | "signedFor" | "confirmed"> = {
  "in-person": "submitted",
  "registered-post": "signedFor",
  "ordinary-post": "confirmed",
  online: "confirmed",
  fax: "confirmed",
  email: "confirmed",
};

/** The receipt date, or undefined when the record lacks the field its channel needs. */
export function receiptDate(app: Application): DateString | undefined {
  if (app.received) return app.received;
  return app[RECEIPT_FIELD[app.channel]];
}

/** The day the reply deadline counts from: the corrected request's receipt, if corrected (Art. 30). */
export function countingStart(app: Application): DateString | undefined {
  return app.correction?.correctedReceived ?? receiptDate(app);
}
