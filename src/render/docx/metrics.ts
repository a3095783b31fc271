/**
 * The DOCX writer's numbers, in twips (1/20 pt), derived from the writer-neutral GB/T 9704
 * layout (src/document/layout.ts). Nothing here is a free constant: change the geometry or the
 * body size and these follow.
 */
import {
  BODY_STYLE,
  INDENT,
  PAGE_NUMBER,
  PAGE_NUMBER_STYLE,
  mmToTwip,
  ptToTwip,
  type LayoutOptions,
} from "../../document/layout.js";

export interface DocxMetrics {
  pageWidth: number;
  pageHeight: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
  /** Type area (版心) width and height. */
  typeWidth: number;
  typeHeight: number;
  /** Line pitch of the `lines` document grid and the exact line spacing of grid text. */
  linePitch: number;
  /** Character spacing (w:spacing w:val, twips, negative = condensed) of body-size grid text. */
  charSpacing: number;
  /** Advance of one full-width body character with that spacing: the writer's "one character". */
  charWidth: number;
  /** Distance from the page's bottom edge to the bottom of the footer line (w:pgMar w:footer). */
  footerDistance: number;
  /** Exact line height of the page-number line. */
  footerLineHeight: number;
}

/**
 * Grid (22 lines × 28 characters):
 * - Lines: the section gets a `lines` document grid with linePitch = ⌊type-area height / lines⌋
 *   (⌊12756 / 22⌋ = 579 twips, the measured value in layout.ts), and every grid paragraph has
 *   exact line spacing of the same pitch, so 22 lines fill a page whatever the fonts' own line
 *   heights are (exact spacing also overrides grid snapping in Word).
 * - Characters: Word's own way is a `linesAndChars` grid whose `charSpace` stretches or condenses
 *   every character to the grid pitch. Here the pitch (156 mm / 28 = 15.79 pt) is smaller than a
 *   16 pt character, so charSpace would be negative, and LibreOffice 7.4 mis-renders a negative
 *   charSpace (14–18 characters a line instead of 28). So we use a `lines` grid and condense each
 *   grid run instead: charSpacing = ⌊type width / 28⌋ − body size = 315 − 320 = −5 twips
 *   (−0.25 pt, w:spacing w:val="-5"), one character then advances 15.75 pt, 28 fit (441 pt ≤
 *   442.2 pt) and 29 do not. Word lays this out the same way (with a `lines` grid it does not
 *   touch character widths), so Word and LibreOffice both give 28; the only cost is that Word's
 *   Page Setup shows "只指定行网格" (22 lines) rather than "28 characters per line".
 */
export function docxMetrics(layout: LayoutOptions): DocxMetrics {
  const g = layout.geometry;
  const pageWidth = mmToTwip(g.widthMm);
  const pageHeight = mmToTwip(g.heightMm);
  const marginTop = mmToTwip(g.topMm);
  const marginBottom = mmToTwip(g.bottomMm);
  const marginLeft = mmToTwip(g.leftMm);
  const marginRight = mmToTwip(g.rightMm);
  const typeWidth = pageWidth - marginLeft - marginRight;
  const typeHeight = pageHeight - marginTop - marginBottom;
  const pitch = Math.floor(typeHeight / g.linesPerPage);
  const bodySize = ptToTwip(BODY_STYLE.sizePt);
  const charWidth = Math.min(bodySize, Math.floor(typeWidth / g.charsPerLine));
  const footerLineHeight = ptToTwip(PAGE_NUMBER_STYLE.sizePt);
  // GB/T 9704: the page number line sits 7 mm below the type area. DOCX measures the footer from
  // the page's bottom edge to the bottom of the footer text, so with an exact footer line height
  // of one 14 pt line: footer = bottom margin − 7 mm − 14 pt = 1984 − 397 − 280 = 1307 twips
  // (≈ 23.1 mm). The line box top is then 7 mm below the type area; a 宋体 em box fills its line.
  const footerDistance = marginBottom - mmToTwip(PAGE_NUMBER.belowTypeAreaMm) - footerLineHeight;
  return {
    pageWidth,
    pageHeight,
    marginTop,
    marginBottom,
    marginLeft,
    marginRight,
    typeWidth,
    typeHeight,
    linePitch: pitch,
    charSpacing: charWidth - bodySize,
    charWidth,
    footerDistance,
    footerLineHeight,
  };
}

/** Characters (possibly half characters) to twips, in the writer's body character width. */
export function charsToTwips(m: DocxMetrics, chars: number): number {
  return Math.round(chars * m.charWidth);
}

/** The first-line indent of a paragraph, in hundredths of a character (w:firstLineChars). */
export const FIRST_LINE_CHARS = INDENT.firstLine * 100;
