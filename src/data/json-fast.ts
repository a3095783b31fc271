/**
 * The fast path for reading a dataset's JSON text: the built-in JSON.parse (some 30 times faster
 * than parsing with a position for every value), plus what JSON.parse does not tell:
 * - whether a key is repeated in one object (JSON.parse silently keeps the last value): proved
 *   absent by counting, without a second parse;
 * - where a value sits (line:column), found only for the pointers an error names, by a scan
 *   that skips everything else.
 *
 * Whenever the fast path cannot prove the text is plain — JSON.parse fails, the nesting is
 * deep, a key may be repeated, a key is `__proto__` (JSON.parse keeps it as a field, the
 * position-keeping parser does not) — it returns undefined and the exact path (json-source.ts)
 * decides, so every message and position stays what that path gives.
 */
import { lineIndex, type Position } from "./json-source.js";

export interface FastParsedJson {
  data: unknown;
  /**
   * Where each pointer (and each of its ancestors that exists) sits: offsets of the value and,
   * for a member of an object, of its key. One scan of the text for all the pointers.
   */
  locateAll(pointers: Iterable<string>): Locator;
}

export interface Locator {
  /** Position of the value at a JSON pointer, or of its key (a member of an object). */
  locate(pointer: string, anchor: "value" | "key"): Position | undefined;
}

/**
 * Parse `source` (a byte-order mark already replaced by a space) with JSON.parse; undefined
 * when the exact path must decide (see the module comment). `maxDepth`: nesting deeper than
 * this takes the exact path (which reports it when it is too deep).
 */
export function fastParseJson(source: string, maxDepth: number): FastParsedJson | undefined {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    return undefined;
  }
  const keys = typeof data === "object" && data !== null ? countKeys(data, 1, maxDepth) : 0;
  if (keys < 0) return undefined;
  const colons = countColons(source);
  // Every member of an object has a colon; any other colon of the text is in a string. So when
  // the text has no more colons than the parsed data has keys, no member was lost (see
  // structuralColons for the other case).
  if (colons !== keys && structuralColons(source, colons, data) !== keys) return undefined;
  return {
    data,
    locateAll: (pointers) => locatePointers(source, pointers),
  };
}

/**
 * The keys of every object (an object or array value); -1 when the nesting is deeper than
 * `maxDepth` or a key is `__proto__`.
 */
function countKeys(v: object, depth: number, maxDepth: number): number {
  if (depth > maxDepth) return -1;
  let n = 0;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === "object" && x !== null) {
        const k = countKeys(x, depth + 1, maxDepth);
        if (k < 0) return -1;
        n += k;
      }
    }
    return n;
  }
  const o = v as Record<string, unknown>;
  for (const key in o) {
    n++;
    if (key === "__proto__") return -1;
    const x = o[key];
    if (typeof x === "object" && x !== null) {
      const k = countKeys(x, depth + 1, maxDepth);
      if (k < 0) return -1;
      n += k;
    }
  }
  return n;
}

/** Colons in every string of parsed data, keys included. */
function colonsInStrings(v: unknown): number {
  if (typeof v === "string") return countColons(v);
  if (typeof v !== "object" || v === null) return 0;
  let n = 0;
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) n += colonsInStrings(v[i]);
  else
    for (const key in v as Record<string, unknown>)
      n += countColons(key) + colonsInStrings((v as Record<string, unknown>)[key]);
  return n;
}

function countColons(s: string): number {
  let n = 0;
  for (let i = s.indexOf(":"); i >= 0; i = s.indexOf(":", i + 1)) n++;
  return n;
}

/**
 * Colons of the text outside strings: one per object member. Every colon of the text is either
 * that or a character of a string, and each such character reads as one colon in the parsed
 * string — unless written as the escape \u003a, in which case the text is scanned instead.
 * When a key is repeated, the parsed data lost a member (and the strings in its value), so the
 * count exceeds the keys counted in the data: equality proves there is no repeated key.
 */
function structuralColons(text: string, colons: number, data: unknown): number {
  if (/\\u003a/i.test(text)) return scanStructuralColons(text);
  return colons - colonsInStrings(data);
}

