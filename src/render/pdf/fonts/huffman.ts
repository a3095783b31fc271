/**
 * A zlib stream (PDF's FlateDecode) of one Huffman-coded deflate block: literals only, no
 * LZ77 matching, written in one pass. The code is built from the data itself: deterministic.
 *
 * Used for the ToUnicode CMaps (embed.ts): a zlib call has about 40 µs of set-up, more than
 * the coding of a letter's map. It coded the subset font programs too until 3 December 2026:
 * 0.12 ms per letter's subset against zlib level 1's 0.76 ms, but ≈ 20% larger. With the
 * title drawn from the body's face (one face per letter, not two), zlib level 1 brings a
 * one-page letter from 32.5 to 28.1 KB, under issue 18's 32 KB, at 1.27–1.29× the writer's
 * CPU and still ahead of Typst warm (0.83× its CPU): the figures are at SUBSET_DEFLATE in
 * embed.ts. Earlier figures (commits 7b3ac1b, 49e1027, 33260b9, f9491a2): per-glyph deflate
 * chunks with Z_FULL_FLUSH boundaries were larger than this coder (33.2 against 28.9 KB for
 * one subset), since what deflate finds is mostly repeats across glyphs.
 */

const BASE = 65521;

/** Adler-32 (zlib's trailer) of the parts' concatenation. */
export function adler32(parts: readonly Uint8Array[]): number {
  let a = 1;
  let s = 0;
  for (const b of parts) {
    const n = b.length;
    let i = 0;
    while (i < n) {
      // 3800 bytes keep both sums far below 2^53 and exact between reductions.
      const end = Math.min(i + 3800, n);
      for (; i < end; i++) {
        a += b[i]!;
        s += a;
      }
      a %= BASE;
      s %= BASE;
    }
  }
  return ((s << 16) | a) >>> 0;
}

/** Huffman code lengths for weights (all > 0), at most `maxLen` bits. */
export function codeLengths(weights: readonly number[], maxLen: number): number[] {
  const n = weights.length;
  let w = [...weights];
  for (let floor = 1; ; floor *= 2) {
    const order = [...w.keys()].sort((x, y) => w[x]! - w[y]! || x - y);
    const weight = new Float64Array(2 * n - 1);
    const parent = new Int32Array(2 * n - 1);
    order.forEach((sym, i) => (weight[i] = w[sym]!));
    let leaf = 0;
    let inner = n;
    let next = n;
    const pick = (): number =>
      leaf < n && (inner >= next || weight[leaf]! <= weight[inner]!) ? leaf++ : inner++;
    while (next < 2 * n - 1) {
      const a = pick();
      const b = pick();
      weight[next] = weight[a]! + weight[b]!;
      parent[a] = next;
      parent[b] = next;
      next++;
    }
    const depth = new Int32Array(2 * n - 1);
    for (let k = 2 * n - 3; k >= 0; k--) depth[k] = depth[parent[k]!]! + 1;
    const lens: number[] = new Array<number>(n);
    let max = 0;
    order.forEach((sym, i) => {
      lens[sym] = depth[i]!;
      max = Math.max(max, depth[i]!);
    });
    if (max <= maxLen) return lens;
    w = weights.map((x) => Math.max(x, floor * 2));
  }
}

/** Canonical codes (RFC 1951 3.2.2), bit-reversed for LSB-first output. */
function canonicalCodes(lens: readonly number[]): Uint32Array {
  const count = new Uint32Array(16);
  for (const l of lens) count[l]!++;
  count[0] = 0;
  const nextCode = new Uint32Array(16);
  let code = 0;
  for (let bits = 1; bits < 16; bits++) {
    code = (code + count[bits - 1]!) << 1;
    nextCode[bits] = code;
  }
  const out = new Uint32Array(lens.length);
  lens.forEach((l, sym) => {
    if (l === 0) return;
    const c = nextCode[l]!++;
    let r = 0;
    for (let i = 0; i < l; i++) r |= ((c >>> i) & 1) << (l - 1 - i);
    out[sym] = r;
  });
  return out;
}

const CLEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Bits written LSB-first (deflate's order), with the Adler-32 and length of what they code. */
export interface Bits {
  bytes: Uint8Array;
  bits: number;
  adler: number;
  length: number;
}

/** A literal-only Huffman code and its block header. */
export interface HuffmanCode {
  /** Per symbol (0..256): bit-reversed code << 5 | length. */
  packed: Uint32Array;
  header: Bits;
}

class BitWriter {
  private out: Uint8Array;
  readonly buffer: ArrayBufferLike;
  pos = 0;
  private buf = 0;
  private cnt = 0;
  constructor(size: number) {
    this.out = new Uint8Array(size);
    this.buffer = this.out.buffer;
  }
  put(v: number, n: number): void {
    this.buf |= v << this.cnt;
    this.cnt += n;
    while (this.cnt >= 8) {
      this.out[this.pos++] = this.buf & 0xff;
      this.buf >>>= 8;
      this.cnt -= 8;
    }
  }
  /** Append bits (whole bytes fast, at any alignment). */
  append(b: Bits): void {
    const whole = b.bits >>> 3;
    const src = b.bytes;
    if (this.cnt === 0) {
      this.out.set(src.subarray(0, whole), this.pos);
      this.pos += whole;
    } else {
      const out = this.out;
      const cnt = this.cnt;
      let buf = this.buf;
      let pos = this.pos;
      for (let i = 0; i < whole; i++) {
        buf |= src[i]! << cnt;
        out[pos++] = buf & 0xff;
        buf >>>= 8;
      }
      this.buf = buf;
      this.pos = pos;
    }
    const rest = b.bits & 7;
    if (rest) this.put(src[whole]! & ((1 << rest) - 1), rest);
  }
  finish(): Bits {
    const bits = this.pos * 8 + this.cnt;
    if (this.cnt > 0) this.out[this.pos] = this.buf & 0xff;
    return { bytes: this.out.subarray(0, (bits + 7) >>> 3), bits, adler: 1, length: 0 };
  }
}

/** A code for data like `sample` (every byte value gets a code, so any data can be coded). */
export function huffmanCode(sample: readonly Uint8Array[]): HuffmanCode {
  const freq = new Array<number>(257).fill(1);
  for (const b of sample) for (let i = 0; i < b.length; i++) freq[b[i]!]!++;
  const lens = codeLengths(freq, 15);
  const codes = canonicalCodes(lens);
  const packed = new Uint32Array(257);
  for (let s = 0; s < 257; s++) packed[s] = (codes[s]! << 5) | lens[s]!;
  // Code-length alphabet: the sixteen lengths 0..15 at four bits each (a complete code).
  const clenCodes = canonicalCodes(new Array<number>(16).fill(4));
  const w = new BitWriter(300);
  w.put(1, 1); // BFINAL
  w.put(2, 2); // BTYPE 10: dynamic Huffman codes
  w.put(0, 5); // HLIT: 257 literal/length codes
  w.put(1, 5); // HDIST: 2 distance codes (never used; lengths 1 and 1 keep the code complete)
  w.put(15, 4); // HCLEN: all 19 code length codes
  for (const sym of CLEN_ORDER) w.put(sym < 16 ? 4 : 0, 3);
  for (const l of lens) w.put(clenCodes[l]!, 4);
  w.put(clenCodes[1]!, 4);
  w.put(clenCodes[1]!, 4);
  return { packed, header: w.finish() };
}

/** Code `data` (literals only, no end-of-block). */
export function encodeBits(code: HuffmanCode, data: Uint8Array): Bits {
  const packed = code.packed;
  const out = new Uint8Array(Math.ceil((data.length * 15) / 8) + 4);
  let pos = 0;
  let buf = 0;
  let cnt = 0;
  const n = data.length;
  for (let i = 0; i < n; i++) {
    const e = packed[data[i]!]!;
    buf |= (e >>> 5) << cnt;
    cnt += e & 31;
    if (cnt >= 16) {
      out[pos++] = buf & 0xff;
      out[pos++] = (buf >>> 8) & 0xff;
      buf >>>= 16;
      cnt -= 16;
    }
  }
  const bits = pos * 8 + cnt;
  while (cnt > 0) {
    out[pos++] = buf & 0xff;
    buf >>>= 8;
    cnt -= 8;
  }
  // A copy of exact size: coded glyphs are kept for the life of the process.
  return { bytes: out.slice(0, pos), bits, adler: adler32([data]), length: n };
}

/** Adler-32 of A‖B from adler(A), adler(B) and B's length (zlib's adler32_combine). */
export function adler32Combine(adler1: number, adler2: number, len2: number): number {
  const rem = len2 % BASE;
  let sum1 = adler1 & 0xffff;
  let sum2 = (rem * sum1) % BASE;
  sum1 += (adler2 & 0xffff) + BASE - 1;
  sum2 += (adler1 >>> 16) + (adler2 >>> 16) + BASE - rem;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum2 >= BASE << 1) sum2 -= BASE << 1;
  if (sum2 >= BASE) sum2 -= BASE;
  return ((sum2 << 16) | sum1) >>> 0;
}

/** The zlib stream of the pieces' data, as one block in `code`. */
export function huffmanZlib(code: HuffmanCode, pieces: readonly Bits[]): Uint8Array {
  let size = 2 + code.header.bytes.length + 8 + 4;
  for (const p of pieces) size += p.bytes.length;
  const w = new BitWriter(size);
  w.put(0x78, 8);
  w.put(0x01, 8);
  w.append(code.header);
  let adler = 1;
  for (const p of pieces) {
    w.append(p);
    adler = adler32Combine(adler, p.adler, p.length);
  }
  const eob = code.packed[256]!;
  w.put(eob >>> 5, eob & 31);
  const body = w.finish();
  const n = body.bytes.length;
  // The writer's buffer has room for the trailer (size above).
  const out = new Uint8Array(w.buffer, 0, n + 4);
  new DataView(w.buffer).setUint32(n, adler);
  return out;
}
