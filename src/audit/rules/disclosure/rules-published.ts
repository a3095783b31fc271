/** The office's disclosure rules (管理制度) exist and are published on the internet. */
import type { Finding } from "../../finding.js";
import { ev, ptr } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";

export const id = "disclosure/rules-published";
export const title = { zh: "政务公开制度健全并向社会公开", en: "Disclosure rules in place and published" };
export const source = {
  zh: "考核方案：建立健全政务公开工作制度，并通过互联网公开",
  en: "Assessment scheme: disclosure rules in place and published on the internet",
};
export const defaultSeverity = "warning";
export const messages = {
  none: {
    zh: "数据未记载任何政务公开工作制度",
    en: "the dataset records no disclosure rules",
  },
  unpublished: {
    zh: "制度{name}未通过互联网公开",
    en: "the rule {name} is not published on the internet",
  },
};

export function check(ctx: RuleContext): Finding[] {
  const rules = ctx.dataset.disclosure.rules ?? [];
  if (rules.length === 0) return [ctx.report("none", {}, { evidence: [ev(ptr("disclosure", "rules"), [])] })];
  const out: Finding[] = [];
  rules.forEach((r, i) => {
    if (!r.published)
      out.push(
        ctx.report(
          "unpublished",
          { name: r.name },
          { subject: r.name, evidence: [ev(ptr("disclosure", "rules", i, "published"), false)] },
        ),
      );
  });
  return out;
}
