/**
 * word/styles.xml, written by us instead of the docx package's defaults (which carry Calibri,
 * coloured Heading styles and no East Asian settings). The document defaults carry what every
 * paragraph shares, so even a paragraph mark or an empty line is 3号 仿宋 on the grid:
 * - run defaults: the body font in every slot (eastAsia and the Latin policy), 16 pt, zh-CN;
 * - paragraph defaults: exact line spacing of one grid line; widow/orphan control off (a page
 *   holds its 22 lines); automatic space between CJK and Latin/digits (autoSpaceDE/DN) left at
 *   Word's default, on: LibreOffice 7.4 ignores both elements and always adds 1/5 character
 *   where a letter or digit meets a CJK character, the PDF writer does the same
 *   (pdf/paragraph.ts AUTOSPACE_EM), and Word with autospace on comes closest to that (about a
 *   quarter); adjustRightInd off (there is no character grid to adjust to).
 * - w:overflowPunct="1" explicitly. In Word that is its default anyway: a closing punctuation
 *   mark may hang past the 28th character (标点悬挂) rather than pull a character down. LibreOffice
 *   7.4 maps the element the other way round ("1" → no hanging punctuation, "0" or absent →
 *   hanging), and its hanging punctuation loses the hung mark in PDF export (the comma after a
 *   full line is simply gone). "1" is the one value that is right in both: Word hangs the mark
 *   visibly, LibreOffice moves the last character down with it. Line-start/line-end rules
 *   (kinsoku) stay on in both.
 * Paragraphs also carry their own spacing, so readers that ignore defaults still get the grid.
 */
import { BODY_STYLE } from "../../document/layout.js";
import { fontSlots, type FontConfig } from "./runs.js";
import { xmlAttr } from "./xml.js";

export function stylesXml(fonts: FontConfig, linePitch: number): string {
  const f = fontSlots(fonts, BODY_STYLE.font);
  const size = Math.round(BODY_STYLE.sizePt * 2);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    `<w:docDefaults>` +
    `<w:rPrDefault><w:rPr>` +
    `<w:rFonts w:ascii="${xmlAttr(f.ascii)}" w:eastAsia="${xmlAttr(f.eastAsia)}" w:hAnsi="${xmlAttr(f.hAnsi)}" w:cs="${xmlAttr(f.cs)}" w:hint="eastAsia"/>` +
    `<w:kern w:val="0"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/>` +
    `<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>` +
    `</w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr>` +
    `<w:widowControl w:val="0"/><w:overflowPunct w:val="1"/>` +
    `<w:autoSpaceDE w:val="1"/><w:autoSpaceDN w:val="1"/><w:adjustRightInd w:val="0"/>` +
    `<w:spacing w:before="0" w:after="0" w:line="${linePitch}" w:lineRule="exact"/>` +
    `<w:jc w:val="both"/>` +
    `</w:pPr></w:pPrDefault>` +
    `</w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
    `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
    `<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    `<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` +
    // Referenced by the separator paragraphs of the footnotes/endnotes parts the docx package writes.
    `<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>` +
    `<w:style w:type="character" w:styleId="EndnoteReference"><w:name w:val="endnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>` +
    `</w:styles>`
  );
}
