/**
 * Breaking a paragraph's glyphs into lines: greedy filling over the break opportunities of
 * linebreak.ts; where 禁则 forbids the natural break, the previous character comes down with the
 * closing mark (推出). Punctuation is never squeezed to make room (挤进): every mark, brackets
 * included, keeps its full character, so a line of the body holds 28 characters, as Word and
 * LibreOffice set the DOCX (no compression, no hanging punctuation). Never overflows the measure.
 * Lines are justified (extra space spread over the gaps between CJK characters and at spaces,
 * at most MAX_JUSTIFY_GAP_EM a gap, else ragged) except the last line of the paragraph; a last
 * line is not left with a single character.
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
  /**
   * Keep a last line from holding a single character (default true). Off in table cells:
   * LibreOffice sets the DOCX's cells without it (the 2023 self-audit's 合计 row: "满分100分，无数据
   * 的1项不计" / "分", where the PDF brought "计" down and ended its page on another line).
   */
  avoidLoneCharacter?: boolean;
}

const EPS = 0.01;

/**
 * The most a gap may be widened when a line is justified, as a fraction of the line's character
 * size. A line that would need more (it ends before an unbreakable run) is set ragged instead of
 * spreading its characters apart.
 */
export const MAX_JUSTIFY_GAP_EM = 0.25;

/**
 * Space between a CJK character and a letter or digit next to it (中西文间距, autospace), as a
 * fraction of the character size: LibreOffice adds a fifth of the font height wherever a letter
 * or digit of one script meets one of the other (both sides letters or digits: "2014年", "入B5",
 * not "：2023" or "《2014"), except at the start of a line — it does so whatever the DOCX says
 * (it ignores w:autoSpaceDE/DN). Word adds its own (about a quarter) with autospace on, its
 * default, which the DOCX keeps. The PDF sets the fifth, so that its lines break where the
 * converted DOCX's do.
 */
export const AUTOSPACE_EM = 0.2;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

type Script = "asian" | "latin" | "weak";

/**
 * The scripts LibreOffice tells apart (measured on its PDF export): CJK characters and full-width
 * forms, the enclosed numbers (①) are East Asian; spaces and general punctuation (“” ‘’ —) take
 * the script of the text before them; everything else (letters, digits, ASCII punctuation, ·, ×)
 * is Latin.
 */
function scriptOf(cp: number): Script {
  if (cp === 32 || cp === 9 || cp === 0xa0 || (cp >= 0x2000 && cp <= 0x206f)) return "weak";
  if (
    (cp >= 0x2460 && cp <= 0x24ff) ||
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7ff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    cp >= 0x20000
  )
    return "asian";
  return "latin";
}

/**
 * Extra space before each glyph when it does not start a line (0 for the first), as LibreOffice
 * sets the DOCX: the text is cut into portions where the script or the run's look changes; the
 * last character of a portion keeps its natural width (the grid condensing, w:spacing, is not
 * applied after it), and between a letter or digit and one of the other script comes the
 * autospace (AUTOSPACE_EM).
 */
export function interGlyphSpace(glyphs: readonly Glyph[]): Float64Array {
  const n = glyphs.length;
  const out = new Float64Array(n);
  const scripts: Script[] = glyphs.map((g) => scriptOf(g.cp));
  let prev: Script | undefined;
  for (let i = 0; i < n; i++) {
    if (scripts[i] === "weak") scripts[i] = prev ?? "weak";
    else prev = scripts[i];
  }
  let next: Script = "asian";
  for (let i = n - 1; i >= 0; i--) {
    if (scripts[i] === "weak") scripts[i] = next;
    else next = scripts[i]!;
  }
  for (let i = 1; i < n; i++) {
    const a = glyphs[i - 1]!;
    const b = glyphs[i]!;
    if (a.hard || b.hard) continue;
    const scriptChange = scripts[i - 1] !== scripts[i];
    if (scriptChange || a.look !== b.look) out[i] = a.condense;
    if (scriptChange && LETTER_OR_DIGIT.test(a.text) && LETTER_OR_DIGIT.test(b.text))
      out[i]! += AUTOSPACE_EM * b.em;
  }
  return out;
}

/** Positions of glyphs set one after the other from 0, autospace included; and their width. */
export function setInLine(glyphs: readonly Glyph[]): BrokenLine {
  const kern = interGlyphSpace(glyphs);
  let x = 0;
  const out = glyphs.map((g, i) => {
    x += kern[i]!;
    const p = { g, x, squeezed: false };
    x += g.w;
    return p;
  });
  return { glyphs: out, width: x };
}

