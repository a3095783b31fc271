/** Big JSON written in pieces (the letters batch's --json list, the manifest): the same text. */
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { jsonChunks, writeChunks, writeChunksTo } from "../../src/util/json-chunks.js";

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

describe("writeChunksTo (a pipe whose reader is slower than the writer)", () => {
  it("waits for the stream to drain: at most one run is queued, and the text arrives whole", async () => {
    const list = Array.from({ length: 30_000 }, (_, i) => ({
      path: `out/B${i}-reply.pdf`,
      docNumber: `复〔2023〕${i}号`,
    }));
    const got: string[] = [];
    let maxQueued = 0;
    // A reader that takes each write on the next turn of the event loop, like a pipe's.
    const slow = new Writable({
      highWaterMark: 64 * 1024,
      decodeStrings: false,
      write(chunk: string, _enc, done) {
        got.push(chunk);
        setImmediate(done);
      },
    });
    const queued = setInterval(() => (maxQueued = Math.max(maxQueued, slow.writableLength)), 0);
    const original = slow.write.bind(slow);
    slow.write = ((chunk: string, ...rest: never[]) => {
      const ok = original(chunk, ...rest);
      maxQueued = Math.max(maxQueued, slow.writableLength);
      return ok;
    }) as typeof slow.write;
    await writeChunksTo(jsonChunks({ files: list }), slow);
    clearInterval(queued);
    expect(got.join("")).toBe(JSON.stringify({ files: list }, null, 2));
    expect(got.length).toBeGreaterThan(1);
    // Text of ≈1.8 MB in runs of ≈1 MB: never more than one run (and the piece that closed it) waits.
    expect(maxQueued).toBeLessThan(1.2 * (1 << 20));
  });
});
