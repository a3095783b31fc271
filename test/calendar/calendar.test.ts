import { describe, expect, it } from "vitest";
import { createCalendar, defaultCalendar, UnknownYearError } from "../../src/calendar/calendar.js";
import { UserError } from "../../src/util/errors.js";
import { naiveIsWorking, nextDay } from "./naive.js";

const cal = defaultCalendar();

describe("working days per year (data README)", () => {
  const expected: Record<number, number> = {
    2014: 250,
    2015: 249,
    2016: 250,
    2017: 249,
    2018: 250,
    2019: 250,
    2020: 249,
    2021: 250,
    2022: 249,
    2023: 249,
    2024: 251,
    2025: 248,
    2026: 248,
  };
  for (const [y, n] of Object.entries(expected))
    it(`${y}: ${n}`, () => {
      expect(cal.countWorkingDays(`${y}-01-01`, `${y}-12-31`)).toBe(n);
    });
});

describe("classify", () => {
  it("an ordinary weekday", () => {
    expect(cal.classify("2023-03-01")).toEqual({
      date: "2023-03-01",
      class: "workday",
      working: true,
      weekday: 3,
    });
  });
  it("an ordinary weekend", () => {
    expect(cal.classify("2023-03-04")).toEqual({
      date: "2023-03-04",
      class: "weekend",
      working: false,
      weekday: 6,
    });
  });
  it("a holiday with its name", () => {
    expect(cal.classify("2023-01-23")).toEqual({
      date: "2023-01-23",
      class: "holiday",
      working: false,
      weekday: 1,
      name: "春节",
    });
  });
  it("a make-up Sunday with its holiday's name", () => {
    expect(cal.classify("2023-01-29")).toEqual({
      date: "2023-01-29",
      class: "makeup-workday",
      working: true,
      weekday: 0,
      name: "春节",
    });
  });
  it("2018-12-29, a make-up Saturday listed in 2019.json", () => {
    expect(cal.classify("2018-12-29")).toMatchObject({
      class: "makeup-workday",
      working: true,
      name: "元旦",
    });
    expect(cal.classify("2018-12-31")).toMatchObject({ class: "holiday", working: false, name: "元旦" });
  });
  it("2015-09-03, the special victory-day holiday, and its make-up Sunday", () => {
    expect(cal.classify("2015-09-03")).toMatchObject({
      class: "holiday",
      name: "抗日战争暨世界反法西斯战争胜利70周年纪念日",
    });
    expect(cal.classify("2015-09-06")).toMatchObject({ class: "makeup-workday", weekday: 0 });
  });
  it("the 2020 Spring Festival extension (01-31 to 02-02) and 02-03 an ordinary Monday", () => {
    expect(cal.classify("2020-01-31")).toMatchObject({ class: "holiday", name: "春节", weekday: 5 });
    expect(cal.classify("2020-02-02")).toMatchObject({ class: "holiday", name: "春节" });
    expect(cal.classify("2020-02-03")).toMatchObject({ class: "workday", working: true, weekday: 1 });
  });
  it("a holiday that falls on a weekend is a holiday", () => {
    expect(cal.classify("2022-12-31")).toMatchObject({ class: "holiday", name: "元旦", weekday: 6 });
  });
});

describe("addWorkingDays / countWorkingDays / workingDaysBetween", () => {
  it("adds across the Spring Festival with make-up weekend days", () => {
    expect(cal.addWorkingDays("2023-01-20", 1)).toBe("2023-01-28");
    expect(cal.addWorkingDays("2023-01-20", 3)).toBe("2023-01-30");
  });
  it("n = 0 is the day itself; negative n goes back", () => {
    expect(cal.addWorkingDays("2023-01-22", 0)).toBe("2023-01-22");
    expect(cal.addWorkingDays("2023-01-30", -1)).toBe("2023-01-29");
    expect(cal.addWorkingDays("2023-01-28", -1)).toBe("2023-01-20");
  });
  it("counts inclusively and returns 0 for an empty range", () => {
    expect(cal.countWorkingDays("2023-01-20", "2023-01-30")).toBe(4);
    expect(cal.countWorkingDays("2023-01-21", "2023-01-27")).toBe(0);
    expect(cal.countWorkingDays("2023-01-30", "2023-01-20")).toBe(0);
  });
  it("workingDaysBetween counts (start, end] and is signed", () => {
    expect(cal.workingDaysBetween("2023-01-17", "2023-02-17")).toBe(20);
    expect(cal.workingDaysBetween("2023-02-17", "2023-01-17")).toBe(-20);
  });
  it("agrees with a day-by-day walk over the raw data, 2007–2026", () => {
    let d = "2007-01-01";
    while (d <= "2026-12-31") {
      expect(cal.isWorkingDay(d), d).toBe(naiveIsWorking(d));
      d = nextDay(d);
    }
  });
  it("is the same object for the default calendar; createCalendar() without override reuses it", () => {
    expect(defaultCalendar()).toBe(cal);
    expect(createCalendar()).toBe(cal);
    expect(defaultCalendar("en")).not.toBe(cal);
    expect(defaultCalendar("en").lang).toBe("en");
  });
  it("rejects invalid dates with a UserError", () => {
    expect(() => cal.addWorkingDays("2023-02-29", 1)).toThrow(UserError);
    expect(() => cal.addWorkingDays("2023-2-1", 1)).toThrow("日期无效");
  });
});

describe("unknown years", () => {
  it("knows 2007–2026 and nothing else", () => {
    expect(cal.knownYears).toEqual(Array.from({ length: 20 }, (_, i) => 2007 + i));
    expect(cal.isKnownYear(2027)).toBe(false);
    expect(cal.isKnownYear(2006)).toBe(false);
  });
  it("a count that runs into 2027 names the year (zh)", () => {
    let err: unknown;
    try {
      cal.addWorkingDays("2026-12-20", 20);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnknownYearError);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UnknownYearError).year).toBe(2027);
    expect((err as Error).message).toBe(
      '2027年的节假日数据缺失：日历中还没有国务院办公厅关于2027年部分节假日安排的通知，跨入2027年的工作日无法计算。通知发布后，请把2027年的全部节假日和调休上班日写入日历覆盖文件，用 --calendar-override 文件名 指定，例如 {"years": [2027], "days": [{"date": "2027-01-01", "name": "元旦", "isOffDay": true}, …]}（格式见 schemas/README-calendar.md）',
    );
    expect((err as UserError).exitCode).toBe(2);
  });
  it("names the year in English with lang en", () => {
    expect(() => defaultCalendar("en").countWorkingDays("2026-12-01", "2027-01-05")).toThrow(
      'No holiday data for 2027: the State Council\'s notice on the 2027 holidays is not in the calendar yet, so working days in 2027 cannot be counted. Once it is published, list all of 2027\'s holidays and make-up workdays in a calendar override file and pass it with --calendar-override FILE, e.g. {"years": [2027], "days": [{"date": "2027-01-01", "name": "元旦", "isOffDay": true}, …]} (format: schemas/README-calendar.md)',
    );
  });
  it("a date before the data names its year", () => {
    expect(() => cal.classify("2006-12-31")).toThrow("2006年的节假日数据缺失");
    expect(() => cal.addWorkingDays("2007-01-05", -10)).toThrow("2006年的节假日数据缺失");
  });
  it("the last working days of 2026 are still computable", () => {
    expect(cal.addWorkingDays("2026-12-01", 22)).toBe("2026-12-31");
    expect(() => cal.addWorkingDays("2026-12-01", 23)).toThrow("2027年");
  });
});
