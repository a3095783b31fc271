/**
 * The free CJK fonts `npm ci` brings (SIL OFL 1.1): Noto Serif SC and Noto Sans SC as static
 * TrueType (glyf) instances from the @expo-google-fonts packages. They are the last resort for
 * every role, so a PDF always has real glyphs even on a machine without Chinese fonts.
 */
import { createRequire } from "node:module";
import type { FontRole } from "../../../document/tree.js";

const require = createRequire(import.meta.url);

export type BundledFont = "serif" | "sans";

const FILES: Record<BundledFont, string> = {
  serif: "@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf",
  sans: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
};

/** Which bundled font stands in for each role: 黑体 → sans, the others serif. */
export const BUNDLED_FOR_ROLE: Record<FontRole, BundledFont> = {
  fangsong: "serif",
  xiaobiaosong: "serif",
  heiti: "sans",
  kaiti: "serif",
  songti: "serif",
};

/**
 * Roles whose bundled stand-in is drawn with synthetic bold (fill + stroke, as draw.ts does for
 * bold runs): 小标宋, a heavier Song than the body's, for which no free face exists. The serif
 * drawn heavier looks as close to it as Noto Serif SC Bold did, and it is the face the letter
 * embeds anyway: a second face cost every PDF letter ≈ 7.8 KB of its ≈ 41 KB (the bold
 * subset 6.3 KB, its ToUnicode map and font objects 1.5 KB; 2023 sample's 95 letters: median
 * 44.5 → 36.9 KB), the 15 MB bold file's read at every cold start, and its subsetting in
 * every letter. A real 小标宋 (system or font configuration) is used as it is.
 */
export const SYNTHETIC_BOLD_ROLES: ReadonlySet<FontRole> = new Set<FontRole>(["xiaobiaosong"]);

export function bundledFontPath(which: BundledFont): string {
  return require.resolve(FILES[which]);
}
