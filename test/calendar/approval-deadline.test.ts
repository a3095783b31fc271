import { describe, expect, it } from "vitest";
import { approvalDue, checkApproval, isApprovalOverdue } from "../../src/calendar/approval-deadline.js";
import { defaultCalendar } from "../../src/calendar/calendar.js";

const cal = defaultCalendar();

describe("approval time limits", () => {
  it("working days from acceptance (day 0), across National Day 2023", () => {
    // 09-28 Thu accepted; 09-29..10-06 off; 10-07 Sat and 10-08 Sun are make-up workdays.
    expect(approvalDue("2023-09-28", { days: 2, unit: "working" }, cal)).toBe("2023-10-08");
    expect(approvalDue("2023-09-28", { days: 5, unit: "working" }, cal)).toBe("2023-10-11");
  });
  it("calendar days; a last day on a rest day moves to the next working day by default", () => {
    expect(approvalDue("2023-03-01", { days: 10, unit: "calendar" }, cal)).toBe("2023-03-13");
    expect(
      approvalDue("2023-03-01", { days: 10, unit: "calendar" }, cal, { calendarDueOnRestDay: "keep" }),
    ).toBe("2023-03-11");
    expect(approvalDue("2023-03-01", { days: 9, unit: "calendar" }, cal)).toBe("2023-03-10");
  });
  it("overdue only when completed after the last day", () => {
    const limit = { days: 2, unit: "working" } as const;
    expect(checkApproval("2023-09-28", "2023-10-08", limit, cal)).toEqual({
      due: "2023-10-08",
      overdue: false,
      daysTaken: 2,
      daysLate: 0,
    });
    expect(checkApproval("2023-09-28", "2023-10-09", limit, cal)).toEqual({
      due: "2023-10-08",
      overdue: true,
      daysTaken: 3,
      daysLate: 1,
    });
    expect(isApprovalOverdue("2023-03-01", "2023-03-13", { days: 10, unit: "calendar" }, cal)).toBe(false);
    expect(isApprovalOverdue("2023-03-01", "2023-03-14", { days: 10, unit: "calendar" }, cal)).toBe(true);
  });
  it("a completion before acceptance is an error", () => {
    expect(() => checkApproval("2023-03-02", "2023-03-01", { days: 2, unit: "working" }, cal)).toThrow(
      "办结日期 2023-03-01 早于受理日期 2023-03-02",
    );
  });
  it("a limit running into a year without data names the year", () => {
    expect(() => approvalDue("2026-12-25", { days: 10, unit: "working" }, cal)).toThrow(
      "2027年的节假日数据缺失",
    );
  });
});
