/**
 * The on-time decision (calendar/convention.ts meetsLimit) through every caller: a reply dated
 * exactly on its due day is on time in the facts, the letters, the audit, the claims the
 * summary prints and the annual report; one working day later it is late in each of them.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  buildAnnualReport,
  composeLetters,
  defaultCalendar,
  deriveFacts,
  docxParagraphTexts,
  meetsLimit,
  runAudit,
  type Dataset,
} from "../../src/index.js";

const SAMPLE = "samples/2023-district-bureau.json";
const ID = "YSQ2023-001";

function withReplyOn(date: string | null): { dataset: Dataset; due: string } {
  const dataset = JSON.parse(readFileSync(SAMPLE, "utf8")) as Dataset;
  const app = dataset.disclosure.applications!.find((a) => a.id === ID)!;
  const due = deriveFacts(dataset).applications.find((a) => a.id === ID)!.due!;
  if (date !== null) app.reply!.date = date === "due" ? due : date;
  return { dataset, due };
}

function everyCaller(dataset: Dataset) {
  const facts = deriveFacts(dataset);
  const fact = facts.applications.find((a) => a.id === ID)!;
  const audit = runAudit(dataset, { facts });
  const letters = composeLetters(dataset, { requests: [ID], kinds: ["reply"] });
  const report = buildAnnualReport({ dataset, facts, lang: "zh" });
  return {
    factOnTime: fact.reply!.onTime,
    workingDaysLate: fact.reply!.workingDaysLate,
    lateInDisclosure: facts.claims.repliesOnTime.lateIds.includes(ID),
    auditFindings: audit.findings.filter(
      (f) => f.rule === "disclosure/reply-on-time" && f.message.includes(ID),
    ).length,
    letterWarnings: letters.warnings.filter((w) => w.includes(ID)).length,
    reportLate: report.context.overview.requests.late,
    reportSays: docxParagraphTexts(report.tree)
      .find((p) => /法定期限内答复|超过法定期限答复/.test(p))
      ?.match(/所有申请均在法定期限内答复|有\d+件申请超过法定期限答复/)?.[0],
  };
}

describe("a reply on its due day", () => {
  const { dataset, due } = withReplyOn("due");
  const baseline = everyCaller(withReplyOn(null).dataset);

  it("is on time in facts, claims, audit, letters and the annual report", () => {
    expect(baseline.factOnTime).toBe(true);
    expect(everyCaller(dataset)).toEqual({
      factOnTime: true,
      workingDaysLate: 0,
      lateInDisclosure: false,
      auditFindings: 0,
      letterWarnings: 0,
      reportLate: baseline.reportLate,
      reportSays: baseline.reportSays,
    });
  });

  it("one working day later is late in each of them", () => {
    const next = defaultCalendar().addWorkingDays(due, 1);
    const late = everyCaller(withReplyOn(next).dataset);
    expect(late).toEqual({
      factOnTime: false,
      workingDaysLate: 1,
      lateInDisclosure: true,
      auditFindings: 1,
      letterWarnings: 1,
      reportLate: baseline.reportLate + 1,
      reportSays: `有${baseline.reportLate + 1}件申请超过法定期限答复`,
    });
  });
});

describe("meetsLimit", () => {
  it("counts the due day on time by default, late when the convention says so", () => {
    expect(meetsLimit("2023-02-17", "2023-02-17")).toBe(true);
    expect(meetsLimit("2023-02-18", "2023-02-17")).toBe(false);
    expect(meetsLimit("2023-02-17", "2023-02-17", false)).toBe(false);
    expect(meetsLimit("2023-02-16", "2023-02-17", false)).toBe(true);
    expect(meetsLimit(10, 10)).toBe(true);
    expect(meetsLimit(11, 10)).toBe(false);
  });
});
