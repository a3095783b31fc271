import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createCalendar } from "../../src/calendar/calendar.js";
import { loadCalendarOverride, validateCalendarOverride } from "../../src/calendar/override.js";
import { UserError } from "../../src/util/errors.js";

const dir = mkdtempSync(join(tmpdir(), "gongwen-override-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, value: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof value === "string" ? value : JSON.stringify(value), "utf8");
  return p;
}

/** The statutory holidays of a year after 2025 as a notice lists them (a plausible 2027 and 2030). */
function holidays(y: number, springFestival: string[]): { date: string; name: string; isOffDay: boolean }[] {
  const days = (name: string, dates: string[]) => dates.map((date) => ({ date, name, isOffDay: true }));
  return [
    ...days("元旦", [`${y}-01-01`]),
    ...days("春节", springFestival),
    ...days("清明节", [`${y}-04-05`]),
    ...days("劳动节", [`${y}-05-01`, `${y}-05-02`, `${y}-05-03`]),
    ...days("端午节", [`${y}-06-09`]),
    ...days("中秋节", [`${y}-09-15`]),
    ...days("国庆节", [`${y}-10-01`, `${y}-10-02`, `${y}-10-03`, `${y}-10-04`, `${y}-10-05`]),
  ];
}

function caught(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error("no error thrown");
}

describe("calendar override file", () => {
  it("adds a local rest day and a make-up workday", () => {
    const file = write("local.json", {
      $schema: "../schemas/calendar-override.schema.json",
      description: "某市防汛调休",
      days: [
        { date: "2023-07-14", name: "防汛休息日", isOffDay: true, note: "市政办〔2023〕1号" },
        { date: "2023-07-15", name: "防汛补班", isOffDay: false },
      ],
    });
    const cal = createCalendar({ override: file });
    expect(cal.classify("2023-07-14")).toEqual({
      date: "2023-07-14",
      class: "holiday",
      working: false,
      weekday: 5,
      name: "防汛休息日",
      local: true,
    });
    expect(cal.classify("2023-07-15")).toMatchObject({ class: "makeup-workday", working: true, local: true });
    expect(cal.countWorkingDays("2023-07-10", "2023-07-16")).toBe(5);
    expect(cal.countWorkingDays("2023-01-01", "2023-12-31")).toBe(249);
  });
  it("an entry replaces the national entry for the same date", () => {
    const cal = createCalendar({
      override: { days: [{ date: "2023-01-29", name: "本地不补班", isOffDay: true }] },
    });
    expect(cal.classify("2023-01-29")).toMatchObject({ class: "holiday", name: "本地不补班", local: true });
  });
  it("adds a whole year", () => {
    const file = write("2027.json", {
      years: [2027],
      days: [
        ...holidays(2027, ["2027-02-05", "2027-02-06", "2027-02-08", "2027-02-09", "2027-02-10"]),
        { date: "2027-02-07", name: "春节", isOffDay: false },
      ],
    });
    const cal = createCalendar({ override: file });
    expect(cal.knownYears.at(-1)).toBe(2027);
    expect(cal.classify("2027-03-01")).toMatchObject({ class: "workday" });
    expect(cal.classify("2027-02-07")).toMatchObject({ class: "makeup-workday" });
    // 元旦 (Friday) is off: the next working day after 2026-12-31 is Monday 4 January.
    expect(cal.addWorkingDays("2026-12-31", 1)).toBe("2027-01-04");
    expect(() => cal.addWorkingDays("2027-12-01", 30)).toThrow("2028年的节假日数据缺失");
  });
  it("a year after a gap: the gap years stay unknown", () => {
    const cal = createCalendar({
      override: {
        years: [2030],
        days: holidays(2030, ["2030-02-02", "2030-02-03", "2030-02-04", "2030-02-05"]),
      },
    });
    expect(cal.classify("2030-01-02")).toMatchObject({ class: "workday" });
    expect(cal.isKnownYear(2028)).toBe(false);
    expect(() => cal.addWorkingDays("2026-12-20", 20)).toThrow("2027年的节假日数据缺失");
    expect(() => cal.countWorkingDays("2029-12-01", "2030-01-31")).toThrow("2029年的节假日数据缺失");
    expect(() => cal.addWorkingDays("2030-01-10", -10)).toThrow("2029年的节假日数据缺失");
  });
  it("a whole year without its national holidays is refused: an empty year, no 元旦, too few days off", () => {
    const file = write("2027-empty.json", { years: [2027], days: [] });
    const e = caught(() => createCalendar({ override: file }));
    expect(e.message).toBe(
      '日历覆盖文件把 2027 年列为整年日历（"years"），但没有把元旦（2027-01-01）、劳动节（2027-05-01）、劳动节（2027-05-02）、国庆节（2027-10-01）、国庆节（2027-10-02）、国庆节（2027-10-03）列为放假日；整年日历至少应按国务院办公厅当年的放假通知列出全部法定节假日（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节）和调休上班日',
    );
    const full = holidays(2027, ["2027-02-05", "2027-02-06", "2027-02-08", "2027-02-09"]);
    const no元旦 = full.filter((d) => d.date !== "2027-01-01");
    expect(caught(() => createCalendar({ override: { years: [2027], days: no元旦 } })).message).toContain(
      "但没有把元旦（2027-01-01）列为放假日",
    );
    // Only the fixed-date holidays: the Spring Festival, Qingming, Dragon Boat and Mid-Autumn are missing.
    const fixedOnly = full.filter(
      (d) => ["元旦", "劳动节", "国庆节"].includes(d.name) && !d.date.endsWith("-05-03"),
    );
    expect(
      caught(() => createCalendar({ override: { years: [2027], days: fixedOnly }, lang: "en" })).message,
    ).toContain("it lists 8 days off, fewer than the 13 days of statutory holidays");
    // A shipped year listed in years keeps its shipped holidays: nothing to add.
    expect(createCalendar({ override: { years: [2026], days: [] } }).classify("2026-01-01")).toMatchObject({
      class: "holiday",
    });
  });
  it("a day in a year without data and not declared in years is an error", () => {
    const e = caught(() =>
      createCalendar({ override: { days: [{ date: "2027-01-01", name: "元旦", isOffDay: true }] } }),
    );
    expect(e.message).toBe(
      '日历覆盖文件列出了 2027-01-01，但没有2027年的节假日数据；如要提供整年日历，请在 "years" 中列出 2027',
    );
  });
  it("a schema violation lists every problem (Chinese messages)", () => {
    const file = write("bad.json", { days: [{ date: "2023-7-1", name: "", isOffDay: "yes" }], extra: 1 });
    const e = caught(() => loadCalendarOverride(file));
    expect(e.message).toBe(`日历覆盖文件不符合格式要求：${file}`);
    expect(e.details).toEqual([
      "  /: 不允许有额外的属性",
      '  /days/0/date: 应当匹配模式 "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"',
      "  /days/0/name: 不应少于 1 个字符",
      "  /days/0/isOffDay: 应当是 boolean 类型",
    ]);
  });
  it("messages are in English with lang en", () => {
    const e = caught(() => validateCalendarOverride({ days: [{ date: "2023-07-01" }] }, "x.json", "en"));
    expect(e.message).toBe("Calendar override file is invalid: x.json");
    expect(e.details).toEqual([
      "  /days/0: must have required property 'name'",
      "  /days/0: must have required property 'isOffDay'",
    ]);
  });
  it("an impossible date or a date listed twice is an error", () => {
    const e = caught(() =>
      validateCalendarOverride(
        {
          days: [
            { date: "2023-02-30", name: "x", isOffDay: true },
            { date: "2023-07-01", name: "x", isOffDay: true },
            { date: "2023-07-01", name: "y", isOffDay: false },
          ],
        },
        "x.json",
      ),
    );
    expect(e.details).toEqual([
      "  /days/0/date: 不是真实日期 2023-02-30",
      "  /days/2/date: 2023-07-01 重复列出",
    ]);
  });
  it("a missing file or invalid JSON is a UserError", () => {
    expect(caught(() => loadCalendarOverride(join(dir, "none.json"))).message).toBe(
      `无法读取 ${join(dir, "none.json")}：文件不存在`,
    );
    expect(caught(() => loadCalendarOverride(write("broken.json", "{ days: ["))).message).toMatch(
      /^日历覆盖文件不是有效的 JSON：/,
    );
  });
});
