/**
 * Breaking a paragraph's glyphs into lines: greedy filling over the break opportunities of
 * linebreak.ts; where 禁则 forbids the natural break, first try to squeeze the line's
 * full-width punctuation so the closing mark fits (挤进), else pull the previous character down
 * (推出); never overflow the measure. Lines are justified (extra space spread over the gaps
 * between CJK characters and at spaces) except the last line of the paragraph.
 */
import type { Align } from "../../document/tree.js";
import { breakOpportunities, fromCodePoints, isClosing, isOpening } from "./linebreak.js";
import type { Glyph } from "./text.js";

export interface PlacedGlyph {
  g: Glyph;
  /** Left edge of the glyph's box, relative to the line's left edge (the measure's start). */
  x: number;
  squeezed: boolean;
}

export interface BrokenLine {
  glyphs: PlacedGlyph[];
  /** Natural width used (after squeezing, before justification). */
  width: number;
}

export interface BreakParams {
  /** Measure (line length) in points. */
  width: number;
  /** Indent of the first line, and of the other lines, in points. */
  firstIndent: number;
  restIndent: number;
  align: Align;
}

const EPS = 0.01;

function stretchable(a: Glyph, b: Glyph): boolean {
  return a.wide || b.wide || a.space;
}

/** Position glyphs[s, e) on a line of `avail` points starting at `indent`. */
function place(
  glyphs: readonly Glyph[],
  s: number,
  e: number,
  squeezed: ReadonlySet<number>,
  indent: number,
  avail: number,
  align: Align,
  last: boolean,
): BrokenLine {
  while (e > s && glyphs[e - 1]!.space) e--;
  let width = 0;
  for (let i = s; i < e; i++) {
    const g = glyphs[i]!;
    width += g.w - (squeezed.has(i) ? g.squeeze : 0);
  }
  const slack = avail - width;
  let x = indent;
  let perGap = 0;
  let gapsFromIndex = new Uint8Array(0);
  if (align === "center") x += Math.max(0, slack / 2);
  else if (align === "right") x += Math.max(0, slack);
  else if (align === "justify" && !last && slack > EPS) {
    gapsFromIndex = new Uint8Array(e - s);
    let gaps = 0;
    for (let i = s + 1; i < e; i++) {
      if (stretchable(glyphs[i - 1]!, glyphs[i]!)) {
        gapsFromIndex[i - s] = 1;
        gaps++;
      }
    }
    if (gaps > 0) perGap = slack / gaps;
  }
  const out: PlacedGlyph[] = [];
  for (let i = s; i < e; i++) {
    const g = glyphs[i]!;
    if (perGap && gapsFromIndex[i - s]) x += perGap;
    const sq = squeezed.has(i);
    out.push({ g, x, squeezed: sq });
    x += g.w - (sq ? g.squeeze : 0);
  }
  return { glyphs: out, width };
}

/** Break one segment (no hard breaks inside) into lines. */
function breakSegment(glyphs: readonly Glyph[], p: BreakParams, firstIndent: number): BrokenLine[] {
  const n = glyphs.length;
  const lines: BrokenLine[] = [];
  if (n === 0) {
    lines.push({ glyphs: [], width: 0 });
    return lines;
  }
  const cps = glyphs.map((g) => g.cp);
  const allowed = breakOpportunities(cps);
  let s = 0;
  while (s < n) {
    const indent = lines.length === 0 ? firstIndent : p.restIndent;
    const avail = p.width - indent;
    let acc = 0;
    let e = s;
    while (e < n) {
      const g = glyphs[e]!;
      if (!g.space && acc + g.w > avail + EPS) break;
      acc += g.w;
      e++;
    }
    if (e >= n) {
      lines.push(place(glyphs, s, n, new Set(), indent, avail, p.align, true));
      break;
    }
    let end = -1;
    const squeezed = new Set<number>();
    if (e > s && allowed[e]) {
      end = e;
    } else {
      // 挤进: pull up to two more glyphs onto the line by compressing punctuation.
      let b2 = e + 1;
      while (b2 < n && !allowed[b2]) b2++;
      if (b2 - e <= 2 && e > s) {
        let width = 0;
        let t = b2;
        while (t > s && glyphs[t - 1]!.space) t--;
        for (let i = s; i < t; i++) width += glyphs[i]!.w;
        let need = width - avail;
        // Compress from the line end backwards (an opening mark at the line start keeps its room).
        for (let i = t - 1; i >= s && need > EPS; i--) {
          const g = glyphs[i]!;
          if (g.squeeze > 0 && !(i === s && isOpening(g.cp))) {
            squeezed.add(i);
            need -= g.squeeze;
          }
        }
        if (need <= EPS) end = b2;
        else squeezed.clear();
      }
      if (end < 0) {
        // 推出: break at the last opportunity before e.
        let b = e;
        while (b > s && !allowed[b]) b--;
        if (b > s) end = b;
      }
      if (end < 0) {
        // One unbreakable unit longer than the line: break inside it, respecting 禁则 if we can.
        let b = Math.max(e, s + 1);
        while (b > s + 1 && (isClosing(cps[b]!) || isOpening(cps[b - 1]!))) b--;
        end = b;
      }
    }
    lines.push(place(glyphs, s, end, squeezed, indent, avail, p.align, false));
    s = end;
    while (s < n && glyphs[s]!.space) s++;
  }
  return lines;
}

