/** compose: Handlebars templates → Markdown → document tree. */
export {
  composeDocument,
  hasPartial,
  renderMarkdown,
  renderPartial,
  type ComposeOptions,
} from "./compose.js";
export { markdownToTree, type MarkdownToTreeOptions } from "./markdown-to-tree.js";
export { numberHeadings, headingNumber } from "./numbering.js";
export { clearTemplateCache, getTemplateEngine, type RenderedMarkdown } from "./template-engine.js";
export { escapeMarkdown } from "./markdown-escape.js";
export * from "./helpers/index.js";
