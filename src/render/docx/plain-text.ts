/**
 * The text the DOCX writer puts on the page for each block, one string per paragraph, in
 * reading order (table cells row by row; cells covered by a span contribute nothing; line breaks
 * inside a paragraph are "\n"). The writer builds its paragraphs from these same functions, so
 * tests can compare what a reader extracts from the file with `docxParagraphTexts(tree)`.
 */
import { attachmentLines, defaultLayout, TITLE_STYLE } from "../../document/layout.js";
import { titleLines, titleWidthChars } from "../../document/title.js";
import { docxMetrics } from "./metrics.js";
import { runsText, type Block, type DocumentTree, type ListBlock } from "../../document/tree.js";
import { cleanText } from "./xml.js";

/** The label in front of a list item: "1." … for ordered lists, none for bullet lists. */
export function listItemLabel(list: Pick<ListBlock, "ordered">, index: number): string {
  return list.ordered ? `${index + 1}.` : "";
}

/**
 * Title text as written: the author's line split, else the shared title breaks (document/title.ts)
 * for a type area `typeWidthTwips` wide, joined by line breaks.
 */
export function titleText(
  block: { text: string; lines?: string[] },
  typeWidthTwips = docxMetrics(defaultLayout()).typeWidth,
): string {
  const lines =
    block.lines && block.lines.length > 0
      ? block.lines
      : titleLines(block.text, titleWidthChars(typeWidthTwips / 20, TITLE_STYLE.sizePt));
  return lines.join("\n");
}

export function blockParagraphTexts(block: Block): string[] {
  switch (block.type) {
    case "title":
      return [titleText(block)];
    case "docNumber":
    case "addressee":
      return [block.text];
    case "heading":
      return [block.number + runsText(block.runs)];
    case "paragraph":
    case "note":
      return [runsText(block.runs)];
    case "list":
      return block.items.map((item, i) => listItemLabel(block, i) + runsText(item));
    case "table": {
      const out: string[] = block.caption ? [block.caption] : [];
      for (const row of block.rows) {
        for (const cell of row.cells) {
          if (cell.paragraphs.length === 0) out.push("");
          for (const p of cell.paragraphs) out.push(runsText(p));
        }
      }
      return out;
    }
    case "attachments":
      return attachmentLines(block.items).map((l) => l.lead + l.title);
    case "signature":
      return [block.agency, block.date];
    case "pageBreak":
      return [];
    case "blank":
      return [""];
  }
}

/**
 * Paragraph texts of the whole document body, as cleaned for XML. Table padding cells (positions
 * a ragged row leaves empty) are not included; a table built by compose has none.
 */
export function docxParagraphTexts(tree: DocumentTree): string[] {
  return tree.blocks.flatMap(blockParagraphTexts).map(cleanText);
}
