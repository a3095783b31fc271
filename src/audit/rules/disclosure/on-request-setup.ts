/**
 * On-request disclosure set up: an on-request procedure among the rules, a named person
 * responsible (指定专人), the unified reply texts used (统一的答复文本). Applies when the
 * dataset records the setup (disclosure.onRequestSetup).
 */
import type { Finding } from "../../finding.js";
import { ev, ptr } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";

export const id = "disclosure/on-request-setup";
export const title = {
  zh: "依申请公开程序公开、专人负责、使用统一答复文本",
  en: "On-request procedure published, a named person, unified reply texts",
};
export const source = {
  zh: "考核方案：依申请公开程序向社会公开，指定专人负责，使用统一的答复文本",
  en: "Assessment scheme: the on-request procedure published, a named person responsible, the unified reply texts used",
};
export const defaultSeverity = "warning";
export const messages = {
  noProcedure: {
    zh: "制度中没有依申请公开工作程序",
    en: "none of the rules is an on-request disclosure procedure",
  },
  noDesignatedStaff: {
    zh: "依申请公开工作未指定专人负责",
    en: "no named person is responsible for on-request disclosure",
  },
  noUnifiedTexts: {
    zh: "依申请公开答复未使用统一的答复文本",
    en: "replies do not use the unified reply texts",
  },
};

export function check(ctx: RuleContext): Finding[] {
  const setup = ctx.facts.disclosure.onRequestSetup;
  if (!setup) return [];
  const out: Finding[] = [];
  if (ctx.facts.disclosure.rules.onRequest.length === 0)
    out.push(
      ctx.report(
        "noProcedure",
        {},
        { evidence: [ev(ptr("disclosure", "rules"), ctx.facts.disclosure.rules.names)] },
      ),
    );
  if (!setup.designatedStaff)
    out.push(
      ctx.report(
        "noDesignatedStaff",
        {},
        { evidence: [ev(ptr("disclosure", "onRequestSetup", "designatedStaff"), false)] },
      ),
    );
  if (!setup.unifiedReplyTexts)
    out.push(
      ctx.report(
        "noUnifiedTexts",
        {},
        { evidence: [ev(ptr("disclosure", "onRequestSetup", "unifiedReplyTexts"), false)] },
      ),
    );
  return out;
}

/** Whether the data holds anything this rule judges (else the criterion is 无数据). */
export function judges(ctx: RuleContext): boolean {
  return ctx.facts.disclosure.onRequestSetup !== null && ctx.facts.disclosure.onRequestSetup !== undefined;
}
