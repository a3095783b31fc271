import { describe, expect, it } from "vitest";
import { brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "disclosure/previous-annual-report";

describe(RULE, () => {
  it("passes last year's report published by 31 January (a department, ogi-2019)", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
  });

  it("reports last year's report published after its deadline", () => {
    const d = dataset((d) => {
      d.disclosure.previousAnnualReport = { published: "2023-02-03" };
    });
    expect(findingsOf(d, RULE).map(brief)).toEqual([
      {
        message: "2022年度政府信息公开工作年度报告于2023年2月3日公布，晚于2023年1月31日的期限",
        subject: "2022",
        count: 1,
        evidence: ['/disclosure/previousAnnualReport/published="2023-02-03"'],
      },
    ]);
  });

  it("applies 31 March to a report for a year before 2019 (ogi-2008)", () => {
    const d = dataset((d) => {
      d.year = 2018;
      d.regime = "ogi-2008";
      delete d.approval;
      delete d.documents;
      d.disclosure = { previousAnnualReport: { published: "2018-03-30" } };
    });
    expect(findingsOf(d, RULE)).toEqual([]);
  });
});
