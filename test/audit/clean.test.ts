/** The clean fixture passes every rule: the baseline every rule test changes one thing in. */
import { describe, expect, it } from "vitest";
import { audit, cleanDataset } from "./fixtures.js";

describe("the clean fixture", () => {
  it("is valid data and no rule reports anything", () => {
    const r = audit(cleanDataset());
    expect(r.findings.map((f) => f.message)).toEqual([]);
    expect(r.highlights).toEqual([]);
    expect(r.counts).toEqual({ error: 0, warning: 0, info: 0 });
  });
});
