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
import { defaultLayout, INDENT, textWidthInChars, type LayoutOptions } from "../../document/layout.js";
import { runsText, type Block, type DocumentTree, type Run } from "../../document/tree.js";
import { ATTACHMENT_BLANK_LINES, blockElements, SIGNATURE_BLANK_LINES, type BlockContext } from "./blocks.js";
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

/** Estimated grid lines of body text: full-width characters over the line, indent included. */
function estimateLines(runs: readonly Run[], indentChars: number, charsPerLine: number): number {
  return runsText(runs)
    .split("\n")
    .reduce(
      (n, part, i) =>
        n + Math.max(1, Math.ceil(((i === 0 ? indentChars : 0) + textWidthInChars(part)) / charsPerLine)),
      0,
    );
}

/**
 * The blocks kept with the signature that follows them (BlockOptions.keepWithSignature): blank
 * lines and the attachment note right above it, and the last paragraph (or list item) of the
 * body — so that the signature and date never stand alone on a page (GB/T 9704-2012 7.3.5).
 * Word keeps the paragraph's last lines with the signature (two at least, widow control);
 * LibreOffice 7.4 moves the whole paragraph, and when the paragraph and the signature together
 * are longer than a page it gives up in a worse way (the date alone on the next page). So the
 * paragraph is kept with the signature only when both together are estimated to fit well
 * within one page (one line to spare); a longer final paragraph is left to flow as before.
 */
export function signatureKeeps(blocks: readonly Block[], layout: LayoutOptions): Set<number> {
  const { linesPerPage, charsPerLine } = layout.geometry;
  const keep = new Set<number>();
  blocks.forEach((b, s) => {
    if (b.type !== "signature") return;
    let lines = (b.seal ? SIGNATURE_BLANK_LINES.sealed : SIGNATURE_BLANK_LINES.plain) + 2;
    for (let j = s + 1; j < blocks.length; j++) {
      const n = blocks[j]!;
      if (n.type !== "note") break;
      lines += estimateLines(n.runs, INDENT.note, charsPerLine);
    }
    for (let i = s - 1; i >= 0; i--) {
      const p = blocks[i]!;
      if (p.type === "blank") {
        keep.add(i);
        continue;
      }
      if (p.type === "attachments") {
        keep.add(i);
        lines += ATTACHMENT_BLANK_LINES + p.items.length;
        continue;
      }
      const last =
        p.type === "paragraph"
          ? estimateLines(p.runs, p.indent === "none" ? 0 : INDENT.firstLine, charsPerLine)
          : p.type === "list" && p.items.length > 0
            ? estimateLines(p.items[p.items.length - 1]!, INDENT.firstLine + 1, charsPerLine)
            : undefined;
      if (last !== undefined && last + lines <= linesPerPage - 1) keep.add(i);
      break;
    }
  });
  return keep;
}

/** Splits the tree into sections and converts the blocks (see the page-break rule above). */
function buildSections(tree: DocumentTree, ctx: BlockContext, layout: LayoutOptions): SectionDraft[] {
  const keeps = signatureKeeps(tree.blocks, layout);
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
    current.children.push(
      ...blockElements(block, ctx, {
        pageBreakBefore,
        prevBlank,
        keepWithSignature: keeps.has(i),
        noteFollows: block.type === "signature" && tree.blocks[i + 1]?.type === "note",
      }),
    );
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
  const drafts = buildSections(tree, { m, fonts }, layout);
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
