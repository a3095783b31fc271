/**
 * Current valid documents (现行有效文件) filed every month by the due day (e.g. the 25th): one
 * finding per month without a filing and per month filed only after the due day. Applies when
 * the dataset records the filings (disclosure.validDocumentFilings).
 */
import type { Finding } from "../../finding.js";
import { ev, ptr } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";

export const id = "disclosure/valid-document-filings";
export const title = {
  zh: "每月按时报送现行有效文件",
  en: "Current valid documents filed every month on time",
};
export const source = {
  zh: "考核方案：每月25日前将现行有效文件以纸质和电子形式报送政务服务中心、图书馆、档案馆",
  en: "Assessment scheme: current valid documents filed by the 25th of every month with the service centre, library and archives",
};
export const defaultSeverity = "warning";
export const messages = {
  missing: {
    zh: "{year}年{month}月未报送现行有效文件",
    en: "no current valid documents filed in month {month} of {year}",
  },
  late: {
    zh: "{year}年{month}月的现行有效文件于{date}报送，晚于当月{dueDay}日",
    en: "the current valid documents of month {month} of {year} were filed on {date}, after day {dueDay} of the month",
  },
};

export function check(ctx: RuleContext): Finding[] {
  const f = ctx.facts.disclosure.validDocumentFilings;
  const dates = ctx.dataset.disclosure.validDocumentFilings?.dates ?? [];
  if (!f) return [];
  const year = ctx.facts.year;
  const out: Finding[] = [];
  for (let month = 1; month <= 12; month++) {
    const month2 = String(month).padStart(2, "0");
    if (f.missingMonths.includes(month)) {
      out.push(
        ctx.report(
          "missing",
          { year, month },
          {
            subject: `${year}-${month2}`,
            evidence: [ev(ptr("disclosure", "validDocumentFilings", "dates"), [...dates])],
          },
        ),
      );
    } else if (f.lateMonths.includes(month) && f.dueDay !== null) {
      const date = f.dates.find((d) => d.startsWith(`${year}-${month2}-`)) ?? "";
      out.push(
        ctx.report(
          "late",
          { year, month, date, dueDay: f.dueDay },
          {
            subject: `${year}-${month2}`,
            evidence: [
              ev(ptr("disclosure", "validDocumentFilings", "dates", dates.indexOf(date)), date),
              ev(ptr("disclosure", "validDocumentFilings", "dueDay"), f.dueDay),
            ],
          },
        ),
      );
    }
  }
  return out;
}

/** Whether the data holds anything this rule judges (else the criterion is 无数据). */
export function judges(ctx: RuleContext): boolean {
  return (
    ctx.facts.disclosure.validDocumentFilings !== null &&
    ctx.facts.disclosure.validDocumentFilings !== undefined
  );
}
