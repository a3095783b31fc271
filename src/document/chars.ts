/**
 * The width class of a character as Chinese documents set it (after UAX #11 East Asian Width):
 * - wide: set on the character grid, one full character (字) wide — CJK ideographs, kana,
 *   hangul, CJK and full-width punctuation, the punctuation Chinese text sets full width
 *   (“”‘’ —— …… · ∶), private-use characters and emoji;
 * - narrow: half a character — ASCII, the half-width forms U+FF61–U+FFDC and U+FFE8–U+FFEE;
 * - ambiguous: everything else (Latin-1 signs, ①, Ⅰ, ※ …), counted a full character where a
 *   width in characters is needed (Chinese fonts set them so) but not wide for line breaking or
 *   for joining lines.
 *
 * The one classifier of the PDF line breaker, the Markdown line join, GB/T 9704 placements
 * (textWidthInChars) and title line breaks.
 */
export type CharWidth = "wide" | "narrow" | "ambiguous";

/** A character set on the character grid (one full character wide). */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xe000 && cp <= 0xfaff) ||
    (cp >= 0xfe10 && cp <= 0xfe1f) ||
    (cp >= 0xfe30 && cp <= 0xfe6f) ||
    (cp >= 0xff01 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    cp === 0x2018 ||
    cp === 0x2019 ||
    cp === 0x201c ||
    cp === 0x201d ||
    cp === 0x2014 ||
    cp === 0x2026 ||
    cp === 0x2025 ||
    cp === 0x00b7 ||
    cp === 0x2236
  );
}

/** A half-width character: ASCII and the half-width forms. */
export function isNarrow(cp: number): boolean {
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xff61 && cp <= 0xffdc) || (cp >= 0xffe8 && cp <= 0xffee);
}

export function charWidth(cp: number): CharWidth {
  return isWide(cp) ? "wide" : isNarrow(cp) ? "narrow" : "ambiguous";
}

/**
 * Columns a string takes in a terminal: a wide character (charWidth "wide") two, anything
 * else one — terminals set the ambiguous characters narrow outside CJK locales.
 */
export function terminalColumns(s: string): number {
  let n = 0;
  for (const ch of s) n += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return n;
}
