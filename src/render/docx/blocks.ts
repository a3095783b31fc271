/**
 * Tree blocks → the writer's paragraphs and tables (model.ts), placed as GB/T 9704-2012 says
 * (gbt9704-layout.md). Every paragraph on the grid has exact line spacing of one grid line
 * (metrics.ts).
 */
import {
  BODY_STYLE,
  HEADING_STYLE,
  INDENT,
  SEAL,
  TITLE_STYLE,
  ptToTwip,
  sealSize,
  attachmentLines,
  signaturePlacement,
  textWidthInChars,
} from "../../document/layout.js";
import type { Block, Run } from "../../document/tree.js";
import { alignment } from "./align.js";
import { charsToTwips, FIRST_LINE_CHARS, type DocxMetrics } from "./metrics.js";
import { listItemLabel, titleText } from "./plain-text.js";
import { plainRuns, textRuns, type FontConfig, type RunStyle } from "./runs.js";
import type { BodyElement, ParagraphModel } from "./model.js";
import { docxTable } from "./table.js";

export interface BlockContext {
  m: DocxMetrics;
  fonts: FontConfig;
  /**
   * The seal mark drawn on a sealed signature, as an image part of the package (the placeholder
   * ring or an electronic seal); undefined: nothing drawn.
   */
  seal?: { rId: string; widthPx: number; heightPx: number };
}

/** EMUs per twip (914400 per inch / 1440). */
const EMU_PER_TWIP = 635;

export interface BlockOptions {
  /** Start the block on a new page (w:pageBreakBefore on its first paragraph). */
  pageBreakBefore?: boolean;
  /**
   * The block before is a blank line: it counts towards the blank line(s) the standard puts above
   * an attachment note or a signature (as in the PDF writer), so a tree with or without an
   * explicit blank block comes out the same.
   */
  prevBlank?: boolean;
  /**
   * Keep the block with the next paragraph (w:keepNext) because a signature follows (see
   * signatureKeeps in index.ts): the signature and date then never stand alone on a page
   * (GB/T 9704-2012 7.3.5).
   */
  keepWithSignature?: boolean;
  /** A signature whose date is followed by a note (附注): the date is kept with the note. */
  noteFollows?: boolean;
  /** The block right after the title block (title or document number), with no blank line between. */
  afterTitleBlock?: boolean;
}

/**
 * Blank lines above a signature. Without a seal the standard asks for one. With a seal it asks
 * that the seal's top come within one line of the body; a 42 mm seal centred a little above the
 * middle of the agency/date pair reaches about 1.4 lines (14 mm) above the agency line, so two
 * blank lines (20.4 mm) put the body's last line just within a line of the seal's top.
 */
export const SIGNATURE_BLANK_LINES = { plain: 1, sealed: 2 } as const;
/** How far (characters) a signature line may run past its computed end rather than wrap. */
export const SIGNATURE_OVERRUN_CHARS = 2;
/** Blank lines between the body and the attachment note (附件说明). */
export const ATTACHMENT_BLANK_LINES = 1;

/**
 * Widow and orphan control (w:widowControl: at least two lines of a paragraph at the foot and at
 * the head of a page) on body paragraphs, lists and notes, as the PDF writer does: LibreOffice
 * would otherwise start a page with a paragraph's lone last line. The document default stays off
 * (styles-xml.ts) so titles, tables and signature lines stay on the grid as before; a page that
 * one paragraph fills still holds 22 lines.
 */
export const BODY_WIDOW_CONTROL = true;

type ParagraphOptions = Omit<ParagraphModel, "type" | "spacing" | "pageBreakBefore"> & {
  spaceBeforeLines?: number;
};

