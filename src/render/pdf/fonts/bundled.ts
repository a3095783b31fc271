/**
 * The free CJK fonts `npm ci` brings (SIL OFL 1.1): Noto Serif SC and Noto Sans SC as static
 * TrueType (glyf) instances from the @expo-google-fonts packages. They are the last resort for
 * every role, so a PDF always has real glyphs even on a machine without Chinese fonts.
 */
import { createRequire } from "node:module";
import type { FontRole } from "../../../document/tree.js";

const require = createRequire(import.meta.url);

export type BundledFont = "serif" | "serifBold" | "sans";

const FILES: Record<BundledFont, string> = {
  serif: "@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf",
  serifBold: "@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf",
  sans: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
};

/** Which bundled font stands in for each role: 黑体 → sans, 小标宋 → bold serif, others serif. */
export const BUNDLED_FOR_ROLE: Record<FontRole, BundledFont> = {
  fangsong: "serif",
  xiaobiaosong: "serifBold",
  heiti: "sans",
  kaiti: "serif",
  songti: "serif",
};

export function bundledFontPath(which: BundledFont): string {
  return require.resolve(FILES[which]);
}
