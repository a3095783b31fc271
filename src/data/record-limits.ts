/**
 * Limits the law sets on a record, judged once for every caller: a processing fee must be the
 * amount the national schedule prescribes (国办函〔2020〕109号, ogi-2019 Art. 42), an extension
 * may not exceed the regime's longest (ogi-2019 Art. 33 ¶2: 20 working days; ogi-2008 Art. 24
 * ¶2: 15). Validation reports them at the field; the letter that would print them (the fee
 * notice, the extension notice) is refused with the same sentence.
 */
import { computeFee, costItemCents } from "./fee-schedule.js";
import type { Msg } from "./messages.js";
import { regimeName, type Regime } from "./codes.js";

/** First receipt date under the revised regulation (the law layer's OGI_2019_FROM). */
const OGI_2019_FROM = "2019-05-15";

/** Longest extension in working days, per regime (the law layer's REGIME_RULES agree). */
export const MAX_EXTENSION_DAYS: Readonly<Record<Regime, number>> = { "ogi-2008": 15, "ogi-2019": 20 };

/** The regime of a request received on `received`. */
export function regimeOfReceipt(received: string): Regime {
  return received < OGI_2019_FROM ? "ogi-2008" : "ogi-2019";
}

/** Money as a notice writes it: whole yuan without decimals, otherwise two decimals. */
export function moneyText(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** A limit a record breaks: the field (dotted) and the sentence. */
export interface LimitProblem {
  field: "fee.amount" | "fee.costs" | "extension.days";
  message: Msg;
}

/** The fee the schedule prescribes, when the regime has one and the record can be computed. */
export function scheduledFee(regime: Regime, method: unknown, quantity: unknown): number | null {
  if (method !== "per-page" && method !== "per-request") return null;
  if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < 1) return null;
  try {
    return computeFee({ regime, method, quantity }).fee?.amount ?? null;
  } catch {
    return null; // a quantity the schedule cannot take is reported on its own
  }
}

/** A fee that is not the schedule's amount (none under ogi-2008: its cost fees have no schedule). */
export function feeProblem(regime: Regime, fee: unknown): LimitProblem | null {
  if (typeof fee !== "object" || fee === null) return null;
  const f = fee as Record<string, unknown>;
  if (Array.isArray(f.costs)) {
    if (regime === "ogi-2019")
      return {
        field: "fee.costs",
        message: {
          zh: "成本费用明细只用于2019年5月15日前收到的申请（2008年条例的检索、复制、邮寄等成本费用）；此后的信息处理费按国家标准计收，不填明细",
          en: "fee.costs is for ogi-2008 cost fees (requests received before 2019-05-15); a processing fee follows the national schedule",
        },
      };
    const cents = f.costs.reduce((sum: number, c: unknown) => {
      const o = (typeof c === "object" && c !== null ? c : {}) as Record<string, unknown>;
      return typeof o.unitPrice === "number" && typeof o.quantity === "number"
        ? sum + costItemCents(o.unitPrice, o.quantity)
        : sum;
    }, 0);
    if (typeof f.amount === "number" && Math.round(f.amount * 100) !== cents)
      return {
        field: "fee.amount",
        message: {
          zh: `收费金额 ${moneyText(f.amount)} 元与成本费用明细合计 ${moneyText(cents / 100)} 元不符`,
          en: `the fee of ${moneyText(f.amount)} yuan differs from the sum of its costs, ${moneyText(cents / 100)} yuan`,
        },
      };
    return null;
  }
  if (typeof f.amount !== "number") return null;
  const expected = scheduledFee(regime, f.method, f.quantity);
  if (expected === null || expected === f.amount) return null;
  return {
    field: "fee.amount",
    message: {
      zh: `收费金额 ${moneyText(f.amount)} 元与收费标准计算结果 ${moneyText(expected)} 元不符`,
      en: `the fee of ${moneyText(f.amount)} yuan differs from the schedule's ${moneyText(expected)} yuan`,
    },
  };
}

/** An extension longer than the regime allows. */
export function extensionProblem(regime: Regime, extension: unknown): LimitProblem | null {
  if (typeof extension !== "object" || extension === null) return null;
  const days = (extension as Record<string, unknown>).days;
  const max = MAX_EXTENSION_DAYS[regime];
  if (typeof days !== "number" || days <= max) return null;
  return {
    field: "extension.days",
    message: {
      zh: `延期${days}个工作日超过上限（${regimeName(regime, "zh")}规定最长${max}个工作日）`,
      en: `an extension of ${days} working days exceeds the limit (${regimeName(regime, "en")}: at most ${max})`,
    },
  };
}