export function blockElements(block: Block, ctx: BlockContext, opts: BlockOptions = {}): BodyElement[] {
  const { m, fonts } = ctx;
  const body: RunStyle = { role: BODY_STYLE.font, sizePt: BODY_STYLE.sizePt, charSpacing: m.charSpacing };
  const firstLine = { firstLine: charsToTwips(m, INDENT.firstLine), firstLineChars: FIRST_LINE_CHARS };
  let first = true;
  const para = (options: ParagraphOptions): ParagraphModel => {
    const { spaceBeforeLines, ...rest } = options;
    const p: ParagraphModel = {
      type: "p",
      ...rest,
      spacing: { line: m.linePitch, before: (spaceBeforeLines ?? 0) * m.linePitch, after: 0 },
      ...(first && opts.pageBreakBefore ? { pageBreakBefore: true } : {}),
    };
    first = false;
    return p;
  };
  const runsOf = (style: RunStyle, runs: readonly Run[]) => textRuns(fonts, style, runs);
  const blanksAbove = (lines: number) => Math.max(0, lines - (opts.prevBlank ? 1 : 0));
  const keep = opts.keepWithSignature ? { keepNext: true } : {};
  const widow = BODY_WIDOW_CONTROL ? { widowControl: true } : {};

  switch (block.type) {
    case "title":
      // 2号小标宋, centred. Not condensed: the title is centred, not set on the character grid.
      return [
        para({
          alignment: "center",
          keepNext: true,
          snapToGrid: false,
          runs: plainRuns(
            fonts,
            { role: TITLE_STYLE.font, sizePt: TITLE_STYLE.sizePt, bold: TITLE_STYLE.bold },
            titleText(block, m.typeWidth),
          ),
        }),
      ];
    case "docNumber":
      return [para({ alignment: "center", runs: plainRuns(fonts, body, block.text) })];
    case "addressee":
      // One blank line between the title block and the addressee (GB/T 9704-2012 7.3.4).
      return [
        para({
          alignment: "left",
          ...(opts.afterTitleBlock ? { spaceBeforeLines: 1 } : {}),
          runs: plainRuns(fonts, body, block.text),
        }),
      ];
    case "heading": {
      const hs = HEADING_STYLE[block.level];
      const style: RunStyle = { role: hs.font, sizePt: hs.sizePt, bold: hs.bold, charSpacing: m.charSpacing };
      return [
        para({
          alignment: "both",
          indent: firstLine,
          keepNext: true,
          keepLines: true,
          outlineLevel: block.level - 1,
          runs: runsOf(style, [{ text: block.number }, ...block.runs]),
        }),
      ];
    }
    case "paragraph":
      return [
        para({
          ...keep,
          ...widow,
          alignment: alignment(block.align ?? "justify"),
          indent: block.indent === "none" ? { firstLine: 0 } : firstLine,
          runs: runsOf(body, block.runs),
        }),
      ];
    case "list":
      return block.items.map((item, i) =>
        para({
          ...(i === block.items.length - 1 ? keep : {}),
          ...widow,
          alignment: "both",
          indent: firstLine,
          runs: runsOf(body, [{ text: listItemLabel(block, i) }, ...item]),
        }),
      );
    case "table": {
      const out: BodyElement[] = [];
      if (block.caption) {
        out.push(
          para({
            alignment: "center",
            keepNext: true,
            runs: plainRuns(fonts, body, block.caption),
          }),
        );
      }
      out.push(docxTable(block, m, fonts));
      return out;
    }
    case "attachments":
      // 附件：1.×××× — hanging indent: wrapped lines start under the title's first character.
      return attachmentLines(block.items).map((line, i) => {
        const left = charsToTwips(m, line.titleStartChars);
        return para({
          ...keep,
          alignment: "both",
          indent: { left, hanging: left - charsToTwips(m, line.leadStartChars) },
          spaceBeforeLines: i === 0 ? blanksAbove(ATTACHMENT_BLANK_LINES) : 0,
          runs: plainRuns(fonts, body, line.lead + line.title),
        });
      });
    case "signature": {
      // Positions from layout.signaturePlacement (characters; half-width digits count half).
      // Without a seal both lines are left-aligned at their computed start (type width − right indent − text
      // width) rather than right-aligned with a right indent: the two starts — "the date's first
      // character 2 characters right of the agency's", or the agency centred over the date — then
      // hold in every renderer, even one that widens digits. LibreOffice does: it ignores
      // w:autoSpaceDE/DN and always adds about 1/5 character between CJK and digits, which would
      // pull a right-aligned date a whole character left. The right edges are exact in Word and,
      // for CJK-only text, in LibreOffice. A renderer that widens the digits would wrap the
      // date's last character onto a line of its own; a negative right indent of
      // SIGNATURE_OVERRUN_CHARS lets the line run that far past its computed end instead.
      const place = signaturePlacement(block.agency, block.date, block.seal);
      const start = (rightChars: number, text: string) =>
        Math.max(0, m.typeWidth - charsToTwips(m, rightChars + textWidthInChars(text)));
      const right = -charsToTwips(m, SIGNATURE_OVERRUN_CHARS);
      const spaceBeforeLines = blanksAbove(
        block.seal ? SIGNATURE_BLANK_LINES.sealed : SIGNATURE_BLANK_LINES.plain,
      );
      if (block.seal) {
        // With a seal the date's right edge is what the standard fixes (4 characters from the
        // margin), so both lines are right-aligned with a right indent: the date's edge then holds
        // in every renderer, whatever width it gives the digits (LibreOffice adds ~1/5 character
        // between CJK and digits, which put a left-placed date 2.6 characters from the margin).
        // The agency is centred over the date by its own right indent (CJK text: exact).
        const seal = ctx.seal;
        const anchor = seal
          ? (() => {
              const { width, height } = sealSize(seal.heightPx / seal.widthPx);
              const w = Math.round(ptToTwip(width) * EMU_PER_TWIP);
              const h = Math.round(ptToTwip(height) * EMU_PER_TWIP);
              const centreX =
                m.typeWidth - charsToTwips(m, place.dateRightChars + textWidthInChars(block.date) / 2);
              // Anchored to the date's paragraph (no space before it, so its top is the date
              // line's top in every renderer): the centre is a line less the offset above it.
              const centreY = Math.round(m.linePitch * (SEAL.centreBelowAgencyTop - 1));
              return {
                x: Math.round(centreX * EMU_PER_TWIP - w / 2),
                y: Math.round(centreY * EMU_PER_TWIP - h / 2),
                width: w,
                height: h,
                rId: seal.rId,
                name: "seal",
              };
            })()
          : undefined;
        return [
          para({
            alignment: "right",
            indent: { right: charsToTwips(m, place.agencyRightChars) },
            keepNext: true,
            keepLines: true,
            spaceBeforeLines,
            runs: plainRuns(fonts, body, block.agency),
          }),
          para({
            ...(opts.noteFollows ? { keepNext: true } : {}),
            alignment: "right",
            indent: { right: charsToTwips(m, place.dateRightChars) },
            ...(anchor ? { anchor } : {}),
            runs: plainRuns(fonts, body, block.date),
          }),
        ];
      }
      return [
        para({
          alignment: "left",
          indent: { left: start(place.agencyRightChars, block.agency), right },
          keepNext: true,
          keepLines: true,
          spaceBeforeLines,
          runs: plainRuns(fonts, body, block.agency),
        }),
        para({
          ...(opts.noteFollows ? { keepNext: true } : {}),
          alignment: "left",
          indent: { left: start(place.dateRightChars, block.date), right },
          runs: plainRuns(fonts, body, block.date),
        }),
      ];
    }
    case "note":
      return [
        para({
          ...widow,
          alignment: "both",
          indent: firstLine,
          runs: runsOf(body, block.runs),
        }),
      ];
    case "blank":
      return [para({ ...keep, runs: [] })];
    case "pageBreak":
      // Handled by the section assembly in index.ts.
      return [];
  }
}
