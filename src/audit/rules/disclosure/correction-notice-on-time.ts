/**
 * Correction notices (补正告知) sent within 7 working days of receipt (ogi-2019 Art. 30). Under
 * ogi-2008 there is no fixed limit (Art. 21(4)) and nothing is judged.
 */
import type { Finding } from "../../finding.js";
import { appPtr, ev, receiptEvidence } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";

export const id = "disclosure/correction-notice-on-time";
export const title = { zh: "补正告知在7个工作日内发出", en: "Correction notices within 7 working days" };
export const source = {
  zh: "《中华人民共和国政府信息公开条例》（国务院令第711号）第三十条",
  en: "Regulations on Open Government Information Art. 30 (State Council Decree 711)",
};
export const defaultSeverity = "error";
export const messages = {
  late: {
    zh: "申请 {id} 于{received}收到，补正告知应于{due}前发出，实际于{notified}发出",
    en: "request {id}, received {received}: the correction notice was due by {due} and sent on {notified}",
  },
};

export function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const appList = ctx.facts.applications;
  for (let ai = 0; ai < appList.length; ai++) {
    const a = appList[ai]!;
    const c = a.correction;
    if (!c || c.onTime !== false || c.due === null) continue;
    if (!c.notified.startsWith(`${ctx.facts.year}-`)) continue;
    out.push(
      ctx.report(
        "late",
        { id: a.id, received: a.received ?? "", due: c.due, notified: c.notified },
        {
          subject: a.id,
          evidence: [...receiptEvidence(a), ev(appPtr(a.index, "correction", "notified"), c.notified)],
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
