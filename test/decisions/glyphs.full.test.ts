/**
 * Every glyph of every PDF `gongwen demo` writes (summaries, annual report, self-audits, every
 * letter and the letters' print file) has the outline of the character it stands for in the font
 * it was taken from: each embedded subset is read back with fontkit, and each of its glyphs,
 * through the document's ToUnicode CMap, is compared with the source face's glyph for that
 * character. A blanked or swapped glyph (the subset test compares a 30-character sample; OCR
 * compares bags of characters) fails here.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from "@cantoo/pdf-lib";
import * as fontkit from "fontkit";
import { afterAll, describe, expect, it } from "vitest";
import { bundledFontPath } from "../../src/render/pdf/fonts/bundled.js";
import { spawnAsync } from "../helpers/spawn.js";

const out = mkdtempSync(join(tmpdir(), "gongwen-glyphs-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const SOURCES = [
  bundledFontPath("serif"),
  bundledFontPath("sans"),
  "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
  "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
];
const faces = new Map<string, fontkit.Font>();
for (const path of SOURCES) {
  try {
    const f = fontkit.openSync(path) as fontkit.Font;
    faces.set(f.postscriptName, f);
  } catch {
    // a system font not installed: documents do not use it either
  }
}

function pdfsUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? pdfsUnder(p) : n.endsWith(".pdf") ? [p] : [];
  });
}

/** CID → Unicode code point of a ToUnicode CMap (bfchar entries, as the writer emits them). */
function toUnicode(cmap: string): Map<number, number> {
  const map = new Map<number, number>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const utf16 = m[2]!.match(/.{4}/g)!.map((h) => parseInt(h, 16));
      map.set(parseInt(m[1]!, 16), String.fromCharCode(...utf16).codePointAt(0)!);
    }
  return map;
}

/** Glyphs whose outline or advance differs from the source face's glyph for their character. */
async function wrongGlyphs(file: string): Promise<{ glyphs: number; wrong: string[] }> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const wrong: string[] = [];
  let glyphs = 0;
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of("Subtype"))?.toString() !== "/Type0") continue;
    const name = obj
      .get(PDFName.of("BaseFont"))!
      .toString()
      .replace(/^\/[A-Z]{6}\+/, "");
    const source = faces.get(name);
    expect(source, `${file}: font ${name} comes from no known face`).toBeDefined();
    const desc = doc.context.lookup((obj.get(PDFName.of("DescendantFonts")) as PDFArray).get(0)) as PDFDict;
    expect(desc.get(PDFName.of("CIDToGIDMap"))?.toString()).toBe("/Identity");
    const fd = doc.context.lookup(desc.get(PDFName.of("FontDescriptor"))) as PDFDict;
    const file2 = doc.context.lookup(fd.get(PDFName.of("FontFile2"))) as PDFRawStream;
    const cmap = doc.context.lookup(obj.get(PDFName.of("ToUnicode"))) as PDFRawStream;
    const subset = fontkit.create(inflateSync(file2.contents)) as fontkit.Font;
    for (const [cid, cp] of toUnicode(inflateSync(cmap.contents).toString("latin1"))) {
      glyphs++;
      const got = subset.getGlyph(cid);
      const want = source!.glyphForCodePoint(cp);
      if (got.path.toSVG() !== want.path.toSVG() || got.advanceWidth !== want.advanceWidth)
        wrong.push(`${name} CID ${cid} U+${cp.toString(16).toUpperCase()} ${String.fromCodePoint(cp)}`);
    }
  }
  return { glyphs, wrong };
}

describe("every glyph of every sample PDF", () => {
  it("has its character's outline and advance", async () => {
    const r = await spawnAsync(process.execPath, ["dist/cli/main.js", "demo", "--out", out, "--force"]);
    expect(r.status, r.stderr).toBe(0);
    const files = pdfsUnder(out);
    expect(files.length).toBeGreaterThan(40);
    let glyphs = 0;
    for (const file of files) {
      const res = await wrongGlyphs(file);
      await new Promise((resolve) => setImmediate(resolve)); // let the worker answer vitest's RPC
      expect(res.wrong, file).toEqual([]);
      expect(res.glyphs, file).toBeGreaterThan(10);
      glyphs += res.glyphs;
    }
    expect(glyphs).toBeGreaterThan(5000);
  }, 180_000);
});
