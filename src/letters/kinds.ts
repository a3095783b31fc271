/**
 * The letters of the unified set (regulations.md §7) and which of them an application needs.
 */
import type { Application } from "../data/types.js";

/** Letter kinds, in the order they are written for one application. */
export const LETTER_KINDS = [
  "receipt",
  "correction",
  "consultation",
  "consultation-notice",
  "extension",
  "fee",
  "reply",
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** What `--kind` selects: `consultation` selects the letter to the consulted party and the notice to the applicant. */
export const KIND_OPTIONS = ["reply", "receipt", "correction", "extension", "consultation", "fee"] as const;
export type KindOption = (typeof KIND_OPTIONS)[number];

export function kindsOfOption(option: KindOption): LetterKind[] {
  return option === "consultation" ? ["consultation", "consultation-notice"] : [option];
}

export const LETTER_KIND_LABELS: Record<LetterKind, { zh: string; en: string }> = {
  receipt: { zh: "接收回执", en: "receipt" },
  correction: { zh: "补正告知书", en: "correction notice" },
  consultation: { zh: "征求意见书", en: "consultation letter" },
  "consultation-notice": { zh: "征求意见告知书", en: "consultation notice" },
  extension: { zh: "延期答复告知书", en: "extension notice" },
  fee: { zh: "收费通知书", en: "fee notice" },
  reply: { zh: "答复书", en: "reply" },
};

/** One letter an application calls for. */
export interface PlannedLetter {
  kind: LetterKind;
  /** Consultation letters and notices: which consultation (0-based). */
  consultation?: number;
  /** File-name suffix: the kind, plus -N when the application has several consultations. */
  suffix: string;
  /** The letter's date as recorded (may be missing in a malformed record). */
  date: string | undefined;
}

/** Letters an application calls for, in writing order (receipt first, reply last; by date in between). */
export function plannedLetters(app: Application): PlannedLetter[] {
  const out: PlannedLetter[] = [];
  const received = app.received ?? app.signedFor ?? app.confirmed ?? app.submitted;
  out.push({ kind: "receipt", suffix: "receipt", date: receiptLetterDate(app) ?? received });
  if (app.correction) out.push({ kind: "correction", suffix: "correction", date: app.correction.notified });
  const consultations = Array.isArray(app.consultations) ? app.consultations : [];
  const many = consultations.length > 1;
  consultations.forEach((c, i) => {
    const n = many ? `-${i + 1}` : "";
    out.push({ kind: "consultation", consultation: i, suffix: `consultation${n}`, date: c?.sent });
    out.push({
      kind: "consultation-notice",
      consultation: i,
      suffix: `consultation-notice${n}`,
      date: c?.sent,
    });
  });
  if (app.extension) out.push({ kind: "extension", suffix: "extension", date: app.extension.notified });
  if (app.fee) out.push({ kind: "fee", suffix: "fee", date: app.fee.noticeDate });
  if (app.reply) out.push({ kind: "reply", suffix: "reply", date: app.reply.date });
  const rank = (k: LetterKind): number => LETTER_KINDS.indexOf(k);
  const middle = out.slice(1, app.reply ? -1 : undefined);
  middle.sort((a, b) => {
    const da = a.date ?? "";
    const db = b.date ?? "";
    return da < db
      ? -1
      : da > db
        ? 1
        : rank(a.kind) - rank(b.kind) || (a.consultation ?? 0) - (b.consultation ?? 0);
  });
  return [out[0]!, ...middle, ...(app.reply ? [out[out.length - 1]!] : [])];
}

/** The receipt date by the channel rule (ogi-2019 Art. 31), as far as the record gives it. */
function receiptLetterDate(app: Application): string | undefined {
  if (app.received) return app.received;
  switch (app.channel) {
    case "in-person":
      return app.submitted;
    case "registered-post":
      return app.signedFor;
    default:
      return app.confirmed;
  }
}

/** How letters' files are named: `ascii` YSQ2025-001-reply.pdf (the default), `zh` YSQ2025-001-答复书.pdf. */
export const FILE_NAMINGS = ["ascii", "zh"] as const;
export type FileNaming = (typeof FILE_NAMINGS)[number];

/** A letter as a Chinese message names it: 答复书, 征求意见书-2; its suffix (reply) for --json. */
export function letterNameZh(planned: PlannedLetter, keys = false): string {
  return keys ? planned.suffix : fileSuffix(planned, "zh");
}

/** The part of a letter's file name after the id: its suffix, or its Chinese name (with -N). */
export function fileSuffix(planned: PlannedLetter, naming: FileNaming = "ascii"): string {
  if (naming === "ascii") return planned.suffix;
  const n = /-(\d+)$/.exec(planned.suffix);
  return LETTER_KIND_LABELS[planned.kind].zh + (n ? `-${n[1]}` : "");
}
