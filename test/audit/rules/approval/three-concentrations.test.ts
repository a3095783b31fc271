import { describe, expect, it } from "vitest";
import { brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "approval/three-concentrations";

describe(RULE, () => {
  it("passes when functions, site and staff are concentrated and party membership moved", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
  });

  it("names what is not concentrated, and party membership not moved", () => {
    const d = dataset((d) => {
      d.approval!.office.threeConcentrations = { functions: true, site: false, staff: false };
      d.approval!.office.partyMembershipTransferred = false;
    });
    expect(findingsOf(d, RULE).map(brief)).toEqual([
      {
        message: "审批场所、人员尚未集中到行政审批办公室",
        subject: null,
        count: 1,
        evidence: [
          "/approval/office/threeConcentrations/site=false",
          "/approval/office/threeConcentrations/staff=false",
        ],
      },
      {
        message: "审批人员党团组织关系尚未转入政务服务中心",
        subject: null,
        count: 1,
        evidence: ["/approval/office/partyMembershipTransferred=false"],
      },
    ]);
    expect(findingsOf(d, RULE, undefined, "en")[0]!.message).toBe(
      "approval site, staff not yet concentrated in the approval office",
    );
  });
});
