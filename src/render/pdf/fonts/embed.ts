/**
 * Embedding a document's glyphs of one face as a subset Type0/CIDFontType2 font (or
 * CIDFontType0 for CFF), written directly with pdf-lib's low-level objects so that we control
 * the subset tag (ISO 32000 `ABCDEF+Name`), the widths and the ToUnicode map.
 */
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { PDFName, PDFString, type PDFContext, type PDFRef } from "../pdflib.js";
import type { FontFace } from "./face.js";
import { encodeBits, huffmanCode, huffmanZlib, type HuffmanCode } from "./huffman.js";
import { subsetFace, type SubsetPart } from "./subset.js";

/** A glyph a document uses: a real glyph id, or a .notdef stand-in for a missing character. */
export interface GlyphUse {
  gid: number;
  /** The text the glyph stands for (for ToUnicode). */
  text: string;
  /** Advance in 1/1000 em when it differs from the font's (half-width punctuation copies). */
  width?: number;
}

/** Deterministic six-letter subset tag from the face and its glyph list. */
export function subsetTag(face: FontFace, glyphKey: string): string {
  const h = createHash("sha256").update(face.postscriptName).update("\0").update(glyphKey).digest();
  let tag = "";
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + ((h[i] ?? 0) % 26));
  return tag;
}

/** Widths are written in 1/1000 em with at most two decimals; layout uses the same values. */
export function pdfWidth(face: FontFace, gid: number): number {
  return Math.round((face.advance(gid) * 100000) / face.unitsPerEm) / 100;
}

function utf16Hex(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += s.charCodeAt(i).toString(16).padStart(4, "0");
  return out.toUpperCase();
}

function toUnicodeCMap(texts: readonly string[]): string {
  const entries: string[] = [];
  texts.forEach((t, cid) => {
    if (cid === 0 || !t) return;
    entries.push(`<${cid.toString(16).padStart(4, "0").toUpperCase()}> <${utf16Hex(t)}>`);
  });
  let body = "";
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    body += `${chunk.length} beginbfchar\n${chunk.join("\n")}\nendbfchar\n`;
  }
  return (
    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" +
    body +
    "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
  );
}

export interface CompressedSubset {
  cff: boolean;
  /** Uncompressed length of the font program. */
  length: number;
  deflated: Uint8Array;
}

/**
 * zlib's settings for a subset font program. Level 1 with memLevel 9, decided by measurement
 * (issue 18, 3 December 2026; 150 distinct one-page letters per block, engines interleaved
 * block by block, 12 rounds, load average 8–11 on the 2 cores, CPU time of the PDF writer per
 * letter, the title drawn from the body's face): the literal-only Huffman coder this replaced
 * gave 32.5 KB letters, zlib level 1 28.1 KB, level 6 and 9 27.4 KB. Level 1 costs 1.27–1.29×
 * the coder's CPU per letter (median of rounds; level 6 1.39–1.48×), and stays ahead of Typst
 * warm on the same letters: 0.83× Typst's CPU (rounds 0.64–1.18; the coder 0.62×). So a letter
 * is under the 32 KB target with room for a longer text, and still faster than Typst. zlib is
 * Node's own (the output is the same for the same Node binary, like the rest of the file).
 */
const SUBSET_DEFLATE = { level: 1, memLevel: 9 } as const;

/** Compress a subset font program (TrueType or CFF) for its FontFile stream. */
function compressSubset(parts: readonly SubsetPart[]): Uint8Array {
  return deflateSync(
    parts.length === 1 ? parts[0]!.bytes : Buffer.concat(parts.map((p) => p.bytes)),
    SUBSET_DEFLATE,
  );
}

let cmapCode: HuffmanCode | undefined;

/**
 * Compress a ToUnicode CMap: one Huffman-coded block in a code fixed for CMaps (built once
 * from a sample map of common Chinese characters). A zlib call has about 40 µs of set-up, more
 * than the coding of a letter's map; the map is ~40% larger than with LZ77 (about 1.1 KB).
 */
function compressCMap(text: string): Uint8Array {
  if (!cmapCode) {
    const sample = [""];
    for (let i = 0; i < 300; i++) sample.push(String.fromCharCode(0x4e00 + ((i * 577) % 20000)));
    cmapCode = huffmanCode([Buffer.from(toUnicodeCMap(sample), "latin1")]);
  }
  return huffmanZlib(cmapCode, [encodeBits(cmapCode, Buffer.from(text, "latin1"))]);
}

