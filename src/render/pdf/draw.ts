/**
 * Drawing: laid-out pages → PDF content streams. Text is written as glyph ids (CIDs of our
 * subset fonts) with TJ position adjustments, so every glyph lands exactly where layout put it;
 * bold is simulated by fill+stroke (text render mode 2) for faces without a bold weight.
 */
import type { FontFace } from "./fonts/face.js";
import { pdfWidth, type GlyphUse } from "./fonts/embed.js";
import type { LaidPage, PageItem, TextLineItem } from "./layout.js";
import { isSqueezableClosing } from "./linebreak.js";
import type { PlacedGlyph } from "./paragraph.js";

/** Stroke width of simulated bold, as a fraction of the font size. */
const FAKE_BOLD_STROKE = 0.03;

export function fmt(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return r === 0 ? "0" : String(r);
}

export interface FaceGlyphs {
  face: FontFace;
  /** Resource name, e.g. F1. */
  name: string;
  /** Glyphs in CID order (entry 0 is .notdef). */
  uses: GlyphUse[];
  cidOf: Map<string | number, number>;
}

/**
 * A squeezed closing mark (，。 compressed to half a character at a line end or between marks)
 * is drawn with a copy of its glyph whose advance is half: readers then see a box that ends
 * where the layout's does, never in the margin.
 */
function halfWidth(p: PlacedGlyph): boolean {
  return p.squeezed && isSqueezableClosing(p.g.cp) && p.g.gid !== 0 && p.g.advance > p.g.w / 2 + 0.01;
}

const glyphKey = (p: PlacedGlyph): string | number =>
  p.g.gid === 0 ? `m:${p.g.text}` : halfWidth(p) ? `h:${p.g.gid}` : p.g.gid;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const faceOrderKey = (f: FontFace): string => `${f.postscriptName}#${f.faceIndex}`;

/** Collect each face's glyphs (sorted by glyph id; stand-ins for missing characters last). */
export function collectFonts(pages: readonly LaidPage[]): Map<FontFace, FaceGlyphs> {
  const perFace = new Map<
    FontFace,
    { gids: Map<number, string>; half: Map<number, string>; missing: Set<string> }
  >();
  for (const p of pages)
    for (const it of p.items) {
      if (it.type !== "text") continue;
      for (const p of it.glyphs) {
        const g = p.g;
        let e = perFace.get(g.face);
        if (!e) perFace.set(g.face, (e = { gids: new Map(), half: new Map(), missing: new Set() }));
        if (g.gid === 0) e.missing.add(g.text);
        else if (halfWidth(p)) e.half.set(g.gid, g.text);
        else if (!e.gids.has(g.gid)) e.gids.set(g.gid, g.text);
      }
    }
  // Ordered by what the face is (PostScript name, face index), not where it is installed: the
  // file path would make the bytes depend on the install folder (a bundled font under /work sorts
  // after a system font under /usr, under /check before it). The path decides only between two
  // files holding faces of the same name.
  const faces = [...perFace.keys()].sort((a, b) => cmp(faceOrderKey(a), faceOrderKey(b)) || cmp(a.id, b.id));
  const out = new Map<FontFace, FaceGlyphs>();
  faces.forEach((face, i) => {
    const e = perFace.get(face)!;
    const uses: GlyphUse[] = [{ gid: 0, text: "" }];
    const cidOf = new Map<string | number, number>();
    for (const gid of [...e.gids.keys()].sort((a, b) => a - b)) {
      cidOf.set(gid, uses.length);
      uses.push({ gid, text: e.gids.get(gid) ?? "" });
    }
    for (const gid of [...e.half.keys()].sort((a, b) => a - b)) {
      cidOf.set(`h:${gid}`, uses.length);
      uses.push({ gid, text: e.half.get(gid) ?? "", width: pdfWidth(face, gid) / 2 });
    }
    for (const t of [...e.missing].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!)) {
      cidOf.set(`m:${t}`, uses.length);
      uses.push({ gid: 0, text: t });
    }
    out.set(face, { face, name: `F${i + 1}`, uses, cidOf });
  });
  return out;
}

