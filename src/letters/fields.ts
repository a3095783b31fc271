/** Field names in letters' messages and the JSON pointers they stand for (within an application). */
import { fieldPathLabel } from "../data/field-labels.js";

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

/**
 * A field of an application as a Chinese message names it (the data layer's table of field
 * names): "received" → 收到日期, "reply.reason" → 答复理由, "consultations[1].sent" →
 * 第2次征求意见的发出日期; a field the table does not know keeps its key.
 */
export function fieldLabelZh(field: string): string {
  const m = /^consultations\[(\d+)\](?:\.(.+))?$/.exec(field);
  if (m) {
    const which = `第${Number(m[1]) + 1}次征求意见`;
    return m[2] ? `${which}的${fieldPathLabel(m[2]) ?? m[2]}` : which;
  }
  return fieldPathLabel(field.replace(/\[(\d+)\]/g, ".$1")) ?? field;
}

/** "reply.reason" → "/reply/reason"; "consultations[0].sent" → "/consultations/0/sent"; "" → "". */
export function fieldToPointer(field: string): string {
  let out = "";
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    out += "/" + (m[2] ?? m[1]!).replace(/~/g, "~0").replace(/\//g, "~1");
  return out;
}