function stretchable(a: Glyph, b: Glyph): boolean {
  return a.wide || b.wide || a.space;
}

/** Position glyphs[s, e) on a line of `avail` points starting at `indent`. */
function place(
  glyphs: readonly Glyph[],
  kern: Float64Array,
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
    width += g.w - (squeezed.has(i) ? g.squeeze : 0) + (i > s ? kern[i]! : 0);
  }
  if (e > s) width += glyphs[e - 1]!.condense;
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
    let em = 0;
    for (let i = s; i < e; i++) em = Math.max(em, glyphs[i]!.size);
    if (perGap > MAX_JUSTIFY_GAP_EM * em + EPS) perGap = 0;
  }
  const out: PlacedGlyph[] = [];
  for (let i = s; i < e; i++) {
    const g = glyphs[i]!;
    if (perGap && gapsFromIndex[i - s]) x += perGap;
    if (i > s) x += kern[i]!;
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
  const kern = interGlyphSpace(glyphs);
  const starts: number[] = [];
  let s = 0;
  while (s < n) {
    const indent = lines.length === 0 ? firstIndent : p.restIndent;
    const avail = p.width - indent;
    let acc = 0;
    let e = s;
    while (e < n) {
      const g = glyphs[e]!;
      const k = e > s ? kern[e]! : 0;
      // The line's last character ends a portion: it keeps its natural width (interGlyphSpace).
      if (!g.space && acc + k + g.w + g.condense > avail + EPS) break;
      acc += k + g.w;
      e++;
    }
    if (e >= n) {
      lines.push(place(glyphs, kern, s, n, new Set(), indent, avail, p.align, true));
      starts.push(s);
      break;
    }
    let end = -1;
    const squeezed = new Set<number>();
    if (e > s && allowed[e]) {
      end = e;
    } else {
      // 推出: break at the last opportunity before e.
      let b = e;
      while (b > s && !allowed[b]) b--;
      if (b > s) end = b;
      if (end < 0) {
        // One unbreakable unit longer than the line: break inside it, respecting 禁则 if we can.
        let b = Math.max(e, s + 1);
        while (b > s + 1 && (isClosing(cps[b]!) || isOpening(cps[b - 1]!))) b--;
        end = b;
        // A measure of one character (a narrow table column set one character a line, "三、"):
        // the closing mark after it comes onto the line compressed to half a character rather
        // than stand alone on the next.
        const g = glyphs[end];
        if (
          end === s + 1 &&
          g &&
          g.squeeze > 0 &&
          isClosing(g.cp) &&
          glyphs[s]!.w + g.w - g.squeeze <= avail + g.w / 2
        ) {
          squeezed.add(end);
          end++;
        }
      }
    }
    lines.push(place(glyphs, kern, s, end, squeezed, indent, avail, p.align, false));
    starts.push(s);
    s = end;
    while (s < n && glyphs[s]!.space) s++;
  }
  return avoidLoneCharacter(glyphs, kern, lines, starts, allowed, p, firstIndent);
}

/**
 * A paragraph's last line holding a single character ("述", "日。") takes one more from the line
 * above: the line above breaks at its previous opportunity (at most four glyphs back, so a
 * character or a short number comes down) and is justified over its measure. Only for body
 * measures (eight characters and more).
 */
function avoidLoneCharacter(
  glyphs: readonly Glyph[],
  kern: Float64Array,
  lines: BrokenLine[],
  starts: readonly number[],
  allowed: Uint8Array,
  p: BreakParams,
  firstIndent: number,
): BrokenLine[] {
  const k = lines.length;
  if (k < 2 || p.align !== "justify" || p.avoidLoneCharacter === false) return lines;
  const last = lines[k - 1]!.glyphs.filter((g) => !g.g.space);
  const size = Math.max(...last.map((g) => g.g.size), 0);
  if (p.width < 8 * size) return lines;
  const chars = last.filter((g) => !isClosing(g.g.cp)).length;
  if (chars !== 1 || !last[0]!.g.wide) return lines;
  const sPrev = starts[k - 2]!;
  const sLast = starts[k - 1]!;
  let b = sLast - 1;
  while (b > sPrev + 1 && !allowed[b]) b--;
  if (b <= sPrev + 1 || sLast - b > 4) return lines;
  const indent = k - 2 === 0 ? firstIndent : p.restIndent;
  const out = lines.slice(0, k - 2);
  out.push(place(glyphs, kern, sPrev, b, new Set(), indent, p.width - indent, p.align, false));
  out.push(
    place(glyphs, kern, b, glyphs.length, new Set(), p.restIndent, p.width - p.restIndent, p.align, true),
  );
  return out;
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
