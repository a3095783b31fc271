/**
 * A leading group for disclosure work (政务公开工作领导小组) with a unit doing the daily work.
 * The dataset records the group as a whole (leader, deputy, members, office are required), so
 * the only finding is its absence.
 */
import type { Finding } from "../../finding.js";
import { ev, ptr } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";

export const id = "disclosure/leading-group";
export const title = { zh: "成立政务公开工作领导小组", en: "A leading group for disclosure work" };
export const source = {
  zh: "考核方案：成立政务公开（政府信息公开）工作领导小组，明确具体承办机构",
  en: "Assessment scheme: a leading group for disclosure work with a unit doing the daily work",
};
export const defaultSeverity = "warning";
export const messages = {
  missing: {
    zh: "数据未记载政务公开工作领导小组",
    en: "the dataset records no leading group for disclosure work",
  },
};

export function check(ctx: RuleContext): Finding[] {
  if (ctx.facts.disclosure.leadingGroup) return [];
  return [ctx.report("missing", {}, { evidence: [ev(ptr("disclosure", "leadingGroup"), null)] })];
}
