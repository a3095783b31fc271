/**
 * Highlights for bonus criteria: awards and commendations the approval office received
 * (e.g. 季度服务标兵 3人次). One highlight per award, standing for its count.
 */
import { countValue } from "../../../facts/index.js";
import type { Finding } from "../../finding.js";
import { ev, ptr } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";

export const id = "approval/awards";
export const kind = "bonus";
export const title = { zh: "获得表彰奖励", en: "Awards received" };
export const source = {
  zh: "考核方案：加分项（表彰奖励）",
  en: "Assessment scheme: bonus points for awards",
};
export const defaultSeverity = "info";
export const messages = {
  award: {
    zh: "获得{issuer}“{name}”{count}{unit}",
    en: "award “{name}”{issuer}: {count} {unit}",
  },
};

export function check(ctx: RuleContext): Finding[] {
  return (ctx.dataset.approval?.awards ?? []).map((a, i) => {
    const n = countValue(a.count);
    const issuer = a.issuer === undefined ? "" : ctx.lang === "en" ? ` from ${a.issuer}` : a.issuer;
    return ctx.report(
      "award",
      { name: a.name, issuer, count: n, unit: a.unit ?? (ctx.lang === "en" ? "times" : "次") },
      { subject: a.name, count: n, evidence: [ev(ptr("approval", "awards", i, "count"), n)] },
    );
  });
}
