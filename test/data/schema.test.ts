/**
 * The schema agrees with the code lists, the generated types agree with the schema, and the
 * schema is a valid JSON Schema 2020-12 document with its $id.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ABSENCE_KINDS,
  APPLICANT_TYPES,
  CHANNELS,
  CONSULTATION_PARTIES,
  DAY_UNITS,
  FEE_METHODS,
  NEW_MEDIA_KINDS,
  QUALIFIERS,
  RATING_LEVELS,
  REASONS,
  REGIMES,
  REPLY_TYPES,
  REVIEW_OUTCOMES,
} from "../../src/data/codes.js";
import { loadSchema, SCHEMA_ID } from "../../src/data/schema.js";
// @ts-expect-error: plain ES module script without types
import { generateTypes } from "../../scripts/gen-types.mjs";

const ROOT = resolve(import.meta.dirname, "..", "..");
type S = Record<string, unknown>;
const schema = loadSchema();
const defs = schema.$defs as Record<string, S>;

describe("schema", () => {
  it("is JSON Schema 2020-12 with the gongwen $id", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toBe(SCHEMA_ID);
    expect(SCHEMA_ID).toBe("https://gongwen.dev/schemas/operations.schema.json");
  });

  it("uses the code lists of src/data/codes.ts, in order", () => {
    const lists: [string, readonly string[]][] = [
      ["regime", REGIMES],
      ["applicantType", APPLICANT_TYPES],
      ["channel", CHANNELS],
      ["replyType", REPLY_TYPES],
      ["reviewOutcome", REVIEW_OUTCOMES],
      ["feeMethod", FEE_METHODS],
      ["dayUnit", DAY_UNITS],
      ["ratingLevel", RATING_LEVELS],
      ["qualifier", QUALIFIERS],
      ["absenceKind", ABSENCE_KINDS],
      ["newMediaKind", NEW_MEDIA_KINDS],
      ["consultationParty", CONSULTATION_PARTIES],
    ];
    for (const [def, list] of lists) expect(defs[def]!.enum, def).toEqual([...list]);
    expect(defs.reason!.enum).toEqual([...new Set(Object.values(REASONS).flat())]);
  });

  it("requires a reason from its own list for refused, unavailable, not-processed and other", () => {
    const conditions = (defs.reply!.allOf as S[]).map((c) => {
      const ifType = ((c.if as S).properties as S).type as S;
      const then = c.then as S;
      const reason = (then.properties as S).reason;
      return {
        types: (ifType.const !== undefined ? [ifType.const] : ifType.enum) as string[],
        required: ((then.required as string[] | undefined) ?? []).includes("reason"),
        reasons: reason === false ? false : ((reason as S).enum as string[]),
      };
    });
    expect(conditions).toEqual([
      { types: ["refused"], required: true, reasons: [...REASONS.refused] },
      { types: ["partial"], required: false, reasons: [...REASONS.refused] },
      { types: ["unavailable"], required: true, reasons: [...REASONS.unavailable] },
      { types: ["not-processed"], required: true, reasons: [...REASONS["not-processed"]] },
      { types: ["other"], required: true, reasons: [...REASONS.other] },
      {
        types: ["already-public", "disclosed", "not-this-agency", "special-law"],
        required: false,
        reasons: false,
      },
    ]);
    // every reply type is covered by exactly one condition
    expect(conditions.flatMap((c) => c.types).sort()).toEqual([...REPLY_TYPES].sort());
  });

  it("defines the approximate count once, and count accepts the same object", () => {
    expect(defs.count!.properties).toEqual(defs.approximateCount!.properties);
    expect(defs.count!.required).toEqual(defs.approximateCount!.required);
  });
});

describe("src/data/types.ts", () => {
  it("is exactly what scripts/gen-types.mjs generates from the schema", async () => {
    const generated = (await generateTypes()) as string;
    expect(readFileSync(resolve(ROOT, "src/data/types.ts"), "utf8")).toBe(generated);
  });
});
