/**
 * Writing the updated dataset back without disturbing the clerk's file: only the records that
 * changed are rewritten, new records are appended after the last one, each in the style of its
 * neighbours (one line per record, or one line per field with short objects kept on one line),
 * with the file's own indentation and line endings. Everything else keeps its bytes.
 *
 * When the file's shape does not allow that (the list is missing and its parent is written on
 * one line, …) the whole dataset is written out in the same style instead. Either way the result
 * is checked to parse back to exactly the merged dataset.
 *
 * Why not jsonc-parser's `modify` + `applyEdits` (the well-kept tool for format-preserving
 * edits; tried with 3.3.1 on a list of one-line records): with formatting options it writes the
 * appended record over one line per field and rewrites the previous, unchanged record the same
 * way (its bytes change); without them it appends the record compact (`{"id":"A3",…}`) on the
 * previous record's line. Neither keeps the neighbours' style, which is what this module is for;
 * finding the records' positions is json-source-map's job here, as in validation.
 */
import jsonSourceMap from "json-source-map";

type Obj = Record<string, unknown>;

/** Lines longer than this put an object's fields on separate lines. */
export const LINE_WIDTH = 120;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** `{ "a": 1, "b": [1, 2] }` — one line, spaces inside braces as Prettier writes JSON. */
export function inlineJson(v: unknown): string {
  if (Array.isArray(v)) return v.length === 0 ? "[]" : `[${v.map(inlineJson).join(", ")}]`;
  if (isObj(v)) {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    return entries.length === 0
      ? "{}"
      : `{ ${entries.map(([k, x]) => `${JSON.stringify(k)}: ${inlineJson(x)}`).join(", ")} }`;
  }
  return JSON.stringify(v);
}

/** Code points, so a Chinese character counts once (as editors show columns). */
function width(s: string): number {
  return Array.from(s).length;
}

/**
 * A value over several lines: fields one per line at `indent + unit`, any field whose line fits
 * within LINE_WIDTH on one line. `indent` is the indentation of the line the value starts on;
 * `prefixWidth` is what precedes the value on that line.
 */
export function blockJson(v: unknown, indent: string, unit: string, eol: string, forceBlock = false): string {
  const inline = inlineJson(v);
  if (!(Array.isArray(v) || isObj(v))) return inline;
  if (!forceBlock && width(indent) + width(inline) <= LINE_WIDTH) return inline;
  const inner = indent + unit;
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    return `[${eol}${v.map((x) => inner + blockJson(x, inner, unit, eol)).join("," + eol)}${eol}${indent}]`;
  }
  const entries = Object.entries(v as Obj).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return "{}";
  const lines = entries.map(([k, x]) => {
    const head = `${inner}${JSON.stringify(k)}: `;
    const one = inlineJson(x);
    return width(head) + width(one) <= LINE_WIDTH ? head + one : head + blockJson(x, inner, unit, eol, true);
  });
  return `{${eol}${lines.join("," + eol)}${eol}${indent}}`;
}

interface TextStyle {
  unit: string;
  eol: string;
}

function styleOf(text: string): TextStyle {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const m = /\n([ \t]+)\S/.exec(text);
  return { unit: m ? m[1]! : "  ", eol };
}

/** Leading whitespace of the line holding position `pos`. */
function lineIndent(text: string, pos: number): string {
  const start = text.lastIndexOf("\n", pos - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** The whole dataset in the style above (the fallback). */
export function formatDataset(data: unknown, style: TextStyle = { unit: "  ", eol: "\n" }): string {
  return blockJson(data, "", style.unit, style.eol, true) + style.eol;
}

function escapeSegment(s: string): string {
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Deep equality of JSON values (key order ignored). */
function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]))
    );
  }
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && sameJson(a[k], b[k]));
  }
  return a === b;
}

export interface ListUpdate {
  /** Path of the list's parent object, e.g. ["disclosure"] or ["approval"]. */
  parent: string[];
  /** Key of the list in the parent: "applications" or "cases". */
  key: string;
  /** The list after merging. */
  list: unknown[];
  /** Indexes of records that are new or changed. */
  touched: Set<number>;
  /** Style of a record when the list has none to copy: one line (cases) or a block (applications). */
  inlineRecords: boolean;
}

