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
import {
  Document,
  DocumentGridType,
  Packer,
  Paragraph,
  SectionType,
  type ISectionOptions,
  type Table,
} from "docx";
import { strFromU8, unzipSync } from "fflate";
import type { LayoutOptions } from "../../document/layout.js";
import type { DocumentKind, DocumentMeta } from "../../document/tree.js";
import { pageFooters } from "./footer.js";
import type { DocxMetrics } from "./metrics.js";
import { entryOrder, keywordsText } from "./package.js";
import type { FontConfig } from "./runs.js";
import type { SectionDraft } from "./sections.js";
import { stylesXml } from "./styles-xml.js";
import { zipEntry, type ZipEntry } from "./zip.js";

export const DOCUMENT_PART = "word/document.xml";
export const CORE_PART = "docProps/core.xml";
export const RELS_PART = "word/_rels/document.xml.rels";

const SECTION_TYPE = { nextPage: SectionType.NEXT_PAGE, oddPage: SectionType.ODD_PAGE } as const;

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

function sectionOptions(input: PackInput, section: PackSection, index: number): ISectionOptions {
  const { m, fonts } = input;
  const footers = pageFooters(m, fonts);
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
      grid: { type: DocumentGridType.LINES, linePitch: m.linePitch },
    },
    footers: { default: footers.odd, even: footers.even, ...(letterFirst ? { first: footers.empty } : {}) },
    children: section.children,
  };
}

/** The package as docx writes it (entry dates are docx's: re-zip before use). */
export async function packWithDocx(input: PackInput): Promise<Uint8Array> {
  const { meta, m, fonts } = input;
  const doc = new Document({
    title: meta.title,
    creator: meta.author,
    lastModifiedBy: meta.author,
    ...(meta.subject ? { subject: meta.subject } : {}),
    ...(meta.keywords?.length ? { keywords: keywordsText(meta.keywords) } : {}),
    evenAndOddHeaderAndFooters: true,
    sections: input.sections.map((s, i) => sectionOptions(input, s, i)),
  });
  return Packer.pack(doc, "uint8array", false, [
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
  hit = buildSkeleton(kind, layout, m, fonts, types);
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
