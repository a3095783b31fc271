/** Wording rules share in their messages (fees). */
import type { FeeTier } from "../law/index.js";
import type { Lang } from "../util/i18n.js";

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${s}`;
}

/** "按页计收，150页" / "按件计收，当月第11件"; "per page, 150 pages" / "per request, the 11th that month". */
export function feeBasisText(method: string, quantity: number, lang: Lang): string {
  if (lang === "en")
    return method === "per-page"
      ? `per page, ${quantity} pages`
      : `per request, the ${ordinal(quantity)} that month`;
  return method === "per-page" ? `按页计收，${quantity}页` : `按件计收，当月第${quantity}件`;
}

/** "30×0 + 70×10 + 50×20 = 1700元": each tier's units × its rate. */
export function tiersText(tiers: readonly FeeTier[], amount: number, lang: Lang): string {
  const parts = tiers.map((t) => `${t.count}×${t.rate}`).join(" + ");
  return lang === "en" ? `${parts} = ${amount} yuan` : `${parts} = ${amount}元`;
}
