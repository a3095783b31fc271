/** The dataset schema and its compiled validator (ajv, JSON Schema 2020-12). */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import type { Ajv2020, ValidateFunction } from "ajv/dist/2020.js";
import { ajv2020 } from "../util/ajv-lazy.js";
import { SCHEMAS_DIR } from "../util/paths.js";
import { isDateFormat } from "./date-format.js";
import type { Dataset } from "./types.js";

export const SCHEMA_FILE = resolve(SCHEMAS_DIR, "operations.schema.json");
export const SCHEMA_ID = "https://gongwen.dev/schemas/operations.schema.json";

let schemaText: string | undefined;
let schema: Record<string, unknown> | undefined;
let validator: ValidateFunction<Dataset> | undefined;

export function loadSchema(): Record<string, unknown> {
  schemaText ??= readFileSync(SCHEMA_FILE, "utf8");
  schema ??= JSON.parse(schemaText) as Record<string, unknown>;
  return schema;
}

/** sha256 of the schema file's text: ties a precompiled validator to the schema it was made from. */
export function schemaHash(): string {
  schemaText ??= readFileSync(SCHEMA_FILE, "utf8");
  return createHash("sha256").update(schemaText).digest("hex");
}

/** Name of the precompiled validator next to this module in dist/ (written by `npm run build`). */
export const PRECOMPILED_VALIDATOR = "dataset-validator.cjs";
/** Name of the module, next to it, that holds its formats (the source of isDateFormat). */
export const PRECOMPILED_FORMATS = "dataset-formats.cjs";

/**
 * The ajv instance the validator is compiled with (scripts/gen-validator.mjs precompiles with
 * it). The "date" format is ajv-formats' definition, checked without a regular expression
 * (isDateFormat); precompiled code takes it from PRECOMPILED_FORMATS.
 */
export function datasetAjv(code?: { source: boolean }): Ajv2020 {
  const ajv = new (ajv2020().Ajv2020)({
    allErrors: true,
    verbose: true,
    strict: true,
    allowUnionTypes: true,
    ...(code ? { code: { ...code, formats: ajv2020()._`require(${"./" + PRECOMPILED_FORMATS})` } } : {}),
  });
  ajv.addKeyword({ keyword: "tsType", schemaType: "string" });
  ajv.addFormat("date", { type: "string", validate: isDateFormat });
  return ajv;
}

/**
 * The validator `npm run build` precompiled (ajv standalone code, saves ~0.4 s of CPU per CLI
 * start), when it exists and was made from this very schema; otherwise undefined.
 */
function precompiledValidator(): ValidateFunction<Dataset> | undefined {
  try {
    const mod = createRequire(import.meta.url)(`./${PRECOMPILED_VALIDATOR}`) as {
      default?: ValidateFunction<Dataset>;
      schemaHash?: string;
    };
    return mod.schemaHash === schemaHash() && typeof mod.default === "function" ? mod.default : undefined;
  } catch {
    return undefined;
  }
}

/** The compiled validator: all errors, with the schema and data of each (verbose). */
export function datasetValidator(): ValidateFunction<Dataset> {
  validator ??= precompiledValidator() ?? datasetAjv().compile<Dataset>(loadSchema());
  return validator;
}
