/**
 * Escaping data for Markdown. `{{value}}` in a template inserts the value through
 * escapeMarkdown, so that "a*b*_c_ #1 |x|" stays those characters instead of turning into
 * emphasis, a heading or a table cell. `{{{value}}}` inserts Markdown as written.
 */

import { isWide } from "../document/chars.js";

/** Wide characters (document/chars.ts isWide): no space at a line join next to one. */
export function isWideChar(ch: string | undefined): boolean {
  return ch ? isWide(ch.codePointAt(0)!) : false;
}

/**
 * Backslash-escape every ASCII punctuation character (CommonMark lets any of them be escaped,
 * and each may start some construct: * _ emphasis, # heading, | table cell, < HTML, [ link,
 * ` code, 1. list, ::: block form, { attributes …) and fold line breaks, which would end a
 * paragraph or a table row: a break between wide characters disappears, elsewhere it becomes
 * one space.
 */
export function escapeMarkdown(text: string): string {
  const folded = text.replace(/[ \t]*(?:\r\n|\r|\n)[\s]*/g, (_m, offset: number, whole: string) => {
    // Whole characters (a surrogate pair is one), not UTF-16 units.
    const head = whole.slice(0, offset).trimEnd();
    const before = head.slice(/[\udc00-\udfff]$/.test(head) ? -2 : -1);
    const after = [...whole.slice(offset + _m.length, offset + _m.length + 2)][0] ?? "";
    if (!before || !after) return "";
    return isWideChar(before) || isWideChar(after) ? "" : " ";
  });
  return folded.replace(/[!-/:-@[-`{-~]/g, "\\$&");
}

/** Undo escapeMarkdown's backslashes (for block-form arguments read outside the inline parser). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}
