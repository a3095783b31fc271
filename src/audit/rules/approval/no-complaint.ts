/**
 * No complaint (投诉) about the approval service in the year. One finding per complaint record
 * (or one for a given total), saying how it was concluded (属实, 部分属实, 不属实, 投诉人撤回) or
 * that it was still open at the end of the year (a warning at most: its outcome is not known).
 * Option `validOnly` (default false): count only valid complaints (有效投诉: upheld or partly
 * upheld, or valid); an open one cannot be left out yet and is reported as open; a given total
 * cannot tell and always counts.
 */
import { isValidComplaint } from "../../../facts/approval.js";
import type { Evidence, Finding } from "../../finding.js";
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
  open: {
    zh: "{received}收到投诉（{id}），至年底尚未办结，是否属实尚无结论",
    en: "complaint {id} received on {received} was still open at the end of the year, its outcome not yet known",
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
  const en = ctx.lang === "en";
  const open = new Set(facts.open);
  list.forEach((c, i) => {
    const evidence: Evidence[] = [ev(ptr("approval", "complaints", i, "received"), c.received)];
    if (c.concluded !== undefined)
      evidence.push(ev(ptr("approval", "complaints", i, "concluded"), c.concluded));
    const known = c.outcome !== undefined || c.valid !== undefined;
    if (open.has(c.id) && !known) {
      out.push(
        ctx.report(
          "open",
          { id: c.id, received: c.received },
          { subject: c.id, evidence, atMost: "warning" },
        ),
      );
      return;
    }
    if (ctx.options.validOnly && !isValidComplaint(c)) return;
    const validity =
      c.outcome === "upheld" || (c.outcome === undefined && c.valid === true)
        ? en
          ? ", found substantiated"
          : "，经查属实"
        : c.outcome === "partly-upheld"
          ? en
            ? ", found partly substantiated"
            : "，经查部分属实"
          : c.outcome === "rejected" || (c.outcome === undefined && c.valid === false)
            ? en
              ? ", found unsubstantiated"
              : "，经查不属实"
            : c.outcome === "withdrawn"
              ? en
                ? ", withdrawn by the complainant"
                : "，投诉人已撤回"
              : "";
    // Concluded only after the year's end, its outcome known by now.
    const late = open.has(c.id)
      ? en
        ? ", still open at the end of the year (concluded later)"
        : "，至年底尚未办结（次年办结）"
      : "";
    out.push(
      ctx.report(
        "complaint",
        { id: c.id, received: c.received, validity: late + validity },
        { subject: c.id, evidence },
      ),
    );
  });
  return out;
}

/** Whether the data holds anything this rule judges (else the criterion is 无数据). */
export function judges(ctx: RuleContext): boolean {
  return ctx.facts.approval.complaints.known;
}
