/**
 * The benchmark's generated year (bench/audit.mjs) must stay a dataset gongwen accepts: when the
 * validation rules grew (reply.ground, correction.items, duplicateOf, the access route of an
 * already-public reply), `npm run bench` printed "failed: the generated dataset is invalid" and
 * no test noticed.
 */
import { describe, expect, it } from "vitest";
// @ts-expect-error — a plain ESM script of the benchmark, without type declarations
import { benchAudit, generateDataset } from "../../bench/audit.mjs";
import { validateDataset } from "../../src/data/validate.js";

describe("bench/audit.mjs", () => {
  it("generates a valid year, and audits it", () => {
    const v = validateDataset(generateDataset(2_000));
    expect(v.ok ? [] : v.issues.slice(0, 5).map((i) => `${i.pointer}: ${i.message}`)).toEqual([]);
    const r = benchAudit(2_000) as { findings: number; applications: number };
    expect(r.applications).toBe(2_000);
    expect(r.findings).toBeGreaterThan(0);
  });
});
