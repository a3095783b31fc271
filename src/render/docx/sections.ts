/**
 * The tree → sections of the writer's paragraphs and tables (model.ts). Page breaks: w:pageBreakBefore
 * on the next paragraph; a break before a table without caption, and every `parity: "odd"` break,
 * become section breaks (nextPage / oddPage).
 */
import { INDENT, textWidthInChars, type LayoutOptions } from "../../document/layout.js";
import { runsText, type Block, type DocumentTree, type Run } from "../../document/tree.js";
import { ATTACHMENT_BLANK_LINES, blockElements, SIGNATURE_BLANK_LINES, type BlockContext } from "./blocks.js";
import type { BodyElement } from "./model.js";

/** A section of the document: how it starts, and its paragraphs and tables. */
export interface SectionDraft {
  /** Section start (w:type): a new page (the default for the first) or the next odd page. */
  type?: "nextPage" | "oddPage";
  children: BodyElement[];
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
export function buildSections(tree: DocumentTree, ctx: BlockContext, layout: LayoutOptions): SectionDraft[] {
  const keeps = signatureKeeps(tree.blocks, layout);
  const sections: SectionDraft[] = [{ children: [] }];
  let current = sections[0]!;
  let pendingBreak = false;
  const hasContent = () => sections.some((s) => s.children.length > 0);
  const startSection = (type: SectionDraft["type"]) => {
    if (current.children.length === 0) {
      // Nothing in the current section yet: make it start the right way instead.
      if (sections.length > 1 && type === "oddPage") current.type = type;
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
        startSection("oddPage");
        pendingBreak = false;
      } else if (current.children.length > 0) {
        pendingBreak = true;
      }
      return;
    }
    let pageBreakBefore = false;
    if (pendingBreak) {
      pendingBreak = false;
      if (block.type === "table" && !block.caption) startSection("nextPage");
      else pageBreakBefore = true;
    }
    current.children.push(
      ...blockElements(block, ctx, {
        pageBreakBefore,
        prevBlank,
        keepWithSignature: keeps.has(i),
        noteFollows: block.type === "signature" && tree.blocks[i + 1]?.type === "note",
        afterTitleBlock: tree.blocks[i - 1]?.type === "title" || tree.blocks[i - 1]?.type === "docNumber",
      }),
    );
  });
  // An empty tree still needs one paragraph for Word.
  if (sections[0]!.children.length === 0)
    sections[0]!.children.push(...blockElements({ type: "blank" }, ctx));
  return sections;
}
