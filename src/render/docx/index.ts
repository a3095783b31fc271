/**
 * gongwen's DOCX writer: DocumentTree → .docx bytes laid out to GB/T 9704-2012
 * (A4, margins 37/28/35/26 mm, 22 lines × 28 characters, 仿宋_GB2312 3号 body…).
 *
 * Decisions (details where they are implemented):
 * - grid: `lines` document grid (pitch 579 twips) + exact line spacing + runs condensed by
 *   0.25 pt so 28 characters fit a line in LibreOffice and Word alike (metrics.ts);
 * - fonts: East Asian names in w:rFonts eastAsia; Latin text in the same font unless
 *   DocxOptions.latinFont says otherwise (runs.ts); document defaults in our own styles.xml;
 * - page numbers: different odd/even footers, 7 mm below the type area (footer.ts);
 * - placement of signature and attachment note from layout.ts (shared with the PDF writer);
 * - page breaks: w:pageBreakBefore on the next paragraph; a break before a table without
 *   caption, and every `parity: "odd"` break, become section breaks (sections.ts);
 * - the signature never alone on a page, widow/orphan control (sections.ts, blocks.ts);
 * - speed: the docx package builds each kind of package once (skeleton.ts); per document only
 *   word/document.xml's body is written (document-xml.ts, the same XML docx writes for the same
 *   paragraphs) with docProps/core.xml, and zipped with the other parts already compressed
 *   (zip.ts). renderDocxReference writes the same bytes through docx alone, slowly;
 * - determinism: our own core.xml with the tree's date, fixed entry dates and order (package.ts,
 *   zip.ts): the same tree gives the same bytes.
 */
import { strToU8 } from "fflate";
import { defaultLayout, type LayoutOptions } from "../../document/layout.js";
import type { DocumentTree } from "../../document/tree.js";
import { bodyXml } from "./document-xml.js";
import { docxMetrics } from "./metrics.js";
import { coreXml, entryOrder, parseMetaDate, rezipDeterministic } from "./package.js";
import { placeholderRing, type SealImage, type SealMark } from "../seal.js";
import type { FontConfig } from "./runs.js";
import { buildSections } from "./sections.js";
import { CORE_PART, DOCUMENT_PART, RELS_PART, packWithDocx, skeletonFor } from "./skeleton.js";
import { dosDateTime, writeZip, zipEntry, type ZipEntry } from "./zip.js";

export interface DocxOptions {
  /** Page geometry and font names per role (offices use 方正仿宋_GBK etc.). Default: GB/T 9704. */
  layout?: LayoutOptions;
  /**
   * Font for Latin letters and digits. Default: the East Asian font of each run's role (so
   * digits are that font's half-width digits). Some offices use "Times New Roman".
   */
  latinFont?: string;
  /**
   * What is drawn on a sealed signature (render/seal.ts): nothing (default), the placeholder ring
   * or an electronic seal image, as a picture anchored behind the agency line. renderDocxReference
   * draws nothing.
   */
  seal?: SealMark;
}

/** The seal image part and its relationship. */
export const SEAL_MEDIA_PART = "word/media/seal.png";
const SEAL_REL_ID = "rIdSeal";
const IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

export { docxMetrics, type DocxMetrics } from "./metrics.js";
export { docxParagraphTexts, blockParagraphTexts, listItemLabel } from "./plain-text.js";
export { layoutTableGrid, type GridCell } from "./table.js";
export { signatureKeeps } from "./sections.js";

/** The image drawn for the seal mark on this tree, or undefined (no mark, or no sealed signature). */
function sealImageFor(tree: DocumentTree, mark: SealMark | undefined): SealImage | undefined {
  if (!mark || mark.mode === "none") return undefined;
  if (!tree.blocks.some((b) => b.type === "signature" && b.seal)) return undefined;
  return mark.mode === "placeholder" ? placeholderRing() : mark;
}

function prepare(tree: DocumentTree, options: DocxOptions, drawSeal: boolean) {
  const layout = options.layout ?? defaultLayout();
  const m = docxMetrics(layout);
  const fonts: FontConfig = {
    names: layout.fontNames,
    ...(options.latinFont ? { latin: options.latinFont } : {}),
  };
  const core = coreXml(tree.meta); // validates meta.date before any work
  const sealImage = drawSeal ? sealImageFor(tree, options.seal) : undefined;
  const seal = sealImage
    ? { rId: SEAL_REL_ID, widthPx: sealImage.widthPx, heightPx: sealImage.heightPx }
    : undefined;
  const sections = buildSections(tree, { m, fonts, ...(seal ? { seal } : {}) }, layout);
  return { layout, m, fonts, core, sections, sealImage };
}

export async function renderDocx(tree: DocumentTree, options: DocxOptions = {}): Promise<Uint8Array> {
  const { layout, m, fonts, core, sections, sealImage } = prepare(tree, options, true);
  const skeleton = await skeletonFor(
    tree.kind,
    layout,
    m,
    fonts,
    sections.map((s) => s.type),
  );
  const xml =
    skeleton.head +
    bodyXml(
      sections.map((s) => s.children),
      skeleton.sectPrs,
    ) +
    skeleton.tail;
  const order = sealImage ? entryOrder([...skeleton.order, SEAL_MEDIA_PART]) : skeleton.order;
  const entries = order.map((name): ZipEntry => {
    if (name === DOCUMENT_PART) return zipEntry(name, strToU8(xml));
    if (name === CORE_PART) return zipEntry(name, strToU8(core));
    if (sealImage && name === SEAL_MEDIA_PART) return zipEntry(name, sealImage.png);
    if (sealImage && name === RELS_PART)
      return zipEntry(
        name,
        strToU8(
          skeleton.rels.replace(
            "</Relationships>",
            `<Relationship Id="${SEAL_REL_ID}" Type="${IMAGE_REL}" Target="media/seal.png"/></Relationships>`,
          ),
        ),
      );
    return skeleton.parts.get(name)!;
  });
  const { y, m: month, d } = parseMetaDate(tree.meta.date);
  return writeZip(entries, dosDateTime(y, month, d));
}

/**
 * The same document written by the docx package alone (its object tree, its XML formatter, its
 * zip, re-zipped with fixed dates): the reference renderDocx is tested against. Slow (about ten
 * milliseconds a letter); for tests and for checking an output by hand.
 */
export async function renderDocxReference(
  tree: DocumentTree,
  options: DocxOptions = {},
): Promise<Uint8Array> {
  const { layout, m, fonts, core, sections } = prepare(tree, options, false);
  const { docxElement } = await import("./docx-objects.js");
  const zip = await packWithDocx({
    kind: tree.kind,
    meta: tree.meta,
    layout,
    m,
    fonts,
    core,
    sections: sections.map((s) => ({
      ...(s.type ? { type: s.type } : {}),
      children: s.children.map(docxElement),
    })),
  });
  return rezipDeterministic(zip, tree.meta.date);
}
