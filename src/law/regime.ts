/**
 * Which disclosure regulation applies, and its time limits (regulations.md §1–2).
 */
import { REGIMES, type Regime } from "../data/codes.js";

export type { Regime };
export { REGIMES };

/** First receipt date under the revised regulation (国务院令第711号). */
export const OGI_2019_FROM = "2019-05-15";

export interface RegimeRules {
  /** Reply deadline in working days from receipt. */
  baseDays: number;
  /** Longest extension, in working days. */
  maxExtensionDays: number;
  /** The correction notice is due within this many working days of receipt; null = no fixed limit. */
  correctionNoticeDays: number | null;
  /** Legal source of the reply deadline. */
  deadlineArticle: string;
}

export const REGIME_RULES: Record<Regime, RegimeRules> = {
  "ogi-2008": {
    baseDays: 15,
    maxExtensionDays: 15,
    correctionNoticeDays: null,
    deadlineArticle: "第二十四条",
  },
  "ogi-2019": { baseDays: 20, maxExtensionDays: 20, correctionNoticeDays: 7, deadlineArticle: "第三十三条" },
};

/** The regime for a request received on `received` (YYYY-MM-DD). */
export function regimeFor(received: string): Regime {
  return received < OGI_2019_FROM ? "ogi-2008" : "ogi-2019";
}

export function isRegime(v: unknown): v is Regime {
  return typeof v === "string" && (REGIMES as readonly string[]).includes(v);
}
