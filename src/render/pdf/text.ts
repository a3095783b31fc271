/**
 * Shaping: text runs → glyphs with the font that has each character (role font first, then the
 * fallbacks), natural advances from the font's own metrics, and the box each glyph takes on a
 * line (one grid character for CJK, the real advance for Latin).
 */
import type { FontRole, Run } from "../../document/tree.js";
import type { FontFace } from "./fonts/face.js";
import { pdfWidth } from "./fonts/embed.js";
import type { FontSet } from "./fonts/resolve.js";
import { isSpace, isSqueezableClosing, isSqueezableOpening, isWide } from "./linebreak.js";

export interface Glyph {
  cp: number;
  text: string;
  face: FontFace;
  /** Glyph id in `face`; 0 when no available font has the character. */
  gid: number;
  size: number;
  /** Nominal size of the glyph's style (before the 楷体 role's visual scale), in points. */
  em: number;
  /** The run's look (role, size, bold, underline): where it changes, a new text portion starts. */
  look: string;
  /** How much the grid condenses the glyph (its natural width less `w` — 0 off the grid). */
  condense: number;
  bold: boolean;
  underline: boolean;
  wide: boolean;
  space: boolean;
  /** A forced line break (Markdown hard break); takes no room. */
  hard: boolean;
  /** Natural advance in points (from the width written to the PDF). */
  advance: number;
  /** Width of the glyph's box on the line, in points. */
  w: number;
  /** How much the box may shrink (full-width punctuation compressed to half a character). */
  squeeze: number;
  /** Offset of the glyph origin from its box's left edge; and when compressed. */
  dx: number;
  dxSqueezed: number;
}

export interface ShapeStyle {
  role: FontRole;
  size: number;
  bold: boolean;
}

/** Grid cell of a CJK character of `size` points: `size × ratio` (ratio = charPitch / 16 pt). */
/** The reference character whose ink height sets a face's visual size (国: a full square). */
const VISUAL_REFERENCE = 0x56fd;

/** Ink height of a glyph in font units (glyf bounding box), or 0 when unknown. */
function inkHeight(face: FontFace, cp: number): number {
  const gid = face.glyphId(cp);
  if (gid === 0 || face.isCff) return 0;
  const g = face.glyphBytes(gid);
  if (g.length < 10) return 0;
  return (g.readInt16BE(8) - g.readInt16BE(4)) / face.unitsPerEm;
}

export class Shaper {
  readonly missing = new Set<number>();
  readonly usedRoles = new Set<FontRole>();
  private readonly visualScales = new Map<FontFace, number>();

  constructor(
    private readonly fonts: FontSet,
    /** Width of a CJK character as a fraction of its size (grid pitch / body size). */
    private readonly cellRatio: number,
  ) {}

  /**
   * How much larger than its nominal size a face of the 楷体 role is drawn so that it looks as
   * large as the body (AR PL KaitiM GB draws a character about 10% smaller than Noto Serif SC):
   * the ratio of the reference character's ink heights, 1 to 1.15. Its cell on the grid stays.
   */
  private visualScale(face: FontFace, role: FontRole): number {
    if (role !== "kaiti") return 1;
    let k = this.visualScales.get(face);
    if (k === undefined) {
      const body = inkHeight(this.fonts.face("fangsong"), VISUAL_REFERENCE);
      const own = inkHeight(face, VISUAL_REFERENCE);
      k = body > 0 && own > 0 ? Math.min(1.15, Math.max(1, body / own)) : 1;
      k = Math.round(k * 100) / 100;
      this.visualScales.set(face, k);
    }
    return k;
  }

  glyph(cp: number, style: ShapeStyle, underline = false, grid = true): Glyph {
    this.usedRoles.add(style.role);
    const hard = cp === 10;
    const space = !hard && (isSpace(cp) || cp === 9);
    const lookup = hard ? 32 : cp === 9 ? 32 : cp;
    const found = this.fonts.glyphFor(style.role, lookup);
    const bold = style.bold || this.fonts.choices[style.role].syntheticBold;
    const face = found.face;
    let gid = found.gid;
    if (gid === 0 && !hard) this.missing.add(cp);
    if (gid === 0 && space) gid = face.glyphId(32);
    const drawSize = style.size * this.visualScale(face, style.role);
    const advance = (pdfWidth(face, gid) * drawSize) / 1000;
    const wide = !hard && (isWide(cp) || (gid === 0 && !space));
    // Set on the grid, a letter, digit or space is condensed as much as a CJK character (the
    // DOCX's w:spacing applies to every character of the run).
    const condense = grid && !hard ? style.size * (1 - this.cellRatio) : 0;
    // Letters and digits advance by whole twips, as Word and LibreOffice lay them out.
    let w = hard ? 0 : Math.round(advance * 20) / 20 - condense;
    let dx = 0;
    let dxSqueezed = 0;
    let squeeze = 0;
    if (wide) {
      const cell = grid ? style.size * this.cellRatio : Math.max(advance, style.size * 0.5);
      w = cell;
      dx = (cell - advance) / 2;
      dxSqueezed = dx;
      if (isSqueezableClosing(cp) || isSqueezableOpening(cp)) {
        squeeze = cell / 2;
        if (advance < cell * 0.75) {
          // A proportional glyph: set it against its neighbour.
          dx = isSqueezableOpening(cp) ? cell - advance : 0;
          dxSqueezed = isSqueezableOpening(cp) ? cell / 2 - advance : 0;
        } else if (isSqueezableOpening(cp)) {
          dxSqueezed = dx - cell / 2;
        }
      }
    }
    return {
      cp,
      text: hard ? "" : String.fromCodePoint(cp),
      face,
      gid,
      size: drawSize,
      em: style.size,
      look: `${style.role}|${style.size}|${bold}|${underline}`,
      condense,
      bold,
      underline,
      wide,
      space,
      hard,
      advance,
      w,
      squeeze,
      dx,
      dxSqueezed,
    };
  }

  shape(text: string, style: ShapeStyle, underline = false, grid = true): Glyph[] {
    const out: Glyph[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp === 13) continue;
      if (cp < 32 && cp !== 10 && cp !== 9) continue;
      if (cp === 0x200b || cp === 0xfeff || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
      out.push(this.glyph(cp, style, underline, grid));
    }
    return out;
  }

  /** Runs in a block style; a run may override the role and set bold. */
  shapeRuns(runs: readonly Run[], style: ShapeStyle, grid = true): Glyph[] {
    const out: Glyph[] = [];
    for (const r of runs) {
      const s: ShapeStyle = {
        role: r.font ?? style.role,
        size: style.size,
        bold: style.bold || r.bold === true,
      };
      for (const g of this.shape(r.text, s, r.underline === true, grid)) out.push(g);
      if (r.breakAfter) out.push(this.glyph(10, s));
    }
    return out;
  }
}
