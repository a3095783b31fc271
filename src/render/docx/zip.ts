/**
 * A deterministic ZIP writer for DOCX packages whose parts are mostly the same from document to
 * document: each entry is compressed once (fflate's DEFLATE, level 6) and can be reused; writing
 * a package then only compresses what changed and copies bytes. The archive is laid out exactly
 * as fflate's zipSync lays it out (same headers, same order, no extra fields), so it is the same
 * file zipSync would write — test/render/docx/zip.test.ts checks it.
 */
import * as zlib from "node:zlib";
import { deflateSync, strToU8 } from "fflate";

/** DEFLATE level: fflate's 6 gives files within a few percent of level 9, several times faster. */
export const ZIP_LEVEL = 6;

export interface ZipEntry {
  name: Uint8Array;
  crc: number;
  /** Uncompressed size. */
  size: number;
  /** DEFLATE data. */
  data: Uint8Array;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 in JavaScript (for Node versions before 20.15, which lack zlib.crc32). */
export function crc32Js(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** CRC-32 (ISO 3309, as ZIP uses it): Node's own where it has one, the same numbers either way. */
export const crc32: (data: Uint8Array) => number = nativeCrc32 ? (d) => nativeCrc32(d) >>> 0 : crc32Js;

/** Compress one part. Names are ASCII (DOCX part names), as fflate writes them without a UTF-8 flag. */
export function zipEntry(name: string, content: Uint8Array | string): ZipEntry {
  const bytes = typeof content === "string" ? strToU8(content) : content;
  return {
    name: strToU8(name),
    crc: crc32(bytes),
    size: bytes.length,
    data: deflateSync(bytes, { level: ZIP_LEVEL }),
  };
}

/**
 * MS-DOS date and time fields for midnight of a calendar date (years before 1980, which DOS
 * dates cannot hold, become 1980-01-01), as one 32-bit value: time in the low half.
 */
export function dosDateTime(y: number, m: number, d: number): number {
  if (y < 1980) return (1 << 21) | (1 << 16);
  return (((y - 1980) << 25) | (m << 21) | (d << 16)) >>> 0;
}

function u16(out: Uint8Array, at: number, v: number): void {
  out[at] = v & 0xff;
  out[at + 1] = (v >>> 8) & 0xff;
}

function u32(out: Uint8Array, at: number, v: number): void {
  out[at] = v & 0xff;
  out[at + 1] = (v >>> 8) & 0xff;
  out[at + 2] = (v >>> 16) & 0xff;
  out[at + 3] = (v >>> 24) & 0xff;
}

/** Common part of the local and central headers: version, flags, method, time, CRC, sizes, name length. */
function fields(out: Uint8Array, at: number, e: ZipEntry, time: number): void {
  u16(out, at, 20); // version needed to extract
  u16(out, at + 2, 0); // flags
  u16(out, at + 4, 8); // DEFLATE
  u32(out, at + 6, time);
  u32(out, at + 10, e.crc);
  u32(out, at + 14, e.data.length);
  u32(out, at + 18, e.size);
  u16(out, at + 22, e.name.length);
  u16(out, at + 24, 0); // extra field length
}

/** The archive of `entries` in this order, every entry dated `time` (dosDateTime). */
export function writeZip(entries: readonly ZipEntry[], time: number): Uint8Array {
  let localSize = 0;
  let centralSize = 0;
  for (const e of entries) {
    localSize += 30 + e.name.length + e.data.length;
    centralSize += 46 + e.name.length;
  }
  const out = new Uint8Array(localSize + centralSize + 22);
  let at = 0;
  let central = localSize;
  for (const e of entries) {
    const offset = at;
    u32(out, at, 0x04034b50);
    fields(out, at + 4, e, time);
    out.set(e.name, at + 30);
    at += 30 + e.name.length;
    out.set(e.data, at);
    at += e.data.length;

    u32(out, central, 0x02014b50);
    u16(out, central + 4, 20); // version made by (MS-DOS)
    fields(out, central + 6, e, time);
    // comment length, disk number, internal and external attributes: 0
    u32(out, central + 42, offset);
    out.set(e.name, central + 46);
    central += 46 + e.name.length;
  }
  u32(out, central, 0x06054b50);
  u16(out, central + 8, entries.length);
  u16(out, central + 10, entries.length);
  u32(out, central + 12, centralSize);
  u32(out, central + 16, localSize);
  return out;
}
