/**
 * Seal modes (none / placeholder / image) on a sealed signature, in the PDF (content stream,
 * image XObject, measured text) and the DOCX (package parts and the anchored picture).
 */
import { inflateSync } from "node:zlib";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mmToPt } from "../../src/document/layout.js";
import type { DocumentTree } from "../../src/document/tree.js";
import { renderDocx, SEAL_MEDIA_PART } from "../../src/render/docx/index.js";
import { createPdfRenderer } from "../../src/render/pdf/index.js";
import { encodePng, loadSealImage, sealMark, type SealMark } from "../../src/render/seal.js";
import { UserError } from "../../src/util/errors.js";
import { docxPart, docxParts } from "../helpers/docx.js";
import { pdfWords, textLines } from "../helpers/pdf.js";

const LEFT = mmToPt(28);
const RIGHT = mmToPt(210 - 26);
const CHAR = mmToPt(156) / 28;
const PITCH = mmToPt(225) / 22;

function tree(): DocumentTree {
  return {
    kind: "letter",
    meta: { title: "补正告知书", author: "某市商务局", date: "2015-01-23" },
    blocks: [
      { type: "title", text: "某市商务局补正告知书" },
      { type: "addressee", text: "张某某：" },
      { type: "paragraph", runs: [{ text: "请您自收到本告知书之日起15个工作日内补正。" }] },
      { type: "paragraph", runs: [{ text: "特此告知。" }] },
      { type: "signature", agency: "某市商务局", date: "2015年1月23日", seal: true },
    ],
  };
}

/** A 3:2 PNG, red and half transparent. */
function png(): Uint8Array {
  const w = 90;
  const h = 60;
  const rgba = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) rgba.set([200, 0, 0, 128], i * 4);
  return encodePng(w, h, rgba);
}

function imageMark(): SealMark {
  const dir = mkdtempSync(join(tmpdir(), "gongwen-seal-"));
  const file = join(dir, "seal.png");
  writeFileSync(file, png());
  return loadSealImage(file);
}

/** Decompressed page content streams (FlateDecode) of a PDF written by us. */
function contentStreams(pdf: Uint8Array): string {
  const s = Buffer.from(pdf).toString("latin1");
  let out = "";
  for (const m of s.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = s.indexOf("endstream", start);
    try {
      out += inflateSync(Buffer.from(s.slice(start, end), "latin1")).toString("latin1") + "\n";
    } catch {
      // not a deflated stream
    }
  }
  return out;
}

async function pdf(seal?: SealMark) {
  const r = await createPdfRenderer({ systemFonts: false, ...(seal ? { seal } : {}) }).render(tree());
  return r.bytes;
}

describe("seal modes: PDF", () => {
  it("none (default): the sealed layout, nothing drawn", async () => {
    const bytes = await pdf();
    const content = contentStreams(bytes);
    expect(content).not.toMatch(/ c S/); // no circle
    expect(content).not.toContain("/Seal Do");
    expect(Buffer.from(bytes).toString("latin1")).not.toContain("/Subtype /Image");
    // The date is right-indented 4 characters, the agency centred over it.
    const lines = textLines(pdfWords(bytes)[0]!);
    const date = lines.find((l) => l.text === "2015年1月23日")!;
    const agency = lines.find((l) => l.text === "某市商务局")!;
    expect(Math.abs(RIGHT - 4 * CHAR - date.xMax)).toBeLessThan(1);
    expect(Math.abs((agency.xMin + agency.xMax) / 2 - (date.xMin + date.xMax) / 2)).toBeLessThan(1);
    expect(date.y - agency.y).toBeCloseTo(PITCH, 0);
  });

  it("placeholder: a red 42 mm ring centred on the date", async () => {
    const content = contentStreams(await pdf({ mode: "placeholder" }));
    expect(content).toMatch(/0\.85 0 0 RG 1 w [\d.]+ [\d.]+ m/);
    expect(content).not.toContain("/Seal Do");
  });

  it("image: the PNG drawn 42 mm wide behind the text, centred on the date, its top within one line of the body", async () => {
    const bytes = await pdf(imageMark());
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw).toContain("/Subtype /Image");
    expect(raw).toContain("/SMask"); // transparency kept
    const content = contentStreams(bytes);
    const m = /q ([\d.]+) 0 0 ([\d.]+) ([\d.]+) ([\d.]+) cm \/Seal Do Q/.exec(content);
    expect(m).not.toBeNull();
    const [w, h, x, y] = m!.slice(1).map(Number) as [number, number, number, number];
    expect(w).toBeCloseTo(mmToPt(42), 1);
    expect(h).toBeCloseTo((mmToPt(42) * 2) / 3, 1);
    // Behind the text: drawn before the first text object of the page.
    const page = content.slice(content.indexOf("0 g 0 G"));
    expect(page.indexOf("/Seal Do")).toBeLessThan(page.indexOf("BT"));
    const lines = textLines(pdfWords(bytes)[0]!);
    const date = lines.find((l) => l.text === "2015年1月23日")!;
    expect(Math.abs(x + w / 2 - (date.xMin + date.xMax) / 2)).toBeLessThan(1);
    const pageH = mmToPt(297);
    const top = pageH - (y + h);
    const body = lines.find((l) => l.text === "特此告知。")!;
    const bodyBottom = body.y - (PITCH - 16) / 2 + PITCH; // the grid line's bottom
    expect(top).toBeGreaterThan(bodyBottom - 0.5);
    expect(top - bodyBottom).toBeLessThan(PITCH);
    // The agency and date sit below the seal's centre.
    const agency = lines.find((l) => l.text === "某市商务局")!;
    expect(agency.y).toBeGreaterThan(pageH - (y + h / 2) - PITCH);
    expect(x).toBeGreaterThan(LEFT);
  });
});

