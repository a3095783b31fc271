/**
 * The remedy notice (救济告知) that ends every reply (regulations.md §6), chosen by reply type
 * and reply date:
 *
 * - replies dated before the amended 《行政诉讼法》 (in force 2015-05-01): reconsideration within
 *   60 days (1999 行政复议法 Art. 9 ¶1) or litigation within 3 months (1989 行政诉讼法 Art. 39);
 * - replies dated before the revised 《行政复议法》 (in force 2024-01-01): reconsideration
 *   within 60 days, to the same-level government or the next-higher department (the applicant
 *   chooses; a vertically managed agency: the next-higher department only), or litigation within
 *   6 months;
 * - from 2024-01-01, a refusal (不予公开) — and the refused part of a partial disclosure — must
 *   go to reconsideration first (2023 Art. 23 ¶1(4)); the body is the same-level government
 *   (Art. 24), or the next-higher department for a vertically managed agency (Art. 27); other
 *   replies let the applicant choose reconsideration or litigation.
 *
 * The sentences are configuration (letters config `remedy`); these are the defaults. Placeholders:
 * {reconsiderationBody} and {court}.
 */
import type { ReplyType } from "../data/codes.js";
import type { Agency } from "../data/types.js";

export interface RemedyConfig {
  /** First reply date under the amended 行政诉讼法 (6 months to sue, 2014 Art. 46; before: 3 months, 1989 Art. 39). */
  litigationAmendedFrom: string;
  /** Reply dated before `litigationAmendedFrom`. */
  before2015: string;
  /** First reply date under the revised 行政复议法 (YYYY-MM-DD). */
  revisedFrom: string;
  /** Reply types that must go to reconsideration first from `revisedFrom`. */
  reconsiderationFirst: ReplyType[];
  /** Reply dated before `revisedFrom`. */
  before: string;
  /** From `revisedFrom`, reply types where the applicant may choose. */
  choice: string;
  /** From `revisedFrom`, a refusal. */
  refusal: string;
  /** From `revisedFrom`, a partial disclosure: the refused part first, then the rest. */
  partial: string;
  /** Joins several reconsideration bodies (before `revisedFrom`). */
  bodySeparator: string;
}

export const DEFAULT_REMEDY: Readonly<RemedyConfig> = Object.freeze({
  litigationAmendedFrom: "2015-05-01",
  before2015:
    "如对本答复不服，可以自收到本答复之日起60日内向{reconsiderationBody}申请行政复议，或者自收到本答复之日起3个月内向{court}提起行政诉讼。",
  revisedFrom: "2024-01-01",
  reconsiderationFirst: ["refused", "partial"] as ReplyType[],
  before:
    "如对本答复不服，可以自收到本答复之日起60日内向{reconsiderationBody}申请行政复议，或者在6个月内向{court}提起行政诉讼。",
  choice:
    "如对本答复不服，可以自收到本答复之日起60日内向{reconsiderationBody}申请行政复议，或者自收到本答复之日起6个月内向{court}提起行政诉讼。",
  refusal:
    "如对本答复不服，可以自收到本答复之日起60日内向{reconsiderationBody}申请行政复议；对行政复议决定不服的，可以依法向人民法院提起行政诉讼。",
  partial:
    "如对本答复中不予公开的部分不服，可以自收到本答复之日起60日内向{reconsiderationBody}申请行政复议；对行政复议决定不服的，可以依法向人民法院提起行政诉讼。如对本答复的其他内容不服，可以自收到本答复之日起60日内向{reconsiderationBody}申请行政复议，或者自收到本答复之日起6个月内向{court}提起行政诉讼。",
  bodySeparator: "或者",
});

export const REMEDY_PLACEHOLDERS = ["reconsiderationBody", "court"] as const;

export type RemedyRule = "before2015" | "before" | "choice" | "refusal" | "partial";

/** The sentences of the remedy config, one per rule. */
export const REMEDY_SENTENCE_KEYS = ["before2015", "before", "choice", "refusal", "partial"] as const;

export interface Remedy {
  rule: RemedyRule;
  /** Reconsideration bodies named, in order. */
  reconsiderationBodies: string[];
  court: string;
  /** Reconsideration must come before litigation. */
  reconsiderationFirst: boolean;
  sentence: string;
}

/** Reconsideration bodies for a reply dated `date` (see the module comment). */
export function reconsiderationBodies(agency: Agency, date: string, revisedFrom: string): string[] {
  const rb = agency.reconsiderationBody;
  const higher = rb.higherDepartment ?? rb.name;
  if (agency.verticallyManaged === true) return [higher];
  if (date >= revisedFrom) return [agency.parentGovernment];
  const bodies = [rb.name];
  if (rb.higherDepartment !== undefined && rb.higherDepartment !== rb.name) bodies.push(rb.higherDepartment);
  return bodies;
}

/** Fill {name} placeholders; unknown placeholders are left as they are (the config check rejects them). */
export function fillPlaceholders(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\{([A-Za-z]+)\}/g, (m, k: string) =>
    Object.prototype.hasOwnProperty.call(values, k) ? (values[k] as string) : m,
  );
}

/** The remedy notice of a reply of `type` dated `date`. */
export function remedyNotice(
  type: ReplyType,
  date: string,
  agency: Agency,
  config: RemedyConfig = DEFAULT_REMEDY,
): Remedy {
  const revised = date >= config.revisedFrom;
  const first = revised && config.reconsiderationFirst.includes(type);
  const rule: RemedyRule = !revised
    ? date < config.litigationAmendedFrom
      ? "before2015"
      : "before"
    : !first
      ? "choice"
      : type === "partial"
        ? "partial"
        : "refusal";
  const bodies = reconsiderationBodies(agency, date, config.revisedFrom);
  const court = agency.court.name;
  const sentence = fillPlaceholders(config[rule], {
    reconsiderationBody: bodies.join(config.bodySeparator),
    court,
  });
  return { rule, reconsiderationBodies: bodies, court, reconsiderationFirst: first, sentence };
}
