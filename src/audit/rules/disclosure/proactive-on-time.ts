/**
 * Proactive information published within 20 working days of its creation or change (ogi-2019
 * Art. 26; ogi-2008 Art. 18). Applies to the item records that give both dates
 * (disclosure.proactive.items); one finding per late item.
 */
import type { Finding } from "../../finding.js";
import { ev, ptr } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";
import { regimeFor } from "../../../law/regime.js";

export const id = "disclosure/proactive-on-time";
export const title = {
  zh: "主动公开信息在形成或变更之日起20个工作日内公开",
  en: "Proactive information published within 20 working days",
};
export const source = {
  zh: "《中华人民共和国政府信息公开条例》第二十六条（国务院令第711号）；第十八条（国务院令第492号）",
  en: "Regulations on Open Government Information Art. 26 (Decree 711); Art. 18 (Decree 492)",
};
export const sources = {
  "ogi-2019": {
    zh: "《中华人民共和国政府信息公开条例》（国务院令第711号）第二十六条",
    en: "Regulations on Open Government Information (Decree 711) Art. 26",
  },
  "ogi-2008": {
    zh: "《中华人民共和国政府信息公开条例》（国务院令第492号）第十八条",
    en: "Regulations on Open Government Information (Decree 492) Art. 18",
  },
};
export const defaultSeverity = "error";
export const messages = {
  late: {
    zh: "主动公开信息“{title}”（{id}）于{created}形成，应于{due}前公开，实际于{published}公开，逾期{late}个工作日",
    en: "proactive item “{title}” ({id}), created {created}, was due by {due} and published on {published}, {late} working days late",
  },
};

export function check(ctx: RuleContext): Finding[] {
  const items = ctx.dataset.disclosure.proactive?.items ?? [];
  return ctx.facts.disclosure.proactive.items.late.map((l) =>
    ctx.report(
      "late",
      {
        id: l.id,
        title: items[l.index]?.title ?? l.id,
        created: l.created,
        due: l.due,
        published: l.published,
        late: l.workingDaysLate,
      },
      {
        subject: l.id,
        regime: regimeFor(l.created),
        evidence: [
          ev(ptr("disclosure", "proactive", "items", l.index, "created"), l.created),
          ev(ptr("disclosure", "proactive", "items", l.index, "published"), l.published),
        ],
      },
    ),
  );
}

/** Whether the data holds anything this rule judges (else the criterion is 无数据). */
export function judges(ctx: RuleContext): boolean {
  return (ctx.dataset.disclosure.proactive?.items?.length ?? 0) > 0;
}
