/**
 * No criticism notice (通报批评) about the approval service in the year: one finding per notice
 * (or one for a given total).
 */
import type { Finding } from "../../finding.js";
import { ev, ptr } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";

export const id = "approval/no-criticism-notice";
export const title = { zh: "无通报批评", en: "No criticism notice" };
export const source = {
  zh: "考核方案：全年无被通报事件",
  en: "Assessment scheme: no criticism notice in the year",
};
export const defaultSeverity = "error";
export const messages = {
  notice: { zh: "{date}被{issuer}通报（{id}）", en: "criticism notice {id} from {issuer} on {date}" },
  totals: {
    zh: "全年被通报{count}次（据填报的合计数）",
    en: "{count} criticism notices in the year (given total)",
  },
};

export function check(ctx: RuleContext): Finding[] {
  const list = ctx.dataset.approval?.criticismNotices;
  const facts = ctx.facts.approval.criticismNotices;
  if (list === undefined) {
    if (!facts.known || facts.count === 0) return [];
    return [
      ctx.report(
        "totals",
        { count: facts.count },
        { count: facts.count, evidence: [ev(ptr("approval", "totals", "criticismNotices"), facts.count)] },
      ),
    ];
  }
  return list.map((n, i) =>
    ctx.report(
      "notice",
      { id: n.id, date: n.date, issuer: n.issuer },
      { subject: n.id, evidence: [ev(ptr("approval", "criticismNotices", i, "date"), n.date)] },
    ),
  );
}

/** Whether the data holds anything this rule judges (else the criterion is 无数据). */
export function judges(ctx: RuleContext): boolean {
  return ctx.facts.approval.criticismNotices.known;
}