describe("seal modes: DOCX", () => {
  it("none: no picture, no media part", async () => {
    const bytes = await renderDocx(tree());
    expect(docxPart(bytes, "word/document.xml")).not.toContain("<w:drawing>");
    expect(Object.keys(docxParts(bytes))).not.toContain(SEAL_MEDIA_PART);
  });

  it("image: the PNG as a picture anchored behind the signature, 42 mm wide, centred on the date", async () => {
    const mark = imageMark();
    const bytes = await renderDocx(tree(), { seal: mark });
    const parts = docxParts(bytes);
    expect(Buffer.from(parts[SEAL_MEDIA_PART]!)).toEqual(Buffer.from(png()));
    expect(docxPart(bytes, "word/_rels/document.xml.rels")).toContain(
      'Id="rIdSeal" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/seal.png"',
    );
    const xml = docxPart(bytes, "word/document.xml");
    const para = /<w:p>(?:(?!<\/w:p>).)*<wp:anchor(?:(?!<\/w:p>).)*<\/w:p>/.exec(xml)![0];
    expect(para).toContain("2015年1月23日");
    expect(para).toContain('behindDoc="1"');
    expect(para).toContain("<wp:wrapNone/>");
    expect(para).toContain('r:embed="rIdSeal"');
    const emu = 635 * 20; // per point
    const cx = Number(/<wp:extent cx="(\d+)" cy="(\d+)"/.exec(para)![1]);
    const cy = Number(/<wp:extent cx="(\d+)" cy="(\d+)"/.exec(para)![2]);
    expect(cx / emu).toBeCloseTo(mmToPt(42), 0);
    expect(cy / cx).toBeCloseTo(2 / 3, 3);
    const x = Number(/<wp:positionH relativeFrom="margin"><wp:posOffset>(-?\d+)</.exec(para)![1]);
    // centred on the date: right edge 4 characters in, 6.5 characters wide (315 twips a character)
    const dateCentreTwips = 8845 - (4 + 6.5 / 2) * 315;
    expect(Math.abs((x + cx / 2) / 635 - dateCentreTwips)).toBeLessThan(2);
  });

  it("placeholder: the red ring as the picture", async () => {
    const bytes = await renderDocx(tree(), { seal: { mode: "placeholder" } });
    const media = docxParts(bytes)[SEAL_MEDIA_PART];
    expect(media).toBeDefined();
    expect(Buffer.from(media!.subarray(1, 4)).toString()).toBe("PNG");
    expect(docxPart(bytes, "word/document.xml")).toContain('behindDoc="1"');
  });

  it("no sealed signature: nothing drawn whatever the mode", async () => {
    const t = tree();
    t.blocks = t.blocks.map((b) => (b.type === "signature" ? { ...b, seal: false } : b));
    const bytes = await renderDocx(t, { seal: imageMark() });
    expect(Object.keys(docxParts(bytes))).not.toContain(SEAL_MEDIA_PART);
  });

  it("is deterministic", async () => {
    const mark = imageMark();
    expect(Buffer.from(await renderDocx(tree(), { seal: mark }))).toEqual(
      Buffer.from(await renderDocx(tree(), { seal: mark })),
    );
  });
});

describe("seal options", () => {
  it("parses modes and rejects what is not a PNG", () => {
    expect(sealMark(undefined, undefined)).toEqual({ mode: "none" });
    expect(sealMark("placeholder", undefined)).toEqual({ mode: "placeholder" });
    expect(() => sealMark("stamp", undefined)).toThrow(
      "不支持的印章方式 stamp，可选：none、placeholder、image",
    );
    expect(() => sealMark("image", undefined)).toThrow(UserError);
    const dir = mkdtempSync(join(tmpdir(), "gongwen-seal-"));
    const bad = join(dir, "seal.jpg");
    writeFileSync(bad, "not a png");
    expect(() => sealMark(undefined, bad)).toThrow(`印章图片 ${bad} 不是 PNG 文件`);
  });
});
