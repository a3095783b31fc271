/**
 * A font face reads its file piecewise (table directory and small tables on load, cmap / hmtx /
 * loca on first use, each glyph's record when used): the subset bytes, metrics and glyph ids
 * are exactly those of the same face read whole (`face.bytes` switches a face to the whole file).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bundledFontPath } from "../../../src/render/pdf/fonts/bundled.js";
import { FontFace } from "../../../src/render/pdf/fonts/face.js";
import { subsetTrueType } from "../../../src/render/pdf/fonts/subset.js";

const TEXT = "政府信息公开工作年度报告，。“”《》（）2014年60%Ab申请答复";
const FILES = [
  bundledFontPath("serif"),
  bundledFontPath("sans"),
  // Debian's arphic Song: short loca offsets.
  "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
];

describe("font face read piecewise", () => {
  for (const path of FILES) {
    it(`gives the bytes of the whole file: ${path.split("/").pop()}`, () => {
      const lazy = new FontFace({ path });
      const whole = new FontFace({ path });
      const file = whole.bytes; // reads the whole file; later reads come from it
      expect(file.equals(readFileSync(path))).toBe(true);

      const gids = [0, ...[...TEXT].map((c) => lazy.glyphId(c.codePointAt(0)!))];
      expect(gids.slice(1).every((g) => g > 0)).toBe(true);
      expect([0, ...[...TEXT].map((c) => whole.glyphId(c.codePointAt(0)!))]).toEqual(gids);
      for (const g of gids) {
        const [a, b] = lazy.glyphRange(g);
        expect(lazy.glyphBytes(g).equals(file.subarray(a, b))).toBe(true);
        expect(lazy.advance(g)).toBe(whole.advance(g));
        expect(lazy.lsb(g)).toBe(whole.lsb(g));
      }
      for (const t of ["head", "hhea", "maxp", "cmap", "hmtx", "loca"]) {
        const e = lazy.tables.get(t)!;
        expect(lazy.table(t).equals(file.subarray(e.offset, e.offset + e.length)), t).toBe(true);
      }
      expect(Buffer.from(subsetTrueType(lazy, gids)).equals(Buffer.from(subsetTrueType(whole, gids)))).toBe(
        true,
      );
      const glyf = lazy.tables.get("glyf")!;
      expect(lazy.read(glyf.offset, 64).equals(file.subarray(glyf.offset, glyf.offset + 64))).toBe(true);
      // Past the end of the file: fewer bytes, as a view of the whole file gives.
      expect(lazy.read(file.length - 3, 10).length).toBe(3);
      expect(whole.read(file.length - 3, 10).length).toBe(3);
      lazy.close();
    });
  }

  it("reads a few hundred kilobytes, not the 15 MB file, to shape and subset a text", () => {
    const face = new FontFace({ path: bundledFontPath("serif") });
    const seen: number[] = [];
    const read = face.read.bind(face);
    face.read = (offset: number, length: number) => {
      const b = read(offset, length);
      seen.push(b.length);
      return b;
    };
    const gids = [0, ...[...TEXT].map((c) => face.glyphId(c.codePointAt(0)!))];
    subsetTrueType(face, gids);
    const total = seen.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(2 * 1024 * 1024);
    face.close();
    expect(() => face.read(0, 4)).toThrow(/closed/);
  });
});
