/**
 * Escaping data for Markdown. `{{value}}` in a template inserts the value through
 * escapeMarkdown, so that "a*b*_c_ #1 |x|" stays those characters instead of turning into
 * emphasis, a heading or a table cell. `{{{value}}}` inserts Markdown as written.
 */

/** Wide (East Asian) characters and the punctuation used with them: no space at a line join. */
export function isWideChar(ch: string | undefined): boolean {
  if (!ch) return false;
  const cp = ch.codePointAt(0)!;
  return cp >= 0x2e80 || (cp >= 0x2010 && cp <= 0x206f);
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
    const before = whole.slice(0, offset).trimEnd().slice(-1);
    const after = whole.slice(offset + _m.length).slice(0, 1);
    if (!before || !after) return "";
    return isWideChar(before) || isWideChar(after) ? "" : " ";
  });
  return folded.replace(/[!-/:-@[-`{-~]/g, "\\$&");
}

/** Undo escapeMarkdown's backslashes (for block-form arguments read outside the inline parser). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}
