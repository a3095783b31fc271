/**
 * Page layout: document blocks → pages of positioned glyph lines and rules, on the GB/T 9704
 * grid (A4, margins 37/28/35/26 mm, 22 lines × 28 characters of 16 pt). Coordinates here are
 * points from the page's top-left corner; draw.ts flips them for PDF.
 */
import {
  BODY_STYLE,
  HEADING_STYLE,
  INDENT,
  PAGE_NUMBER,
  PAGE_NUMBER_STYLE,
  TITLE_STYLE,
  charPitch,
  linePitch,
  mmToPt,
  type PageGeometry,
} from "../../document/layout.js";
import type { Align, Block, DocumentTree, Run, SignatureBlock } from "../../document/tree.js";
import { balanceTitle, breakParagraph, type BrokenLine, type PlacedGlyph } from "./paragraph.js";
import { layoutTable } from "./tables.js";
import type { Glyph, ShapeStyle, Shaper } from "./text.js";

export interface TextLineItem {
  type: "text";
  /** Baseline, points from the page top. */
  baseline: number;
  /** Left edge of the line's measure, points from the page left. */
  left: number;
  glyphs: PlacedGlyph[];
}

export interface RuleItem {
  type: "rule";
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
}

export interface CircleItem {
  type: "circle";
  cx: number;
  cy: number;
  r: number;
  width: number;
  rgb: [number, number, number];
}

export type PageItem = TextLineItem | RuleItem | CircleItem;

export interface LaidPage {
  items: PageItem[];
  /** Inserted only so the next part starts on an odd page. */
  blank: boolean;
}

export interface LayoutSettings {
  geometry: PageGeometry;
  /** Draw a red circle where the seal goes (signature with seal). */
  sealPlaceholder: boolean;
}

/** Where the ideographic baseline sits in a character's em box (880/1000 for CJK fonts). */
export const BASELINE_IN_EM = 0.88;

export class Flow {
  readonly pages: LaidPage[] = [];
  /** Current position: points below the top of the type area. */
  y = 0;
  readonly pitch: number;
  readonly cell: number;
  readonly pageW: number;
  readonly pageH: number;
  readonly top: number;
  readonly left: number;
  readonly areaW: number;
  readonly areaH: number;

  constructor(readonly geometry: PageGeometry) {
    this.pitch = linePitch(geometry);
    this.cell = charPitch(geometry);
    this.pageW = mmToPt(geometry.widthMm);
    this.pageH = mmToPt(geometry.heightMm);
    this.top = mmToPt(geometry.topMm);
    this.left = mmToPt(geometry.leftMm);
    this.areaW = mmToPt(geometry.widthMm - geometry.leftMm - geometry.rightMm);
    this.areaH = mmToPt(geometry.heightMm - geometry.topMm - geometry.bottomMm);
    this.newPage();
  }

  get page(): LaidPage {
    return this.pages[this.pages.length - 1]!;
  }

  newPage(blank = false): void {
    this.pages.push({ items: [], blank });
    this.y = 0;
  }

  /** Is the current page still empty? */
  get atPageTop(): boolean {
    return this.y < 0.01 && this.page.items.length === 0;
  }

  /** Snap y down to the next grid line. */
  snap(): void {
    const k = Math.ceil(this.y / this.pitch - 1e-6);
    this.y = k * this.pitch;
  }

  /** Lines left on the page from the current position. */
  get linesLeft(): number {
    return Math.floor((this.areaH - this.y) / this.pitch + 1e-6);
  }

  ensureLines(k: number): void {
    if (this.linesLeft < k && !this.atPageTop) this.newPage();
  }

  /** Place one grid line of text whose em box (of `size`) is centred in the line. */
  textLine(line: BrokenLine, size: number, xOffset = 0): void {
    this.ensureLines(1);
    const baseline = this.top + this.y + (this.pitch - size) / 2 + BASELINE_IN_EM * size;
    if (line.glyphs.length)
      this.page.items.push({ type: "text", baseline, left: this.left + xOffset, glyphs: line.glyphs });
    this.y += this.pitch;
  }

  blankLine(): void {
    if (this.linesLeft < 1) this.newPage();
    else this.y += this.pitch;
  }
}

interface Ctx {
  flow: Flow;
  shaper: Shaper;
  settings: LayoutSettings;
}

const body = (bold = false): ShapeStyle => ({ role: BODY_STYLE.font, size: BODY_STYLE.sizePt, bold });

