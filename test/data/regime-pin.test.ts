/**
 * A dataset-level `regime` names the data year's regulation and never re-dates a request: the
 * validation judges a request's limits by the regulation in force on its receipt date, as the
 * facts judge its deadline (it once judged a 2023 extension of 20 working days by the 2008 limit
 * of 15 when the year said ogi-2008, while the facts counted 2019 days).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateDatasetText } from "../../src/data/validate.js";
import { applicationFacts } from "../../src/facts/applications.js";
import { defaultCalendar } from "../../src/calendar/index.js";
import type { Dataset } from "../../src/data/types.js";

const sample = (): Dataset =>
  JSON.parse(readFileSync("samples/2023-district-bureau.json", "utf8")) as Dataset;

describe("a dataset-level regime", () => {
  it("does not change how a request is judged: validation and facts agree", () => {
    const pinned = { ...sample(), regime: "ogi-2008" as const };
    expect(validateDatasetText(JSON.stringify(pinned), "s.json").errors).toEqual([]);
    const i = pinned.disclosure.applications!.findIndex((a) => a.id === "YSQ2023-029");
    const plain = applicationFacts(sample(), defaultCalendar())[i]!;
    const facts = applicationFacts(pinned, defaultCalendar())[i]!;
    expect(facts.regime).toBe("ogi-2019");
    expect(facts.regimeSource).toBe("receipt-date");
    expect(facts.due).toBe(plain.due);
  });

  it("a 2023 extension beyond the 2019 limit is still refused", () => {
    const d = { ...sample(), regime: "ogi-2008" as const };
    d.disclosure.applications!.find((a) => a.id === "YSQ2023-029")!.extension!.days = 25;
    const errors = validateDatasetText(JSON.stringify(d), "s.json").errors;
    expect(errors.map((e) => e.pointer)).toEqual([expect.stringMatching(/\/extension\/days$/)]);
  });
});
