/** Locations of the files gongwen ships (schemas, templates, calendar data, samples). */
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";

/** Package root: this file is src/util/paths.ts or dist/util/paths.js, two levels down. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

export const SCHEMAS_DIR = resolve(PACKAGE_ROOT, "schemas");
export const TEMPLATES_DIR = resolve(PACKAGE_ROOT, "templates");
export const HOLIDAYS_DIR = resolve(PACKAGE_ROOT, "data", "holidays");
export const SAMPLES_DIR = resolve(PACKAGE_ROOT, "samples");