function paragraphLines(
  ctx: Ctx,
  glyphs: Glyph[],
  firstIndentCh: number,
  align: Align,
  restIndentCh = 0,
): BrokenLine[] {
  const c = ctx.flow.cell;
  return breakParagraph(glyphs, {
    width: ctx.flow.areaW,
    firstIndent: firstIndentCh * c,
    restIndent: restIndentCh * c,
    align,
  });
}

function placeLines(ctx: Ctx, lines: BrokenLine[], size: number): void {
  for (const l of lines) ctx.flow.textLine(l, size);
}

function title(ctx: Ctx, text: string, given?: string[]): void {
  const style: ShapeStyle = { role: TITLE_STYLE.font, size: TITLE_STYLE.sizePt, bold: TITLE_STYLE.bold };
  const parts =
    given && given.length
      ? given.map((t) => ctx.shaper.shape(t, style))
      : balanceTitle(ctx.shaper.shape(text, style), ctx.flow.areaW);
  for (const part of parts) {
    const lines = breakParagraph(part, {
      width: ctx.flow.areaW,
      firstIndent: 0,
      restIndent: 0,
      align: "center",
    });
    placeLines(ctx, lines, style.size);
  }
}

function runsGlyphs(ctx: Ctx, runs: readonly Run[], style: ShapeStyle, prefix = ""): Glyph[] {
  const out = prefix ? ctx.shaper.shape(prefix, style) : [];
  out.push(...ctx.shaper.shapeRuns(runs, style));
  return out;
}

function signature(ctx: Ctx, b: SignatureBlock, prevBlank: boolean): void {
  const { flow, shaper } = ctx;
  const c = flow.cell;
  const style = body();
  const agency = shaper.shape(b.agency, style);
  const date = shaper.shape(b.date, style);
  const width = (gs: Glyph[]): number => gs.reduce((s, g) => s + g.w, 0);
  const aw = width(agency);
  const dw = width(date);
  const right = flow.areaW;
  let ax: number;
  let dx: number;
  if (b.seal) {
    dx = right - INDENT.sealDateRight * c - dw;
    ax = dx + dw / 2 - aw / 2;
    if (ax + aw > right) ax = right - aw;
  } else {
    ax = right - INDENT.signatureRight * c - aw;
    dx = ax + 2 * c;
    if (dx + dw > right - INDENT.signatureRight * c) {
      dx = right - INDENT.signatureRight * c - dw;
      ax = dx - 2 * c;
    }
  }
  ax = Math.max(0, ax);
  dx = Math.max(0, dx);
  // One blank line below the body (two with a seal, whose top reaches up to the body).
  const blanks = (b.seal ? 2 : 1) - (prevBlank ? 1 : 0);
  if (flow.linesLeft < blanks + 2) flow.newPage();
  else for (let i = 0; i < blanks; i++) flow.blankLine();
  const line = (gs: Glyph[]): BrokenLine => {
    let x = 0;
    return { glyphs: gs.map((g) => ({ g, x: (x += g.w) - g.w, squeezed: false })), width: x };
  };
  const agencyY = flow.y;
  flow.textLine(line(agency), style.size, ax);
  flow.textLine(line(date), style.size, dx);
  if (b.seal && ctx.settings.sealPlaceholder) {
    const r = mmToPt(21);
    const cx = flow.left + dx + dw / 2;
    // The agency and date sit below the seal's centre (GB/T 9704 7.3.5.1: 居印章中心偏下).
    const cy = flow.top + agencyY + flow.pitch * 0.25;
    flow.page.items.push({ type: "circle", cx, cy, r, width: 1, rgb: [0.85, 0, 0] });
  }
}

function attachments(ctx: Ctx, items: readonly string[], prevBlank: boolean): void {
  if (items.length === 0) return;
  const { flow, shaper } = ctx;
  const c = flow.cell;
  const style = body();
  if (!prevBlank && !flow.atPageTop) flow.blankLine();
  const label = shaper.shape("附件：", style);
  const labelW = label.reduce((s, g) => s + g.w, 0);
  items.forEach((item, i) => {
    const num = items.length > 1 ? shaper.shape(`${i + 1}.`, style) : [];
    const numW = num.reduce((s, g) => s + g.w, 0);
    const glyphs = [...num, ...shaper.shape(item, style)];
    const lines = breakParagraph(glyphs, {
      width: flow.areaW - INDENT.attachment * c - labelW,
      firstIndent: 0,
      restIndent: numW,
      align: "justify",
    });
    lines.forEach((l, j) => {
      if (i === 0 && j === 0) {
        let x = 0;
        const lab = label.map((g) => ({ g, x: (x += g.w) - g.w, squeezed: false }));
        l = {
          glyphs: [...lab, ...l.glyphs.map((p) => ({ ...p, x: p.x + labelW }))],
          width: l.width + labelW,
        };
        flow.textLine(l, style.size, INDENT.attachment * c);
      } else {
        flow.textLine(l, style.size, INDENT.attachment * c + labelW);
      }
    });
  });
}

