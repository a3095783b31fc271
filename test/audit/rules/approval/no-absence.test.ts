import { describe, expect, it } from "vitest";
import { brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "approval/no-absence";

describe(RULE, () => {
  it("passes with no incident", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
  });

  it("reports every absence incident with its kind", () => {
    const d = dataset((d) => {
      d.approval!.absenceIncidents = [{ id: "LG1", date: "2023-08-01", kind: "off-post" }];
    });
    expect(findingsOf(d, RULE).map(brief)).toEqual([
      {
        message: "2023年8月1日发生脱岗（LG1）",
        subject: "LG1",
        count: 1,
        evidence: ['/approval/absenceIncidents/0/kind="off-post"'],
      },
    ]);
    expect(findingsOf(d, RULE, undefined, "en")[0]!.message).toBe("absence from post on 1 August 2023 (LG1)");
  });
});
