/** Small XML probes for asserting on WordprocessingML produced by the DOCX writer. */
import { decodeXmlEntities } from "../../helpers/docx.js";

/** Top-level body children of document.xml in order: paragraphs, tables, the final sectPr. */
export function bodyChildren(documentXml: string): string[] {
  const body = documentXml.slice(
    documentXml.indexOf("<w:body>") + "<w:body>".length,
    documentXml.lastIndexOf("</w:body>"),
  );
  const out: string[] = [];
  let i = 0;
  while (i < body.length) {
    const m = /^<(w:p|w:tbl|w:sectPr)\b[^>]*?(\/?)>/.exec(body.slice(i));
    if (!m) throw new Error(`unexpected body content at ${i}: ${body.slice(i, i + 40)}`);
    const tag = m[1]!;
    if (m[2] === "/") {
      out.push(m[0]);
      i += m[0].length;
      continue;
    }
    // Find the matching close tag, counting nested elements of the same name.
    let depth = 0;
    const re = new RegExp(`<(/?)${tag}\\b[^>]*?(/?)>`, "g");
    re.lastIndex = i;
    let end = -1;
    for (let t = re.exec(body); t; t = re.exec(body)) {
      if (t[2] === "/") continue;
      depth += t[1] === "/" ? -1 : 1;
      if (depth === 0) {
        end = t.index + t[0].length;
        break;
      }
    }
    if (end < 0) throw new Error(`unclosed <${tag}>`);
    out.push(body.slice(i, end));
    i = end;
  }
  return out;
}

/** The text of a paragraph's w:t elements. */
export function paragraphText(pXml: string): string {
  return [...pXml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => decodeXmlEntities(m[1] ?? ""))
    .join("");
}

/** The first body paragraph whose text contains (or with `exact`, is) `text`. */
export function findParagraph(documentXml: string, text: string, exact = false): string {
  const p = bodyChildren(documentXml).find(
    (c) => c.startsWith("<w:p") && (exact ? paragraphText(c) === text : paragraphText(c).includes(text)),
  );
  if (!p) throw new Error(`no paragraph containing ${text}`);
  return p;
}

/** Attributes of the first element `name` in `xml`, as a record. */
export function attrs(xml: string, name: string): Record<string, string> | undefined {
  const m = new RegExp(`<${name}((?:\\s+[\\w:]+="[^"]*")*)\\s*/?>`).exec(xml);
  if (!m) return undefined;
  return Object.fromEntries(
    [...(m[1] ?? "").matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1]!, decodeXmlEntities(a[2]!)]),
  );
}

/** Attributes of every element `name` in `xml`. */
export function allAttrs(xml: string, name: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${name}((?:\\s+[\\w:]+="[^"]*")*)\\s*/?>`, "g"))].map((m) =>
    Object.fromEntries(
      [...(m[1] ?? "").matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1]!, decodeXmlEntities(a[2]!)]),
    ),
  );
}

/** Rows of a table as arrays of cell XML. */
export function tableRows(tblXml: string): string[][] {
  return [...tblXml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) =>
    [...(r[1] ?? "").matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => c[1]!),
  );
}
