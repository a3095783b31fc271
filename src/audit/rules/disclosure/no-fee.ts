/**
 * No fee charged (不收费). Every fee paid in the year is reported, with the schedule's
 * calculation where there is one — so a scheme that requires 不收费 (set this rule to "error")
 * deducts for it, and one that accepts a lawful processing fee (the default "info") only shows
 * it. Whether the amount is right is disclosure/fee-amount's question. Without fee records a
 * given total of fees paid is reported once, standing for its count.
 */
import type { Finding } from "../../finding.js";
import { appPtr, ev, ptr } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";
import { feeBasisText, tiersText } from "../../wording.js";

export const id = "disclosure/no-fee";
export const title = { zh: "不收费", en: "No fee charged" };
export const source = {
  zh: "考核方案：依申请公开不收费；《中华人民共和国政府信息公开条例》第四十二条（国务院令第711号）",
  en: "Assessment scheme: no fee for on-request disclosure; Regulations on Open Government Information Art. 42 (Decree 711)",
};
export const sources = {
  "ogi-2019": {
    zh: "考核方案：依申请公开不收费；《中华人民共和国政府信息公开条例》（国务院令第711号）第四十二条第一款",
    en: "Assessment scheme: no fee for on-request disclosure; Regulations on Open Government Information (Decree 711) Art. 42 ¶1",
  },
  "ogi-2008": {
    zh: "考核方案：依申请公开不收费；《中华人民共和国政府信息公开条例》（国务院令第492号）第二十七条第一款",
    en: "Assessment scheme: no fee for on-request disclosure; Regulations on Open Government Information (Decree 492) Art. 27 ¶1",
  },
};
export const defaultSeverity = "info";
export const messages = {
  charged: {
    zh: "申请 {id} 收取信息处理费{charged}元（{basis}：{tiers}）",
    en: "request {id}: a processing fee of {charged} yuan was charged ({basis}: {tiers})",
  },
  chargedNoSchedule: {
    zh: "申请 {id} 收取费用{charged}元",
    en: "request {id}: a fee of {charged} yuan was charged",
  },
  totals: {
    zh: "全年收取依申请公开费用{count}件、{amount}元（据填报的合计数）",
    en: "fees charged for {count} requests in the year, {amount} yuan (given totals)",
  },
};

export function check(ctx: RuleContext): Finding[] {
  const year = `${ctx.facts.year}-`;
  const out: Finding[] = [];
  const withRecords = ctx.facts.applications.some((a) => a.fee !== null);
  const appList = ctx.facts.applications;
  for (let ai = 0; ai < appList.length; ai++) {
    const a = appList[ai]!;
    const f = a.fee;
    if (!f || !f.paid || !(f.paidDate ?? f.noticeDate).startsWith(year)) continue;
    const evidence = [
      ev(appPtr(a.index, "fee", "amount"), f.charged),
      ev(appPtr(a.index, "fee", "paid"), true),
    ];
    if (f.expected === null) {
      out.push(
        ctx.report(
          "chargedNoSchedule",
          { id: a.id, charged: f.charged },
          { subject: a.id, evidence, regime: a.regime },
        ),
      );
      continue;
    }
    out.push(
      ctx.report(
        "charged",
        {
          id: a.id,
          charged: f.charged,
          basis: feeBasisText(f.method, f.quantity, ctx.lang),
          tiers: tiersText(f.tiers ?? [], f.expected, ctx.lang),
        },
        { subject: a.id, evidence, regime: a.regime },
      ),
    );
  }
  const fees = ctx.facts.disclosure.fees;
  if (!withRecords && fees.source === "totals" && fees.charged)
    out.push(
      ctx.report(
        "totals",
        { count: fees.count, amount: fees.amount },
        {
          count: Math.max(1, fees.count),
          evidence: [
            ev(ptr("disclosure", "fees", "count"), fees.count),
            ev(ptr("disclosure", "fees", "amount"), fees.amount),
          ],
        },
      ),
    );
  return out;
}

/** Whether the data holds anything this rule judges (else the criterion is 无数据). */
export function judges(ctx: RuleContext): boolean {
  return ctx.facts.applications.length > 0 || ctx.dataset.disclosure.fees !== undefined;
}
