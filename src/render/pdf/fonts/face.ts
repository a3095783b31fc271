/**
 * A font face loaded once per process: fontkit parses it (cmap lookups, TTC collections, CFF
 * subsets), and the raw tables are kept for metrics and for our own TrueType subsetter.
 * Loading a 15 MB CJK font costs a file read plus a lazy parse; nothing is re-read per document.
 */
import { readFileSync, realpathSync } from "node:fs";
import * as fontkit from "fontkit";
import {
  bufferSource,
  faceOffsets,
  readI16,
  readNames,
  readTableDirectory,
  readU16,
  type TableDirectory,
} from "./sfnt.js";

export interface FaceSpec {
  path: string;
  /** Index of the face in a TTC collection (default 0). */
  faceIndex?: number;
  /** Select the face of a TTC collection by PostScript name (wins over faceIndex). */
  postscriptName?: string;
}

export class FontFace {
  /** Stable identity: real path + face index. */
  readonly id: string;
  readonly path: string;
  readonly faceIndex: number;
  readonly postscriptName: string;
  /** First family name (English when the font lists one first). */
  readonly familyName: string;
  readonly families: string[];
  readonly unitsPerEm: number;
  /** Typographic ascent/descent in font units (OS/2 typo metrics, else hhea). */
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly bbox: [number, number, number, number];
  readonly italicAngle: number;
  readonly isCff: boolean;
  readonly bytes: Buffer;
  readonly tables: TableDirectory;
  readonly numGlyphs: number;
  private readonly fk: fontkit.Font;
  private readonly cmapCache = new Map<number, number>();
  private readonly numHMetrics: number;
  private readonly hmtxOffset: number;
  private readonly locaLong: boolean;

  constructor(spec: FaceSpec) {
    this.path = realpathSync(spec.path);
    this.bytes = readFileSync(this.path);
    const src = bufferSource(this.bytes);
    const offsets = faceOffsets(src);
    let index = spec.faceIndex ?? 0;
    let fk: fontkit.Font;
    const parsed = fontkit.create(this.bytes);
    if ("fonts" in parsed) {
      if (spec.postscriptName) {
        index = parsed.fonts.findIndex((f) => f.postscriptName === spec.postscriptName);
        if (index < 0) throw new Error(`no face named ${spec.postscriptName} in ${spec.path}`);
      }
      const f = parsed.fonts[index];
      if (!f) throw new Error(`no face ${index} in ${spec.path}`);
      fk = f;
    } else {
      index = 0;
      fk = parsed;
    }
    const faceOffset = offsets[index] ?? 0;
    this.faceIndex = index;
    this.fk = fk;
    this.id = `${this.path}#${index}`;
    this.tables = readTableDirectory(src, faceOffset);
    const names = this.tables.get("name");
    const n = names
      ? readNames(src, names)
      : { families: [], fullNames: [], postscriptName: "", subfamily: "" };
    this.families = n.families;
    this.postscriptName = (fk.postscriptName || n.postscriptName || "Font").replace(
      /[^\x21-\x7e]|[()<>[\]{}/%#]/g,
      "",
    );
    this.familyName = fk.familyName || n.families[0] || this.postscriptName;
    this.isCff = this.tables.has("CFF ") || this.tables.has("CFF2");

    const head = this.table("head");
    this.unitsPerEm = readU16(head, 18);
    this.bbox = [readI16(head, 36), readI16(head, 38), readI16(head, 40), readI16(head, 42)];
    this.locaLong = readI16(head, 50) === 1;
    const hhea = this.table("hhea");
    this.numHMetrics = readU16(hhea, 34);
    const maxp = this.table("maxp");
    this.numGlyphs = readU16(maxp, 4);
    this.hmtxOffset = this.tables.get("hmtx")?.offset ?? 0;
    const os2 = this.tables.has("OS/2") ? this.table("OS/2") : undefined;
    if (os2 && os2.length >= 72 && readI16(os2, 68) !== 0) {
      this.ascent = readI16(os2, 68);
      this.descent = readI16(os2, 70);
    } else {
      this.ascent = readI16(hhea, 4);
      this.descent = readI16(hhea, 6);
    }
    this.capHeight = os2 && os2.length >= 90 && readU16(os2, 0) >= 2 ? readI16(os2, 88) : this.ascent;
    this.italicAngle = fk.italicAngle || 0;
  }

  /** Raw bytes of a table (a view into the font file). */
  table(tagName: string): Uint8Array {
    const t = this.tables.get(tagName);
    if (!t) throw new Error(`font ${this.postscriptName} has no ${tagName} table`);
    return this.bytes.subarray(t.offset, t.offset + t.length);
  }

  /** Glyph id for a code point, 0 when the font lacks it. */
  glyphId(cp: number): number {
    let g = this.cmapCache.get(cp);
    if (g === undefined) {
      g = this.fk.hasGlyphForCodePoint(cp) ? this.fk.glyphForCodePoint(cp).id : 0;
      this.cmapCache.set(cp, g);
    }
    return g;
  }

  hasChar(cp: number): boolean {
    return this.glyphId(cp) !== 0;
  }

  /** Advance width in font units, read straight from hmtx. */
  advance(gid: number): number {
    const i = gid < this.numHMetrics ? gid : this.numHMetrics - 1;
    return readU16(this.bytes, this.hmtxOffset + 4 * i);
  }

  /** Left side bearing in font units. */
  lsb(gid: number): number {
    if (gid < this.numHMetrics) return readI16(this.bytes, this.hmtxOffset + 4 * gid + 2);
    return readI16(this.bytes, this.hmtxOffset + 4 * this.numHMetrics + 2 * (gid - this.numHMetrics));
  }

  /** Byte range of a glyph's outline in the glyf table (TrueType only). */
  glyphRange(gid: number): [number, number] {
    const loca = this.tables.get("loca");
    const glyf = this.tables.get("glyf");
    if (!loca || !glyf) throw new Error(`font ${this.postscriptName} has no glyf outlines`);
    let a: number;
    let b: number;
    if (this.locaLong) {
      a = this.bytes.readUInt32BE(loca.offset + 4 * gid);
      b = this.bytes.readUInt32BE(loca.offset + 4 * gid + 4);
    } else {
      a = 2 * this.bytes.readUInt16BE(loca.offset + 2 * gid);
      b = 2 * this.bytes.readUInt16BE(loca.offset + 2 * gid + 2);
    }
    return [glyf.offset + a, glyf.offset + Math.max(a, b)];
  }

  /** The fontkit font (for CFF subsetting). */
  get fontkit(): fontkit.Font {
    return this.fk;
  }
}

const faceCache = new Map<string, FontFace>();

/** Load a face once per process (keyed by path and face selector). */
export function loadFace(spec: FaceSpec): FontFace {
  const key = `${spec.path}\0${spec.faceIndex ?? ""}\0${spec.postscriptName ?? ""}`;
  let f = faceCache.get(key);
  if (!f) {
    f = new FontFace(spec);
    const existing = faceCache.get(f.id);
    if (existing) f = existing;
    else faceCache.set(f.id, f);
    faceCache.set(key, f);
  }
  return f;
}
