/**
 * The docx package builds the DOCX: section properties, footers, settings, numbering, content
 * types, relationships, and (with our styles.xml and core.xml) the package. Only
 * word/document.xml's body and docProps/core.xml depend on the document; everything else depends
 * on the layout, the Latin font, the document kind (letters have an empty first-page footer) and
 * the sections' start types. So the package is built once per such key — a "skeleton" whose
 * sections each hold one empty paragraph — and kept: its parts compressed, and document.xml cut
 * into the head before the body, each section's properties (w:sectPr) and the tail.
 *
 * `packWithDocx` is the same construction with a real body: the reference that writes every part
 * through docx (renderDocxReference), against which the fast path is tested.
 */
import { createRequire } from "node:module";
import type { ISectionOptions, Paragraph, Table } from "docx";
import { strFromU8, strToU8, unzipSync } from "fflate";
import type { LayoutOptions } from "../../document/layout.js";
import type { DocumentKind, DocumentMeta } from "../../document/tree.js";
import type { DocxMetrics } from "./metrics.js";
import { entryOrder, keywordsText } from "./package.js";
import type { FontConfig } from "./runs.js";
import type { SectionDraft } from "./sections.js";
import { stylesXml } from "./styles-xml.js";
import { zipEntry, type ZipEntry } from "./zip.js";

export const DOCUMENT_PART = "word/document.xml";
export const CORE_PART = "docProps/core.xml";
export const RELS_PART = "word/_rels/document.xml.rels";

type Docx = typeof import("docx");
type PageFooters = typeof import("./footer.js").pageFooters;

interface PackSection {
  type?: SectionDraft["type"];
  children: (Paragraph | Table)[];
}

export interface PackInput {
  kind: DocumentKind;
  meta: DocumentMeta;
  layout: LayoutOptions;
  m: DocxMetrics;
  fonts: FontConfig;
  sections: PackSection[];
  /** docProps/core.xml as the package must carry it (ours: fixed dates). */
  core: string;
}

function sectionOptions(
  docx: Docx,
  pageFooters: PageFooters,
  input: PackInput,
  section: PackSection,
  index: number,
): ISectionOptions {
  const { m, fonts } = input;
  const footers = pageFooters(m, fonts);
  const SECTION_TYPE = { nextPage: docx.SectionType.NEXT_PAGE, oddPage: docx.SectionType.ODD_PAGE } as const;
  const letterFirst = input.kind === "letter" && index === 0;
  return {
    properties: {
      ...(section.type ? { type: SECTION_TYPE[section.type] } : {}),
      ...(letterFirst ? { titlePage: true } : {}),
      page: {
        size: { width: m.pageWidth, height: m.pageHeight },
        margin: {
          top: m.marginTop,
          bottom: m.marginBottom,
          left: m.marginLeft,
          right: m.marginRight,
          footer: m.footerDistance,
          gutter: 0,
        },
      },
      grid: { type: docx.DocumentGridType.LINES, linePitch: m.linePitch },
    },
    footers: { default: footers.odd, even: footers.even, ...(letterFirst ? { first: footers.empty } : {}) },
    children: section.children,
  };
}

/**
 * The docx package, loaded when a skeleton is built or the reference writer runs (not when a
 * document's skeleton was prebuilt): its single-file ESM bundle is 1 MB to compile.
 */
export const loadDocx = (): Promise<Docx> => import("docx");

/** The package as docx writes it (entry dates are docx's: re-zip before use). */
export async function packWithDocx(input: PackInput): Promise<Uint8Array> {
  const { meta, m, fonts } = input;
  const docx = await loadDocx();
  const { pageFooters } = await import("./footer.js");
  const doc = new docx.Document({
    title: meta.title,
    creator: meta.author,
    lastModifiedBy: meta.author,
    ...(meta.subject ? { subject: meta.subject } : {}),
    ...(meta.keywords?.length ? { keywords: keywordsText(meta.keywords) } : {}),
    evenAndOddHeaderAndFooters: true,
    sections: input.sections.map((s, i) => sectionOptions(docx, pageFooters, input, s, i)),
  });
  return docx.Packer.pack(doc, "uint8array", false, [
    { path: CORE_PART, data: input.core },
    { path: "word/styles.xml", data: stylesXml(fonts, m.linePitch) },
  ]);
}

export interface Skeleton {
  /** Part names in package order (entryOrder). */
  order: string[];
  /** Every part but word/document.xml and docProps/core.xml, compressed. */
  parts: Map<string, ZipEntry>;
  /** word/document.xml up to and including <w:body>. */
  head: string;
  /** Each section's w:sectPr, in order. */
  sectPrs: string[];
  /** </w:body></w:document>. */
  tail: string;
  /** word/_rels/document.xml.rels as text (a document with a seal image adds one relationship). */
  rels: string;
}

const MAX_SKELETONS = 32;
const cache = new Map<string, Promise<Skeleton>>();

/**
 * The skeleton for a document of `sections` section start types (undefined: the first section's
 * default), cached per layout, Latin font, kind and section types.
 */
