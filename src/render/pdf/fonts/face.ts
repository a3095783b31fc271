/**
 * A font face loaded once per process: the file is read once and its tables are read in place
 * (cmap lookups, metrics, outlines for our TrueType subsetter; TTC faces by index or PostScript
 * name). fontkit (upstream 2.x) is loaded only for CFF-flavoured faces, whose subsets it writes.
 * Loading a 15 MB CJK font costs a file read and a directory parse; nothing is re-read per
 * document.
 */
import { readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import type * as Fontkit from "fontkit";
import { cmapLookup, type CmapLookup } from "./cmap.js";
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
  private fk: Fontkit.Font | undefined;
  private cmap: CmapLookup | undefined;
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
    if (spec.postscriptName) {
      index = offsets.findIndex((off) => {
        const dir = readTableDirectory(src, off);
        const name = dir.get("name");
        return name !== undefined && readNames(src, name).postscriptName === spec.postscriptName;
      });
      if (index < 0) throw new Error(`no face named ${spec.postscriptName} in ${spec.path}`);
    }
    const faceOffset = offsets[index];
    if (faceOffset === undefined) throw new Error(`no face ${index} in ${spec.path}`);
    this.faceIndex = index;
    this.id = `${this.path}#${index}`;
    this.tables = readTableDirectory(src, faceOffset);
    const names = this.tables.get("name");
    const n = names
      ? readNames(src, names)
      : { families: [], fullNames: [], postscriptName: "", subfamily: "" };
    this.families = n.families;
    this.postscriptName =
      (n.postscriptName || n.families[0] || "Font").replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, "") || "Font";
    this.familyName = n.families[0] ?? this.postscriptName;
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
    const post = this.tables.has("post") ? this.table("post") : undefined;
    this.italicAngle = post && post.length >= 8 ? readI16(post, 4) + readU16(post, 6) / 65536 : 0;
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
      this.cmap ??= this.tables.has("cmap") ? cmapLookup(this.table("cmap")) : () => 0;
      g = this.cmap(cp);
      if (g >= this.numGlyphs) g = 0;
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

  /** The face parsed by fontkit (loaded on first use; for CFF subsetting). */
  get fontkit(): Fontkit.Font {
    if (!this.fk) {
      const fontkit = createRequire(import.meta.url)("fontkit") as typeof Fontkit;
      const parsed = fontkit.create(this.bytes);
      const f = "fonts" in parsed ? parsed.fonts[this.faceIndex] : parsed;
      if (!f) throw new Error(`no face ${this.faceIndex} in ${this.path}`);
      this.fk = f;
    }
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
