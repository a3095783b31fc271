/**
 * The previous year's annual report (政府信息公开工作年度报告) published by its deadline:
 * 31 January for a department's report under ogi-2019 Art. 49 (reports for 2019 on), 31 March
 * under ogi-2008 Art. 31. Applies when the dataset records the publication date
 * (disclosure.previousAnnualReport).
 */
import type { Finding } from "../../finding.js";
import { ev, ptr } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";

export const id = "disclosure/previous-annual-report";
export const title = { zh: "上年度年度报告按时公布", en: "Last year's annual report published on time" };
export const source = {
  zh: "《中华人民共和国政府信息公开条例》第四十九条（国务院令第711号）；第三十一条（国务院令第492号）",
  en: "Regulations on Open Government Information Art. 49 (Decree 711); Art. 31 (Decree 492)",
};
export const sources = {
  "ogi-2019": {
    zh: "《中华人民共和国政府信息公开条例》（国务院令第711号）第四十九条第一款",
    en: "Regulations on Open Government Information (Decree 711) Art. 49 ¶1",
  },
  "ogi-2008": {
    zh: "《中华人民共和国政府信息公开条例》（国务院令第492号）第三十一条",
    en: "Regulations on Open Government Information (Decree 492) Art. 31",
  },
};
export const defaultSeverity = "error";
export const messages = {
  late: {
    zh: "{year}年度政府信息公开工作年度报告于{date}公布，晚于{due}的期限",
    en: "the annual report for {year} was published on {date}, after its deadline {due}",
  },
};

export function check(ctx: RuleContext): Finding[] {
  const p = ctx.facts.annualReport.previousPublication;
  if (!p || p.onTime !== false || p.date === null) return [];
  return [
    ctx.report(
      "late",
      { year: ctx.facts.year - 1, date: p.date, due: p.due },
      {
        subject: String(ctx.facts.year - 1),
        // Reports for 2019 on are due under the 2019 regulation (Art. 49), earlier ones under 2008 Art. 31.
        regime: ctx.facts.year - 1 >= 2019 ? "ogi-2019" : "ogi-2008",
        evidence: [ev(ptr("disclosure", "previousAnnualReport", "published"), p.date)],
      },
    ),
  ];
}

/** Whether the data holds anything this rule judges (else the criterion is 无数据). */
export function judges(ctx: RuleContext): boolean {
  return (
    ctx.facts.annualReport.previousPublication !== null &&
    ctx.facts.annualReport.previousPublication !== undefined
  );
}
