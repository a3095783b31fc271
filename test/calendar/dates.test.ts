import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  civilFromDays,
  daysFromCivil,
  formatDay,
  parseDay,
  tryParseDay,
  weekdayOfDay,
} from "../../src/calendar/dates.js";

describe("day numbers", () => {
  it("match Date.UTC", () => {
    for (const [y, m, d] of [
      [1970, 1, 1],
      [2000, 2, 29],
      [2019, 5, 15],
      [2024, 12, 31],
      [2100, 3, 1],
    ] as const)
      expect(daysFromCivil(y, m, d)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
  });
  it("round-trip every day 1990–2110 and agree with toISOString", () => {
    for (let n = daysFromCivil(1990, 1, 1); n <= daysFromCivil(2110, 12, 31); n++) {
      const s = formatDay(n);
      expect(s).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
      expect(tryParseDay(s)).toBe(n);
    }
    expect(civilFromDays(-1)).toEqual({ y: 1969, m: 12, d: 31 });
    expect(formatDay(-1)).toBe("1969-12-31");
  });
  it("weekday", () => {
    expect(weekdayOfDay(0)).toBe(4); // Thursday
    expect(weekdayOfDay(daysFromCivil(2023, 1, 29))).toBe(0);
    expect(weekdayOfDay(-1)).toBe(3);
  });
});

describe("parsing", () => {
  it("accepts real dates only", () => {
    expect(tryParseDay("2024-02-29")).toBe(daysFromCivil(2024, 2, 29));
    expect(tryParseDay("2000-02-29")).toBe(daysFromCivil(2000, 2, 29));
    for (const bad of [
      "2023-02-29",
      "2100-02-29",
      "2023-04-31",
      "2023-13-01",
      "2023-00-10",
      "2023-01-00",
      "2023-1-01",
      "2023/01/01",
      "２０２３-01-01",
      "2023-01-01T00",
      "",
    ])
      expect(tryParseDay(bad), bad).toBeUndefined();
  });
  it("parseDay names what it parses, zh and en", () => {
    expect(() => parseDay("2023-02-29", "--received")).toThrow(
      "日期无效（--received）：2023-02-29，应为 YYYY-MM-DD 格式的真实日期",
    );
    expect(() => parseDay(20230101, "received", "en")).toThrow(
      "Invalid date (received): 20230101; expected a real date as YYYY-MM-DD",
    );
  });
  it("adds calendar days", () => {
    expect(addCalendarDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addCalendarDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addCalendarDays("2023-12-31", 1)).toBe("2024-01-01");
  });
});
