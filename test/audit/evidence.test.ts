/** Finding a case's position by id, for evidence pointers: whichever way the ids are ordered. */
import { describe, expect, it } from "vitest";
import { caseIndex } from "../../src/audit/evidence.js";
import type { Dataset } from "../../src/data/types.js";

const withCases = (ids: string[]) =>
  ({ approval: { cases: ids.map((id) => ({ id })) } }) as unknown as Dataset;

describe("caseIndex", () => {
  it("ids in increasing order (numbered without leading zeros too)", () => {
    const d = withCases(["SP-8", "SP-9", "SP-10", "SP-11", "SP-100", "SP-101"]);
    expect(["SP-8", "SP-9", "SP-10", "SP-11", "SP-100", "SP-101"].map((id) => caseIndex(d, id))).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
    expect(["SP-7", "SP-12", "SP-1000", "SP-99", "sp-10", ""].map((id) => caseIndex(d, id))).toEqual([
      -1, -1, -1, -1, -1, -1,
    ]);
  });
  it("ids in any other order; a repeated id gives the last position", () => {
    const d = withCases(["B", "A", "C", "A"]);
    expect(["A", "B", "C", "D"].map((id) => caseIndex(d, id))).toEqual([3, 0, 2, -1]);
  });
  it("no cases", () => {
    expect(caseIndex({} as Dataset, "X")).toBe(-1);
  });
});
