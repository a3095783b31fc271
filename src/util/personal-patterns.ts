/**
 * Values shaped like personal contact data — Chinese ID numbers (18 digits, the last may be X;
 * the old 15-digit form), mobile numbers (11 digits from 13…–19…, optionally +86, with or without
 * spaces or hyphens), landline numbers written with their area code (0xx-xxxxxxxx, (0xx)xxxxxxxx)
 * and e-mail addresses — found anywhere in a text, whether or not a known applicant gave them.
 *
 * Used by `--redact` (every free-text field of the dataset) and by every error and warning
 * message (messages go to logs: a value quoted back is masked, even in a field that is not an
 * applicant's).
 */

export const MASK = "***";

const PATTERNS: readonly RegExp[] = [
  // e-mail first (its local part may hold digits that look like a phone number). The parts are
  // bounded as RFC 5321 bounds them (local part 64, labels 63): unbounded, a 300,000-letter
  // value took 130 s to scan (every start position ran to the end of the text looking for @).
  /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,63}/g,
  // ID numbers: 18 characters (17 digits and a digit or X), or the old 15 digits
  /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g,
  /(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g,
  // mobile numbers
  /(?<![0-9A-Za-z+])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9A-Za-z])/g,
  // landlines with an area code
  /(?<![0-9A-Za-z])(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}-)\d{7,8}(?:-\d{1,6})?(?![0-9A-Za-z])/g,
];

/**
 * `text` with every ID number, phone number and e-mail address replaced by `mask` (***), except
 * the values in `keep` (an agency's own published telephone and e-mail, say).
 */
export function maskPersonalPatterns(text: string, keep?: ReadonlySet<string>, mask = MASK): string {
  let out = text;
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    if (!re.test(out)) continue;
    re.lastIndex = 0;
    out = out.replace(re, (m) => (keep?.has(m) ? m : mask));
  }
  return out;
}

/** Whether the text holds something shaped like an ID number, phone number or e-mail address. */
export function hasPersonalPattern(text: string): boolean {
  return maskPersonalPatterns(text) !== text;
}
