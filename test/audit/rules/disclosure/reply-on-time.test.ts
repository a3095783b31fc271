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
      message: "申请 A1 于2023年3月1日收到，应于2023年3月29日前答复，实际于2023年3月31日答复，逾期2个工作日",
      subject: "A1",
      count: 1,
      evidence: [
        '/disclosure/applications/0/confirmed="2023-03-01"',
        '/disclosure/applications/0/reply/date="2023-03-31"',
      ],
    });
    expect(f!.severity).toBe("error");
    expect(f!.deadline!.summary).toBe(
      "截止日期：2023年3月29日（《中华人民共和国政府信息公开条例》（2019年修订），20个工作日）",
    );
    expect(f!.deadline!.trace.rows[0]).toEqual([
      "2023年3月1日",
      "周三",
      "起算日（第0日）",
      "",
      "收到申请（适用《中华人民共和国政府信息公开条例》（2019年修订），答复期限20个工作日）",
    ]);
    expect(f!.deadline!.trace.rows.at(-1)!.slice(0, 4)).toEqual(["2023年3月29日", "周三", "工作日", "20"]);
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
        message: "申请 A4 于2023年11月1日收到，应于2023年11月29日前答复，至年底仍未答复",
        subject: "A4",
        count: 1,
        evidence: [
          '/disclosure/applications/3/confirmed="2023-11-01"',
          "/disclosure/applications/3/reply=null",
        ],
      },
    ]);
  });

  it("a deadline running into a year without holiday data: undeterminable, never late", () => {
    // Today is December 2026 and no 2027 notice is in the calendar: a request received
    // 2026-12-20 has its deadline in 2027. In time within 2026 whatever the 2027 holidays are.
    const d = dataset((d) => {
      d.year = 2026;
      const base = { applicant: app(d, "A1").applicant, channel: "online" as const, content: "某项信息" };
      d.disclosure.applications = [];
      d.disclosure.applications.push(
        { id: "A6", ...base, submitted: "2026-12-20", confirmed: "2026-12-20" },
        {
          id: "A7",
          ...base,
          submitted: "2026-12-21",
          confirmed: "2026-12-21",
          reply: { date: "2026-12-30", type: "disclosed" },
        },
      );
    });
    const found = findingsOf(d, RULE);
    expect(found.map((f) => [f.subject, f.severity, f.message])).toEqual([
      [
        "A6",
        "info",
        "申请 A6 于2026年12月20日收到，答复期限跨入2027年（日历中还没有该年的节假日安排，具体日期暂无法确定），本年度内不构成逾期",
      ],
      [
        "A7",
        "info",
        "申请 A7 于2026年12月21日收到，答复期限跨入2027年（日历中还没有该年的节假日安排，具体日期暂无法确定），本年度内不构成逾期",
      ],
    ]);
    expect(found.some((f) => f.messageId === "late" || f.messageId === "unanswered")).toBe(false);
    // Answered in 2027 (a 2027 dataset): neither late nor cleared — a warning.
    const next = dataset((d) => {
      d.year = 2027;
      const base = { applicant: app(d, "A1").applicant, channel: "online" as const, content: "某项信息" };
      d.disclosure.applications = [];
      d.disclosure.applications.push({
        id: "A8",
        ...base,
        carriedOver: true,
        submitted: "2026-12-21",
        confirmed: "2026-12-21",
        reply: { date: "2027-01-25", type: "disclosed" },
      });
    });
    const [w, ...others] = findingsOf(next, RULE).filter((f) => f.subject === "A8");
    expect(others).toEqual([]);
    expect(w!.severity).toBe("warning");
    expect(w!.message).toBe(
      "申请 A8 于2026年12月21日收到，答复期限跨入2027年，日历中还没有该年的节假日安排，期限暂无法确定（不按逾期计）；通知发布后请用 --calendar-override 补充2027年的节假日",
    );
  });

  it("does not judge a request closed as deemed withdrawn", () => {
    const d = dataset((d) => {
      const a = app(d, "A1");
      a.correction = { notified: "2023-03-03", periodDays: 10, items: ["所需信息的名称"] };
      a.reply = { date: "2023-04-28", type: "other", reason: "no-correction" };
    });
    expect(findingsOf(d, RULE)).toEqual([]);
  });
});
