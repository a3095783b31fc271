/**
 * The built-in templates precompiled at build time (scripts/gen-templates.mjs writes
 * dist/compose/precompiled-templates.cjs after `tsc`, as scripts/gen-validator.mjs does for the
 * dataset validator). Compiling the 91 built-in templates and partials with Handlebars cost
 * ≈0.45 s of CPU at every start of a process that renders a document (19–24% of a cold
 * `render summary`); loading their precompiled code costs a few ms.
 *
 * Only the built-in templates folder is precompiled: a user's --templates folder always goes
 * through the runtime (template-engine.ts: confinement to regular files inside the folder, the
 * block-tag limit, checkAndRewrite's strictness). The precompiled code is made by the very same
 * steps as at run time — the same isolated environment with gongwen's strict lookups,
 * checkAndRewrite, the same compile options — from the same source, and it is used only when
 * the SHA-256 of the template file read now equals the one it was made from; a stale or missing
 * module is never wrong, only slower.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import {
  COMPILE_OPTIONS,
  compilerEnvironment,
  KNOWN_HELPER_NAMES,
  type CompiledUnit,
  type HandlebarsEnv,
} from "./handlebars-env.js";
import { checkAndRewrite, type Loc, type TemplateIndex } from "./template-ast.js";

/** Name of the module next to this one in dist/ (written by `npm run build`). */
export const PRECOMPILED_TEMPLATES = "precompiled-templates.cjs";

/** One precompiled template: its display path, source hash, Handlebars spec and index. */
interface PrecompiledEntry {
  sha256: string;
  spec: object;
  paths: [string, string][];
  outputs: [string, string][];
  partials: [string, Loc][];
}

let loaded: Map<string, PrecompiledEntry> | null | undefined;

function entries(): Map<string, PrecompiledEntry> | null {
  if (loaded !== undefined) return loaded;
  try {
    const mod = createRequire(import.meta.url)(`./${PRECOMPILED_TEMPLATES}`) as {
      templates?: Record<string, PrecompiledEntry>;
    };
    loaded = mod.templates ? new Map(Object.entries(mod.templates)) : null;
  } catch {
    loaded = null;
  }
  return loaded;
}

export function sourceHash(source: string): string {
  return createHash("sha256").update(source).digest("hex");
}

/**
 * The precompiled unit of a built-in template (by display path, e.g. templates/summary.md.hbs)
 * when one was made from exactly `source`; otherwise undefined (compile at run time).
 */
export function precompiledUnit(
  env: HandlebarsEnv,
  display: string,
  source: string,
): CompiledUnit | undefined {
  const entry = entries()?.get(display);
  if (!entry || entry.sha256 !== sourceHash(source)) return undefined;
  const fn = env.template(entry.spec as Parameters<HandlebarsEnv["template"]>[0]);
  const index: TemplateIndex = {
    paths: new Map(entry.paths),
    outputs: new Map(entry.outputs),
    partials: new Map(entry.partials),
  };
  return { display, render: (context, options) => fn(context, options), index };
}

/**
 * The module's source for the given templates (display path → source): for the build script.
 * Each template is parsed, checked and rewritten exactly as compileUnit does, then precompiled.
 */
export function precompiledModule(templates: ReadonlyMap<string, string>): string {
  const env = compilerEnvironment();
  const parts: string[] = [];
  for (const [display, source] of templates) {
    const ast = env.parseWithoutProcessing(source, { srcName: display });
    const index = checkAndRewrite(ast, KNOWN_HELPER_NAMES);
    const spec = env.precompile(ast, COMPILE_OPTIONS);
    parts.push(
      `${JSON.stringify(display)}: { sha256: ${JSON.stringify(sourceHash(source))}, ` +
        `paths: ${JSON.stringify([...index.paths])}, outputs: ${JSON.stringify([...index.outputs])}, ` +
        `partials: ${JSON.stringify([...index.partials])},\nspec: ${spec} }`,
    );
  }
  return (
    "// Written by scripts/gen-templates.mjs (npm run build): the built-in templates, precompiled.\n" +
    '"use strict";\n' +
    `exports.templates = {\n${parts.join(",\n")}\n};\n`
  );
}
