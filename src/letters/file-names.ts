/**
 * File names of letters: `<id>-<suffix>.<format>`. Ids are sanitised so a name can never leave
 * the output folder or be refused by a file system: only letters, digits, '.', '_' and '-' are
 * kept (anything else becomes '_'), no leading dot, no '..', no trailing dot, at most 100
 * characters of id, and a name whose part before the first dot is a Windows device name (CON,
 * NUL, COM1 …) is prefixed with '_'. Two ids that come out the same get -2, -3 … in dataset
 * order.
 */

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const MAX_ID = 100;

/** A safe file-name stem for an application id (not yet made unique). */
export function sanitizeId(id: string): string {
  let s = [...id].map((ch) => (/^[A-Za-z0-9._-]$/.test(ch) ? ch : "_")).join("");
  s = s.slice(0, MAX_ID).replace(/\.+$/, "");
  // No leading dot (hidden files) and no ".." anywhere.
  s = s.replace(/^\.+|\.{2,}/g, (m) => "_".repeat(m.length));
  if (s === "") s = "_";
  const head = s.split(".")[0] ?? "";
  if (RESERVED.test(head)) s = "_" + s;
  return s;
}

/** Unique safe stems for ids in order (case-insensitively unique, for case-insensitive file systems). */
export function uniqueStems(ids: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const id of ids) {
    if (out.has(id)) continue;
    const base = sanitizeId(id);
    let stem = base;
    for (let n = 2; taken.has(stem.toLowerCase()); n++) stem = `${base}-${n}`;
    taken.add(stem.toLowerCase());
    out.set(id, stem);
  }
  return out;
}