function scanStructuralColons(text: string): number {
  let n = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x3a) n++;
  }
  return n;
}

// ---- positions ----------------------------------------------------------------------------

interface Loc {
  value: number;
  key: number | undefined;
}

/** A node of the tree of pointer segments to find; `children` undefined: nothing below is wanted. */
interface Wanted {
  ptr: string;
  children: Map<string, Wanted> | undefined;
}

function wantedTree(pointers: Iterable<string>): Wanted {
  const root: Wanted = { ptr: "", children: undefined };
  for (const p of pointers) {
    if (p === "" || p[0] !== "/") continue;
    let node = root;
    let ptr = "";
    for (const seg of p.slice(1).split("/")) {
      ptr += "/" + seg;
      node.children ??= new Map();
      let next = node.children.get(seg);
      if (!next) {
        next = { ptr, children: undefined };
        node.children.set(seg, next);
      }
      node = next;
    }
  }
  return root;
}

const escapeSegment = (k: string): string =>
  k.includes("~") || k.includes("/") ? k.replace(/~/g, "~0").replace(/\//g, "~1") : k;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * The offsets of the wanted pointers (and their ancestors) in valid JSON text, as json-source-map
 * gives them: a value at its first character, a key at its opening quote.
 */
function locatePointers(text: string, pointers: Iterable<string>): Locator {
  const found = new Map<string, Loc>();
  const n = text.length;
  const ws = (i: number): number => {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    return i;
  };
  /** Index just past the string starting at the quote at `i`. */
  const skipString = (i: number): number => {
    for (let j = i + 1; ; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x5c) j++;
      else if (c === 0x22) return j + 1;
    }
  };
  /** Index just past the value starting at `i`. */
  const skipValue = (i: number): number => {
    const c = text.charCodeAt(i);
    if (c === 0x22) return skipString(i);
    if (c === 0x7b || c === 0x5b) {
      let depth = 0;
      for (let j = i; ; j++) {
        const d = text.charCodeAt(j);
        if (d === 0x22) j = skipString(j) - 1;
        else if (d === 0x7b || d === 0x5b) depth++;
        else if (d === 0x7d || d === 0x5d) {
          if (--depth === 0) return j + 1;
        }
      }
    }
    let j = i;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 0x2c || d === 0x7d || d === 0x5d || isSpace(d)) break;
      j++;
    }
    return j;
  };
  /** Record the value at `i` (and what is wanted inside it); index just past it. */
  const visit = (i: number, node: Wanted, key: number | undefined): number => {
    found.set(node.ptr, { value: i, key });
    const children = node.children;
    if (!children) return skipValue(i);
    const c = text.charCodeAt(i);
    if (c === 0x7b) {
      let j = ws(i + 1);
      if (text.charCodeAt(j) === 0x7d) return j + 1;
      for (;;) {
        const keyAt = j;
        const end = skipString(j);
        const raw = text.slice(j + 1, end - 1);
        const k = raw.includes("\\") ? (JSON.parse(text.slice(j, end)) as string) : raw;
        j = ws(ws(end) + 1); // past the colon
        const child = children.get(escapeSegment(k));
        j = child ? visit(j, child, keyAt) : skipValue(j);
        j = ws(j);
        if (text.charCodeAt(j) === 0x7d) return j + 1;
        j = ws(j + 1); // past the comma
      }
    }
    if (c === 0x5b) {
      let j = ws(i + 1);
      if (text.charCodeAt(j) === 0x5d) return j + 1;
      for (let index = 0; ; index++) {
        const child = children.get(String(index));
        j = child ? visit(j, child, undefined) : skipValue(j);
        j = ws(j);
        if (text.charCodeAt(j) === 0x5d) return j + 1;
        j = ws(j + 1);
      }
    }
    return skipValue(i);
  };
  visit(ws(0), wantedTree(pointers), undefined);

  let at: ((pos: number) => Position) | undefined;
  return {
    locate(pointer, anchor) {
      const loc = found.get(pointer);
      if (!loc) return undefined;
      at ??= lineIndex(text);
      return at(anchor === "key" && loc.key !== undefined ? loc.key : loc.value);
    },
  };
}
