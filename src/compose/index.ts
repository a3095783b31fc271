/** compose: Handlebars templates → Markdown → document tree. */
export { composeDocument, renderMarkdown, type ComposeOptions } from "./compose.js";
export { markdownToTree, type MarkdownToTreeOptions } from "./markdown-to-tree.js";
export { numberHeadings, headingNumber } from "../document/numbering.js";
export { clearTemplateCache, getTemplateEngine, type RenderedMarkdown } from "./template-engine.js";
export { escapeMarkdown } from "./markdown-escape.js";
export * from "./helpers/index.js";
