/**
 * Extensions (延期答复) lawful: no longer than the regime allows (ogi-2019 Art. 33: 20 WD;
 * ogi-2008 Art. 24: 15 WD), approved by the disclosure office head and notified to the
 * applicant by the original deadline. One finding per failed condition, with the trace of the
 * deadline the extension had to meet.
 */
import type { Finding } from "../../finding.js";
import { appPtr, ev, receiptEvidence } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";

export const id = "disclosure/extension-lawful";
export const title = {
  zh: "延期答复不超过法定期限，并在原期限内批准和告知",
  en: "Extensions within the limit, approved and notified before the original deadline",
};
export const source = {
  zh: "《中华人民共和国政府信息公开条例》第三十三条第二款（国务院令第711号）；第二十四条第二款（国务院令第492号）",
  en: "Regulations on Open Government Information Art. 33 ¶2 (Decree 711); Art. 24 ¶2 (Decree 492)",
};
export const sources = {
  "ogi-2019": {
    zh: "《中华人民共和国政府信息公开条例》（国务院令第711号）第三十三条第二款",
    en: "Regulations on Open Government Information (Decree 711) Art. 33 ¶2",
  },
  "ogi-2008": {
    zh: "《中华人民共和国政府信息公开条例》（国务院令第492号）第二十四条第二款",
    en: "Regulations on Open Government Information (Decree 492) Art. 24 ¶2",
  },
};
export const defaultSeverity = "error";
export const messages = {
  tooLong: {
    zh: "申请 {id} 延期{days}个工作日，超过最长{max}个工作日的规定",
    en: "request {id} was extended by {days} working days, more than the {max} allowed",
  },
  approvedLate: {
    zh: "申请 {id} 的延期于{approved}批准，晚于原答复期限{due}",
    en: "the extension of request {id} was approved on {approved}, after the original deadline {due}",
  },
  notifiedLate: {
    zh: "申请 {id} 的延期于{notified}告知申请人，晚于原答复期限{due}",
    en: "the applicant of request {id} was notified of the extension on {notified}, after the original deadline {due}",
  },
};

export function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const appList = ctx.facts.applications;
  for (let ai = 0; ai < appList.length; ai++) {
    const a = appList[ai]!;
    const x = a.extension;
    if (!x) continue;
    if (!x.notified.startsWith(`${ctx.facts.year}-`) && !x.approved.startsWith(`${ctx.facts.year}-`))
      continue;
    if (x.withinLimit && x.approvedInTime !== false && x.notifiedInTime !== false) continue;
    const base = receiptEvidence(a);
    if (!x.withinLimit)
      out.push(
        ctx.report(
          "tooLong",
          { id: a.id, days: x.days, max: x.maxDays },
          {
            subject: a.id,
            evidence: [...base, ev(appPtr(a.index, "extension", "days"), x.days)],
            regime: a.regime,
          },
        ),
      );
    if (x.originalDue === null) continue;
    if (x.approvedInTime === false)
      out.push(
        ctx.report(
          "approvedLate",
          { id: a.id, approved: x.approved, due: x.originalDue },
          {
            subject: a.id,
            regime: a.regime,
            evidence: [...base, ev(appPtr(a.index, "extension", "approved"), x.approved)],
            deadline: a.deadline,
          },
        ),
      );
    if (x.notifiedInTime === false)
      out.push(
        ctx.report(
          "notifiedLate",
          { id: a.id, notified: x.notified, due: x.originalDue },
          {
            subject: a.id,
            regime: a.regime,
            evidence: [...base, ev(appPtr(a.index, "extension", "notified"), x.notified)],
            deadline: a.deadline,
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
