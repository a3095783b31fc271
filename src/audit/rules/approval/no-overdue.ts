/**
 * No approval case overdue (办件超时): a case completed after the last day of its item's promised
 * limit, counted from acceptance (day 0) on the working-day calendar — or still open at the end
 * of the year with that day passed. One finding per case; an office with given totals only gets
 * one finding standing for the total.
 *
 * What the records are (approval.records) decides what the data proves: every case ("all") or
 * every overdue one ("exceptions", the totals giving the rest) prove the year's overdue cases,
 * none beyond them. A sample ("sample") proves only its own overdue cases: with an overdue total
 * the cases beyond the sample's are one finding for the total's rest; without one, a finding says
 * the data cannot prove that no case was overdue (a warning at most — never a pass).
 */
import { countText } from "../../../data/count.js";
import type { Finding } from "../../finding.js";
import { caseIndex, ev, limitText, ptr } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";

export const id = "approval/no-overdue";
export const title = { zh: "无办件超时", en: "No approval case overdue" };
export const source = {
  zh: "考核方案：全年无办件超时（按承诺时限、工作日计算）",
  en: "Assessment scheme: no case overdue in the year (promised limit, working days)",
};
export const defaultSeverity = "error";
export const messages = {
  overdue: {
    zh: "办件 {id}（{item}）于{accepted}受理，承诺时限{limit}，应于{due}前办结，实际于{completed}办结，用时{daysTaken}{unit}，超时{daysLate}{unit}",
    en: "case {id} ({item}) was accepted on {accepted} with a promised limit of {limit}, due by {due}, and completed on {completed} after {daysTaken} {unit}, {daysLate} {unit} late",
  },
  open: {
    zh: "办件 {id}（{item}）于{accepted}受理，承诺时限{limit}，应于{due}前办结，至年底仍未办结",
    en: "case {id} ({item}) was accepted on {accepted} with a promised limit of {limit}, due by {due}, and was still open at the end of the year",
  },
  totals: {
    zh: "全年办件超时{count}件（据填报的合计数）",
    en: "{count} cases overdue in the year (given total)",
  },
  notException: {
    zh: "办件 {id} 列为超时办件（只列超时办件），但按承诺时限计算并未超时：请核对其受理和办结日期，或从办件记录中删去",
    en: "case {id} is listed as an overdue case (only overdue cases are listed) but was completed within its promised limit: check its dates, or remove it from the records",
  },
  sampleRest: {
    zh: "抽样办件记录以外另有办件超时{count}件（据填报的超时合计数{total}件）",
    en: "{count} more cases overdue beyond the sampled records (given overdue total {total})",
  },
  unproven: {
    zh: "办件记录只是抽样（{sampled}件，全年办结{completed}件），又未填写超时合计数，无法证明全年无办件超时；请在 totals.overdue 中填写全年超时办件数",
    en: "the case records are a sample ({sampled} of {completed} cases completed) and no overdue total is given: the data cannot prove that no case was overdue; give the year's overdue count in totals.overdue",
  },
};

export function check(ctx: RuleContext): Finding[] {
  const { overdue } = ctx.facts.approval;
  const { lang } = ctx;
  const cases = ctx.dataset.approval?.cases ?? [];
  const hasRecords = cases.length > 0;
  const { records, completed } = ctx.facts.approval;
  if (!hasRecords) {
    if (!overdue.known || overdue.count === 0) return [];
    return [
      ctx.report(
        "totals",
        { count: overdue.count },
        { count: overdue.count, evidence: [ev(ptr("approval", "totals", "overdue"), overdue.count)] },
      ),
    ];
  }
  const found = overdue.cases.map((c) => {
    const i = caseIndex(ctx.dataset, c.id);
    const data = {
      id: c.id,
      item: c.itemName,
      accepted: c.accepted,
      limit: limitText(c.limit, lang),
      due: c.due,
    };
    const evidence = [ev(ptr("approval", "cases", i, "accepted"), c.accepted)];
    if (c.open || c.completed === null) return ctx.report("open", data, { subject: c.id, evidence });
    evidence.push(ev(ptr("approval", "cases", i, "completed"), c.completed));
    const unit = c.limit.working
      ? lang === "en"
        ? "working days"
        : "个工作日"
      : lang === "en"
        ? "days"
        : "天";
    return ctx.report(
      "overdue",
      { ...data, completed: c.completed, daysTaken: c.daysTaken ?? 0, daysLate: c.daysLate ?? 0, unit },
      { subject: c.id, evidence },
    );
  });
  for (const caseId of overdue.listedOnTime) {
    const i = caseIndex(ctx.dataset, caseId);
    const c = cases[i]!;
    found.push(
      ctx.report(
        "notException",
        { id: caseId },
        {
          subject: caseId,
          evidence: [
            ev(ptr("approval", "cases", i, "accepted"), c.accepted),
            ev(ptr("approval", "cases", i, "completed"), c.completed ?? null),
          ],
          atMost: "warning",
        },
      ),
    );
  }
  if (records !== "sample") return found;
  if (overdue.known) {
    const rest = overdue.count - overdue.cases.length;
    if (rest > 0)
      found.push(
        ctx.report(
          "sampleRest",
          { count: rest, total: overdue.count },
          { count: rest, evidence: [ev(ptr("approval", "totals", "overdue"), overdue.count)] },
        ),
      );
    return found;
  }
  found.push(
    ctx.report(
      "unproven",
      { sampled: cases.length, completed: countText(completed.total) },
      { evidence: [ev(ptr("approval", "totals", "completed"), completed.total)], atMost: "warning" },
    ),
  );
  return found;
}

/** Whether the data holds anything this rule judges (else the criterion is 无数据). */
export function judges(ctx: RuleContext): boolean {
  const ap = ctx.facts.approval;
  return ap.overdue.known || (ap.records === "sample" && (ctx.dataset.approval?.cases ?? []).length > 0);
}
