/**
 * Safe file names from data (application ids and the like): the one sanitiser every writer of
 * data-derived names uses, so a name can never leave the output folder or be refused by a file
 * system. Only ASCII letters, digits, '.', '_' and '-' are kept (anything else — path
 * separators, control characters, characters Windows refuses, other scripts — becomes '_'); no
 * leading dot (hidden files), no '..', no trailing dot; at most `maxLength` characters; and a
 * name whose part before the first dot is a Windows device name (CON, PRN, AUX, NUL, COM1–9,
 * LPT1–9, also with superscript digits) gets a leading '_'.
 */

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const SAFE_CHAR = /^[A-Za-z0-9._-]$/;

/** A safe file-name stem for `name` (not yet unique among its siblings). */
export function safeFileStem(name: string, maxLength = 100): string {
  let s = "";
  for (const ch of name) s += SAFE_CHAR.test(ch) ? ch : "_";
  s = s.slice(0, maxLength).replace(/\.+$/, "");
  // No leading dot (hidden files) and no ".." anywhere.
  s = s.replace(/^\.+|\.{2,}/g, (m) => "_".repeat(m.length));
  if (s === "") s = "_";
  const head = s.split(".")[0] ?? "";
  if (RESERVED.test(head)) s = "_" + s;
  return s;
}

/**
 * Unique safe stems for names in order: two names that come out the same (case-insensitively,
 * for case-insensitive file systems) get -2, -3 … in order of first appearance.
 */
export function uniqueFileStems(names: readonly string[], maxLength = 100): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const name of names) {
    if (out.has(name)) continue;
    const base = safeFileStem(name, maxLength);
    let stem = base;
    for (let n = 2; taken.has(stem.toLowerCase()); n++) stem = `${base}-${n}`;
    taken.add(stem.toLowerCase());
    out.set(name, stem);
  }
  return out;
}
