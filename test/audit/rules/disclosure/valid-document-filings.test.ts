import { describe, expect, it } from "vitest";
import { brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "disclosure/valid-document-filings";

describe(RULE, () => {
  it("passes twelve filings, each by the 25th", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
  });

  it("reports a month without a filing and a month filed after the due day", () => {
    const d = dataset((d) => {
      const dates = d.disclosure.validDocumentFilings!.dates;
      dates.splice(2, 1); // no March
      dates[3] = "2023-05-26"; // May after the 25th
    });
    expect(findingsOf(d, RULE).map(brief)).toEqual([
      {
        message: "2023年3月未报送现行有效文件",
        subject: "2023-03",
        count: 1,
        evidence: [
          '/disclosure/validDocumentFilings/dates=["2023-01-20","2023-02-20","2023-04-20","2023-05-26","2023-06-20","2023-07-20","2023-08-20","2023-09-20","2023-10-20","2023-11-20","2023-12-20"]',
        ],
      },
      {
        message: "2023年5月的现行有效文件于2023年5月26日报送，晚于当月25日",
        subject: "2023-05",
        count: 1,
        evidence: [
          '/disclosure/validDocumentFilings/dates/3="2023-05-26"',
          "/disclosure/validDocumentFilings/dueDay=25",
        ],
      },
    ]);
  });
});
