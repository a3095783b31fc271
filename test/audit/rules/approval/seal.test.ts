import { describe, expect, it } from "vitest";
import { brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "approval/seal";

describe(RULE, () => {
  it("passes when every case used the seal, kept by a designated person, not misused", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
  });

  it("reports a case without the seal, no designated keeper and misuse", () => {
    const d = dataset((d) => {
      d.approval!.cases![1]!.sealUsed = false;
      d.approval!.seal = { dedicatedKeeper: false, misused: true };
    });
    const found = findingsOf(d, RULE);
    expect(found.map(brief)).toEqual([
      {
        message: "办件 C2 未使用审批专用章",
        subject: "C2",
        count: 1,
        evidence: ["/approval/cases/1/sealUsed=false"],
      },
      {
        message: "审批专用章未由专人管理",
        subject: null,
        count: 1,
        evidence: ["/approval/seal/dedicatedKeeper=false"],
      },
      {
        message: "审批专用章存在挪作他用现象",
        subject: null,
        count: 1,
        evidence: ["/approval/seal/misused=true"],
      },
    ]);
    expect(found.every((f) => f.severity === "error")).toBe(true);
  });
});
