/**
 * The dedicated approval seal (审批专用章): used for every case completed in the year, kept by a
 * designated person (专人管理), used for nothing else. Applies when the dataset records the
 * seal; the per-case check needs case records.
 */
import type { Finding } from "../../finding.js";
import { caseIndex, ev, ptr } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";

export const id = "approval/seal";
export const title = {
  zh: "审批专用章每件使用、专人管理、不挪作他用",
  en: "Dedicated approval seal used for every case, kept by a designated person, not misused",
};
export const source = {
  zh: "考核方案：所有事项办理中均使用审批专用章，由专人管理，不得挪作他用",
  en: "Assessment scheme: the dedicated approval seal is used for every case, kept by a designated person, for no other use",
};
export const defaultSeverity = "error";
export const messages = {
  caseWithoutSeal: {
    zh: "办件 {id} 未使用审批专用章",
    en: "case {id} was completed without the dedicated approval seal",
  },
  noKeeper: {
    zh: "审批专用章未由专人管理",
    en: "the dedicated approval seal is not kept by a designated person",
  },
  misused: {
    zh: "审批专用章存在挪作他用现象",
    en: "the dedicated approval seal was used for other purposes",
  },
};

export function check(ctx: RuleContext): Finding[] {
  const seal = ctx.facts.approval.seal;
  const out: Finding[] = [];
  for (const caseId of seal.casesWithoutSeal) {
    const i = caseIndex(ctx.dataset, caseId);
    out.push(
      ctx.report(
        "caseWithoutSeal",
        { id: caseId },
        { subject: caseId, evidence: [ev(ptr("approval", "cases", i, "sealUsed"), false)] },
      ),
    );
  }
  if (!seal.known) return out;
  if (!seal.dedicatedKeeper)
    out.push(
      ctx.report("noKeeper", {}, { evidence: [ev(ptr("approval", "seal", "dedicatedKeeper"), false)] }),
    );
  if (seal.misused)
    out.push(ctx.report("misused", {}, { evidence: [ev(ptr("approval", "seal", "misused"), true)] }));
  return out;
}

/** Whether the data holds anything this rule judges (else the criterion is 无数据). */
export function judges(ctx: RuleContext): boolean {
  return (
    ctx.facts.approval.seal.known ||
    ctx.facts.approval.seal.casesWithoutSeal.length > 0 ||
    (ctx.dataset.approval?.cases ?? []).some((c) => c.sealUsed !== undefined)
  );
}
