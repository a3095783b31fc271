/**
 * Promised limits within the office's own commitment (approval.maxPromisedLimit, e.g.
 * "所有审批事项办结时限不超过7天"). Applies when the dataset states a commitment.
 *
 * Option `basis` (the same interpretation as the facts' claims, facts/claims.ts):
 * - "promised" (default): every item's promised limit (承诺时限) is within the commitment, in
 *   the same unit — the literal reading of 办结时限; one finding per item over it (or in
 *   another unit, which cannot be compared);
 * - "cases": every case completed in the year took no longer than the commitment from
 *   acceptance — the time actually taken; one finding per case over it (needs case records);
 * - "both": both.
 */
import type { Finding } from "../../finding.js";
import { caseIndex, ev, limitText, ptr } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";

export const id = "approval/promised-within-commitment";
export const title = {
  zh: "承诺时限不超过本机关承诺的上限",
  en: "Promised limits within the office's commitment",
};
export const source = {
  zh: "本机关承诺（如“所有审批事项办结时限不超过7天”）；考核方案：承诺时限≤7天",
  en: "The office's commitment (e.g. every item completed within 7 days); assessment scheme: promised limits ≤ 7 days",
};
export const defaultSeverity = "warning";
export const messages = {
  itemOverMax: {
    zh: "审批事项“{item}”（{id}）承诺时限{promised}，超过本机关承诺的{max}",
    en: "approval item “{item}” ({id}) promises {promised}, more than the office's commitment of {max}",
  },
  itemOtherUnit: {
    zh: "审批事项“{item}”（{id}）承诺时限{promised}，与本机关承诺的{max}单位不同，无法证明不超过该上限",
    en: "approval item “{item}” ({id}) promises {promised}, in another unit than the commitment of {max}, so it cannot be shown to be within it",
  },
  caseOverMax: {
    zh: "办件 {id} 于{accepted}受理、{completed}办结，用时{daysTaken}{unit}，超过本机关承诺的{max}",
    en: "case {id}, accepted {accepted} and completed {completed}, took {daysTaken} {unit}, more than the office's commitment of {max}",
  },
};

type Options = { basis: "promised" | "cases" | "both" };
export const options = {
  schema: {
    properties: {
      basis: {
        enum: ["promised", "cases", "both"],
        description:
          "What proves the commitment: the items' promised limits (promised), the time each case took (cases), or both.",
      },
    },
  },
  defaults: { basis: "promised" } satisfies Options,
};

export function check(ctx: RuleContext<Options>): Finding[] {
  const { limits, items } = ctx.facts.approval;
  const max = limits.max;
  if (!max) return [];
  const { lang } = ctx;
  const basis = ctx.options.basis;
  const out: Finding[] = [];
  const maxText = limitText(max, lang);
  if (basis === "promised" || basis === "both") {
    for (const over of limits.promisedOverMax) {
      const i = items.list.findIndex((x) => x.id === over.id);
      out.push(
        ctx.report(
          over.promisedLimit.unit === max.unit ? "itemOverMax" : "itemOtherUnit",
          { item: over.name, id: over.id, promised: limitText(over.promisedLimit, lang), max: maxText },
          {
            subject: over.id,
            evidence: [
              ev(ptr("approval", "items", i, "promisedLimit", "days"), over.promisedLimit.days),
              ev(ptr("approval", "maxPromisedLimit", "days"), max.days),
            ],
          },
        ),
      );
    }
  }
  if (basis === "cases" || basis === "both") {
    const unit = max.working ? (lang === "en" ? "working days" : "个工作日") : lang === "en" ? "days" : "天";
    for (const c of limits.casesOverMax) {
      const i = caseIndex(ctx.dataset, c.id);
      out.push(
        ctx.report(
          "caseOverMax",
          {
            id: c.id,
            accepted: c.accepted,
            completed: c.completed,
            daysTaken: c.daysTaken,
            unit,
            max: maxText,
          },
          {
            subject: c.id,
            evidence: [
              ev(ptr("approval", "cases", i, "accepted"), c.accepted),
              ev(ptr("approval", "cases", i, "completed"), c.completed),
              ev(ptr("approval", "maxPromisedLimit", "days"), max.days),
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
  return ctx.facts.approval.limits.max !== null && ctx.facts.approval.items.list.length > 0;
}
