/**
 * Date validity (data/date-format.ts daysInMonth, the one leap-year rule) through every caller:
 * the schema's date format (run-time and precompiled), the dataset checks (which compare only
 * dates that exist), the calendar's day parser and a deadline computation. 29 February exists in
 * 2024 and 2000, not in 2023 or 2100.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { daysInMonth, isDateFormat } from "../../src/data/date-format.js";
import { precompiledSources } from "../../src/data/validator-code.js";
import { computeDeadline, tryParseDay, validateDataset, type Dataset } from "../../src/index.js";

const EXISTS: [string, boolean][] = [
  ["2024-02-29", true],
  ["2000-02-29", true],
  ["2023-02-29", false],
  ["2100-02-29", false],
  ["1900-02-29", false],
  ["2023-04-31", false],
  ["2023-12-31", true],
];

function precompiledIsDate(): (s: string) => boolean {
  const module = { exports: {} as { date: { validate: (s: string) => boolean } } };
  new Function("module", "exports", precompiledSources().formats)(module, module.exports);
  return module.exports.date.validate;
}

/** The issues validation reports when application YSQ2023-001 was received on `day`. */
function receivedOn(day: string) {
  const dataset = JSON.parse(readFileSync("samples/2023-district-bureau.json", "utf8")) as Dataset;
  dataset.disclosure.applications!.find((a) => a.id === "YSQ2023-001")!.received = day;
  return validateDataset(dataset, "en").issues.filter((i) => i.pointer.endsWith("/received"));
}

describe("29 February and month ends", () => {
  it("one month-length rule", () => {
    expect([2023, 2024, 2000, 2100].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 29, 28]);
    expect([1, 3, 4, 6, 9, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([31, 31, 30, 30, 30, 30, 31]);
  });

  const precompiled = precompiledIsDate();
  for (const [day, exists] of EXISTS) {
    it(`${day} ${exists ? "exists" : "does not exist"} for every caller`, () => {
      expect(isDateFormat(day)).toBe(exists);
      expect(precompiled(day)).toBe(exists);
      expect(tryParseDay(day) !== undefined).toBe(exists);
      let refused = "";
      try {
        computeDeadline({ received: day, regime: "ogi-2019" }, { lang: "en" });
      } catch (e) {
        refused = (e as Error).message;
      }
      // A date before the holiday data is refused for that reason, not as a date.
      expect(refused.startsWith("Invalid date (received)")).toBe(!exists);
      const codes = receivedOn(day).map((i) => i.code);
      // An existing date is compared (the checks find it out of the year); one that does not
      // exist is only the schema's error.
      if (exists) expect(codes).not.toContain("date");
      // 1900 lies before the years the law and the calendar cover: refused as out of range first.
      else expect(codes).toEqual([day.startsWith("1900") ? "format" : "date"]);
      if (exists && !day.startsWith("2023")) expect(codes).toContain("year");
    });
  }
});
