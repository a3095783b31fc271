/**
 * Reconsideration or litigation where the agency was corrected (行政复议、行政诉讼被纠错). One
 * finding per case corrected in the year: a case counts in the year of its decision (the year
 * the agency was corrected), or, without a decision date, the year it was filed. Without
 * records, a given table 四 with corrected cases gives one finding standing for their number.
 */
import type { Finding } from "../../finding.js";
import { appPtr, ev, ptr } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";

export const id = "disclosure/review-corrected";
export const title = {
  zh: "行政复议、行政诉讼无被纠错",
  en: "No reconsideration or lawsuit that corrected the agency",
};
export const source = {
  zh: "考核方案：政府信息公开行政复议、行政诉讼被纠错的扣分",
  en: "Assessment scheme: deduction for each reconsideration or lawsuit where the agency was corrected",
};
export const defaultSeverity = "warning";
export const messages = {
  reconsideration: {
    zh: "申请 {id} 的答复经行政复议（{filed}提出）于{decided}被纠正",
    en: "the reply to request {id} was corrected on reconsideration (filed {filed}, decided {decided})",
  },
  litigation: {
    zh: "申请 {id} 的答复经行政诉讼（{filed}起诉）于{decided}被纠正",
    en: "the reply to request {id} was corrected in litigation (filed {filed}, decided {decided})",
  },
  given: {
    zh: "年度报告表四填报行政复议、行政诉讼“结果纠正”{count}件",
    en: "table 四 of the annual report gives {count} reviews that corrected the agency",
  },
};

export function check(ctx: RuleContext): Finding[] {
  const year = `${ctx.facts.year}-`;
  const apps = ctx.dataset.disclosure.applications ?? [];
  const out: Finding[] = [];
  apps.forEach((app, i) => {
    for (const kind of ["reconsideration", "litigation"] as const) {
      const r = app[kind];
      if (!r || r.outcome !== "corrected") continue;
      if (!(r.decided ?? r.filed).startsWith(year)) continue;
      out.push(
        ctx.report(
          kind,
          { id: app.id, filed: r.filed, decided: r.decided ?? "—" },
          {
            subject: app.id,
            evidence: [ev(appPtr(i, kind, "outcome"), r.outcome), ev(appPtr(i, kind, "filed"), r.filed)],
          },
        ),
      );
    }
  });
  const rep = ctx.facts.annualReport;
  const corrected = rep.reviewSummary.corrected ?? 0;
  if (
    rep.sources.reviews === "given" &&
    apps.every((a) => !a.reconsideration && !a.litigation) &&
    corrected > 0
  )
    out.push(
      ctx.report(
        "given",
        { count: corrected },
        { count: corrected, evidence: [ev(ptr("disclosure", "annualReportTable", "reviews"), corrected)] },
      ),
    );
  return out;
}

/** Whether the data holds anything this rule judges (else the criterion is 无数据). */
export function judges(ctx: RuleContext): boolean {
  return ctx.facts.applications.length > 0;
}
