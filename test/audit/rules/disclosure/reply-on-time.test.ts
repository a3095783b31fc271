import { describe, expect, it } from "vitest";
import { app, brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "disclosure/reply-on-time";

describe(RULE, () => {
  it("passes replies within 20 working days, after a correction restart and with a lawful extension", () => {
    // A2: counted from the corrected request (05-25), due 06-25 (a make-up Sunday); A3: extended to 11-03.
    expect(findingsOf(dataset(), RULE)).toEqual([]);
  });

  it("reports a late reply with its deadline trace", () => {
    const d = dataset((d) => {
      app(d, "A1").reply!.date = "2023-03-31";
    });
    const [f, ...rest] = findingsOf(d, RULE);
    expect(rest).toEqual([]);
    expect(brief(f!)).toEqual({
      message: "申请 A1 于2023-03-01收到，应于2023-03-29前答复，实际于2023-03-31答复，逾期2个工作日",
      subject: "A1",
      count: 1,
      evidence: [
        '/disclosure/applications/0/confirmed="2023-03-01"',
        '/disclosure/applications/0/reply/date="2023-03-31"',
      ],
    });
    expect(f!.severity).toBe("error");
    expect(f!.deadline!.summary).toBe("截止日期：2023-03-29（ogi-2019，20个工作日）");
    expect(f!.deadline!.trace.rows[0]).toEqual([
      "2023-03-01",
      "周三",
      "起算日（第0日）",
      "",
      "收到申请（ogi-2019，答复期限20个工作日）",
    ]);
    expect(f!.deadline!.trace.rows.at(-1)!.slice(0, 4)).toEqual(["2023-03-29", "周三", "工作日", "20"]);
  });

  it("reports a request unanswered at the end of the year once its deadline has passed", () => {
    const d = dataset((d) => {
      const base = { applicant: app(d, "A1").applicant, channel: "online" as const, content: "某项信息" };
      d.disclosure.applications!.push(
        { id: "A4", ...base, submitted: "2023-11-01", confirmed: "2023-11-01" }, // due 11-29
        { id: "A5", ...base, submitted: "2023-12-20", confirmed: "2023-12-20" }, // due in 2024: not yet late
      );
    });
    expect(findingsOf(d, RULE).map(brief)).toEqual([
      {
        message: "申请 A4 于2023-11-01收到，应于2023-11-29前答复，至年底仍未答复",
        subject: "A4",
        count: 1,
        evidence: [
          '/disclosure/applications/3/confirmed="2023-11-01"',
          "/disclosure/applications/3/reply=null",
        ],
      },
    ]);
  });

  it("does not judge a request closed as deemed withdrawn", () => {
    const d = dataset((d) => {
      const a = app(d, "A1");
      a.correction = { notified: "2023-03-03", periodDays: 10 };
      a.reply = { date: "2023-04-28", type: "other", reason: "no-correction" };
    });
    expect(findingsOf(d, RULE)).toEqual([]);
  });
});
