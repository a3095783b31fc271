import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as fontkit from "fontkit";
import { afterAll, describe, expect, it } from "vitest";
import { bundledFontPath } from "../../../src/render/pdf/fonts/bundled.js";
import { loadFace } from "../../../src/render/pdf/fonts/face.js";
import { buildSfnt, subsetTrueType } from "../../../src/render/pdf/fonts/subset.js";

const tmp = mkdtempSync(join(tmpdir(), "gongwen-subset-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const open = (bytes: Uint8Array): fontkit.Font => fontkit.create(Buffer.from(bytes)) as fontkit.Font;

/** Every subset glyph i has exactly the outline and advance of source glyph gids[i]. */
function expectSameGlyphs(path: string, text: string): void {
  const face = loadFace({ path });
  const gids = [0, ...[...text].map((c) => face.glyphId(c.codePointAt(0)!))];
  expect(gids.slice(1).every((g) => g > 0)).toBe(true);
  const sub = open(subsetTrueType(face, gids));
  const src = fontkit.openSync(path) as fontkit.Font;
  expect(sub.numGlyphs).toBe(gids.length);
  gids.forEach((g, i) => {
    expect(sub.getGlyph(i).path.toSVG()).toBe(src.getGlyph(g).path.toSVG());
    expect(sub.getGlyph(i).advanceWidth).toBe(src.getGlyph(g).advanceWidth);
  });
}

describe("TrueType subsetter", () => {
  const text = "政府信息公开工作年度报告，。“”《》（）2014年60%Ab";

  it("keeps outlines and advances glyph for glyph (bundled Noto Serif SC)", () => {
    expectSameGlyphs(bundledFontPath("serif"), text);
  });

  it("keeps outlines and advances glyph for glyph (Debian arphic Song, short loca)", () => {
    expectSameGlyphs("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", text);
  });

  it("is small: only the glyphs asked for", () => {
    const face = loadFace({ path: bundledFontPath("serif") });
    const bytes = subsetTrueType(face, [0, face.glyphId(0x653f)]);
    expect(bytes.length).toBeLessThan(4000);
  });

  it("pulls in the components of composite glyphs and renumbers them", () => {
    // A hand-built font: glyph 1 a triangle, glyph 2 a composite of glyph 1 moved by (100, 50).
    const u16 = (...v: number[]): Buffer =>
      Buffer.from(new Uint16Array(v.map((x) => ((x & 0xff) << 8) | ((x >> 8) & 0xff))).buffer);
    const triangle = Buffer.concat([
      u16(1, 0, 0, 500, 700, 2, 0),
      Buffer.from([1, 1, 1]),
      u16(0, 500, -250 & 0xffff, 0, 0, 700),
      Buffer.from([0]),
    ]);
    const composite = u16(0xffff, 100, 50, 600, 750, 0x0003, 1, 100, 50);
    const glyf = Buffer.concat([triangle, composite]);
    const loca = Buffer.alloc(16);
    loca.writeUInt32BE(0, 0);
    loca.writeUInt32BE(0, 4);
    loca.writeUInt32BE(triangle.length, 8);
    loca.writeUInt32BE(glyf.length, 12);
    const head = Buffer.alloc(54);
    head.writeUInt32BE(0x00010000, 0);
    head.writeUInt32BE(0x5f0f3cf5, 12);
    head.writeUInt16BE(1000, 18);
    head.writeInt16BE(1, 50);
    const hhea = Buffer.alloc(36);
    hhea.writeUInt32BE(0x00010000, 0);
    hhea.writeInt16BE(800, 4);
    hhea.writeInt16BE(-200, 6);
    hhea.writeUInt16BE(3, 34);
    const maxp = Buffer.alloc(32);
    maxp.writeUInt32BE(0x00010000, 0);
    maxp.writeUInt16BE(3, 4);
    const hmtx = u16(500, 0, 600, 0, 700, 100);
    const post = Buffer.alloc(32);
    post.writeUInt32BE(0x00030000, 0);
    const file = join(tmp, "composite.ttf");
    writeFileSync(
      file,
      buildSfnt(
        new Map<string, Uint8Array>([
          ["head", head],
          ["hhea", hhea],
          ["maxp", maxp],
          ["hmtx", hmtx],
          ["loca", loca],
          ["glyf", glyf],
          ["post", post],
        ]),
      ),
    );

    const face = loadFace({ path: file });
    const sub = open(subsetTrueType(face, [0, 2]));
    expect(sub.numGlyphs).toBe(3); // .notdef, the composite, its component appended
    const src = fontkit.openSync(file) as fontkit.Font;
    expect(sub.getGlyph(1).path.toSVG()).toBe(src.getGlyph(2).path.toSVG());
    expect(sub.getGlyph(1).path.toSVG()).toBe("M100 50L600 50L350 750Z");
    expect(sub.getGlyph(2).path.toSVG()).toBe(src.getGlyph(1).path.toSVG());
    expect(sub.getGlyph(1).advanceWidth).toBe(700);
  });
});

describe("cmap lookup", () => {
  it("agrees with fontkit for every character of the CJK block and ASCII (format 12 and format 4 fonts)", () => {
    for (const path of [bundledFontPath("serif"), "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"]) {
      const face = loadFace({ path });
      const ref = fontkit.openSync(path) as fontkit.Font;
      const cps = [
        ...Array.from({ length: 95 }, (_, i) => 32 + i),
        ...Array.from({ length: 0x9fff - 0x4e00 }, (_, i) => 0x4e00 + i),
        0x3001,
        0x3002,
        0xff0c,
        0x201c,
        0x2a6d6,
        0xe000,
      ];
      const mismatches = cps.filter(
        (cp) => face.glyphId(cp) !== (ref.hasGlyphForCodePoint(cp) ? ref.glyphForCodePoint(cp).id : 0),
      );
      expect(mismatches).toEqual([]);
    }
  });
});
