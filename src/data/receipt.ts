/**
 * Which field of an application gives its receipt date (收到申请之日, ogi-2019 Art. 31) when
 * `received` is not stated: in person — the day submitted; registered post — the day the agency
 * signed for it; ordinary post, online, fax, e-mail — the day receipt was confirmed. Validation
 * uses it to require that field; deadline computation (src/law/receipt.ts) applies the same
 * default rule and lets it be configured.
 */
import type { Channel } from "./types.js";

export const RECEIPT_FIELD: Readonly<Record<Channel, "submitted" | "signedFor" | "confirmed">> = {
  "in-person": "submitted",
  "registered-post": "signedFor",
  "ordinary-post": "confirmed",
  online: "confirmed",
  fax: "confirmed",
  email: "confirmed",
};
