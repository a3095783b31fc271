/**
 * Character → glyph lookup from a font's `cmap` table (formats 4 and 12, the ones Unicode fonts
 * carry). Parsed once per face into typed arrays; lookups are binary searches.
 */
import { readU16, readU32 } from "./sfnt.js";

export type CmapLookup = (cp: number) => number;

function format12(b: Uint8Array, off: number): CmapLookup {
  const n = readU32(b, off + 12);
  const start = new Uint32Array(n);
  const end = new Uint32Array(n);
  const glyph = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const p = off + 16 + 12 * i;
    start[i] = readU32(b, p);
    end[i] = readU32(b, p + 4);
    glyph[i] = readU32(b, p + 8);
  }
  return (cp) => {
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cp < start[mid]!) hi = mid - 1;
      else if (cp > end[mid]!) lo = mid + 1;
      else return glyph[mid]! + (cp - start[mid]!);
    }
    return 0;
  };
}

function format4(b: Uint8Array, off: number): CmapLookup {
  const segX2 = readU16(b, off + 6);
  const n = segX2 / 2;
  const endAt = off + 14;
  const startAt = endAt + segX2 + 2;
  const deltaAt = startAt + segX2;
  const rangeAt = deltaAt + segX2;
  const end = new Uint16Array(n);
  for (let i = 0; i < n; i++) end[i] = readU16(b, endAt + 2 * i);
  return (cp) => {
    if (cp > 0xffff) return 0;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (end[mid]! < cp) lo = mid + 1;
      else hi = mid;
    }
    if (end[lo]! < cp) return 0;
    const start = readU16(b, startAt + 2 * lo);
    if (cp < start) return 0;
    const delta = readU16(b, deltaAt + 2 * lo);
    const range = readU16(b, rangeAt + 2 * lo);
    if (range === 0) return (cp + delta) & 0xffff;
    const g = readU16(b, rangeAt + 2 * lo + range + 2 * (cp - start));
    return g === 0 ? 0 : (g + delta) & 0xffff;
  };
}

/** Build the lookup for the best Unicode subtable of a `cmap` table (bytes of the table). */
export function cmapLookup(cmap: Uint8Array): CmapLookup {
  const n = readU16(cmap, 2);
  const subtables: { platform: number; encoding: number; offset: number; format: number }[] = [];
  for (let i = 0; i < n; i++) {
    const r = 4 + 8 * i;
    const offset = readU32(cmap, r + 4);
    subtables.push({
      platform: readU16(cmap, r),
      encoding: readU16(cmap, r + 2),
      offset,
      format: readU16(cmap, offset),
    });
  }
  const rank = (s: (typeof subtables)[number]): number => {
    if (s.format === 12 && (s.platform === 3 || s.platform === 0)) return 0;
    if (s.format === 4 && s.platform === 3 && (s.encoding === 1 || s.encoding === 10)) return 1;
    if (s.format === 4 && s.platform === 0) return 2;
    return 99;
  };
  const best = subtables.filter((s) => rank(s) < 99).sort((a, b) => rank(a) - rank(b))[0];
  if (!best) return () => 0;
  return best.format === 12 ? format12(cmap, best.offset) : format4(cmap, best.offset);
}