/** Subsets are cached per renderer: the same glyph set of the same face is encoded once. */
export class SubsetCache {
  private readonly map = new Map<string, CompressedSubset>();
  constructor(private readonly capacity = 64) {}

  get(face: FontFace, gids: readonly number[], key: string): CompressedSubset {
    const k = `${face.id}\0${key}`;
    let v = this.map.get(k);
    if (v) {
      this.map.delete(k);
      this.map.set(k, v);
      return v;
    }
    const subset = subsetFace(face, gids);
    const length = subset.parts.reduce((n, p) => n + p.bytes.length, 0);
    v = { cff: subset.cff, length, deflated: compressSubset(subset.parts) };
    this.map.set(k, v);
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
    return v;
  }
}

const r2 = (n: number): number => Math.round(n * 100) / 100;

/** The default glyph width of the CID fonts written here (/DW): a full-width character's. */
const DEFAULT_WIDTH = 1000;

/**
 * A CID font's /W array for `widths` (index = CID) that leaves out every glyph whose width is
 * the default (/DW): runs of other widths as `c [w1 w2 …]` (ISO 32000-1, 9.7.4.3). A letter's
 * face is mostly full-width glyphs, so this is a few numbers instead of one per glyph (≈ 0.7 KB
 * less per face in a one-page letter).
 */
export function cidWidths(widths: readonly number[], dw = DEFAULT_WIDTH): (number | number[])[] {
  const out: (number | number[])[] = [];
  let run: number[] | null = null;
  widths.forEach((w, cid) => {
    if (w === dw) {
      run = null;
      return;
    }
    if (!run) {
      run = [];
      out.push(cid, run);
    }
    run.push(w);
  });
  return out;
}

/**
 * Write the font objects for `uses` (index = CID = subset glyph id; entry 0 is .notdef) and
 * return the Type0 font dictionary's reference.
 */
export function embedSubsetFont(
  context: PDFContext,
  face: FontFace,
  uses: readonly GlyphUse[],
  cache: SubsetCache,
): PDFRef {
  const gids = uses.map((u) => u.gid);
  const key = uses
    .map((u) => (u.gid === 0 ? `0:${u.text}` : u.width !== undefined ? `${u.gid}/${u.width}` : String(u.gid)))
    .join(",");
  const subset = cache.get(face, gids, key);
  const { deflated } = subset;
  const baseFont = `${subsetTag(face, key)}+${face.postscriptName}`;
  const scale = 1000 / face.unitsPerEm;

  const fontFile = context.stream(deflated, {
    Filter: "FlateDecode",
    ...(subset.cff ? { Subtype: "CIDFontType0C" } : { Length1: subset.length }),
  });
  const fontFileRef = context.register(fontFile);

  const [x0, y0, x1, y1] = face.bbox;
  const descriptor = context.obj({
    Type: "FontDescriptor",
    FontName: baseFont,
    Flags: 4,
    FontBBox: [r2(x0 * scale), r2(y0 * scale), r2(x1 * scale), r2(y1 * scale)],
    ItalicAngle: face.italicAngle,
    Ascent: r2(face.ascent * scale),
    Descent: r2(face.descent * scale),
    CapHeight: r2(face.capHeight * scale),
    StemV: 80,
  });
  descriptor.set(PDFName.of(subset.cff ? "FontFile3" : "FontFile2"), fontFileRef);
  const descriptorRef = context.register(descriptor);

  const widths = uses.map((u) => u.width ?? pdfWidth(face, u.gid));
  const cidFont = context.obj({
    Type: "Font",
    Subtype: subset.cff ? "CIDFontType0" : "CIDFontType2",
    BaseFont: baseFont,
    CIDSystemInfo: { Registry: PDFString.of("Adobe"), Ordering: PDFString.of("Identity"), Supplement: 0 },
    FontDescriptor: descriptorRef,
    DW: DEFAULT_WIDTH,
    W: cidWidths(widths),
  });
  if (!subset.cff) cidFont.set(PDFName.of("CIDToGIDMap"), PDFName.of("Identity"));
  const cidFontRef = context.register(cidFont);

  const cmap = compressCMap(toUnicodeCMap(uses.map((u) => u.text)));
  const toUnicodeRef = context.register(context.stream(cmap, { Filter: "FlateDecode" }));

  return context.register(
    context.obj({
      Type: "Font",
      Subtype: "Type0",
      BaseFont: baseFont,
      Encoding: "Identity-H",
      DescendantFonts: [cidFontRef],
      ToUnicode: toUnicodeRef,
    }),
  );
}
