/**
 * The heading numbering pass. Authors write plain headings; the number comes from the level,
 * as GB/T 9704 orders them: level 1 一、 level 2 （一） level 3 1. level 4 （1）.
 *
 * - A heading restarts the counters of every deeper level (一、 … （一）（二） … 二、 （一）).
 * - A heading marked `unnumbered` gets no number and does not count, but still restarts the
 *   deeper levels (it begins a section of its own).
 * - A title restarts everything (an attachment after a page break numbers from 一、 again).
 * - A skipped level simply starts at 1 (一、 then 1. with no （一） between).
 */
import { cnNumeral } from "./helpers/numerals.js";
import type { Block, DocumentTree, HeadingLevel } from "../document/tree.js";

/** The number of the n-th heading (1-based) at a level: 一、 （一） 1. （1）. */
export function headingNumber(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1:
      return `${cnNumeral(n)}、`;
    case 2:
      return `（${cnNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

/** A copy of the tree with every heading's `number` filled in. The input is not changed. */
export function numberHeadings(tree: DocumentTree): DocumentTree {
  const counters = [0, 0, 0, 0];
  const blocks = tree.blocks.map((block): Block => {
    if (block.type === "title") {
      counters.fill(0);
      return block;
    }
    if (block.type !== "heading") return block;
    const i = block.level - 1;
    for (let k = i + 1; k < counters.length; k++) counters[k] = 0;
    if (block.unnumbered) return { ...block, number: "" };
    counters[i] = counters[i]! + 1;
    return { ...block, number: headingNumber(block.level, counters[i]!) };
  });
  return { ...tree, blocks };
}
