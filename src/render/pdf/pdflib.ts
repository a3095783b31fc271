/**
 * pdf-lib (the maintained fork `@cantoo/pdf-lib`), loaded from the single-file ESM bundle the
 * package ships: the same code and API as the package entry, which is ~190 separate modules and
 * costs about five times as much to load — noticeable in a CLI's cold start. Falls back to the
 * package entry if the bundle is not there.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

type PdfLib = typeof import("@cantoo/pdf-lib");

const require = createRequire(import.meta.url);
const bundle = join(dirname(require.resolve("@cantoo/pdf-lib")), "..", "dist", "pdf-lib.esm.min.js");
const lib = (
  existsSync(bundle) ? await import(pathToFileURL(bundle).href) : await import("@cantoo/pdf-lib")
) as PdfLib;

export const { PDFDocument, PDFName, PDFString, PDFHexString, PageSizes } = lib;
export type { PDFContext, PDFRef } from "@cantoo/pdf-lib";
