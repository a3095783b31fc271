/**
 * Per-application facts on the 2023 sample (dates checked by hand against the 2023/2024
 * holiday calendars) and on small records for the edge cases.
 */
import { describe, expect, it } from "vitest";
import { defaultCalendar } from "../../src/calendar/index.js";
import type { Application, Dataset } from "../../src/data/types.js";
import { applicationFact, applicationFacts, type ApplicationFacts } from "../../src/facts/applications.js";
import { deriveFacts } from "../../src/facts/index.js";
import { inputMessage } from "../../src/data/input-messages.js";
import { sample2023 } from "../letters/fixtures.js";

const calendar = defaultCalendar();
const sample = sample2023();
const facts = applicationFacts(sample, calendar);
const byId = (id: string): ApplicationFacts => {
  const f = facts.find((x) => x.id === id);
  if (!f) throw new Error(`no ${id}`);
  return f;
};

const app = (over: Partial<Application>): Application => ({
  id: "T-1",
  applicant: { type: "natural-person", name: "测试" },
  channel: "in-person",
  submitted: "2023-03-01",
  content: "测试",
  ...over,
});
const fact = (a: Application, year = 2023, pinned?: Dataset["regime"], opts = {}) =>
  applicationFact(a, 0, { year, calendar, ...(pinned ? { pinned } : {}) }, opts);

describe("applicationFacts on the 2023 sample", () => {
  it("one entry per application, in order, without problems", () => {
    expect(facts.map((f) => f.id)).toEqual(sample.disclosure.applications!.map((a) => a.id));
    expect(facts.flatMap((f) => f.problems)).toEqual([]);
  });

  it("the receipt date follows the channel (Art. 31)", () => {
    expect(byId("YSQ2022-043")).toMatchObject({ received: "2022-12-14", receivedFrom: "signedFor" });
    expect(byId("YSQ2023-009")).toMatchObject({ received: "2023-03-30", receivedFrom: "confirmed" });
    expect(byId("YSQ2023-001")).toMatchObject({ received: "2023-01-04", receivedFrom: "submitted" });
  });

  it("a reply two working days late is found, the rest are on time", () => {
    expect(byId("YSQ2023-030")).toMatchObject({
      due: "2023-10-17",
      reply: { date: "2023-10-19", onTime: false, workingDaysLate: 2 },
    });
    expect(facts.filter((f) => f.reply?.onTime === false).map((f) => f.id)).toEqual(["YSQ2023-030"]);
  });

  it("deadline across the 2023 Spring Festival make-up weekend", () => {
    expect(byId("YSQ2023-001").due).toBe("2023-02-06");
  });

  it("a third-party consultation is not counted", () => {
    const f = byId("YSQ2023-006");
    expect(f.dueAtReceipt).toBe("2023-03-29");
    expect(f.due).toBe("2023-04-14");
    expect(f.deadline?.pausedDays).toBe(11);
  });

  it("a correction restarts the count from the corrected request; the notice was in time", () => {
    expect(byId("YSQ2023-014")).toMatchObject({
      dueAtReceipt: "2023-06-07",
      due: "2023-06-25",
      correction: {
        notified: "2023-05-15",
        due: "2023-05-19",
        onTime: true,
        corrected: true,
        periodEnd: "2023-06-05",
      },
    });
  });

  it("a lawful extension of 20 working days across National Day", () => {
    expect(byId("YSQ2023-029").extension).toEqual({
      days: 20,
      maxDays: 20,
      withinLimit: true,
      countedDays: 20,
      approved: "2023-09-26",
      notified: "2023-09-27",
      originalDue: "2023-10-08",
      approvedInTime: true,
      notifiedInTime: true,
      lawful: true,
      noticeOriginalDue: "2023-10-08",
      newDue: "2023-11-03",
      pauseOngoingAtNotice: false,
    });
    expect(byId("YSQ2023-029").due).toBe("2023-11-03");
  });

  it("fees: the schedule's amount against the amount charged, payment period, the fee period not counted", () => {
    expect(byId("YSQ2023-022").fee).toMatchObject({
      charged: 1700,
      expected: 1700,
      matches: true,
      payBy: "2023-08-25",
      paid: true,
      paidDate: "2023-08-03",
      paidInTime: true,
    });
    const unpaid = byId("YSQ2023-023");
    expect(unpaid.fee).toMatchObject({
      charged: 5100,
      expected: 5100,
      payBy: "2023-08-28",
      paid: false,
      paidInTime: false,
    });
    expect(unpaid.due).toBe("2023-09-15");
    expect(unpaid.reply?.onTime).toBe(true);
  });

  it("an unanswered consultation pauses until the end of the 15-working-day answer period", () => {
    const f = byId("YSQ2023-039");
    expect(f.consultations).toEqual([
      {
        index: 0,
        party: "third-party",
        sent: "2023-12-27",
        answered: null,
        answerDue: "2024-01-18",
        pauseTo: "2024-01-18",
        pauseAssumed: true,
        consent: null,
      },
    ]);
    expect(f.due).toBe("2024-02-18");
  });

  it("year-end status: carried over from 2022, carried to 2024", () => {
    expect(byId("YSQ2022-041")).toMatchObject({ carriedOver: true, yearEnd: "closed" });
    expect(byId("YSQ2023-001")).toMatchObject({ carriedOver: false, yearEnd: "closed" });
    expect(facts.filter((f) => f.yearEnd === "carried-to-next-year").map((f) => f.id)).toEqual([
      "YSQ2023-037",
      "YSQ2023-038",
      "YSQ2023-039",
    ]);
  });

  it("deriveFacts includes them as facts.applications", () => {
    expect(deriveFacts(sample, { calendar }).applications.map((f) => f.due)).toEqual(facts.map((f) => f.due));
  });
});

