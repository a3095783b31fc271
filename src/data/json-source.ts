/**
 * Parse JSON text keeping where every value sits, so each message can name line and column.
 * Lines and columns are 1-based; a column counts characters (a tab is one column).
 */
import jsonSourceMap from "json-source-map";
import type { Msg } from "./messages.js";

export interface Position {
  line: number;
  column: number;
}

export interface ParsedJson {
  ok: true;
  data: unknown;
  /** Position of the value at a JSON pointer, or of its key (for a member of an object). */
  locate(pointer: string, anchor: "value" | "key"): Position | undefined;
}

export interface JsonSyntaxError {
  ok: false;
  position: Position;
  message: Msg;
}

/** Line-start offsets for turning a character offset into 1-based line:column. */
export function lineIndex(text: string): (pos: number) => Position {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (pos) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    const start = starts[lo]!;
    // Count code points, so a character outside the BMP is one column.
    return { line: lo + 1, column: Array.from(text.slice(start, pos)).length + 1 };
  };
}

export function parseJsonText(text: string): ParsedJson | JsonSyntaxError {
  // A byte-order mark is harmless: read it as whitespace so offsets stay the same.
  const source = text.charCodeAt(0) === 0xfeff ? " " + text.slice(1) : text;
  const at = lineIndex(source);
  if (source.trim() === "") {
    return {
      ok: false,
      position: { line: 1, column: 1 },
      message: { zh: "文件为空", en: "the file is empty" },
    };
  }
  // The parser below is recursive: refuse absurd nesting with a message instead of a stack overflow.
  const deep = tooDeep(source, MAX_DEPTH);
  if (deep !== undefined) {
    return {
      ok: false,
      position: at(deep),
      message: {
        zh: `JSON 嵌套层数过多（超过 ${MAX_DEPTH} 层），不是有效的数据文件`,
        en: `JSON nested more than ${MAX_DEPTH} levels deep; not a dataset`,
      },
    };
  }
  let parsed: ReturnType<typeof jsonSourceMap.parse>;
  try {
    parsed = jsonSourceMap.parse(source);
  } catch (e) {
    const m = /at position (\d+)/.exec(e instanceof Error ? e.message : "");
    const pos = m ? Number(m[1]) : source.length;
    // A trailing comma is shown where the comma is, not at the bracket after it.
    const prev = previousNonSpaceIndex(source, pos);
    const atComma = prev !== undefined && source[prev] === "," && /[}\]]/.test(source[pos] ?? "");
    return { ok: false, position: at(atComma ? prev : pos), message: describeSyntaxError(source, pos) };
  }
  // json-source-map accepts raw control characters (e.g. a line break) inside strings; JSON does not.
  const ctrl = rawControlCharInString(source);
  if (ctrl !== undefined) {
    return {
      ok: false,
      position: at(ctrl),
      message: {
        zh: "JSON 语法错误：字符串中不能直接换行或含控制字符（换行请写作 \\n）",
        en: "JSON syntax error: a string cannot contain a raw line break or control character (write \\n)",
      },
    };
  }
  const { data, pointers } = parsed;
  return {
    ok: true,
    data,
    locate(pointer, anchor) {
      const p = pointers[pointer];
      if (!p) return undefined;
      const loc = anchor === "key" && p.key ? p.key : p.value;
      return at(loc.pos);
    },
  };
}

/** Nesting deeper than any dataset has (the schema's deepest path is about ten levels). */
export const MAX_DEPTH = 200;

/** Offset of the bracket that opens level `max + 1`, if the text nests that deep. */
function tooDeep(s: string, max: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

function rawControlCharInString(s: string): number | undefined {
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      else if (c < 0x20) return i;
    } else if (c === 0x22) inString = true;
  }
  return undefined;
}

function previousNonSpaceIndex(s: string, pos: number): number | undefined {
  for (let i = pos - 1; i >= 0; i--) if (!/\s/.test(s[i]!)) return i;
  return undefined;
}

