/** The dataset schema and its compiled validator (ajv, JSON Schema 2020-12). */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { SCHEMAS_DIR } from "../util/paths.js";
import type { Dataset } from "./types.js";

export const SCHEMA_FILE = resolve(SCHEMAS_DIR, "operations.schema.json");
export const SCHEMA_ID = "https://gongwen.dev/schemas/operations.schema.json";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020, formats: string[]) => void;

let schema: Record<string, unknown> | undefined;
let validator: ValidateFunction<Dataset> | undefined;

export function loadSchema(): Record<string, unknown> {
  schema ??= JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as Record<string, unknown>;
  return schema;
}

/** The compiled validator: all errors, with the schema and data of each (verbose). */
export function datasetValidator(): ValidateFunction<Dataset> {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    ajv.addKeyword({ keyword: "tsType", schemaType: "string" });
    addFormats(ajv, ["date"]);
    validator = ajv.compile<Dataset>(loadSchema());
  }
  return validator;
}
