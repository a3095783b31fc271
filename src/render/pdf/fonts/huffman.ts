/**
 * A zlib stream (PDF's FlateDecode) of one Huffman-coded deflate block: literals only, no
 * LZ77 matching. Font outlines give LZ77 little to find, so this keeps what deflate saves on
 * them, and written in one pass here it costs a fraction of a zlib call (which is mostly set-up
 * for a letter's 35 KB subset). The code is built from the data itself: deterministic.
 *
 * Kept, by the performance issue's measurements (commits 7b3ac1b, 49e1027, 33260b9; README
 * benchmark notes): a warm one-page letter, CPU in steady state, 2.5–2.6 ms with zlib → 1.93–
 * 2.04 ms with coded font subsets → 1.6–1.75 ms with coded ToUnicode CMaps (Typst ≈ 2.3 ms; the
 * target "PDF no slower than Typst, warm" failed before). The price is size: a letter grows
 * 33.1 → 38.7 KB for the subsets and 0.75 KB for the CMaps (≈ 20%), which a letter archive or a
 * mail attachment bears easily; the gain repeats for every letter of a 10,000-letter batch.
 *
 * Measured again for issue 18's "letter ≤ 32 KB without losing the lead over Typst" (2 December
 * 2026, load average 6–12 on the 2 cores; CPU time, 400 distinct letters' regular-face subsets
 * of ≈39 KB in 8 interleaved blocks, engines rotated block by block): this coder 0.12 ms and
 * 33.0 KB per subset; zlib level 1 0.76 ms (6.6×, 27.9 KB), level 1 memLevel 9 0.64 ms (5.4×,
 * 27.9 KB), level 6 memLevel 9 0.94 ms (8.0×, 27.1 KB). Each glyph deflated once per process
 * with Z_FULL_FLUSH boundaries (the chunks concatenate into a valid stream) is larger than this
 * coder: 33.2 KB against 28.9 KB for one letter's subset (34.7 KB raw; zlib level 6: 24.0 KB),
 * since what deflate finds is mostly repeats across glyphs, which per-glyph chunks cannot use,
 * and every chunk pays a block header. A letter of 42.1 KB (bench/letters.mjs's first reply: the
 * regular face's subset 29.1 KB, the bold title face's 6.3 KB, two CMaps 2.0 KB, page content
 * 1.0 KB, the other objects and xref 3.7 KB) would be ≈ 35 KB with zlib level 6 on every
 * stream (≈ 36 KB at level 1), for ≈ +0.6–0.8 ms CPU a letter (≈ 2.3–2.5 ms, no longer ahead of
 * Typst); 32 KB needs one face fewer on top of it
 * (the bold title face, which only a real 小标宋 or a synthetic bold would replace). So the
 * coder stays: the CPU lead over Typst is the target that holds, 32 KB is not reached.
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
