/**
 * The "date" format the dataset validator uses accepts exactly what ajv-formats' "date" accepts
 * (the validator used ajv-formats before; its messages depend on which dates fail).
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { isDateFormat } from "../../src/data/date-format.js";
import { datasetValidator } from "../../src/data/schema.js";

const ajvFormatsDate = (
  createRequire(import.meta.url)("ajv-formats/dist/formats") as {
    fullFormats: { date: { validate: (s: string) => boolean } };
  }
).fullFormats.date.validate;

describe("isDateFormat", () => {
  it("agrees with ajv-formats on every day of leap and century years and on malformed strings", () => {
    const samples: string[] = [];
    for (const y of ["0000", "0004", "0100", "1900", "2000", "2023", "2024", "2100", "2400", "9999"])
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++)
          samples.push(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    samples.push(
      "",
      "2023-1-01",
      "2023-01-1",
      "2023/01/01",
      "2023-01-01 ",
      " 2023-01-01",
      "2023-01-01\n",
      "２０２３-01-01",
      "2023-0a-01",
      "20230-1-01",
      "+023-01-01",
      "2023-01-0١",
    );
    let valid = 0;
    for (const s of samples) {
      expect({ s, ok: isDateFormat(s) }).toStrictEqual({ s, ok: ajvFormatsDate(s) });
      if (isDateFormat(s)) valid++;
    }
    // five leap years (0000, 0004, 2000, 2024, 2400) and five others
    expect(valid).toBe(5 * 366 + 5 * 365);
    expect(isDateFormat(20230101)).toBe(false);
  });

  it("is the format of the dataset schema: a date that does not exist fails it", () => {
    const validate = datasetValidator();
    const data = {
      year: 2023,
      agency: {},
      disclosure: {},
      documents: { annualReport: { date: "2023-02-29" } },
    };
    validate(data);
    expect(validate.errors?.filter((e) => e.keyword === "format").map((e) => e.instancePath)).toStrictEqual([
      "/documents/annualReport/date",
    ]);
  });
});
