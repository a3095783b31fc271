/**
 * A processing fee (信息处理费), where one is charged or noticed, is exactly what the progressive
 * schedule of 国办函〔2020〕109号 gives for its method and quantity (per request: the request's
 * rank among the applicant's requests that month; per page: the pages). ogi-2008 cost fees have
 * no schedule and are not judged; neither are fees known only as given totals.
 */
import type { Finding } from "../../finding.js";
import { appPtr, ev } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";
import { feeBasisText, tiersText } from "../../wording.js";

export const id = "disclosure/fee-amount";
export const title = { zh: "信息处理费按标准计收", en: "Processing fees as the schedule gives" };
export const source = {
  zh: "《中华人民共和国政府信息公开条例》（国务院令第711号）第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
  en: "Regulations on Open Government Information Art. 42 (Decree 711); processing-fee measures (国办函〔2020〕109号)",
};
export const defaultSeverity = "error";
export const messages = {
  mismatch: {
    zh: "申请 {id} 收费通知金额{charged}元，与收费标准计算的{expected}元（{basis}：{tiers}）不符",
    en: "request {id}: the fee notice says {charged} yuan, but the schedule gives {expected} yuan ({basis}: {tiers})",
  },
};

export function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const appList = ctx.facts.applications;
  for (let ai = 0; ai < appList.length; ai++) {
    const a = appList[ai]!;
    const f = a.fee;
    if (!f || f.matches !== false || f.expected === null) continue;
    if (!f.noticeDate.startsWith(`${ctx.facts.year}-`)) continue;
    out.push(
      ctx.report(
        "mismatch",
        {
          id: a.id,
          charged: f.charged,
          expected: f.expected,
          basis: feeBasisText(f.method, f.quantity, ctx.lang),
          tiers: tiersText(f.tiers ?? [], f.expected, ctx.lang),
        },
        {
          subject: a.id,
          regime: a.regime,
          evidence: [
            ev(appPtr(a.index, "fee", "method"), f.method),
            ev(appPtr(a.index, "fee", "quantity"), f.quantity),
            ev(appPtr(a.index, "fee", "amount"), f.charged),
          ],
        },
      ),
    );
  }
  return out;
}

/** Whether the data holds anything this rule judges (else the criterion is 无数据). */
export function judges(ctx: RuleContext): boolean {
  return ctx.facts.applications.length > 0;
}
