/**
 * compose: a named Handlebars template + a context object → Markdown → document tree with
 * numbered headings. The template engine and the Markdown parser are made once per process.
 */
import type { DocumentKind, DocumentMeta, DocumentTree } from "../document/tree.js";
import { numberHeadings } from "./numbering.js";
import type { Lang } from "../util/i18n.js";
import { markdownToTree } from "./markdown-to-tree.js";
import { getTemplateEngine, type RenderedMarkdown } from "./template-engine.js";

export interface ComposeOptions {
  kind: DocumentKind;
  meta: DocumentMeta;
  /** The user's --templates DIR: its templates and partials override the built-in ones by name. */
  templatesDir?: string;
  /** Language of error messages (templates themselves are Chinese). */
  lang?: Lang;
  /** Leave out headings with no content of their own (the summary; see markdown-to-tree.ts). */
  dropEmptyHeadings?: boolean;
}

/**
 * Render template `<name>.md.hbs` (e.g. "summary", "letters/reply-refused") to Markdown.
 * Useful to see what a template produced; composeDocument goes on to the tree.
 */
export function renderMarkdown(
  name: string,
  context: object,
  options: { templatesDir?: string; lang?: Lang } = {},
): RenderedMarkdown {
  return getTemplateEngine(options.templatesDir, options.lang).render(name, context, options.lang);
}

/** Whether partial `name` (e.g. "self-audit/rectify/disclosure/fee-amount") exists for that templates folder. */
export function hasPartial(name: string, options: { templatesDir?: string; lang?: Lang } = {}): boolean {
  return getTemplateEngine(options.templatesDir, options.lang).hasPartial(name);
}

/** Render partial `name` with a context, as a template calling it would insert it. */
export function renderPartial(
  name: string,
  context: object,
  options: { templatesDir?: string; lang?: Lang } = {},
): string {
  return getTemplateEngine(options.templatesDir, options.lang).renderPartial(name, context, options.lang);
}

/** Template → Markdown → document tree, headings numbered. Template and data errors are UserErrors. */
export function composeDocument(name: string, context: object, options: ComposeOptions): DocumentTree {
  const { markdown, source } = renderMarkdown(name, context, options);
  const tree = markdownToTree(markdown, {
    kind: options.kind,
    meta: options.meta,
    source,
    lang: options.lang,
    ...(options.dropEmptyHeadings ? { dropEmptyHeadings: true } : {}),
  });
  return numberHeadings(tree);
}
