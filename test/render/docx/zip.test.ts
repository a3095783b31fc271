/** The DOCX writer's ZIP writer: the archive fflate's zipSync writes, from precompressed entries. */
import { strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import { crc32, crc32Js, dosDateTime, writeZip, zipEntry } from "../../../src/render/docx/zip.js";

/** Deterministic pseudo-random bytes (xorshift), some compressible text, some noise. */
function content(seed: number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed * 2654435761 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = i % 3 === 0 ? (x >>> 0) & 0xff : 0x41 + (i % 26);
  }
  return out;
}

describe("crc32", () => {
  it("gives the standard check values, in JavaScript and natively", () => {
    for (const f of [crc32, crc32Js]) {
      expect(f(strToU8("123456789"))).toBe(0xcbf43926);
      expect(f(new Uint8Array(0))).toBe(0);
      expect(f(strToU8("The quick brown fox jumps over the lazy dog"))).toBe(0x414fa339);
    }
    const noise = content(3, 100_000);
    expect(crc32Js(noise)).toBe(crc32(noise));
  });
});

describe("writeZip", () => {
  const files: [string, Uint8Array][] = [
    ["[Content_Types].xml", strToU8('<?xml version="1.0"?><Types/>')],
    ["_rels/.rels", new Uint8Array(0)],
    ["word/document.xml", strToU8("<w:document>正文“引号”&amp;</w:document>".repeat(200))],
    ["word/media/noise.bin", content(7, 70_000)],
  ];

  for (const [y, m, d] of [
    [2015, 1, 23],
    [2024, 12, 31],
    [1975, 6, 30],
  ] as const) {
    it(`writes the bytes zipSync writes (level 6, every entry dated ${y}-${m}-${d} 00:00)`, () => {
      // zipSync takes local date fields; a local Date at midnight stores the same fields anywhere.
      const mtime = new Date(Math.max(1980, y), y < 1980 ? 0 : m - 1, y < 1980 ? 1 : d);
      const zippable: Zippable = {};
      for (const [name, data] of files) zippable[name] = [data, { mtime, level: 6 }];
      const expected = zipSync(zippable);
      const ours = writeZip(
        files.map(([name, data]) => zipEntry(name, data)),
        dosDateTime(y, m, d),
      );
      expect(Buffer.from(ours).equals(Buffer.from(expected))).toBe(true);
      const back = unzipSync(ours);
      for (const [name, data] of files) expect(Buffer.from(back[name]!).equals(Buffer.from(data))).toBe(true);
    });
  }

  it("reuses an entry in several archives unchanged", () => {
    const shared = zipEntry("word/styles.xml", "<w:styles/>");
    const a = writeZip([shared, zipEntry("word/document.xml", "<a/>")], dosDateTime(2015, 1, 23));
    const b = writeZip([shared, zipEntry("word/document.xml", "<b/>")], dosDateTime(2015, 1, 23));
    expect(Object.keys(unzipSync(a))).toEqual(["word/styles.xml", "word/document.xml"]);
    expect(new TextDecoder().decode(unzipSync(b)["word/styles.xml"])).toBe("<w:styles/>");
  });
});