/** Lay out a whole document tree. */
export function layoutDocument(tree: DocumentTree, shaper: Shaper, settings: LayoutSettings): LaidPage[] {
  const flow = new Flow(settings.geometry);
  const ctx: Ctx = { flow, shaper, settings };
  const blocks = tree.blocks;
  blocks.forEach((b: Block, i) => {
    const prev = blocks[i - 1];
    const prevBlank = prev?.type === "blank";
    switch (b.type) {
      case "title":
        title(ctx, b.text, b.lines);
        break;
      case "docNumber":
        placeLines(ctx, paragraphLines(ctx, shaper.shape(b.text, body()), 0, "center"), BODY_STYLE.sizePt);
        break;
      case "addressee":
        placeLines(ctx, paragraphLines(ctx, shaper.shape(b.text, body()), 0, "justify"), BODY_STYLE.sizePt);
        break;
      case "heading": {
        const hs = HEADING_STYLE[b.level];
        const style: ShapeStyle = { role: hs.font, size: hs.sizePt, bold: hs.bold };
        const lines = paragraphLines(
          ctx,
          runsGlyphs(ctx, b.runs, style, b.number),
          INDENT.firstLine,
          "justify",
        );
        // Keep a heading with the first line of what follows.
        const next = blocks[i + 1];
        if (next && next.type !== "pageBreak" && next.type !== "blank" && flow.linesLeft === lines.length)
          flow.newPage();
        placeLines(ctx, lines, hs.sizePt);
        break;
      }
      case "paragraph": {
        const indent = b.indent === "none" ? 0 : INDENT.firstLine;
        placeLines(
          ctx,
          paragraphLines(ctx, runsGlyphs(ctx, b.runs, body()), indent, b.align ?? "justify"),
          BODY_STYLE.sizePt,
        );
        break;
      }
      case "list":
        b.items.forEach((item, k) => {
          const prefix = b.ordered ? `${k + 1}.` : "";
          placeLines(
            ctx,
            paragraphLines(ctx, runsGlyphs(ctx, item, body(), prefix), INDENT.firstLine, "justify"),
            BODY_STYLE.sizePt,
          );
        });
        break;
      case "table":
        layoutTable(ctx.flow, shaper, b);
        break;
      case "attachments":
        attachments(ctx, b.items, prevBlank);
        break;
      case "signature":
        signature(ctx, b, prevBlank);
        break;
      case "note":
        placeLines(
          ctx,
          paragraphLines(ctx, runsGlyphs(ctx, b.runs, body()), INDENT.note, "justify"),
          BODY_STYLE.sizePt,
        );
        break;
      case "pageBreak":
        if (!flow.atPageTop) flow.newPage();
        if (b.parity === "odd" && flow.pages.length % 2 === 0) {
          flow.page.blank = true;
          flow.newPage();
        }
        break;
      case "blank":
        flow.blankLine();
        break;
    }
  });
  // A trailing empty page (e.g. after a final page break) is dropped.
  if (flow.pages.length > 1 && flow.page.items.length === 0 && !flow.page.blank) flow.pages.pop();
  return flow.pages;
}

/** Page number lines ("— N —", 14 pt 宋体, 7 mm below the type area, outer side, 1 char in). */
export function addPageNumbers(pages: LaidPage[], tree: DocumentTree, shaper: Shaper, g: PageGeometry): void {
  const c = charPitch(g);
  const size = PAGE_NUMBER_STYLE.sizePt;
  const style: ShapeStyle = { role: PAGE_NUMBER_STYLE.font, size, bold: false };
  const left = mmToPt(g.leftMm);
  const right = mmToPt(g.widthMm - g.rightMm);
  const emTop = mmToPt(g.heightMm - g.bottomMm + PAGE_NUMBER.belowTypeAreaMm);
  pages.forEach((p, i) => {
    const n = i + 1;
    if (p.blank || (tree.kind === "letter" && n === 1)) return;
    const glyphs = shaper.shape(PAGE_NUMBER.format(n), style, false, false);
    let x = 0;
    const placed = glyphs.map((g) => ({ g, x: (x += g.w) - g.w, squeezed: false }));
    const lineLeft = n % 2 === 1 ? right - INDENT.pageNumber * c - x : left + INDENT.pageNumber * c;
    p.items.push({ type: "text", baseline: emTop + BASELINE_IN_EM * size, left: lineLeft, glyphs: placed });
  });
}
