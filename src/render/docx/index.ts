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
 *   caption, and every `parity: "odd"` break, become section breaks (nextPage / oddPage);
 * - determinism: our own core.xml with the tree's date, re-zipped with fixed dates (package.ts).
 */
import {
  Document,
  DocumentGridType,
  Packer,
  SectionType,
  type ISectionOptions,
  type Paragraph,
  type Table,
} from "docx";
import { defaultLayout, type LayoutOptions } from "../../document/layout.js";
import type { DocumentTree } from "../../document/tree.js";
import { blockElements, type BlockContext } from "./blocks.js";
import { pageFooters } from "./footer.js";
import { docxMetrics, type DocxMetrics } from "./metrics.js";
import { coreXml, keywordsText, rezipDeterministic } from "./package.js";
import type { FontConfig } from "./runs.js";
import { stylesXml } from "./styles-xml.js";

export interface DocxOptions {
  /** Page geometry and font names per role (offices use 方正仿宋_GBK etc.). Default: GB/T 9704. */
  layout?: LayoutOptions;
  /**
   * Font for Latin letters and digits. Default: the East Asian font of each run's role (so
   * digits are that font's half-width digits). Some offices use "Times New Roman".
   */
  latinFont?: string;
}

export { docxMetrics, type DocxMetrics } from "./metrics.js";
export { docxParagraphTexts, blockParagraphTexts, listItemLabel } from "./plain-text.js";
export { layoutTableGrid, type GridCell } from "./table.js";

interface SectionDraft {
  type?: (typeof SectionType)[keyof typeof SectionType];
  children: (Paragraph | Table)[];
}

/** Splits the tree into sections and converts the blocks (see the page-break rule above). */
function buildSections(tree: DocumentTree, ctx: BlockContext): SectionDraft[] {
  const sections: SectionDraft[] = [{ children: [] }];
  let current = sections[0]!;
  let pendingBreak = false;
  const hasContent = () => sections.some((s) => s.children.length > 0);
  const startSection = (type: SectionDraft["type"]) => {
    if (current.children.length === 0) {
      // Nothing in the current section yet: make it start the right way instead.
      if (sections.length > 1 && type === SectionType.ODD_PAGE) current.type = type;
      return;
    }
    current = { type, children: [] };
    sections.push(current);
  };
  tree.blocks.forEach((block, i) => {
    const prevBlank = tree.blocks[i - 1]?.type === "blank";
    if (block.type === "pageBreak") {
      // A break before anything is written, or right after another break, adds no page.
      if (!hasContent()) return;
      if (block.parity === "odd") {
        startSection(SectionType.ODD_PAGE);
        pendingBreak = false;
      } else if (current.children.length > 0) {
        pendingBreak = true;
      }
      return;
    }
    let pageBreakBefore = false;
    if (pendingBreak) {
      pendingBreak = false;
      if (block.type === "table" && !block.caption) startSection(SectionType.NEXT_PAGE);
      else pageBreakBefore = true;
    }
    current.children.push(...blockElements(block, ctx, { pageBreakBefore, prevBlank }));
  });
  // An empty tree still needs one paragraph for Word.
  if (sections[0]!.children.length === 0)
    sections[0]!.children.push(...blockElements({ type: "blank" }, ctx));
  return sections;
}

function sectionOptions(
  tree: DocumentTree,
  m: DocxMetrics,
  fonts: FontConfig,
  draft: SectionDraft,
  index: number,
) {
  const footers = pageFooters(m, fonts);
  const letterFirst = tree.kind === "letter" && index === 0;
  const options: ISectionOptions = {
    properties: {
      ...(draft.type ? { type: draft.type } : {}),
      ...(letterFirst ? { titlePage: true } : {}),
      page: {
        size: { width: m.pageWidth, height: m.pageHeight },
        margin: {
          top: m.marginTop,
          bottom: m.marginBottom,
          left: m.marginLeft,
          right: m.marginRight,
          footer: m.footerDistance,
          gutter: 0,
        },
      },
      grid: { type: DocumentGridType.LINES, linePitch: m.linePitch },
    },
    footers: { default: footers.odd, even: footers.even, ...(letterFirst ? { first: footers.empty } : {}) },
    children: draft.children,
  };
  return options;
}

export async function renderDocx(tree: DocumentTree, options: DocxOptions = {}): Promise<Uint8Array> {
  const layout = options.layout ?? defaultLayout();
  const m = docxMetrics(layout);
  const fonts: FontConfig = {
    names: layout.fontNames,
    ...(options.latinFont ? { latin: options.latinFont } : {}),
  };
  const core = coreXml(tree.meta); // validates meta.date before any work
  const drafts = buildSections(tree, { m, fonts });
  const doc = new Document({
    title: tree.meta.title,
    creator: tree.meta.author,
    lastModifiedBy: tree.meta.author,
    ...(tree.meta.subject ? { subject: tree.meta.subject } : {}),
    ...(tree.meta.keywords?.length ? { keywords: keywordsText(tree.meta.keywords) } : {}),
    evenAndOddHeaderAndFooters: true,
    sections: drafts.map((d, i) => sectionOptions(tree, m, fonts, d, i)),
  });
  const zip = await Packer.pack(doc, "uint8array", false, [
    { path: "docProps/core.xml", data: core },
    { path: "word/styles.xml", data: stylesXml(fonts, m.linePitch) },
  ]);
  return rezipDeterministic(zip, tree.meta.date);
}
