/** Big JSON written in pieces (the letters batch's --json list, the manifest): the same text. */
import { describe, expect, it } from "vitest";
import { jsonChunks, writeChunks } from "../../src/util/json-chunks.js";

const values: unknown[] = [
  {
    files: [
      { path: "out/a-reply.pdf", format: "pdf", bytes: 1, pages: 1, docNumber: null },
      { path: 'out/b "q"\nx.docx', skip: undefined, f: () => 1, nested: { deep: [1, [2, { z: {} }]] } },
    ],
    merged: null,
    counts: { reply: 2, receipt: 0 },
    skipped: [],
    errors: ["申请 A：答复书：缺少答复日期"],
    empty: {},
    list: [undefined, () => 0, "s"],
    date: new Date(Date.UTC(2024, 0, 2)),
  },
  [],
  [[], {}, [1]],
  "text",
  3.5,
  null,
];

describe("jsonChunks", () => {
  it("joins to exactly JSON.stringify(value, null, 2), at every depth", () => {
    for (const v of values)
      for (const depth of [0, 1, 2, 5])
        expect([...jsonChunks(v, { depth })].join("")).toBe(JSON.stringify(v, null, 2));
  });

  it("comes in pieces: one per entry of a long list, written in runs", () => {
    const list = Array.from({ length: 1000 }, (_, i) => ({ path: `f${i}.pdf`, bytes: i }));
    const pieces = [...jsonChunks({ files: list })];
    expect(pieces.length).toBeGreaterThan(1000);
    const runs: string[] = [];
    writeChunks(pieces, (t) => runs.push(t));
    expect(runs.join("")).toBe(JSON.stringify({ files: list }, null, 2));
  });
});