function textLine(item: TextLineItem, pageH: number, fonts: Map<FontFace, FaceGlyphs>, out: string[]): void {
  const y = fmt(pageH - item.baseline);
  const gs = item.glyphs;
  let i = 0;
  out.push("BT");
  let curFont = "";
  let curBold = false;
  while (i < gs.length) {
    const first = gs[i]!.g;
    let j = i + 1;
    while (j < gs.length) {
      const g = gs[j]!.g;
      if (g.face !== first.face || g.size !== first.size || g.bold !== first.bold) break;
      j++;
    }
    const fg = fonts.get(first.face)!;
    const font = `/${fg.name} ${fmt(first.size)} Tf`;
    if (font !== curFont) {
      out.push(font);
      curFont = font;
    }
    if (first.bold !== curBold) {
      out.push(first.bold ? `2 Tr ${fmt(first.size * FAKE_BOLD_STROKE)} w` : "0 Tr");
      curBold = first.bold;
    }
    const originX = (k: number): number => {
      const p = gs[k]!;
      return item.left + p.x + (p.squeezed ? p.g.dxSqueezed : p.g.dx);
    };
    out.push(`1 0 0 1 ${fmt(originX(i))} ${y} Tm`);
    let tj = "[";
    let hex = "";
    let pen = originX(i);
    for (let k = i; k < j; k++) {
      const g = gs[k]!.g;
      const x = originX(k);
      const adj = ((pen - x) * 1000) / g.size;
      if (k > i && Math.abs(adj) >= 0.0005) {
        tj += `<${hex}>${fmt(adj)}`;
        hex = "";
      }
      const key = glyphKey(gs[k]!);
      const cid = fg.cidOf.get(key) ?? 0;
      hex += cid.toString(16).padStart(4, "0");
      pen = x + ((fg.uses[cid]?.width ?? pdfWidth(g.face, g.gid)) * g.size) / 1000;
    }
    tj += `<${hex}>]TJ`;
    out.push(tj);
    i = j;
  }
  if (curBold) out.push("0 Tr");
  out.push("ET");
  // Underlines.
  let u = 0;
  while (u < gs.length) {
    if (!gs[u]!.g.underline) {
      u++;
      continue;
    }
    let v = u;
    while (v + 1 < gs.length && gs[v + 1]!.g.underline) v++;
    const a = gs[u]!;
    const b = gs[v]!;
    const x1 = item.left + a.x;
    const x2 = item.left + b.x + b.g.w - (b.squeezed ? b.g.squeeze : 0);
    const uy = fmt(pageH - item.baseline - a.g.size * 0.15);
    out.push(`${fmt(a.g.size * 0.05)} w ${fmt(x1)} ${uy} m ${fmt(x2)} ${uy} l S`);
    u = v + 1;
  }
}

function circle(cx: number, cy: number, r: number): string {
  const k = 0.5522847498 * r;
  const p = (x: number, y: number): string => `${fmt(x)} ${fmt(y)}`;
  return (
    `${p(cx + r, cy)} m ` +
    `${p(cx + r, cy + k)} ${p(cx + k, cy + r)} ${p(cx, cy + r)} c ` +
    `${p(cx - k, cy + r)} ${p(cx - r, cy + k)} ${p(cx - r, cy)} c ` +
    `${p(cx - r, cy - k)} ${p(cx - k, cy - r)} ${p(cx, cy - r)} c ` +
    `${p(cx + k, cy - r)} ${p(cx + r, cy - k)} ${p(cx + r, cy)} c S`
  );
}

/** Resource name of the seal image XObject (PDF writer: index.ts). */
export const SEAL_XOBJECT = "Seal";

/** The content stream of one page. */
export function pageContent(page: LaidPage, pageH: number, fonts: Map<FontFace, FaceGlyphs>): string {
  const out: string[] = ["0 g 0 G"];
  let lastWidth = "";
  for (const it of page.items as PageItem[]) {
    if (it.type === "text") {
      textLine(it, pageH, fonts, out);
      lastWidth = "";
    } else if (it.type === "rule") {
      const w = fmt(it.width);
      if (w !== lastWidth) {
        out.push(`${w} w`);
        lastWidth = w;
      }
      out.push(`${fmt(it.x1)} ${fmt(pageH - it.y1)} m ${fmt(it.x2)} ${fmt(pageH - it.y2)} l S`);
    } else if (it.type === "image") {
      out.push(
        `q ${fmt(it.width)} 0 0 ${fmt(it.height)} ${fmt(it.x)} ${fmt(pageH - it.y - it.height)} cm /${SEAL_XOBJECT} Do Q`,
      );
    } else {
      out.push(
        `q ${it.rgb.map(fmt).join(" ")} RG ${fmt(it.width)} w ${circle(it.cx, pageH - it.cy, it.r)} Q`,
      );
      lastWidth = "";
    }
  }
  return out.join("\n") + "\n";
}
