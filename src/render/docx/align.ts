import { AlignmentType } from "docx";
import type { Align } from "../../document/tree.js";

/** Tree alignment → w:jc. "justify" is w:jc="both" (CJK text justifies across the full line). */
export function alignment(align: Align) {
  switch (align) {
    case "left":
      return AlignmentType.LEFT;
    case "center":
      return AlignmentType.CENTER;
    case "right":
      return AlignmentType.RIGHT;
    case "justify":
      return AlignmentType.JUSTIFIED;
  }
}
