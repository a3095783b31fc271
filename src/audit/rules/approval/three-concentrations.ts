/**
 * 三集中: approval functions, site and staff concentrated in the approval office, and its
 * staff's party membership moved to the service centre (criteria of the 2014 scheme). Applies
 * when the dataset has an approval section; a missing threeConcentrations record is not judged.
 */
import type { Finding } from "../../finding.js";
import { ev, ptr } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";

export const id = "approval/three-concentrations";
export const title = {
  zh: "审批职能、场所、人员“三集中”",
  en: "Approval functions, site and staff concentrated",
};
export const source = {
  zh: "考核方案：审批职能、审批场所、审批人员“三集中”，人员党团组织关系转入政务服务中心",
  en: "Assessment scheme: approval functions, site and staff concentrated; party membership moved to the service centre",
};
export const defaultSeverity = "warning";
export const messages = {
  notConcentrated: {
    zh: "审批{aspects}尚未集中到行政审批办公室",
    en: "approval {aspects} not yet concentrated in the approval office",
  },
  partyNotTransferred: {
    zh: "审批人员党团组织关系尚未转入政务服务中心",
    en: "the approval staff's party membership has not been moved to the service centre",
  },
};

const ASPECTS = {
  functions: { zh: "职能", en: "functions" },
  site: { zh: "场所", en: "site" },
  staff: { zh: "人员", en: "staff" },
} as const;

export function check(ctx: RuleContext): Finding[] {
  const office = ctx.facts.approval.office;
  if (!office) return [];
  const out: Finding[] = [];
  const tc = office.threeConcentrations;
  if (tc && !tc.all) {
    const missing = (["functions", "site", "staff"] as const).filter((k) => !tc[k]);
    out.push(
      ctx.report(
        "notConcentrated",
        { aspects: missing.map((k) => ASPECTS[k][ctx.lang]) },
        {
          evidence: missing.map((k) => ev(ptr("approval", "office", "threeConcentrations", k), false)),
        },
      ),
    );
  }
  if (!office.partyMembershipTransferred)
    out.push(
      ctx.report(
        "partyNotTransferred",
        {},
        { evidence: [ev(ptr("approval", "office", "partyMembershipTransferred"), false)] },
      ),
    );
  return out;
}

/** Whether the data holds anything this rule judges (else the criterion is 无数据). */
export function judges(ctx: RuleContext): boolean {
  return ctx.facts.approval.office !== null;
}
