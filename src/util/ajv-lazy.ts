/**
 * ajv, loaded when a schema is first compiled rather than when a module that may compile one is
 * imported. ajv (85 files with its 2020 dialect) and ajv-i18n were loaded by six modules'
 * static imports into every CLI process, ≈40 ms of CPU (`node -e "require('ajv/dist/2020.js')"`
 * against `node -e 0`, median of 7 paired runs); a `render summary` without a font, letters,
 * calendar or scheme file never compiles a schema (the dataset validator is precompiled at
 * build time, src/data/schema.ts). Both are CommonJS, so they are required synchronously and
 * every caller stays synchronous.
 */
import { createRequire } from "node:module";
import type * as Ajv2020Module from "ajv/dist/2020.js";

const require = createRequire(import.meta.url);

let ajvModule: typeof Ajv2020Module | undefined;

/** The `ajv/dist/2020.js` module (JSON Schema 2020-12), loaded on first use. */
export function ajv2020(): typeof Ajv2020Module {
  ajvModule ??= require("ajv/dist/2020.js") as typeof Ajv2020Module;
  return ajvModule;
}
