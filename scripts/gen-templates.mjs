#!/usr/bin/env node
/**
 * Precompile the built-in templates (templates/**\/*.md.hbs) into
 * dist/compose/precompiled-templates.cjs, after `tsc` (part of `npm run build`). Handlebars
 * compiling them cost ≈0.45 s of CPU at every start of a rendering process; the precompiled
 * module loads in a few ms. Each entry records the SHA-256 of its source: src/compose/precompiled.ts
 * uses it only when that matches the template file, and compiles at run time otherwise. A user's
 * --templates folder is never precompiled.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { precompiledModule, PRECOMPILED_TEMPLATES } = await import(
  resolve(root, "dist/compose/precompiled.js")
);
const { TEMPLATE_EXT } = await import(resolve(root, "dist/compose/load-templates.js"));
const { readInputText } = await import(resolve(root, "dist/util/read-input.js"));

const dir = resolve(root, "templates");
const files = [];
const walk = (d) => {
  for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const f = join(d, e.name);
    if (e.isDirectory()) walk(f);
    else if (e.isFile() && e.name.endsWith(TEMPLATE_EXT)) files.push(f);
  }
};
walk(dir);
// Read as the engine reads a template (strict UTF-8, BOM removed), shown as it shows them.
const templates = new Map(
  files.map((f) => [relative(root, f).split(sep).join("/"), readInputText(f, { regularOnly: true })]),
);
const code = precompiledModule(templates);
const out = resolve(root, "dist/compose", PRECOMPILED_TEMPLATES);
writeFileSync(out, code);
console.log(
  `precompiled templates: ${relative(root, out)} (${templates.size} templates, ${(code.length / 1024).toFixed(0)} KB)`,
);
