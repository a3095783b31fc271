/**
 * The document kinds `gongwen render <kind>` knows. One entry per kind; the builder turns the
 * loaded dataset and its facts into a document tree (and optional extra outputs such as xlsx).
 */
import type { Argv } from "yargs";
import type { Dataset } from "../data/types.js";
import type { DocumentTree } from "../document/tree.js";
import type { Lang } from "../util/i18n.js";
import { summaryDocument } from "../compose/documents/summary.js";
import { annualReportDocument } from "../compose/documents/annual-report.js";
import { selfAuditDocument } from "../compose/documents/self-audit.js";

export interface RenderContext {
  /** Path of the dataset file as given. */
  file: string;
  dataset: Dataset;
  /** Parsed command-line arguments (kind-specific options such as --scheme). */
  argv: Record<string, unknown>;
  templatesDir?: string;
  lang: Lang;
}

export interface BuiltDocument {
  tree: DocumentTree;
  /** Extra outputs by format, e.g. { xlsx: () => bytes }. */
  extra?: Record<string, () => Promise<Uint8Array>>;
  /** Messages for the clerk (e.g. findings), printed after writing. */
  warnings?: string[];
}

export interface DocumentKind {
  name: string;
  /** Default output file name without extension. */
  baseName: string;
  describe: { zh: string; en: string };
  /** Output formats this kind supports; the first is the default. */
  formats: readonly string[];
  /** Kind-specific options. */
  options?: (y: Argv) => Argv;
  build(ctx: RenderContext): Promise<BuiltDocument>;
}

export const documentKinds: DocumentKind[] = [];
documentKinds.push(summaryDocument);
documentKinds.push(annualReportDocument);
documentKinds.push(selfAuditDocument);
