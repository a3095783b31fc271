/**
 * Bad ratings (差评: 不满意, 非常不满意) of the approval service rectified within the configured
 * number of working days (option `workingDays`, default 5 — local rules say 5, 7 or 15),
 * counted from the rating (day 0). A rating still open at the end of the year is a finding
 * once that period has passed by 31 December.
 */
import type { Finding } from "../../finding.js";
import { ev, ptr } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";

export const id = "approval/bad-ratings-rectified";
export const title = { zh: "差评按期整改", en: "Bad ratings rectified in time" };
export const source = {
  zh: "《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》（国办发〔2019〕51号）；考核方案：差评按期整改率",
  en: "State Council General Office opinion on the good/bad rating system (国办发〔2019〕51号); assessment scheme: bad ratings rectified in time",
};
export const defaultSeverity = "warning";
export const messages = {
  late: {
    zh: "差评 {id}（{level}，{date}）于{rectified}整改，用时{days}个工作日，超过{limit}个工作日的整改期限",
    en: "bad rating {id} ({level}, {date}) was rectified on {rectified} after {days} working days, beyond the {limit} working days allowed",
  },
  open: {
    zh: "差评 {id}（{level}，{date}）至年底未整改，已超过{limit}个工作日的整改期限",
    en: "bad rating {id} ({level}, {date}) was not rectified by the end of the year, beyond the {limit} working days allowed",
  },
};

type Options = { workingDays: number };
export const options = {
  schema: {
    properties: {
      workingDays: {
        type: "integer",
        minimum: 1,
        description: "Working days allowed to rectify a bad rating, from the rating (day 0).",
      },
    },
  },
  defaults: { workingDays: 5 } satisfies Options,
};

const LEVEL: Record<string, { zh: string; en: string }> = {
  dissatisfied: { zh: "不满意", en: "dissatisfied" },
  "very-dissatisfied": { zh: "非常不满意", en: "very dissatisfied" },
};

export function check(ctx: RuleContext<Options>): Finding[] {
  const limit = ctx.options.workingDays;
  const out: Finding[] = [];
  for (const r of ctx.facts.approval.ratings.badList) {
    const level = LEVEL[r.level]?.[ctx.lang] ?? r.level;
    const base = { id: r.id, level, date: r.date, limit };
    if (r.rectified !== null && r.workingDaysToRectify !== null && r.workingDaysToRectify > limit) {
      out.push(
        ctx.report(
          "late",
          { ...base, rectified: r.rectified, days: r.workingDaysToRectify },
          {
            subject: r.id,
            evidence: [
              ev(ptr("approval", "ratings", r.index, "date"), r.date),
              ev(ptr("approval", "ratings", r.index, "rectified"), r.rectified),
            ],
          },
        ),
      );
    } else if (
      r.rectified === null &&
      r.workingDaysOpenAtYearEnd !== null &&
      r.workingDaysOpenAtYearEnd > limit
    ) {
      out.push(
        ctx.report("open", base, {
          subject: r.id,
          evidence: [ev(ptr("approval", "ratings", r.index, "date"), r.date)],
        }),
      );
    }
  }
  return out;
}

/** Whether the data holds anything this rule judges (else the criterion is 无数据). */
export function judges(ctx: RuleContext): boolean {
  return (ctx.dataset.approval?.ratings?.length ?? 0) > 0;
}
