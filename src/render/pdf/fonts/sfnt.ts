/**
 * Minimal raw reading of sfnt (TrueType/OpenType) files: table directories (including TTC
 * collections) and the `name` table. Used by the system-font scan, which must read only a few
 * kilobytes of each font file, and by the subsetter, which copies tables byte for byte.
 */
import { closeSync, openSync, readSync } from "node:fs";

export interface SfntTable {
  offset: number;
  length: number;
}

export type TableDirectory = Map<string, SfntTable>;

/** Something bytes can be read from at absolute positions (a buffer or an open file). */
export interface ByteSource {
  read(offset: number, length: number): Uint8Array;
}

export function bufferSource(buf: Uint8Array): ByteSource {
  return {
    read: (offset, length) => buf.subarray(offset, Math.min(buf.length, offset + length)),
  };
}

/** Reads a file piecewise; call `close()` when done. */
export function fileSource(path: string): ByteSource & { close(): void } {
  const fd = openSync(path, "r");
  return {
    read(offset, length) {
      const out = Buffer.alloc(length);
      const n = readSync(fd, out, 0, length, offset);
      return out.subarray(0, n);
    },
    close: () => closeSync(fd),
  };
}

const u16 = (b: Uint8Array, o: number): number => ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
const u32 = (b: Uint8Array, o: number): number =>
  (((b[o] ?? 0) << 24) | ((b[o + 1] ?? 0) << 16) | ((b[o + 2] ?? 0) << 8) | (b[o + 3] ?? 0)) >>> 0;
const tag = (b: Uint8Array, o: number): string =>
  String.fromCharCode(b[o] ?? 32, b[o + 1] ?? 32, b[o + 2] ?? 32, b[o + 3] ?? 32);

export const readU16 = u16;
export const readU32 = u32;
export const readI16 = (b: Uint8Array, o: number): number => (u16(b, o) << 16) >> 16;

/** Offsets of the font directories in the file: one for a plain font, several for a TTC. */
export function faceOffsets(src: ByteSource): number[] {
  const head = src.read(0, 12);
  if (head.length < 12) throw new Error("not a font file (too short)");
  const t = tag(head, 0);
  if (t === "ttcf") {
    const n = u32(head, 8);
    if (n === 0 || n > 1000) throw new Error("bad font collection header");
    const offs = src.read(12, 4 * n);
    return Array.from({ length: n }, (_, i) => u32(offs, 4 * i));
  }
  if (t === "\0\x01\0\0" || t === "OTTO" || t === "true") return [0];
  throw new Error("not a TrueType/OpenType font");
}

export function readTableDirectory(src: ByteSource, faceOffset: number): TableDirectory {
  const head = src.read(faceOffset, 12);
  const numTables = u16(head, 4);
  const dir = src.read(faceOffset + 12, 16 * numTables);
  const tables: TableDirectory = new Map();
  for (let i = 0; i < numTables; i++) {
    const o = 16 * i;
    tables.set(tag(dir, o), { offset: u32(dir, o + 8), length: u32(dir, o + 12) });
  }
  return tables;
}

export interface FaceNames {
  /** Family names in every language the font lists (name IDs 1 and 16). */
  families: string[];
  /** Full names (name ID 4). */
  fullNames: string[];
  postscriptName: string;
  /** Subfamily (name ID 2, English when present), e.g. "Regular", "Bold". */
  subfamily: string;
}

const gbDecoder = (() => {
  try {
    return new TextDecoder("gb18030");
  } catch {
    return undefined;
  }
})();

function decodeName(platform: number, encoding: number, bytes: Uint8Array): string | undefined {
  if (platform === 0 || (platform === 3 && (encoding === 0 || encoding === 1 || encoding === 10))) {
    let s = "";
    for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(u16(bytes, i));
    return s;
  }
  if (platform === 1 && encoding === 0) return Buffer.from(bytes).toString("latin1");
  if (platform === 1 && encoding === 25 && gbDecoder) return gbDecoder.decode(bytes);
  return undefined;
}

export function readNames(src: ByteSource, table: SfntTable): FaceNames {
  const b = src.read(table.offset, table.length);
  const count = u16(b, 2);
  const strOff = u16(b, 4);
  const families: string[] = [];
  const fullNames: string[] = [];
  let postscriptName = "";
  let subfamily = "";
  let subfamilyIsEnglish = false;
  for (let i = 0; i < count; i++) {
    const r = 6 + 12 * i;
    const platform = u16(b, r);
    const encoding = u16(b, r + 2);
    const language = u16(b, r + 4);
    const nameId = u16(b, r + 6);
    const len = u16(b, r + 8);
    const off = u16(b, r + 10);
    if (nameId !== 1 && nameId !== 2 && nameId !== 4 && nameId !== 6 && nameId !== 16) continue;
    const s = decodeName(platform, encoding, b.subarray(strOff + off, strOff + off + len));
    if (s === undefined) continue;
    const text = s.replace(/\0/g, "").trim();
    if (!text) continue;
    if (nameId === 1 || nameId === 16) {
      if (!families.includes(text)) families.push(text);
    } else if (nameId === 4) {
      if (!fullNames.includes(text)) fullNames.push(text);
    } else if (nameId === 6) {
      if (!postscriptName) postscriptName = text;
    } else {
      const english = (platform === 3 && language === 0x409) || (platform === 1 && language === 0);
      if (!subfamily || (english && !subfamilyIsEnglish)) {
        subfamily = text;
        subfamilyIsEnglish = english;
      }
    }
  }
  return { families, fullNames, postscriptName, subfamily };
}