function previousNonSpace(s: string, pos: number): string | undefined {
  const i = previousNonSpaceIndex(s, pos);
  return i === undefined ? undefined : s[i];
}

/** A syntax error in words a clerk understands, with the likely slip where it is recognisable. */
function describeSyntaxError(s: string, pos: number): Msg {
  if (pos >= s.length) {
    return {
      zh: "JSON 语法错误：文件意外结束，可能缺少 } 或 ] 或引号",
      en: "JSON syntax error: unexpected end of file; a } or ] or quote may be missing",
    };
  }
  const ch = s[pos]!;
  const prev = previousNonSpace(s, pos);
  if ((ch === "}" || ch === "]") && prev === ",") {
    return {
      zh: `JSON 语法错误：${ch} 前多了一个逗号`,
      en: `JSON syntax error: extra comma before "${ch}"`,
    };
  }
  if (ch === "," && (prev === "," || prev === "{" || prev === "[")) {
    return { zh: "JSON 语法错误：多了一个逗号", en: "JSON syntax error: extra comma" };
  }
  if ("“”‘’".includes(ch)) {
    return {
      zh: `JSON 语法错误：${ch} 是中文引号，应改为英文半角双引号 "`,
      en: `JSON syntax error: "${ch}" is a typographic quote; use the ASCII double quote "`,
    };
  }
  if (ch === "，" || ch === "：") {
    const ascii = ch === "，" ? "," : ":";
    return {
      zh: `JSON 语法错误：全角符号 ${ch} 应改为英文半角 ${ascii}`,
      en: `JSON syntax error: "${ch}" is a full-width character; use ASCII ${ascii}`,
    };
  }
  if (ch === "'") {
    return {
      zh: "JSON 语法错误：字符串应使用双引号 \"，不能用单引号 '",
      en: "JSON syntax error: strings take double quotes \", not single quotes '",
    };
  }
  if ((ch === '"' || ch === "{" || ch === "[") && prev !== undefined && /["\]}0-9el]/.test(prev)) {
    return {
      zh: "JSON 语法错误：此处前面缺少逗号",
      en: "JSON syntax error: a comma is missing before this point",
    };
  }
  if (/[A-Za-z_$\u4e00-\u9fff]/.test(ch) && (prev === "{" || prev === ",")) {
    return {
      zh: 'JSON 语法错误：字段名须放在英文双引号中，如 "year"',
      en: 'JSON syntax error: a field name must be in double quotes, e.g. "year"',
    };
  }
  const shown = ch === "\n" || ch === "\r" ? "换行" : ch;
  return {
    zh: `JSON 语法错误：此处不应出现“${shown}”`,
    en: `JSON syntax error: unexpected "${ch === "\n" || ch === "\r" ? "line break" : ch}"`,
  };
}

/**
 * Keys that occur twice in the same object. JSON parsers keep only the last value, so a
 * duplicate silently loses data; each is reported once, by the pointer of the member.
 * Expects text that has already parsed.
 */
export function duplicateKeys(text: string): string[] {
  interface Frame {
    object: boolean;
    ptr: string;
    keys: Set<string>;
    key: string;
    index: number;
    expectKey: boolean;
  }
  const esc = (k: string) => k.replace(/~/g, "~0").replace(/\//g, "~1");
  const stack: Frame[] = [];
  const found = new Set<string>();
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      if (top?.object && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        const ptr = `${top.ptr}/${esc(key)}`;
        if (top.keys.has(key) && !found.has(ptr)) {
          found.add(ptr);
          out.push(ptr);
        }
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = j;
    } else if (c === "{" || c === "[") {
      const ptr = !top ? "" : top.object ? `${top.ptr}/${esc(top.key)}` : `${top.ptr}/${top.index}`;
      stack.push({ object: c === "{", ptr, keys: new Set(), key: "", index: 0, expectKey: c === "{" });
    } else if (c === "}" || c === "]") {
      stack.pop();
    } else if (c === "," && top) {
      if (top.object) top.expectKey = true;
      else top.index++;
    }
  }
  return out;
}
