/**
 * Every item's promised limit (承诺时限) is within its statutory limit (法定时限). Limits in
 * different units (working and calendar days) are not compared.
 */
import { compareLimits } from "../../../facts/index.js";
import type { Finding } from "../../finding.js";
import { ev, limitText, ptr } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";

export const id = "approval/promised-within-statutory";
export const title = { zh: "承诺时限不超过法定时限", en: "Promised limits within the statutory limits" };
export const source = {
  zh: "《中华人民共和国行政许可法》第四十二条；考核方案：承诺时限短于法定时限",
  en: "Administrative Licensing Law Art. 42; assessment scheme: promised limits within the statutory limits",
};
export const defaultSeverity = "error";
export const messages = {
  overStatutory: {
    zh: "审批事项“{item}”（{id}）承诺时限{promised}，超过法定时限{statutory}",
    en: "approval item “{item}” ({id}) promises {promised}, more than its statutory limit of {statutory}",
  },
};

export function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  ctx.facts.approval.items.list.forEach((item, i) => {
    const cmp = compareLimits(item.promisedLimit, item.statutoryLimit);
    if (cmp === null || cmp <= 0) return;
    out.push(
      ctx.report(
        "overStatutory",
        {
          item: item.name,
          id: item.id,
          promised: limitText(item.promisedLimit, ctx.lang),
          statutory: limitText(item.statutoryLimit, ctx.lang),
        },
        {
          subject: item.id,
          evidence: [
            ev(ptr("approval", "items", i, "promisedLimit", "days"), item.promisedLimit.days),
            ev(ptr("approval", "items", i, "statutoryLimit", "days"), item.statutoryLimit.days),
          ],
        },
      ),
    );
  });
  return out;
}

/** Whether the data holds anything this rule judges (else the criterion is 无数据). */
export function judges(ctx: RuleContext): boolean {
  return ctx.facts.approval.items.list.length > 0;
}
