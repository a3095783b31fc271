/**
 * Information processing fees (信息处理费) under 《政府信息公开信息处理费管理办法》
 * (国办函〔2020〕109号), progressive (超额累进), one method per request (regulations.md §4):
 * - per request (按件): same applicant, one calendar month, cumulative: 1–10 free; 11–30 100 元
 *   each; from 31 in bands of 10, each band 100 元/件 more than the previous (31–40 200,
 *   41–50 300, …).
 * - per page (按量), per request: 1–30 free; 31–100 10 元/页; 101–200 20 元/页; 201+ 40 元/页.
 *
 * ogi-2008 cost fees (Art. 27: search, copying, postage) have no schedule in the regulation:
 * they are recorded as given in the dataset, never computed — computeFee says so.
 */
import type { FeeMethod, Regime } from "./codes.js";
import { CodedUserError, type QuantitySubject } from "./input-messages.js";
import { t, type Lang } from "../util/i18n.js";

export const FEE_BASIS = "国办函〔2020〕109号";

/**
 * One ogi-2008 cost item's amount (fee.costs: unit price × quantity) in fen (分), so that the
 * items add up exactly; the validation's sum and the fee notice's subtotals both take it.
 */
export function costItemCents(unitPrice: number, quantity: number): number {
  return Math.round(unitPrice * 100) * quantity;
}

export interface FeeTier {
  /** First unit (request or page) in this tier. */
  from: number;
  /** Last unit charged in this tier (the quantity itself in the open last tier). */
  to: number;
  count: number;
  /** 元 per unit. */
  rate: number;
  /** count × rate, 元. */
  subtotal: number;
}

export interface FeeResult {
  method: FeeMethod;
  quantity: number;
  /** Total, 元. */
  amount: number;
  /** Tiers reached, in order (free tiers included). */
  tiers: FeeTier[];
  basis: string;
}

/** Upper bounds that keep the tier list finite; larger quantities are input errors. */
export const MAX_REQUESTS_PER_MONTH = 100_000;
export const MAX_PAGES = 10_000_000;

function checkQuantity(n: number, max: number, subject: QuantitySubject, lang: Lang): void {
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new CodedUserError(
      { messageId: "quantity-out-of-range", data: { subject, max, value: String(n) } },
      lang,
    );
}

/** A band of the schedule: units `from`–`to` (to = Infinity for the open last band) at `rate` 元 each. */
export interface FeeBand {
  from: number;
  to: number;
  rate: number;
}

/**
 * THE per-request band of the k-th request (k ≥ 1) of one applicant in one calendar month:
 * 1–10 free, 11–30 100 元, then bands of 10, each 100 元 more (31–40 200, 41–50 300, …). The
 * fee calculator, the facts and the band a fee notice prints all read it.
 */
export function perRequestBand(k: number): FeeBand {
  if (k <= 10) return { from: 1, to: 10, rate: 0 };
  if (k <= 30) return { from: 11, to: 30, rate: 100 };
  const from = 31 + 10 * Math.floor((k - 31) / 10);
  return { from, to: from + 9, rate: 100 * (2 + (from - 31) / 10) };
}

/** THE per-page bands of one request: 1–30 free, 31–100 10 元, 101–200 20 元, 201+ 40 元. */
export const PER_PAGE_BANDS: readonly FeeBand[] = Object.freeze([
  { from: 1, to: 30, rate: 0 },
  { from: 31, to: 100, rate: 10 },
  { from: 101, to: 200, rate: 20 },
  { from: 201, to: Infinity, rate: 40 },
]);

/** Fee of the k-th request (k ≥ 1) of one applicant in one calendar month, 元. */
export function perRequestRate(k: number): number {
  return perRequestBand(k).rate;
}

/** Per-request fee for `n` requests of one applicant in one calendar month. */
export function feePerRequest(n: number, lang: Lang = "zh"): FeeResult {
  checkQuantity(n, MAX_REQUESTS_PER_MONTH, "requests", lang);
  const tiers: FeeTier[] = [];
  const push = (from: number, to: number, rate: number): void => {
    if (n < from) return;
    const last = Math.min(to, n);
    const count = last - from + 1;
    tiers.push({ from, to: last, count, rate, subtotal: count * rate });
  };
  for (let from = 1; from <= n;) {
    const band = perRequestBand(from);
    push(band.from, band.to, band.rate);
    from = band.to + 1;
  }
  return { method: "per-request", quantity: n, amount: sum(tiers), tiers, basis: FEE_BASIS };
}

