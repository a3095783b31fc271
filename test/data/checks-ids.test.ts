/**
 * Repeated ids and references, whichever way the checks find them: ids in increasing order
 * (numbered without leading zeros too) are known unique without a map, and any other order is
 * checked id by id.
 */
import { describe, expect, it } from "vitest";
import { semanticIssues } from "../../src/data/checks.js";

function dataset(caseIds: string[], ratingCases: string[] = []) {
  return {
    year: 2023,
    approval: {
      items: [{ id: "item-1", category: "类别" }],
      cases: caseIds.map((id) => ({ id, item: "item-1", received: "2023-03-01", accepted: "2023-03-01" })),
      ratings: ratingCases.map((c, i) => ({ id: `R${i}`, level: "satisfied", date: "2023-03-02", case: c })),
    },
    disclosure: {},
  };
}

const messages = (data: unknown) => semanticIssues(data).map((i) => `${i.pointer} ${i.message.zh}`);

describe("unique ids", () => {
  it("numbered ids in order: none repeated", () => {
    expect(messages(dataset(["C8", "C9", "C10", "C11", "C100"]))).toStrictEqual([]);
  });
  it("a repeat after ids in order is reported at the repeat, naming the first", () => {
    expect(messages(dataset(["C8", "C9", "C10", "C9", "C11", "C9"]))).toStrictEqual([
      "/approval/cases/3/id 办件编号 C9 重复：与 /approval/cases/1 相同",
      "/approval/cases/5/id 办件编号 C9 重复：与 /approval/cases/1 相同",
    ]);
  });
  it("the same id twice in a row", () => {
    expect(messages(dataset(["C1", "C1"]))).toStrictEqual([
      "/approval/cases/1/id 办件编号 C1 重复：与 /approval/cases/0 相同",
    ]);
  });
  it("a dangling reference lists the known ids in list order, ids in order or not", () => {
    const ids = ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10"];
    const expected =
      "/approval/ratings/1/case 找不到编号为 C11 的办件（已有：C1、C2、C3、C4、C5、C6、C7、C8、…）";
    expect(messages(dataset(ids, ["C10", "C11"]))).toStrictEqual([expected]);
    const shuffled = ["C2", "C1", ...ids.slice(2)];
    expect(messages(dataset(shuffled, ["C10", "C11"]))).toStrictEqual([
      "/approval/ratings/1/case 找不到编号为 C11 的办件（已有：C2、C1、C3、C4、C5、C6、C7、C8、…）",
    ]);
  });
});
