import { describe, expect, it } from "vitest";
import { runAudit } from "../../../../src/audit/index.js";
import { app, brief, dataset, findingsOf, neutralScheme } from "../../fixtures.js";

const RULE = "disclosure/extension-lawful";

describe(RULE, () => {
  it("passes an extension of 20 working days approved and notified before the original deadline", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
  });

  it("reports an extension notified after the original deadline, with the deadline trace", () => {
    const d = dataset((d) => {
      app(d, "A3").extension!.notified = "2023-10-09"; // original due 10-08 (make-up Sunday)
    });
    const found = findingsOf(d, RULE);
    expect(found.map(brief)).toEqual([
      {
        message: "申请 A3 的延期于2023年10月9日告知申请人，晚于原答复期限2023年10月8日",
        subject: "A3",
        count: 1,
        evidence: [
          '/disclosure/applications/2/confirmed="2023-09-04"',
          '/disclosure/applications/2/extension/notified="2023-10-09"',
        ],
      },
    ]);
    expect(found[0]!.deadline!.events.map((e) => e.kind)).toContain("extension");
  });

  it("reports an extension approved after the original deadline", () => {
    const d = dataset((d) => {
      app(d, "A3").extension = { approved: "2023-10-09", notified: "2023-10-09", days: 20 };
    });
    expect(findingsOf(d, RULE).map((f) => f.messageId)).toEqual(["approvedLate", "notifiedLate"]);
  });

  it("reports an extension longer than the regime allows (data the validator rejects, audited anyway)", () => {
    const d = dataset((d) => {
      app(d, "A3").extension!.days = 25;
    });
    const r = runAudit(d, { scheme: neutralScheme() });
    expect(r.findings.filter((f) => f.rule === RULE).map((f) => f.message)).toEqual([
      "申请 A3 延期25个工作日，超过最长20个工作日的规定",
    ]);
  });
});
