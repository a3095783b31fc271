/** No absence from post (漏岗、脱岗、串岗): one finding per incident recorded. */
import { ABSENCE_KIND_LABELS } from "../../../data/codes.js";
import type { Finding } from "../../finding.js";
import { ev, ptr } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";

export const id = "approval/no-absence";
export const title = { zh: "无漏岗、脱岗、串岗", en: "No absence from post" };
export const source = {
  zh: "考核方案：全年未发生漏岗、脱岗、串岗等现象",
  en: "Assessment scheme: no unstaffed post, absence or post-hopping in the year",
};
export const defaultSeverity = "warning";
export const messages = {
  absence: { zh: "{date}发生{kind}（{id}）", en: "{kind} on {date} ({id})" },
};

const EN = {
  unstaffed: "unstaffed post",
  "off-post": "absence from post",
  "post-hopping": "post-hopping",
} as const;

export function check(ctx: RuleContext): Finding[] {
  return (ctx.dataset.approval?.absenceIncidents ?? []).map((x, i) =>
    ctx.report(
      "absence",
      { id: x.id, date: x.date, kind: ctx.lang === "en" ? EN[x.kind] : ABSENCE_KIND_LABELS[x.kind] },
      { subject: x.id, evidence: [ev(ptr("approval", "absenceIncidents", i, "kind"), x.kind)] },
    ),
  );
}

/** Whether the data holds anything this rule judges (else the criterion is 无数据). */
export function judges(ctx: RuleContext): boolean {
  return ctx.facts.approval.absences.known;
}
