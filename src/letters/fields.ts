/** Field names in letters' messages and the JSON pointers they stand for (within an application). */

/** "/reply/reason" → "reply.reason"; "/consultations/0/sent" → "consultations[0].sent". */
export function pointerToField(pointer: string): string {
  const parts = pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  let out = "";
  for (const p of parts) {
    if (/^\d+$/.test(p)) out += `[${p}]`;
    else out += out === "" ? p : `.${p}`;
  }
  return out;
}

/** "reply.reason" → "/reply/reason"; "consultations[0].sent" → "/consultations/0/sent"; "" → "". */
export function fieldToPointer(field: string): string {
  let out = "";
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    out += "/" + (m[2] ?? m[1]!).replace(/~/g, "~0").replace(/\//g, "~1");
  return out;
}
