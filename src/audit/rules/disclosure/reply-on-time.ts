/**
 * Every on-request reply within the statutory deadline (ogi-2019 Art. 33: 20 WD; ogi-2008
 * Art. 24: 15 WD), as the facts compute it: the regime by receipt date, counting restarted by a
 * corrected request, consultation (and fee) pauses not counted, a lawful extension added. One
 * finding per late reply, with the deadline trace; and one per request still unanswered at the
 * end of the year whose deadline had passed.
 *
 * Scope: replies dated in the year, and requests open at its end. Not judged: a request closed
 * as deemed withdrawn (other / no-correction, other / fee-unpaid) — no reply deadline runs —
 * and one still waiting for its correction at the end of the year.
 */
import type { ApplicationFacts } from "../../../facts/applications.js";
import type { Evidence, Finding } from "../../finding.js";
import { appPtr, ev, receiptEvidence } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";
import { inputMessage } from "../../../data/input-messages.js";

export const id = "disclosure/reply-on-time";
export const title = {
  zh: "依申请公开在法定期限内答复",
  en: "On-request replies within the statutory deadline",
};
export const source = {
  zh: "《中华人民共和国政府信息公开条例》第三十三条（国务院令第711号）；第二十四条（国务院令第492号）",
  en: "Regulations on Open Government Information Art. 33 (State Council Decree 711); Art. 24 (Decree 492)",
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
  late: {
    zh: "申请 {id} 于{received}收到，应于{due}前答复，实际于{replied}答复，逾期{late}个工作日",
    en: "request {id}, received {received}, was due by {due} and answered on {replied}, {late} working days late",
  },
  unanswered: {
    zh: "申请 {id} 于{received}收到，应于{due}前答复，至年底仍未答复",
    en: "request {id}, received {received}, was due by {due} and still unanswered at the end of the year",
  },
  undeterminable: {
    zh: "申请 {id} 于{received}收到，答复期限跨入{year}年，日历中还没有该年的节假日安排，期限暂无法确定（不按逾期计）；通知发布后请用 --calendar-override 补充{year}年的节假日",
    en: "request {id}, received {received}: its deadline runs into {year}, whose holidays are not in the calendar yet, so it cannot be determined (not counted as late); add {year}'s holidays with --calendar-override once the notice is published",
  },
  undeterminableInTime: {
    zh: "申请 {id} 于{received}收到，答复期限跨入{year}年（日历中还没有该年的节假日安排，具体日期暂无法确定），本年度内不构成逾期",
    en: "request {id}, received {received}: its deadline runs into {year} (whose holidays are not in the calendar yet, so the exact day cannot be determined); not late within this year",
  },
  notComputable: {
    zh: "申请 {id} 的答复期限无法计算（{field}：{problem}），请补全记录",
    en: "the deadline of request {id} cannot be computed ({field}: {problem}); complete the record",
  },
};

const WITHDRAWN = new Set(["no-correction", "fee-unpaid"]);

/** Receipt, corrected receipt and extension: what the deadline was computed from. */
function evidenceOf(a: ApplicationFacts): Evidence[] {
  const evidence = receiptEvidence(a);
  if (a.correction?.correctedReceived)
    evidence.push(ev(appPtr(a.index, "correction", "correctedReceived"), a.correction.correctedReceived));
  if (a.extension) evidence.push(ev(appPtr(a.index, "extension", "days"), a.extension.days));
  return evidence;
}

export function check(ctx: RuleContext): Finding[] {
  const yearStart = `${ctx.facts.year}-01-01`;
  const yearEnd = `${ctx.facts.year}-12-31`;
  const out: Finding[] = [];
  const appList = ctx.facts.applications;
  for (let ai = 0; ai < appList.length; ai++) {
    const a = appList[ai]!;
    const r = a.reply;
    if (r && r.date < yearStart) continue; // answered in an earlier year
    if (r && r.type === "other" && r.reason !== null && WITHDRAWN.has(r.reason)) continue;
    if (a.due === null || a.deadline === null) {
      const p = a.problems[0];
      const unknown = a.problems.find((x) => x.unknownYear !== undefined);
      if (unknown && a.received !== null) {
        // The deadline runs into a year whose holidays are not in the calendar: undeterminable,
        // never late. It lies in that year or later, so a reply dated before the year, or an
        // open request at the end of a data year before it, is certainly in time: a notice
        // (info, no points). A reply dated in that year can be neither judged nor cleared.
        const from = `${unknown.unknownYear!}-01-01`;
        const inTimeAnyway = r ? r.date < from : yearEnd < from;
        out.push(
          ctx.report(
            inTimeAnyway ? "undeterminableInTime" : "undeterminable",
            { id: a.id, received: a.received, year: unknown.unknownYear! },
            {
              subject: a.id,
              evidence: receiptEvidence(a),
              regime: a.regime,
              atMost: inTimeAnyway ? "info" : "warning",
            },
          ),
        );
        continue;
      }
      if (p)
        out.push(
          ctx.report(
            "notComputable",
            { id: a.id, field: p.field, problem: inputMessage(p, ctx.lang) },
            {
              subject: a.id,
              evidence: [ev(appPtr(a.index, p.field.split(".")[0]!), null)],
              regime: a.regime,
            },
          ),
        );
      continue;
    }
    // Answered in the year, or in the next (carried to it): judged by the reply's real date.
    if (r) {
      if (r.onTime !== false) continue;
      const evidence = [...evidenceOf(a), ev(appPtr(a.index, "reply", "date"), r.date)];
      out.push(
        ctx.report(
          "late",
          { id: a.id, received: a.received ?? "", due: a.due, replied: r.date, late: r.workingDaysLate ?? 0 },
          { subject: a.id, evidence, deadline: a.deadline, regime: a.regime },
        ),
      );
      continue;
    }
    // Open at the end of the year.
    if (a.correction && !a.correction.corrected) continue;
    if (a.due >= yearEnd) continue;
    const evidence = [...evidenceOf(a), ev(appPtr(a.index, "reply"), null)];
    out.push(
      ctx.report(
        "unanswered",
        { id: a.id, received: a.received ?? "", due: a.due },
        { subject: a.id, evidence, deadline: a.deadline, regime: a.regime },
      ),
    );
  }
  return out;
}

/** Whether the data holds anything this rule judges (else the criterion is 无数据). */
export function judges(ctx: RuleContext): boolean {
  return ctx.facts.applications.length > 0;
}
