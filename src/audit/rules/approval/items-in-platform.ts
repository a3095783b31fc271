/**
 * Every retained approval item is handled in the service centre's approval platform (事项进驻).
 * One finding per item outside it; the measure is items in the platform ÷ items retained
 * (事项进驻率), for rate × points criteria.
 */
import type { Rate } from "../../../facts/index.js";
import type { Finding } from "../../finding.js";
import { ev, ptr } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";

export const id = "approval/items-in-platform";
export const title = { zh: "审批事项全部进入审批平台", en: "Every approval item in the approval platform" };
export const source = {
  zh: "考核方案：保留的审批服务事项全部进入政务服务中心审批平台（事项进驻率）",
  en: "Assessment scheme: every retained approval item in the service centre's platform (item entry rate)",
};
export const defaultSeverity = "warning";
export const messages = {
  notInPlatform: {
    zh: "审批事项“{item}”（{id}）未进入政务服务中心审批平台",
    en: "approval item “{item}” ({id}) is not in the service centre's approval platform",
  },
};

export function check(ctx: RuleContext): Finding[] {
  return ctx.facts.approval.items.list.flatMap((item, i) =>
    item.inPlatform
      ? []
      : [
          ctx.report(
            "notInPlatform",
            { item: item.name, id: item.id },
            { subject: item.id, evidence: [ev(ptr("approval", "items", i, "inPlatform"), false)] },
          ),
        ],
  );
}

export function measure(ctx: RuleContext): Rate | null {
  const items = ctx.facts.approval.items;
  return items.count === 0 ? null : items.inPlatform;
}

/** Whether the data holds anything this rule judges (else the criterion is 无数据). */
export function judges(ctx: RuleContext): boolean {
  return ctx.facts.approval.items.list.length > 0;
}
