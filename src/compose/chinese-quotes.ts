/**
 * Typographic quotes for Chinese text. Data typed on an ASCII keyboard or copied from a web page
 * brings straight quotes ("红旗窗口", 'A类'); a Chinese document sets “” and ‘’ (GB/T 15834).
 * A pair of straight double quotes becomes “…” when what it encloses or the character right
 * before or after it is Chinese; a pair of straight single quotes becomes ‘…’ only when it
 * encloses Chinese and stands apart from Latin letters (an apostrophe, "don't", stays). Quotes
 * around or between Latin-only text ("cases", a code) and a quote left without a partner stay
 * as typed. URLs hold no quotes, so they are never touched.
 */

const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const LATIN_LETTER = /[A-Za-z]/;

export function chineseQuotes(text: string): string {
  if (!text.includes('"') && !text.includes("'")) return text;
  let out = text.replace(/"([^"\n]*)"/g, (m: string, inner: string, at: number, all: string) => {
    const before = all[at - 1] ?? "";
    const after = all[at + m.length] ?? "";
    return HAN.test(inner) || HAN.test(before) || HAN.test(after) ? `“${inner}”` : m;
  });
  out = out.replace(/'([^'\n]*)'/g, (m: string, inner: string, at: number, all: string) => {
    const before = all[at - 1] ?? "";
    const after = all[at + m.length] ?? "";
    if (!HAN.test(inner) || LATIN_LETTER.test(before) || LATIN_LETTER.test(after)) return m;
    return `‘${inner}’`;
  });
  return out;
}
