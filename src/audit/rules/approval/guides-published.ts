/**
 * Every approval item's conditions, documents, procedure and time limit are published (办事
 *指南公开). One finding per item without; the measure is the share published.
 */
import type { Rate } from "../../../facts/index.js";
import type { Finding } from "../../finding.js";
import { ev, ptr } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";

export const id = "approval/guides-published";
export const title = {
  zh: "审批事项条件、要件、程序、时限全部公开",
  en: "Every approval item's conditions, documents, procedure and time limit published",
};
export const source = {
  zh: "《中华人民共和国行政许可法》第三十条；考核方案：所有事项的内容、要件、程序、时限在系统中公开",
  en: "Administrative Licensing Law Art. 30; assessment scheme: every item's conditions, documents, procedure and limit published",
};
export const defaultSeverity = "warning";
export const messages = {
  guideMissing: {
    zh: "审批事项“{item}”（{id}）的条件、要件、程序、时限未向社会公开",
    en: "the conditions, documents, procedure and time limit of approval item “{item}” ({id}) are not published",
  },
};

export function check(ctx: RuleContext): Finding[] {
  return ctx.facts.approval.items.list.flatMap((item, i) =>
    item.guidePublished
      ? []
      : [
          ctx.report(
            "guideMissing",
            { item: item.name, id: item.id },
            { subject: item.id, evidence: [ev(ptr("approval", "items", i, "guidePublished"), false)] },
          ),
        ],
  );
}

export function measure(ctx: RuleContext): Rate | null {
  const items = ctx.facts.approval.items;
  return items.count === 0 ? null : items.guidePublished;
}

/** Whether the data holds anything this rule judges (else the criterion is 无数据). */
export function judges(ctx: RuleContext): boolean {
  return ctx.facts.approval.items.list.length > 0;
}