/** Per-page fee for one request of `pages` pages. */
export function feePerPage(pages: number, lang: Lang = "zh"): FeeResult {
  checkQuantity(pages, MAX_PAGES, "pages", lang);
  const tiers: FeeTier[] = [];
  for (const { from, to, rate } of PER_PAGE_BANDS) {
    if (pages < from) break;
    const last = Math.min(to, pages);
    const count = last - from + 1;
    tiers.push({ from, to: last, count, rate, subtotal: count * rate });
  }
  return { method: "per-page", quantity: pages, amount: sum(tiers), tiers, basis: FEE_BASIS };
}

function sum(tiers: FeeTier[]): number {
  return tiers.reduce((a, x) => a + x.subtotal, 0);
}

/**
 * Per-request fee of one request: the k-th request (k ≥ 1) of the applicant in the calendar
 * month pays the rate of its band (one tier, count 1).
 */
export function feeOfNthRequest(k: number, lang: Lang = "zh"): FeeResult {
  checkQuantity(k, MAX_REQUESTS_PER_MONTH, "rank", lang);
  if (k === 0) return { method: "per-request", quantity: 0, amount: 0, tiers: [], basis: FEE_BASIS };
  const rate = perRequestRate(k);
  return {
    method: "per-request",
    quantity: k,
    amount: rate,
    tiers: [{ from: k, to: k, count: 1, rate, subtotal: rate }],
    basis: FEE_BASIS,
  };
}

/** One request's fee as the dataset records it (schemas/operations.schema.json `fee`). */
export interface FeeInput {
  regime: Regime;
  method: FeeMethod;
  /** per-page: pages of this request; per-request: this request's rank among the applicant's requests that month. */
  quantity: number;
}

export type FeeComputation =
  { fee: FeeResult; reason: null } | { fee: null; reason: "ogi-2008-cost-fee"; explanation: string };

/**
 * The fee the schedule prescribes for one request (per-page: feePerPage; per-request:
 * feeOfNthRequest of its rank), or null for ogi-2008: cost fees under ogi-2008 Art. 27 have no
 * national schedule and are taken as recorded.
 */
export function computeFee(input: FeeInput, lang: Lang = "zh"): FeeComputation {
  if (input.regime === "ogi-2008")
    return {
      fee: null,
      reason: "ogi-2008-cost-fee",
      explanation: t(
        lang,
        "2008年条例第二十七条只规定收取检索、复制、邮寄等成本费用，没有全国统一标准：按记录的金额计，不作计算",
        "ogi-2008 Art. 27 only allows cost fees (search, copying, postage) without a national schedule: the recorded amount is taken as given",
      ),
    };
  const fee =
    input.method === "per-request" ? feeOfNthRequest(input.quantity, lang) : feePerPage(input.quantity, lang);
  return { fee, reason: null };
}

/** Plain-text rendering: a summary line and one line per tier. */
export function formatFee(fee: FeeResult, lang: Lang = "zh"): string {
  const perRequest = fee.method === "per-request";
  const unit = perRequest ? t(lang, "件", "requests") : t(lang, "页", "pages");
  const head = perRequest
    ? t(
        lang,
        `按件计收：本月累计${fee.quantity}件，信息处理费合计${fee.amount}元（${fee.basis}）`,
        `Per request: ${fee.quantity} requests this month, processing fee ${fee.amount} yuan (${fee.basis})`,
      )
    : t(
        lang,
        `按量计收：${fee.quantity}页，信息处理费合计${fee.amount}元（${fee.basis}）`,
        `Per page: ${fee.quantity} pages, processing fee ${fee.amount} yuan (${fee.basis})`,
      );
  const lines = fee.tiers.map((x) => {
    const range = x.from === x.to ? String(x.from) : `${x.from}–${x.to}`;
    return t(
      lang,
      `  第${range}${unit}：${x.count}${unit} × ${x.rate}元 = ${x.subtotal}元`,
      `  ${unit} ${range}: ${x.count} × ${x.rate} yuan = ${x.subtotal} yuan`,
    );
  });
  return [head, ...lines].join("\n") + "\n";
}
