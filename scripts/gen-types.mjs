#!/usr/bin/env node
/**
 * Generate src/data/types.ts from schemas/operations.schema.json (json-schema-to-typescript).
 * `node scripts/gen-types.mjs` writes the file; `--check` exits 1 if the file is out of date.
 * The schema is the single source: never edit types.ts by hand.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "json-schema-to-typescript";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const schemaPath = resolve(root, "schemas/operations.schema.json");
const outPath = resolve(root, "src/data/types.ts");

export async function generateTypes() {
  const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
  inlineDescribedRefs(schema, schema.$defs);
  const banner = [
    "/**",
    " * Types of a gongwen dataset, generated from schemas/operations.schema.json by",
    " * scripts/gen-types.mjs (npm run gen:types). DO NOT EDIT BY HAND: change the schema and regenerate.",
    " */",
  ].join("\n");
  return compile(schema, "Dataset", {
    bannerComment: banner,
    additionalProperties: false,
    unreachableDefinitions: true,
    enableConstEnums: false,
    strictIndexSignatures: true,
    style: {
      printWidth: 110,
      trailingComma: "all",
      singleQuote: false,
      semi: true,
      tabWidth: 2,
      bracketSpacing: true,
    },
  });
}

/**
 * A `$ref` with a sibling `description` would make json-schema-to-typescript emit a fresh alias
 * (Text1, Text2, …). Point such properties at the named type instead (tsType), keeping the
 * description as the property's doc comment.
 */
function inlineDescribedRefs(node, defs) {
  if (Array.isArray(node)) {
    for (const n of node) inlineDescribedRefs(n, defs);
    return;
  }
  if (node === null || typeof node !== "object") return;
  if (typeof node.$ref === "string" && Object.keys(node).length > 1) {
    const name = node.$ref.replace("#/$defs/", "");
    const title = defs[name]?.title;
    if (!title) throw new Error(`$defs/${name} needs a title`);
    node.tsType = title;
    delete node.$ref;
  }
  // Conditionals (if/then) refine values TypeScript cannot express; they would only rename the type.
  if (Array.isArray(node.allOf) && node.allOf.every((c) => "if" in c)) delete node.allOf;
  for (const v of Object.values(node)) inlineDescribedRefs(v, defs);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ts = await generateTypes();
  if (process.argv.includes("--check")) {
    const current = readFileSync(outPath, "utf8");
    if (current !== ts) {
      console.error("src/data/types.ts is out of date: run npm run gen:types");
      process.exit(1);
    }
  } else {
    writeFileSync(outPath, ts);
  }
}
