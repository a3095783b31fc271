import * as fontkit from "fontkit";
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  decodePDFRawStream,
} from "@cantoo/pdf-lib";
import { describe, expect, it } from "vitest";
import { cidWidths } from "../../../src/render/pdf/fonts/embed.js";
import { createPdfRenderer } from "../../../src/render/pdf/index.js";
import { letterTree } from "./fixtures.js";

describe("cidWidths (the CID fonts' /W array)", () => {
  it("leaves out the default width and writes the other widths as runs", () => {
    expect(cidWidths([1000, 346, 557, 1000, 1000, 500, 1000])).toEqual([1, [346, 557], 5, [500]]);
    expect(cidWidths([500, 1000, 500])).toEqual([0, [500], 2, [500]]);
    expect(cidWidths([1000, 1000])).toEqual([]);
    expect(cidWidths([])).toEqual([]);
    expect(cidWidths([250, 1000], 250)).toEqual([1, [1000]]);
  });
});

/** The width of each CID a CID font's /DW and /W give (ISO 32000-1, 9.7.4.3). */
function widthsOf(font: PDFDict, n: number): number[] {
  const dw = font.lookupMaybe(PDFName.of("DW"), PDFNumber)?.asNumber() ?? 1000;
  const out = Array.from({ length: n }, () => dw);
  const w = font.lookup(PDFName.of("W"), PDFArray);
  for (let i = 0; i < w.size(); i += 2) {
    const first = w.lookup(i, PDFNumber).asNumber();
    const run = w.lookup(i + 1, PDFArray);
    for (let j = 0; j < run.size(); j++) out[first + j] = run.lookup(j, PDFNumber).asNumber();
  }
  return out;
}

describe("a rendered letter's glyph widths", async () => {
  const { bytes } = await createPdfRenderer({ systemFonts: false }).render(letterTree(3));
  const doc = await PDFDocument.load(bytes);
  const cidFonts = doc.context
    .enumerateIndirectObjects()
    .map(([, o]) => o)
    .filter(
      (o): o is PDFDict =>
        o instanceof PDFDict && o.get(PDFName.of("Subtype")) === PDFName.of("CIDFontType2"),
    );

  it("are the embedded subset's advances, glyph for glyph, in the face the letter embeds", () => {
    expect(cidFonts.length).toBe(1);
    let halfWidth = 0;
    for (const f of cidFonts) {
      const descriptor = f.lookup(PDFName.of("FontDescriptor"), PDFDict);
      const file = descriptor.lookup(PDFName.of("FontFile2"), PDFRawStream);
      const sub = fontkit.create(Buffer.from(decodePDFRawStream(file).decode())) as fontkit.Font;
      const widths = widthsOf(f, sub.numGlyphs);
      const advances = Array.from({ length: sub.numGlyphs }, (_, g) =>
        Math.round((sub.getGlyph(g).advanceWidth * 1000) / sub.unitsPerEm),
      );
      expect(widths).toEqual(advances);
      halfWidth += advances.filter((a) => a !== 1000).length;
    }
    // The body face's digits (〔2014〕) are not full width, so some /W entry was read back.
    expect(halfWidth).toBeGreaterThan(0);
  });
});
