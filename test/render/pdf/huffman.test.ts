import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  adler32,
  adler32Combine,
  codeLengths,
  encodeBits,
  huffmanCode,
  huffmanZlib,
} from "../../../src/render/pdf/fonts/huffman.js";

const bytes = (n: number, seed: number): Uint8Array =>
  Uint8Array.from({ length: n }, (_, k) => ((k * k * 31 + k * seed) >> 3) & 255);

describe("Huffman-coded zlib streams for font subsets", () => {
  it("computes Adler-32 and combines checksums of pieces", () => {
    const wiki = new TextEncoder().encode("Wikipedia");
    expect(adler32([wiki])).toBe(0x11e60398);
    const a = bytes(5000, 3);
    const b = bytes(7001, 5);
    expect(adler32Combine(adler32([a]), adler32([b]), b.length)).toBe(adler32([a, b]));
  });

  it("limits code lengths to 15 bits and keeps the code complete", () => {
    const weights = Array.from({ length: 257 }, (_, i) => (i < 40 ? 2 ** Math.min(i, 30) : 1));
    const lens = codeLengths(weights, 15);
    expect(Math.max(...lens)).toBe(15);
    expect(lens.reduce((s, l) => s + 2 ** -l, 0)).toBe(1);
  });

  it("joins pieces at any bit alignment into a stream zlib inflates to the data", () => {
    const code = huffmanCode([bytes(50_000, 3)]);
    const parts = [
      bytes(7, 1),
      bytes(13, 2),
      new Uint8Array(0),
      bytes(1000, 5),
      bytes(1, 9),
      bytes(34_000, 11),
    ];
    const z = huffmanZlib(
      code,
      parts.map((p) => encodeBits(code, p)),
    );
    expect(Buffer.compare(inflateSync(z), Buffer.concat(parts))).toBe(0);
    expect(inflateSync(huffmanZlib(code, [])).length).toBe(0);
    // Bytes the sample never had still have codes.
    const rare = new Uint8Array(300).fill(0xff);
    expect(Buffer.compare(inflateSync(huffmanZlib(code, [encodeBits(code, rare)])), Buffer.from(rare))).toBe(
      0,
    );
  });
});
