/**
 * The writer's model (model.ts) → the body of word/document.xml, written directly: the same
 * elements, attributes and order as the docx package writes for the same paragraphs and tables
 * (docx-objects.ts), character for character — test/render/docx/fast-path.test.ts checks it on
 * every block type. Building docx's object tree and formatting it costs milliseconds a letter;
 * this costs microseconds.
 */
import type { AnchorModel, BodyElement, ParagraphModel, RunProps, TableModel } from "./model.js";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  '"': "&quot;",
  "'": "&apos;",
  "<": "&lt;",
  ">": "&gt;",
};
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
// eslint-disable-next-line no-control-regex
const ESCAPE_ALL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;

/** Escaping as docx does it, for text and attribute values alike (control characters dropped). */
export function escapeXml(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(ESCAPE_ALL, (c) => ESCAPES[c] ?? "") : s;
}

const rPrCache = new WeakMap<RunProps, string>();

function rPr(p: RunProps): string {
  let s = rPrCache.get(p);
  if (s !== undefined) return s;
  const f = p.font;
  s =
    `<w:rPr><w:rFonts w:ascii="${escapeXml(f.ascii)}" w:cs="${escapeXml(f.cs)}" ` +
    `w:eastAsia="${escapeXml(f.eastAsia)}" w:hAnsi="${escapeXml(f.hAnsi)}" w:hint="${f.hint}"/>`;
  if (p.bold) s += "<w:b/><w:bCs/>";
  if (p.italics) s += "<w:i/><w:iCs/>";
  if (p.characterSpacing) s += `<w:spacing w:val="${p.characterSpacing}"/>`;
  s += `<w:sz w:val="${p.size}"/><w:szCs w:val="${p.size}"/>`;
  if (p.underline) s += `<w:u w:val="single"/>`;
  s += "</w:rPr>";
  rPrCache.set(p, s);
  return s;
}

function pPr(p: ParagraphModel, sectPr: string): string {
  let s = "<w:pPr>";
  if (p.keepNext) s += "<w:keepNext/>";
  if (p.keepLines) s += "<w:keepLines/>";
  if (p.pageBreakBefore) s += "<w:pageBreakBefore/>";
  if (p.widowControl) s += "<w:widowControl/>";
  if (p.snapToGrid === false) s += '<w:snapToGrid w:val="0"/>';
  const sp = p.spacing;
  s += `<w:spacing w:after="${sp.after}" w:before="${sp.before}" w:line="${sp.line}" w:lineRule="exact"/>`;
  const ind = p.indent;
  if (ind) {
    s += "<w:ind";
    if (ind.left !== undefined) s += ` w:left="${ind.left}"`;
    if (ind.right !== undefined) s += ` w:right="${ind.right}"`;
    if (ind.hanging !== undefined) s += ` w:hanging="${ind.hanging}"`;
    if (ind.firstLine !== undefined) s += ` w:firstLine="${ind.firstLine}"`;
    if (ind.firstLineChars !== undefined) s += ` w:firstLineChars="${ind.firstLineChars}"`;
    s += "/>";
  }
  if (p.alignment) s += `<w:jc w:val="${p.alignment}"/>`;
  if (p.outlineLevel !== undefined) s += `<w:outlineLvl w:val="${p.outlineLevel}"/>`;
  if (p.markSize !== undefined)
    s += `<w:rPr><w:sz w:val="${p.markSize}"/><w:szCs w:val="${p.markSize}"/></w:rPr>`;
  return s + sectPr + "</w:pPr>";
}

/** An anchored picture behind the text (wp:anchor, behindDoc, wrapNone) as one run. */
export function anchorXml(a: AnchorModel): string {
  const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
  const PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture";
  const ext = `cx="${a.width}" cy="${a.height}"`;
  return (
    `<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" ` +
    `behindDoc="1" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>` +
    `<wp:positionH relativeFrom="margin"><wp:posOffset>${a.x}</wp:posOffset></wp:positionH>` +
    `<wp:positionV relativeFrom="paragraph"><wp:posOffset>${a.y}</wp:posOffset></wp:positionV>` +
    `<wp:extent ${ext}/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>` +
    `<wp:docPr id="1" name="${escapeXml(a.name)}"/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${A}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${A}"><a:graphicData uri="${PIC}"><pic:pic xmlns:pic="${PIC}">` +
    `<pic:nvPicPr><pic:cNvPr id="0" name="${escapeXml(a.name)}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${a.rId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext ${ext}/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    `</pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`
  );
}

/** One paragraph; `sectPr` (a section's properties) goes at the end of its properties. */
export function paragraphXml(p: ParagraphModel, sectPr = ""): string {
  let s = "<w:p>" + pPr(p, sectPr);
  if (p.anchor) s += anchorXml(p.anchor);
  for (const r of p.runs) {
    s += "<w:r>" + rPr(r.props);
    if (r.break) s += "<w:br/>";
    else
      for (const c of r.children)
        s += typeof c === "string" ? `<w:t xml:space="preserve">${escapeXml(c)}</w:t>` : "<w:tab/>";
    s += "</w:r>";
  }
  return s + "</w:p>";
}

const BORDER = 'w:val="single" w:color="000000" w:sz="4"';
const TABLE_BORDERS =
  `<w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/>` +
  `<w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders>`;

export function tableXml(t: TableModel): string {
  let s =
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${t.width}"/><w:jc w:val="center"/>` +
    `${TABLE_BORDERS}<w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:top w:type="dxa" w:w="${t.cellMargin.y}"/><w:left w:type="dxa" w:w="${t.cellMargin.x}"/>` +
    `<w:bottom w:type="dxa" w:w="${t.cellMargin.y}"/><w:right w:type="dxa" w:w="${t.cellMargin.x}"/></w:tblCellMar>` +
    `</w:tblPr><w:tblGrid>`;
  for (const w of t.columnWidths) s += `<w:gridCol w:w="${w}"/>`;
  s += "</w:tblGrid>";
  for (const row of t.rows) {
    // Every row w:cantSplit (see RowModel).
    s += row.header
      ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
      : "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
    for (const c of row.cells) {
      s += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${c.width}"/>`;
      if (c.columnSpan) s += `<w:gridSpan w:val="${c.columnSpan}"/>`;
      if (c.verticalMerge) s += `<w:vMerge w:val="${c.verticalMerge}"/>`;
      s += `<w:vAlign w:val="center"/></w:tcPr>`;
      for (const p of c.paragraphs) s += paragraphXml(p);
      s += "</w:tc>";
    }
    s += "</w:tr>";
  }
  return s + "</w:tbl>";
}

/**
 * The body of a document of several sections: each section's elements, then its properties
 * (sectPrs[i], as the skeleton holds them) — in the properties of the section's last paragraph,
 * or in an empty paragraph of their own after a table, for every section but the last, whose
 * properties follow the body as its last child (what docx does).
 */
export function bodyXml(sections: readonly (readonly BodyElement[])[], sectPrs: readonly string[]): string {
  let s = "";
  sections.forEach((elements, i) => {
    const last = i === sections.length - 1;
    const sectPr = sectPrs[i] ?? "";
    elements.forEach((e, j) => {
      const closing = !last && j === elements.length - 1 && e.type === "p";
      s += e.type === "p" ? paragraphXml(e, closing ? sectPr : "") : tableXml(e);
    });
    if (last) s += sectPr;
    else if (elements.length === 0 || elements[elements.length - 1]!.type !== "p")
      s += `<w:p><w:pPr>${sectPr}</w:pPr></w:p>`;
  });
  return s;
}