export function skeletonFor(
  kind: DocumentKind,
  layout: LayoutOptions,
  m: DocxMetrics,
  fonts: FontConfig,
  types: readonly SectionDraft["type"][],
): Promise<Skeleton> {
  const key = JSON.stringify([layout.geometry, layout.fontNames, fonts.latin ?? null, kind, types]);
  let hit = cache.get(key);
  if (hit) {
    // Most recently used last.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const stored = prebuiltSkeleton(key);
  hit = stored ? Promise.resolve(stored) : buildSkeleton(kind, layout, m, fonts, types);
  hit.catch(() => cache.delete(key));
  cache.set(key, hit);
  if (cache.size > MAX_SKELETONS) cache.delete(cache.keys().next().value!);
  return hit;
}

async function buildSkeleton(
  kind: DocumentKind,
  layout: LayoutOptions,
  m: DocxMetrics,
  fonts: FontConfig,
  types: readonly SectionDraft["type"][],
): Promise<Skeleton> {
  const { Paragraph } = await loadDocx();
  const zip = await packWithDocx({
    kind,
    meta: { title: "", author: "", date: "1980-01-01" },
    layout,
    m,
    fonts,
    sections: types.map((type) => ({ ...(type ? { type } : {}), children: [new Paragraph({})] })),
    core: "",
  });
  const files = unzipSync(zip);
  const xml = strFromU8(files[DOCUMENT_PART]!);
  const bodyStart = xml.indexOf("<w:body>") + "<w:body>".length;
  const bodyEnd = xml.lastIndexOf("</w:body>");
  const sectPrs = [...xml.slice(bodyStart, bodyEnd).matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map(
    (x) => x[0],
  );
  if (bodyStart < "<w:body>".length || bodyEnd < 0 || sectPrs.length !== types.length)
    throw new Error("unexpected word/document.xml from the docx package");
  const parts = new Map<string, ZipEntry>();
  for (const [name, data] of Object.entries(files))
    if (name !== DOCUMENT_PART && name !== CORE_PART) parts.set(name, zipEntry(name, data));
  return {
    order: entryOrder(Object.keys(files)),
    parts,
    head: xml.slice(0, bodyStart),
    sectPrs,
    tail: xml.slice(bodyEnd),
    rels: strFromU8(files[RELS_PART]!),
  };
}

/**
 * Skeletons prebuilt at build time (scripts/gen-skeletons.mjs writes dist/render/docx/
 * docx-skeletons.cjs after tsc, as the templates and the dataset validator are precompiled):
 * the skeletons of the built-in documents in the default layout, keyed as skeletonFor keys its
 * cache. A cold `render summary` then loads neither the docx package nor builds a skeleton:
 * loading docx alone is ≈50 ms of CPU (`node -e "await import('docx')"` against `node -e 0`,
 * median of 7 paired runs) and the build ≈50–100 ms more, of a ≈1 s cold summary. The module
 * is written by the same build as this code, from this code's output: a skeleton it holds is
 * the one buildSkeleton makes (test/render/docx-skeletons.test.ts); when it is missing
 * (running the sources) the skeleton is built as before.
 */
export const PREBUILT_SKELETONS = "docx-skeletons.cjs";

/** One stored skeleton: parts as [name, crc, size, base64 DEFLATE data]. */
interface StoredSkeleton {
  order: string[];
  parts: [string, number, number, string][];
  head: string;
  sectPrs: string[];
  tail: string;
  rels: string;
}

let prebuilt: Map<string, StoredSkeleton> | null | undefined;

function prebuiltSkeleton(key: string): Skeleton | undefined {
  if (prebuilt === undefined) {
    try {
      const mod = createRequire(import.meta.url)(`./${PREBUILT_SKELETONS}`) as {
        skeletons?: Record<string, StoredSkeleton>;
      };
      prebuilt = mod.skeletons ? new Map(Object.entries(mod.skeletons)) : null;
    } catch {
      prebuilt = null;
    }
  }
  const s = prebuilt?.get(key);
  if (!s) return undefined;
  return {
    order: s.order,
    parts: new Map(
      s.parts.map(([name, crc, size, data]) => [
        name,
        { name: strToU8(name), crc, size, data: new Uint8Array(Buffer.from(data, "base64")) },
      ]),
    ),
    head: s.head,
    sectPrs: s.sectPrs,
    tail: s.tail,
    rels: s.rels,
  };
}

/**
 * The module source holding every skeleton this process has built (for the build script, after
 * it rendered the built-in documents), in key order.
 */
export async function prebuiltSkeletonsModule(): Promise<{ code: string; count: number }> {
  const entries: string[] = [];
  for (const key of [...cache.keys()].sort()) {
    const s = await cache.get(key)!;
    const stored: StoredSkeleton = {
      order: s.order,
      parts: [...s.parts].map(([name, e]) => [name, e.crc, e.size, Buffer.from(e.data).toString("base64")]),
      head: s.head,
      sectPrs: s.sectPrs,
      tail: s.tail,
      rels: s.rels,
    };
    entries.push(`${JSON.stringify(key)}: ${JSON.stringify(stored)}`);
  }
  return {
    code:
      "// Written by scripts/gen-skeletons.mjs (npm run build): DOCX skeletons of the built-in documents.\n" +
      '"use strict";\n' +
      `exports.skeletons = {\n${entries.join(",\n")}\n};\n`,
    count: entries.length,
  };
}
