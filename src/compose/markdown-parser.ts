/**
 * The one markdown-it instance compose uses (made once per process), configured for 公文:
 *
 * - kept: headings (ATX and setext), paragraphs, hard breaks, **bold** / *italic*, lists,
 *   GFM pipe tables, backslash escapes and entities;
 * - off: indented code (templates indent freely), fences, block quotes, rules, raw HTML, links,
 *   images, autolinks, code spans, strikethrough, typographer — their characters stay text;
 * - CJK-friendly emphasis (markdown-it-cjk-friendly), so **“三集中”** is bold next to Chinese;
 * - gongwen's block forms: `::: name args` … `:::` (and one-line `::: pagebreak`, `::: blank`);
 * - `{-}` at the end of a heading opts it out of numbering.
 */
import markdownIt, { type MarkdownIt, type StateBlock, type StateCore, type Token } from "markdown-it";
import cjkFriendly from "markdown-it-cjk-friendly";
import { unescapeMarkdown } from "./markdown-escape.js";

/** A problem in the generated Markdown, at a 0-based line of it. */
export class MarkdownError extends Error {
  constructor(
    readonly line: number,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = "MarkdownError";
  }
}

/**
 * The block forms. `container`: body parsed as Markdown, closed by a `:::` line. `raw`: body
 * read as lines (table). `void`: one line, no body, no closing line.
 */
export const DIRECTIVES = {
  docnumber: "container",
  addressee: "container",
  signature: "container",
  attachments: "container",
  note: "container",
  center: "container",
  right: "container",
  noindent: "container",
  closing: "container",
  table: "raw",
  pagebreak: "void",
  blank: "void",
} as const;

export type DirectiveName = keyof typeof DIRECTIVES;

export interface DirectiveArgs {
  /** Bare words after the name, in order (`odd`, `seal`, `2`). */
  words: string[];
  /** `key=value` / `key="value"` pairs. */
  attrs: Record<string, string>;
}

export interface DirectiveMeta {
  name: DirectiveName;
  args: DirectiveArgs;
}

const ARG_RE = /\s*(?:([A-Za-z][\w-]*)=(?:"((?:[^"\\]|\\.)*)"|(\S+))|"((?:[^"\\]|\\.)*)"|(\S+))/y;

/** Parse `key=value key="quoted \" value" word` (values may carry Markdown escapes). */
export function parseDirectiveArgs(text: string, line: number): DirectiveArgs {
  const args: DirectiveArgs = { words: [], attrs: {} };
  ARG_RE.lastIndex = 0;
  let pos = 0;
  const src = text.trimEnd();
  while (pos < src.length) {
    ARG_RE.lastIndex = pos;
    const m = ARG_RE.exec(src);
    if (!m || m[0].length === 0) {
      throw new MarkdownError(
        line,
        `无法解析块参数：${src.slice(pos)}`,
        `cannot parse block arguments: ${src.slice(pos)}`,
      );
    }
    pos = ARG_RE.lastIndex;
    if (m[1] !== undefined) {
      if (Object.prototype.hasOwnProperty.call(args.attrs, m[1])) {
        throw new MarkdownError(line, `块参数 ${m[1]}= 重复`, `block argument ${m[1]}= given twice`);
      }
      args.attrs[m[1]] = unescapeMarkdown(m[2] ?? m[3] ?? "");
    } else {
      args.words.push(unescapeMarkdown(m[4] ?? m[5] ?? ""));
    }
  }
  return args;
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]!);
}

function directiveRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const text = lineText(state, startLine);
  const m = /^:{3,}(.*)$/.exec(text);
  if (!m) return false;
  if (silent) return true;
  const rest = m[1]!.trim();
  if (rest === "") {
    throw new MarkdownError(
      startLine,
      "多余的 :::（前面没有对应的 ::: 块名）",
      "stray ::: (no block was opened)",
    );
  }
  const head = /^([A-Za-z][A-Za-z-]*)(?:\s+(.*))?$/.exec(rest);
  const name = head?.[1];
  if (!head || !name || !Object.prototype.hasOwnProperty.call(DIRECTIVES, name)) {
    const known = Object.keys(DIRECTIVES).join("、");
    throw new MarkdownError(
      startLine,
      `未知的块 ::: ${rest.split(/\s/)[0]}（可用：${known}）`,
      `unknown block ::: ${rest.split(/\s/)[0]} (known: ${Object.keys(DIRECTIVES).join(", ")})`,
    );
  }
  const kind = DIRECTIVES[name as DirectiveName];
  const meta: DirectiveMeta = {
    name: name as DirectiveName,
    args: parseDirectiveArgs(head[2] ?? "", startLine),
  };

  if (kind === "void") {
    const token = state.push("gw_directive", "", 0);
    token.meta = meta as unknown as Record<string, unknown>;
    token.map = [startLine, startLine + 1];
    state.line = startLine + 1;
    return true;
  }

  let close = -1;
  for (let l = startLine + 1; l < endLine; l++) {
    const lt = lineText(state, l);
    if (/^:{3,}\s*$/.test(lt)) {
      close = l;
      break;
    }
    if (/^:{3,}/.test(lt)) {
      throw new MarkdownError(
        l,
        `块 ::: ${name} 还没有用 ::: 结束，不能再开始新的块`,
        `block ::: ${name} is not closed by ::: before another block starts`,
      );
    }
  }
  if (close < 0) {
    throw new MarkdownError(
      startLine,
      `块 ::: ${name} 没有结束行 :::`,
      `block ::: ${name} has no closing ::: line`,
    );
  }

  if (kind === "raw") {
    const token = state.push("gw_directive", "", 0);
    token.meta = meta as unknown as Record<string, unknown>;
    token.map = [startLine, close + 1];
    const lines: string[] = [];
    for (let l = startLine + 1; l < close; l++) lines.push(lineText(state, l));
    token.content = lines.join("\n");
    state.line = close + 1;
    return true;
  }

  const oldParent = state.parentType;
  const oldLineMax = state.lineMax;
  state.parentType = "gw_directive" as typeof state.parentType;
  state.lineMax = close;
  const open = state.push("gw_directive_open", "", 1);
  open.meta = meta as unknown as Record<string, unknown>;
  open.map = [startLine, close + 1];
  open.block = true;
  state.md.block.tokenize(state, startLine + 1, close);
  const closeToken = state.push("gw_directive_close", "", -1);
  closeToken.block = true;
  state.parentType = oldParent;
  state.lineMax = oldLineMax;
  state.line = close + 1;
  return true;
}

/** `## 结语 {-}` → heading without a number (meta.unnumbered on heading_open). */
function headingOptOut(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length - 1; i++) {
    const open = tokens[i]!;
    const inline = tokens[i + 1]!;
    if (open.type !== "heading_open" || inline.type !== "inline") continue;
    const m = /[ \t]*(?<!\\)\{-\}[ \t]*$/.exec(inline.content);
    if (!m) continue;
    inline.content = inline.content.slice(0, m.index);
    open.meta = { ...(open.meta ?? {}), unnumbered: true };
  }
}

let instance: MarkdownIt | undefined;

/** The shared, configured markdown-it instance. */
export function getMarkdownIt(): MarkdownIt {
  if (instance) return instance;
  const md = markdownIt("default", { html: false, linkify: false, typographer: false, breaks: false });
  md.disable([
    "code",
    "fence",
    "blockquote",
    "hr",
    "reference",
    "html_block",
    "html_inline",
    "link",
    "image",
    "autolink",
    "backticks",
    "strikethrough",
    "linkify",
    "replacements",
    "smartquotes",
  ]);
  md.use(cjkFriendly);
  md.block.ruler.before("table", "gw_directive", directiveRule, {
    alt: ["paragraph", "reference", "blockquote", "list"],
  });
  md.core.ruler.after("block", "gw_heading_opt_out", headingOptOut);
  instance = md;
  return md;
}

/** Inline-parse one piece of Markdown (a table cell); returns the inline token's children. */
export function parseInlineTokens(text: string): Token[] {
  const tokens = getMarkdownIt().parseInline(text, {});
  return tokens[0]?.children ?? [];
}
