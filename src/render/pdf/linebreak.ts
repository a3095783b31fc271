/**
 * Where a line may break. UAX #14 (the `linebreak` package) gives the base opportunities; the
 * Chinese rules (禁则, GB/T 15834 and 《中文排版需求》) go on top:
 * - any two CJK characters may break apart, except that
 * - no line starts with closing punctuation (，。、；：？！）》」』〕】” …) and
 * - no line ends with opening punctuation (（《「『〔【“ …);
 * - runs of Latin letters, digits and their punctuation (2014, 60%, 2023-12-31) stay whole;
 * - a URL or e-mail address breaks only at the usual points: after "//" and a single "/", after
 *   "-", before "#", "&", "=", "@" (never before "." or "?", which may not start a line); so does
 *   any other run of Latin text longer than LONG_LATIN_RUN characters (a long code or file name);
 * - a 破折号 —— or 省略号 …… is never split.
 */
import LineBreaker from "linebreak";
import { isWide } from "../../document/chars.js";

/** Closing punctuation: may not start a line. */
const CLOSING = new Set(
  [..."，。、；：？！）》」』〕】〗〙〛〉｝］｠”’％‰℃°・·,.;:?!)]}%"].map((c) => c.codePointAt(0)!),
);
/** Opening punctuation: may not end a line. */
const OPENING = new Set([..."（《「『〔【〖〘〚〈｛［｟“‘([{"].map((c) => c.codePointAt(0)!));
/** Full-width punctuation that may be compressed to half a character (glyph ink in one half). */
const SQUEEZABLE_CLOSING = new Set([..."，。、；：）》」』〕】〗〙〛〉｝］”’"].map((c) => c.codePointAt(0)!));
const SQUEEZABLE_OPENING = new Set([..."（《「『〔【〖〘〚〈｛［“‘"].map((c) => c.codePointAt(0)!));
const NO_SPLIT = new Set([0x2014, 0x2026, 0x2025]);

export const isClosing = (cp: number): boolean => CLOSING.has(cp);
export const isOpening = (cp: number): boolean => OPENING.has(cp);
export const isSqueezableClosing = (cp: number): boolean => SQUEEZABLE_CLOSING.has(cp);
export const isSqueezableOpening = (cp: number): boolean => SQUEEZABLE_OPENING.has(cp);

export function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0xa0 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f;
}

/** Characters set on the character grid: the one width classifier (document/chars.ts). */
export { isWide };

/** A run of Latin text (no spaces) longer than this breaks at the URL points too. */
export const LONG_LATIN_RUN = 16;

/** May a URL (or a long Latin run) break between a and b? */
function urlBreak(a: number, b: number): boolean {
  const slash = 0x2f;
  if (a === slash) return b !== slash;
  if (b === slash) return false;
  if (a === 0x2d) return true; // after "-"
  return b === 0x23 || b === 0x26 || b === 0x3d || b === 0x40;
}

const isDigitOrLetter = (cp: number): boolean =>
  (cp >= 0x30 && cp <= 0x39) ||
  (cp >= 0x41 && cp <= 0x5a) ||
  (cp >= 0x61 && cp <= 0x7a) ||
  (cp >= 0xc0 && cp <= 0x24f);

/** String.fromCodePoint over any number of code points (a spread of a long array overflows the stack). */
export function fromCodePoints(cps: readonly number[]): string {
  let out = "";
  for (let i = 0; i < cps.length; i += 4096) out += String.fromCodePoint(...cps.slice(i, i + 4096));
  return out;
}

/**
 * Break opportunities for a sequence of code points: result[i] is true when a line may start
 * at i (for 0 < i < n). result[0] is false.
 */
export function breakOpportunities(cps: readonly number[]): Uint8Array {
  const n = cps.length;
  const allowed = new Uint8Array(n);
  if (n < 2) return allowed;
  // UAX #14 over the string; positions are UTF-16 offsets, so map them to code-point indices.
  const text = fromCodePoints(cps);
  const utf16ToIndex = new Int32Array(text.length + 1).fill(-1);
  for (let i = 0, u = 0; i < n; i++) {
    utf16ToIndex[u] = i;
    u += cps[i]! > 0xffff ? 2 : 1;
  }
  const uax = new Uint8Array(n);
  const breaker = new LineBreaker(text);
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const i = utf16ToIndex[bk.position] ?? -1;
    if (i > 0 && i < n) uax[i] = 1;
  }
  // Tokens of non-space, non-CJK characters that look like URLs or e-mail addresses, or are
  // long, break only at the URL points (urlBreak).
  const urlToken = new Uint8Array(n);
  for (let s = 0; s < n;) {
    if (isSpace(cps[s]!) || isWide(cps[s]!)) {
      s++;
      continue;
    }
    let e = s;
    while (e < n && !isSpace(cps[e]!) && !isWide(cps[e]!)) e++;
    const tok = fromCodePoints(cps.slice(s, e));
    if (e - s > LONG_LATIN_RUN || /:\/\/|^www\.|@|\.(com|cn|org|net|gov)\b/i.test(tok))
      urlToken.fill(1, s, e);
    s = e;
  }
  for (let i = 1; i < n; i++) {
    const a = cps[i - 1]!;
    const b = cps[i]!;
    let ok: boolean;
    if (isSpace(b)) ok = false;
    else if (isClosing(b) || isOpening(a)) ok = false;
    else if (NO_SPLIT.has(a) && a === b) ok = false;
    else if (isSpace(a)) ok = true;
    else if (isWide(a) || isWide(b)) ok = true;
    else if (urlToken[i] === 1) ok = urlToken[i - 1] === 1 && urlBreak(a, b);
    // Inside Latin text: UAX #14 decides (digits with % or a decimal point stay together).
    else ok = uax[i] === 1 && !(isDigitOrLetter(a) && isDigitOrLetter(b));
    allowed[i] = ok ? 1 : 0;
  }
  return allowed;
}
