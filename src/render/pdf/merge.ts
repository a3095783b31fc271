/**
 * Merging PDFs for duplex printing: each document starts on a new odd page (a blank page is
 * inserted after a document with an odd page count when another follows). Deterministic: no
 * dates, no random ids.
 */
import { PDFDocument } from "./pdflib.js";

export interface MergeOptions {
  /** Start every document on an odd page (blank pages inserted where needed). */
  oddPageStarts: boolean;
}

export async function mergePdfs(pdfs: readonly Uint8Array[], options: MergeOptions): Promise<Uint8Array> {
  const out = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < pdfs.length; i++) {
    const src = await PDFDocument.load(pdfs[i]!, { updateMetadata: false });
    if (i === 0) {
      const title = src.getTitle();
      const author = src.getAuthor();
      const creator = src.getCreator();
      const producer = src.getProducer();
      const created = src.getCreationDate();
      if (title) out.setTitle(title);
      if (author) out.setAuthor(author);
      if (creator) out.setCreator(creator);
      if (producer) out.setProducer(producer);
      if (created) {
        out.setCreationDate(created);
        out.setModificationDate(created);
      }
    }
    if (options.oddPageStarts && out.getPageCount() % 2 === 1) {
      const last = out.getPage(out.getPageCount() - 1);
      const { width, height } = last.getSize();
      out.addPage([width, height]);
    }
    const pages = await out.copyPages(src, src.getPageIndices());
    for (const p of pages) out.addPage(p);
  }
  return out.save({ useObjectStreams: false, updateFieldAppearances: false });
}
