/** Joining items into Chinese running text: a、b和c; clauses x；y；z. */
import { HelperError, kindOf } from "./errors.js";

export interface EnumerateOptions {
  /** Between items, default 、. */
  sep?: string;
  /** Before the last item, default 和 (也可 及、或、以及；"、" for a plain list). */
  last?: string;
}

/** [] → "", [a] → "a", [a,b] → "a和b", [a,b,c] → "a、b和c". */
export function enumerate(items: readonly string[], options: EnumerateOptions = {}): string {
  const sep = options.sep ?? "、";
  const last = options.last ?? "和";
  if (items.length <= 1) return items[0] ?? "";
  return items.slice(0, -1).join(sep) + last + items[items.length - 1]!;
}

/** Clauses joined by full-width semicolons: [x,y,z] → "x；y；z". */
export function clauses(items: readonly string[]): string {
  return enumerate(items, { sep: "；", last: "；" });
}

/** Check that a helper argument is a list of strings or numbers and turn it into strings. */
export function toTextItems(v: unknown, helper: string): string[] {
  if (!Array.isArray(v)) {
    throw new HelperError(
      `${helper} 需要列表，得到 ${kindOf(v)}`,
      `${helper} needs a list, got ${kindOf(v)}`,
    );
  }
  return v.map((item, i) => {
    if (typeof item === "string") return item;
    if (typeof item === "number" && Number.isFinite(item)) return String(item);
    throw new HelperError(
      `${helper}：第 ${i + 1} 项不是文字或数值（${kindOf(item)}）`,
      `${helper}: item ${i + 1} is not text or a number (${kindOf(item)})`,
    );
  });
}
