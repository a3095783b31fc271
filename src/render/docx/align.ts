import type { Align } from "../../document/tree.js";
import type { Jc } from "./model.js";

/** Tree alignment → w:jc. "justify" is w:jc="both" (CJK text justifies across the full line). */
export function alignment(align: Align): Jc {
  switch (align) {
    case "left":
      return "left";
    case "center":
      return "center";
    case "right":
      return "right";
    case "justify":
      return "both";
  }
}