describe("applicationFact edge cases", () => {
  it("options: the fee period counted after all", () => {
    const f = applicationFact(
      sample.disclosure.applications![25]!,
      25,
      { year: 2023, calendar, pinned: "ogi-2019" },
      {
        feePeriodPaused: false,
      },
    );
    expect(f.id).toBe("YSQ2023-023");
    expect(f.due).toBe("2023-08-17");
    expect(f.reply).toMatchObject({ onTime: false, workingDaysLate: 10 });
  });

  it("a record without the date its channel needs: a problem naming the field, no exception", () => {
    const f = fact(app({ channel: "registered-post", reply: { date: "2023-03-10", type: "disclosed" } }));
    expect(f.received).toBeNull();
    expect(f.due).toBeNull();
    expect(f.reply).toMatchObject({ onTime: null });
    expect(f.problems).toEqual([
      {
        field: "signedFor",
        messageId: "receipt-date-missing",
        data: { who: "", channel: "registered-post", basis: "signedFor" },
      },
    ]);
    // The edges word it, in either language.
    expect(inputMessage(f.problems[0]!)).toBe(
      "渠道为“registered-post”的申请以签收日期为收到申请之日，但缺少 signedFor",
    );
    expect(inputMessage(f.problems[0]!, "en")).toBe(
      "a request by registered-post is received on its signed-for date, but signedFor is missing",
    );
  });

  it("a deadline that runs into a year without calendar data: a problem for each deadline", () => {
    const unknown =
      '2027年的节假日数据缺失：日历中还没有国务院办公厅关于2027年部分节假日安排的通知，跨入2027年的工作日无法计算。通知发布后，请把2027年的全部节假日和调休上班日写入日历覆盖文件，用 --calendar-override 文件名 指定，例如 {"years": [2027], "days": [{"date": "2027-01-01", "name": "元旦", "isOffDay": true}, …]}（格式见 schemas/README-calendar.md）';
    // Both the receipt letter's deadline and the full one reach 2027.
    const plain = fact(app({ submitted: "2026-12-20" }), 2026);
    expect(plain).toMatchObject({ received: "2026-12-20", dueAtReceipt: null, deadline: null, due: null });
    const coded = { messageId: "unknown-year", data: { year: 2027, afterData: true } };
    expect(plain.problems).toEqual([
      { field: "received", ...coded, unknownYear: 2027 },
      { field: "received", ...coded, unknownYear: 2027 },
    ]);
    expect(inputMessage(plain.problems[0]!)).toBe(unknown);
    // Only the extended deadline reaches 2027.
    const extended = fact(
      app({
        submitted: "2026-11-20",
        extension: { approved: "2026-12-10", notified: "2026-12-10", days: 20 },
      }),
      2026,
    );
    expect(extended).toMatchObject({ dueAtReceipt: "2026-12-18", deadline: null, due: null });
    expect(extended.problems).toEqual([{ field: "received", ...coded, unknownYear: 2027 }]);
  });

  it("the regime follows the receipt date, whatever the dataset's regime says (the law in force on receipt)", () => {
    expect(fact(app({ submitted: "2019-05-14" }), 2019).regime).toBe("ogi-2008");
    expect(fact(app({ submitted: "2019-05-15" }), 2019).regime).toBe("ogi-2019");
    expect(fact(app({ submitted: "2019-05-14" }), 2019, "ogi-2019")).toMatchObject({
      regime: "ogi-2008",
      regimeSource: "receipt-date",
      dueAtReceipt: "2019-06-04",
    });
  });

  it("an ogi-2008 extension beyond 15 working days is outside the limit and counts only 15", () => {
    const f = fact(
      app({
        submitted: "2014-03-03",
        extension: { approved: "2014-03-10", notified: "2014-03-10", days: 18 },
      }),
      2014,
    );
    expect(f.regime).toBe("ogi-2008");
    expect(f.extension).toMatchObject({
      days: 18,
      maxDays: 15,
      withinLimit: false,
      countedDays: 15,
      lawful: false,
    });
  });

  it("an extension granted after the original deadline does not move it", () => {
    const f = fact(
      app({
        submitted: "2023-03-01",
        extension: { approved: "2023-03-30", notified: "2023-03-30", days: 10 },
        reply: { date: "2023-04-10", type: "disclosed" },
      }),
    );
    expect(f.extension).toMatchObject({
      originalDue: "2023-03-29",
      approvedInTime: false,
      lawful: false,
      countedDays: 0,
    });
    expect(f.due).toBe("2023-03-29");
    expect(f.reply).toMatchObject({ onTime: false, workingDaysLate: 7 });
  });

  it("a per-request fee is the rate of the request's band", () => {
    const f = fact(
      app({
        fee: { method: "per-request", quantity: 35, amount: 200, noticeDate: "2023-03-03", paid: true },
      }),
    );
    expect(f.fee).toMatchObject({ expected: 200, matches: true, paidInTime: null });
    const wrong = fact(
      app({ fee: { method: "per-page", quantity: 31, amount: 20, noticeDate: "2023-03-03" } }),
    );
    expect(wrong.fee).toMatchObject({ expected: 10, charged: 20, matches: false });
  });
});
