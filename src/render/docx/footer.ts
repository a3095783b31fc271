/**
 * Page numbers (GB/T 9704-2012 7.5): "— N —" in 4号 (14 pt) half-width 宋体, 7 mm below the type
 * area (metrics.footerDistance), odd pages right-aligned with one character of right indent, even
 * pages left-aligned with one character of left indent. "One character" is the standard's unit,
 * the width of one body (3号) character on the grid (metrics.charWidth), not a 14 pt character.
 * Different odd/even footers need w:evenAndOddHeaders in settings (Document option
 * evenAndOddHeaderAndFooters); the letter format's empty first-page footer needs w:titlePage.
 */
import { AlignmentType, Footer, LineRuleType, PageNumber, Paragraph, TextRun } from "docx";
import { INDENT, PAGE_NUMBER, PAGE_NUMBER_STYLE } from "../../document/layout.js";
import { charsToTwips, type DocxMetrics } from "./metrics.js";
import { docxRunOptions } from "./docx-objects.js";
import { runProps, type FontConfig, type RunStyle } from "./runs.js";

/** Text before and after the number, from the layout's single format ("— N —"). */
export function pageNumberAffixes(): { before: string; after: string } {
  const probe = 987654321;
  const text = PAGE_NUMBER.format(probe);
  const at = text.indexOf(String(probe));
  return { before: text.slice(0, at), after: text.slice(at + String(probe).length) };
}

export interface PageFooters {
  odd: Footer;
  even: Footer;
  empty: Footer;
}

export function pageFooters(m: DocxMetrics, fonts: FontConfig): PageFooters {
  const style: RunStyle = {
    role: PAGE_NUMBER_STYLE.font,
    sizePt: PAGE_NUMBER_STYLE.sizePt,
    bold: PAGE_NUMBER_STYLE.bold,
    sameFontAllSlots: true,
  };
  const spacing = { line: m.footerLineHeight, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const indent = charsToTwips(m, INDENT.pageNumber);
  const { before, after } = pageNumberAffixes();
  const number = () =>
    new TextRun({ ...docxRunOptions(runProps(fonts, style)), children: [before, PageNumber.CURRENT, after] });
  const size = Math.round(style.sizePt * 2);
  return {
    odd: new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          indent: { right: indent },
          spacing,
          children: [number()],
        }),
      ],
    }),
    even: new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.LEFT,
          indent: { left: indent },
          spacing,
          children: [number()],
        }),
      ],
    }),
    empty: new Footer({ children: [new Paragraph({ spacing, run: { size }, children: [] })] }),
  };
}
