/**
 * A font face loaded once per process (TTC faces by index or PostScript name). The file is read
 * piecewise at absolute positions from a descriptor kept open for the life of the face: the
 * table directory and the small tables (head, hhea, maxp, OS/2, post, name) when it is loaded,
 * cmap, hmtx and loca when first needed (each once), and each glyph's outline record when a
 * document uses it. fontkit (upstream 2.x) is loaded only for CFF-flavoured faces, whose subsets
 * it writes from the whole file (read then, once).
 *
 * Decided by measurement (issue 18): reading the whole file (15 MB for a bundled Noto face, about
 * 50 MB for the five faces of the 2014 summary on a machine with the arphic fonts) showed as
 * ≈ 45 ms of `readFileSync` in a cold `render summary … --format docx,pdf`'s profile. Read
 * piecewise, the summary reads 4.3 MB of font files (1,190 positional reads, the scan of the
 * installed fonts included): against the
 * whole-file build, 0.98× the CPU (0.87–1.01; system time 117 → 93 ms) and 0.93× the wall time,
 * 11 interleaved pairs at load ≈ 1.5, and peak RSS 166 → 122 MB. The CPU gain is small because
 * a page-cached read is mostly a copy; the memory is the gain (and each worker thread's copy of
 * the faces). The PDFs are byte-identical (the same bytes, read from fewer places).
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import type * as Fontkit from "fontkit";
import { cmapLookup, type CmapLookup } from "./cmap.js";
import { faceOffsets, readI16, readNames, readTableDirectory, readU16, type TableDirectory } from "./sfnt.js";

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
  readonly tables: TableDirectory;
  readonly numGlyphs: number;
  private fk: Fontkit.Font | undefined;
  private cmap: CmapLookup | undefined;
  private readonly cmapCache = new Map<number, number>();
  private readonly numHMetrics: number;
  private readonly locaLong: boolean;
  /** Open for the life of the face (faces are cached per process); undefined once closed. */
  private fd: number | undefined;
  private readonly size: number;
  private whole: Buffer | undefined;
  private readonly tableBytes = new Map<string, Buffer>();
  private hmtx: Buffer | undefined;
  private loca: Buffer | undefined;

  constructor(spec: FaceSpec) {
    this.path = realpathSync(spec.path);
    this.fd = openSync(this.path, "r");
    try {
      this.size = fstatSync(this.fd).size;
    } catch (e) {
      closeSync(this.fd);
      throw e;
    }
    try {
      const src = { read: (offset: number, length: number) => this.read(offset, length) };
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
    } catch (e) {
      this.close();
      throw e;
    }
  }

  /**
   * `length` bytes of the file from `offset` (fewer at its end), read from the open file or
   * from the whole file once it has been read.
   */
  read(offset: number, length: number): Buffer {
    const end = Math.min(this.size, offset + length);
    if (this.whole) return this.whole.subarray(offset, Math.max(offset, end));
    if (this.fd === undefined) throw new Error(`font file ${this.path} is closed`);
    const out = Buffer.alloc(Math.max(0, end - offset));
    let n = 0;
    while (n < out.length) {
      const got = readSync(this.fd, out, n, out.length - n, offset + n);
      if (got === 0) break;
      n += got;
    }
    return out.subarray(0, n);
  }

  /** The whole font file (read on first use; fontkit parses it for CFF faces). */
  get bytes(): Buffer {
    if (!this.whole) {
      this.whole = readFileSync(this.path);
      this.close();
    }
    return this.whole;
  }

  /** Raw bytes of a table (read once per face; the glyf table is read glyph by glyph instead). */
  table(tagName: string): Buffer {
    let b = this.tableBytes.get(tagName);
    if (!b) {
      const t = this.tables.get(tagName);
      if (!t) throw new Error(`font ${this.postscriptName} has no ${tagName} table`);
      b = this.read(t.offset, t.length);
      if (tagName !== "glyf") this.tableBytes.set(tagName, b);
    }
    return b;
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
    return readU16((this.hmtx ??= this.table("hmtx")), 4 * i);
  }

  /** Left side bearing in font units. */
  lsb(gid: number): number {
    const hmtx = (this.hmtx ??= this.table("hmtx"));
    if (gid < this.numHMetrics) return readI16(hmtx, 4 * gid + 2);
    return readI16(hmtx, 4 * this.numHMetrics + 2 * (gid - this.numHMetrics));
  }

  /** Byte range of a glyph's outline in the glyf table (TrueType only). */
  glyphRange(gid: number): [number, number] {
    const glyf = this.tables.get("glyf");
    if (!this.tables.has("loca") || !glyf)
      throw new Error(`font ${this.postscriptName} has no glyf outlines`);
    const loca = (this.loca ??= this.table("loca"));
    let a: number;
    let b: number;
    if (this.locaLong) {
      a = loca.readUInt32BE(4 * gid);
      b = loca.readUInt32BE(4 * gid + 4);
    } else {
      a = 2 * loca.readUInt16BE(2 * gid);
      b = 2 * loca.readUInt16BE(2 * gid + 2);
    }
    return [glyf.offset + a, glyf.offset + Math.max(a, b)];
  }

  /** A glyph's outline record as stored in the glyf table (TrueType only; empty for none). */
  glyphBytes(gid: number): Buffer {
    const [a, b] = this.glyphRange(gid);
    return this.read(a, b - a);
  }

  /** Close the file (later reads fail unless the whole file was read). */
  close(): void {
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
    }
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