/** Break a paragraph (hard breaks included) into positioned lines. */
export function breakParagraph(glyphs: readonly Glyph[], p: BreakParams): BrokenLine[] {
  const segments: Glyph[][] = [[]];
  for (const g of glyphs) {
    if (g.hard) segments.push([]);
    else segments[segments.length - 1]!.push(g);
  }
  const out: BrokenLine[] = [];
  // The line before a hard break is not justified, like the last line of a paragraph.
  segments.forEach((seg, i) => {
    for (const line of breakSegment(seg, p, i === 0 ? p.firstIndent : p.restIndent)) out.push(line);
  });
  return out;
}

const segmenter = new Intl.Segmenter("zh-Hans", { granularity: "word" });

/**
 * Break a title into balanced lines (GB/T 9704: keep words whole, symmetric shape — a
 * trapezoid or diamond). Chooses the fewest lines that fit, then the split whose longest line
 * is shortest, then the one closest to equal lengths; breaks only at word boundaries allowed
 * by the line-breaking rules (any allowed break if words leave no choice).
 */
export function balanceTitle(glyphs: readonly Glyph[], width: number): Glyph[][] {
  const n = glyphs.length;
  if (n === 0) return [];
  const wsum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) wsum[i + 1] = wsum[i]! + glyphs[i]!.w;
  if (wsum[n]! <= width + EPS) return [[...glyphs]];
  const cps = glyphs.map((g) => g.cp);
  const allowed = breakOpportunities(cps);
  const text = fromCodePoints(cps);
  const wordStart = new Uint8Array(n + 1);
  const u16ToIndex = new Map<number, number>();
  for (let i = 0, u = 0; i <= n; i++) {
    u16ToIndex.set(u, i);
    if (i < n) u += cps[i]! > 0xffff ? 2 : 1;
  }
  for (const seg of segmenter.segment(text)) {
    const i = u16ToIndex.get(seg.index);
    if (i !== undefined) wordStart[i] = 1;
  }
  const tryWith = (ok: (i: number) => boolean): Glyph[][] | undefined => {
    const cands = [0];
    for (let i = 1; i < n; i++) if (allowed[i] && ok(i)) cands.push(i);
    cands.push(n);
    const lineW = (a: number, b: number): number => wsum[b]! - wsum[a]!;
    for (let k = Math.ceil(wsum[n]! / width); k <= n; k++) {
      const target = wsum[n]! / k;
      // best[j][c]: [max width, sum of squared deviation] for the first j lines ending at cands[c]
      type Cost = { max: number; dev: number; prev: number };
      const best: (Cost | undefined)[][] = [
        cands.map((_, c) => (c === 0 ? { max: 0, dev: 0, prev: -1 } : undefined)),
      ];
      for (let j = 1; j <= k; j++) {
        const row: (Cost | undefined)[] = cands.map(() => undefined);
        for (let c = 1; c < cands.length; c++) {
          for (let a = 0; a < c; a++) {
            const prev = best[j - 1]![a];
            if (!prev) continue;
            const w = lineW(cands[a]!, cands[c]!);
            if (w > width + EPS) continue;
            const cost = { max: Math.max(prev.max, w), dev: prev.dev + (w - target) ** 2, prev: a };
            const cur = row[c];
            if (
              !cur ||
              cost.max < cur.max - EPS ||
              (Math.abs(cost.max - cur.max) <= EPS && cost.dev < cur.dev - EPS)
            )
              row[c] = cost;
          }
        }
        best.push(row);
      }
      if (best[k]![cands.length - 1]) {
        const cuts: number[] = [];
        let c = cands.length - 1;
        for (let j = k; j > 0; j--) {
          cuts.push(cands[c]!);
          c = best[j]![c]!.prev;
        }
        cuts.push(0);
        cuts.reverse();
        const lines: Glyph[][] = [];
        for (let i = 0; i + 1 < cuts.length; i++) lines.push(glyphs.slice(cuts[i], cuts[i + 1]));
        return lines;
      }
      if (k > 12) break;
    }
    return undefined;
  };
  return tryWith((i) => wordStart[i] === 1) ?? tryWith(() => true) ?? [[...glyphs]];
}
