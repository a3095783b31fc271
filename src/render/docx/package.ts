/**
 * Package-level parts and deterministic zipping.
 *
 * The docx package stamps docProps/core.xml with the current time and zips with the current time
 * as every entry's date, and offers no option for either. We replace core.xml with our own
 * (title, author = the agency, subject, keywords, created = modified = the tree's fixed date) and
 * re-zip the parts with fixed entry dates and a fixed entry order, so the same tree always gives
 * the same bytes.
 */
import { unzipSync, zipSync, type Zippable } from "fflate";
import type { DocumentMeta } from "../../document/tree.js";
import { xmlText } from "./xml.js";

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseMetaDate(date: string): { y: number; m: number; d: number } {
  const match = DATE_RE.exec(date);
  const y = Number(match?.[1]);
  const m = Number(match?.[2]);
  const d = Number(match?.[3]);
  const day = new Date(Date.UTC(y, m - 1, d));
  if (!match || day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) {
    throw new Error(`document date must be a calendar date YYYY-MM-DD, got "${date}"`);
  }
  return { y, m, d };
}

/** Keywords as one string: joined with the full-width semicolon Chinese metadata uses. */
export function keywordsText(keywords: readonly string[] | undefined): string {
  return (keywords ?? []).join("；");
}

export function coreXml(meta: DocumentMeta): string {
  parseMetaDate(meta.date);
  const stamp = `${meta.date}T00:00:00Z`;
  const el = (name: string, value: string | undefined) =>
    value === undefined || value === "" ? "" : `<${name}>${xmlText(value)}</${name}>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    el("dc:title", meta.title) +
    el("dc:subject", meta.subject) +
    el("dc:creator", meta.author) +
    el("cp:keywords", keywordsText(meta.keywords)) +
    el("cp:lastModifiedBy", meta.author) +
    `<cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    `</cp:coreProperties>`
  );
}

/** Entry order: [Content_Types].xml, then _rels/.rels, then every other part by name. */
export function entryOrder(names: readonly string[]): string[] {
  const rank = (n: string) => (n === "[Content_Types].xml" ? 0 : n === "_rels/.rels" ? 1 : 2);
  return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Re-zips a package with every entry dated `date` at 00:00 (DOS dates are local-time fields;
 * building the Date from local fields makes the stored fields the same in every time zone).
 */
export function rezipDeterministic(zip: Uint8Array, date: string): Uint8Array {
  const { y, m, d } = parseMetaDate(date);
  // DOS dates start in 1980.
  const mtime = new Date(Math.max(1980, y), y < 1980 ? 0 : m - 1, y < 1980 ? 1 : d, 0, 0, 0);
  const files = unzipSync(zip);
  const out: Zippable = {};
  for (const name of entryOrder(Object.keys(files))) {
    out[name] = [files[name]!, { mtime, level: 6 }];
  }
  return zipSync(out);
}
