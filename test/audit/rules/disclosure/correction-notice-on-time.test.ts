import { describe, expect, it } from "vitest";
import { app, brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "disclosure/correction-notice-on-time";

describe(RULE, () => {
  it("passes a correction notice within 7 working days of receipt", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
  });

  it("reports a correction notice sent after the 7th working day", () => {
    const d = dataset((d) => {
      app(d, "A2").correction!.notified = "2023-05-22"; // received 05-10, due 05-19
    });
    expect(findingsOf(d, RULE).map(brief)).toEqual([
      {
        message: "申请 A2 于2023年5月10日收到，补正告知应于2023年5月19日前发出，实际于2023年5月22日发出",
        subject: "A2",
        count: 1,
        evidence: [
          '/disclosure/applications/1/submitted="2023-05-10"',
          '/disclosure/applications/1/correction/notified="2023-05-22"',
        ],
      },
    ]);
  });
});