/**
 * The dataset text with one list updated: `text` is the file as read, `merged` the whole dataset
 * after the update (for the fallback and the final check).
 */
export function updateListText(text: string, merged: unknown, u: ListUpdate): string {
  const bom = text.startsWith("\ufeff") ? "\ufeff" : "";
  const body = bom ? text.slice(1) : text;
  const style = styleOf(body);
  let out: string | undefined;
  try {
    out = patch(body, u, style);
  } catch {
    out = undefined;
  }
  if (out !== undefined) {
    try {
      if (sameJson(JSON.parse(out), merged)) return bom + out;
    } catch {
      /* fall through to the full rewrite */
    }
  }
  return bom + formatDataset(merged, style);
}

function patch(text: string, u: ListUpdate, style: TextStyle): string | undefined {
  const { pointers } = jsonSourceMap.parse(text);
  const parentPtr = u.parent.map((s) => "/" + escapeSegment(s)).join("");
  const listPtr = `${parentPtr}/${escapeSegment(u.key)}`;
  const listInfo = pointers[listPtr];
  const record = (rec: unknown, indent: string, inline: boolean) =>
    inline ? inlineJson(rec) : blockJson(rec, indent, style.unit, style.eol, true);

  if (!listInfo) {
    // Add the list as the parent's last member.
    const parent = pointers[parentPtr];
    if (!parent) return undefined;
    const members = Object.keys(pointers).filter(
      (p) => p.startsWith(parentPtr + "/") && !p.slice(parentPtr.length + 1).includes("/"),
    );
    if (members.length === 0) return undefined;
    const lastEnd = Math.max(...members.map((p) => pointers[p]!.valueEnd.pos));
    const lastKey = pointers[members.find((p) => pointers[p]!.valueEnd.pos === lastEnd)!]!.key;
    if (!lastKey || parent.value.line === parent.valueEnd.line) return undefined;
    const indent = lineIndent(text, lastKey.pos);
    const inner = indent + style.unit;
    const items = u.list.map((r) => inner + record(r, inner, u.inlineRecords));
    const arr =
      u.list.length === 0 ? "[]" : `[${style.eol}${items.join("," + style.eol)}${style.eol}${indent}]`;
    const member = `,${style.eol}${indent}${JSON.stringify(u.key)}: ${arr}`;
    return text.slice(0, lastEnd) + member + text.slice(lastEnd);
  }

  const oldLength = Object.keys(pointers).filter(
    (p) => p.startsWith(listPtr + "/") && /^\d+$/.test(p.slice(listPtr.length + 1)),
  ).length;
  // Replace changed records (from the end, so earlier positions stay valid), then append.
  const edits: { from: number; to: number; text: string }[] = [];
  for (const i of u.touched) {
    if (i >= oldLength) continue;
    const info = pointers[`${listPtr}/${i}`]!;
    const wasInline = info.value.line === info.valueEnd.line;
    edits.push({
      from: info.value.pos,
      to: info.valueEnd.pos,
      text: record(u.list[i], lineIndent(text, info.value.pos), wasInline),
    });
  }
  const added = u.list.slice(oldLength);
  if (added.length > 0) {
    if (oldLength > 0) {
      const last = pointers[`${listPtr}/${oldLength - 1}`]!;
      const indent = lineIndent(text, last.value.pos);
      const inline = last.value.line === last.valueEnd.line;
      if (last.value.line === listInfo.value.line) return undefined; // records share the list's line
      const more = added.map((r) => `,${style.eol}${indent}${record(r, indent, inline)}`).join("");
      edits.push({ from: last.valueEnd.pos, to: last.valueEnd.pos, text: more });
    } else {
      const indent = lineIndent(text, listInfo.value.pos);
      const inner = indent + style.unit;
      const items = added.map((r) => inner + record(r, inner, u.inlineRecords));
      edits.push({
        from: listInfo.value.pos,
        to: listInfo.valueEnd.pos,
        text: `[${style.eol}${items.join("," + style.eol)}${style.eol}${indent}]`,
      });
    }
  }
  edits.sort((a, b) => b.from - a.from);
  let out = text;
  for (const e of edits) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return out;
}
