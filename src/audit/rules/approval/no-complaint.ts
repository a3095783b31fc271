/**
 * No complaint (投诉) about the approval service in the year. One finding per complaint record
 * (or one for a given total). Option `validOnly` (default false): count only complaints found
 * substantiated (有效投诉); a given total cannot tell and always counts.
 */
import type { Finding } from "../../finding.js";
import { ev, ptr } from "../../evidence.js";
import type { RuleContext } from "../../rule.js";

export const id = "approval/no-complaint";
export const title = { zh: "无投诉", en: "No complaint" };
export const source = { zh: "考核方案：全年无投诉", en: "Assessment scheme: no complaint in the year" };
export const defaultSeverity = "warning";
export const messages = {
  complaint: {
    zh: "{received}收到投诉（{id}）{validity}",
    en: "complaint {id} received on {received}{validity}",
  },
  totals: { zh: "全年被投诉{count}次（据填报的合计数）", en: "{count} complaints in the year (given total)" },
};

type Options = { validOnly: boolean };
export const options = {
  schema: {
    properties: {
      validOnly: {
        type: "boolean",
        description: "Count only complaints found substantiated (有效投诉).",
      },
    },
  },
  defaults: { validOnly: false } satisfies Options,
};

export function check(ctx: RuleContext<Options>): Finding[] {
  const list = ctx.dataset.approval?.complaints;
  const facts = ctx.facts.approval.complaints;
  if (list === undefined) {
    if (!facts.known || facts.count === 0) return [];
    return [
      ctx.report(
        "totals",
        { count: facts.count },
        { count: facts.count, evidence: [ev(ptr("approval", "totals", "complaints"), facts.count)] },
      ),
    ];
  }
  const out: Finding[] = [];
  list.forEach((c, i) => {
    if (ctx.options.validOnly && c.valid !== true) return;
    const validity =
      c.valid === true
        ? ctx.lang === "en"
          ? ", found substantiated"
          : "，经查属实"
        : c.valid === false
          ? ctx.lang === "en"
            ? ", found unsubstantiated"
            : "，经查不属实"
          : "";
    out.push(
      ctx.report(
        "complaint",
        { id: c.id, received: c.received, validity },
        { subject: c.id, evidence: [ev(ptr("approval", "complaints", i, "received"), c.received)] },
      ),
    );
  });
  return out;
}

/** Whether the data holds anything this rule judges (else the criterion is 无数据). */
export function judges(ctx: RuleContext): boolean {
  return ctx.facts.approval.complaints.known;
}
