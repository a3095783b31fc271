import { describe, expect, it } from "vitest";
import { brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "approval/no-complaint";
const withComplaints = () =>
  dataset((d) => {
    d.approval!.complaints = [
      { id: "TS1", received: "2023-04-03", summary: "窗口服务", valid: true },
      { id: "TS2", received: "2023-05-04", summary: "等候时间", valid: false },
    ];
  });

describe(RULE, () => {
  it("passes with an empty complaint list", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
  });

  it("reports every complaint, saying whether it was found substantiated", () => {
    expect(findingsOf(withComplaints(), RULE).map(brief)).toEqual([
      {
        message: "2023年4月3日收到投诉（TS1），经查属实",
        subject: "TS1",
        count: 1,
        evidence: ['/approval/complaints/0/received="2023-04-03"'],
      },
      {
        message: "2023年5月4日收到投诉（TS2），经查不属实",
        subject: "TS2",
        count: 1,
        evidence: ['/approval/complaints/1/received="2023-05-04"'],
      },
    ]);
  });

  it("with validOnly, reports only substantiated complaints", () => {
    expect(findingsOf(withComplaints(), RULE, { validOnly: true }).map((f) => f.subject)).toEqual(["TS1"]);
  });
});
