/**
 * Page layout: document blocks → pages of positioned glyph lines and rules, on the GB/T 9704
 * grid (A4, margins 37/28/35/26 mm, 22 lines × 28 characters of 16 pt). Coordinates here are
 * points from the page's top-left corner; draw.ts flips them for PDF.
 */
import {
  BODY_STYLE,
  HEADING_STYLE,
  SEAL,
  INDENT,
  PAGE_NUMBER,
  PAGE_NUMBER_STYLE,
  TITLE_STYLE,
  charPitch,
  linePitch,
  mmToPt,
  sealSize,
  type PageGeometry,
} from "../../document/layout.js";
import type { Align, Block, DocumentTree, NoteBlock, Run, SignatureBlock } from "../../document/tree.js";
import { titleLines, titleWidthChars } from "../../document/title.js";
import { breakParagraph, type BrokenLine, type PlacedGlyph } from "./paragraph.js";
import { layoutTable } from "./tables.js";
import type { Glyph, ShapeStyle, Shaper } from "./text.js";
import type { SealMark } from "../seal.js";

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

/** The seal image (SealMark `image`), drawn behind the text: its box, points from the page top-left. */
export interface ImageItem {
  type: "image";
  x: number;
  y: number;
  width: number;
  height: number;
}

export type PageItem = TextLineItem | RuleItem | CircleItem | ImageItem;

export interface LaidPage {
  items: PageItem[];
  /** Inserted only so the next part starts on an odd page. */
  blank: boolean;
}

export interface LayoutSettings {
  geometry: PageGeometry;
  /** What is drawn where the seal goes on a signature with `seal` (render/seal.ts). */
  seal: SealMark;
}

/** Where the ideographic baseline sits in a character's em box (880/1000 for CJK fonts). */
export const BASELINE_IN_EM = 0.88;

/**
 * What a grid line holds, for the page-breaking rules:
 * - `body`: a line of a paragraph, list item or note (widow/orphan control, carried with a
 *   signature that would otherwise stand alone);
 * - `keep`: a line kept with what follows (headings, the addressee, a table caption): when the
 *   next line starts a new page, trailing `keep` lines go with it;
 * - `attach`: a line of the attachment note (附件说明), carried with the signature;
 * - `blank`: an empty grid line;
 * - `fixed`: anything else (title, document number, signature): never moved.
 */
export type LineKind = "body" | "keep" | "attach" | "blank" | "fixed";

/** One grid line placed on the current page. */
export interface LineSlot {
  /** Top of the line, points below the top of the type area. */
  y: number;
  kind: LineKind;
  /** Which paragraph (or other block) the line belongs to: a number given by Flow.startBlock. */
  block: number;
  /** Index of the line within its block. */
  line: number;
  /** The items drawn for this line (none for an empty line). */
  items: PageItem[];
}

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
  /** Grid lines placed on the current page, in order (reset by every new page). */
  slots: LineSlot[] = [];
  /** Kind and block of the lines placed next (set by the block being laid out). */
  private tag: { kind: LineKind; block: number; line: number } = { kind: "fixed", block: 0, line: 0 };

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
    this.slots = [];
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

  private blocks = 0;

  /** The lines placed next belong to a new paragraph (or other block) of this kind. */
  startBlock(kind: LineKind): void {
    this.tag = { kind, block: ++this.blocks, line: 0 };
  }

  /**
   * The trailing grid lines of the page that form one unbroken run ending at the current
   * position (a table or other free placement after them breaks the run): the index of the first
   * slot of that run.
   */
  trailingRunStart(): number {
    let end = this.y;
    let i = this.slots.length;
    while (i > 0 && Math.abs(this.slots[i - 1]!.y + this.pitch - end) < 0.01) {
      i--;
      end = this.slots[i]!.y;
    }
    return i;
  }

  /**
   * A page break where the page is full (or a block moves on): trailing `keep` lines (a heading,
   * an addressee, a caption) go to the new page with what follows, unless they are all the page
   * holds.
   */
  breakPage(): void {
    const run = this.trailingRunStart();
    let k = this.slots.length;
    while (k > run && this.slots[k - 1]!.kind === "keep") k--;
    const carried = this.slots.length - k;
    if (carried > 0 && this.canCarry(carried)) this.carry(carried);
    else this.newPage();
  }

  /** Would carrying the last `n` slots leave something on this page? */
  canCarry(n: number): boolean {
    if (n <= 0 || n > this.slots.length) return false;
    const moving = new Set(this.slots.slice(-n).flatMap((s) => s.items));
    return this.page.items.some((it) => !moving.has(it));
  }

  /**
   * Move the last `n` grid lines of the page to a new page, in order, starting on its first grid
   * line (empty lines at the head of the moved run are dropped).
   */
  carry(n: number): void {
    const moved = this.slots.slice(this.slots.length - n);
    this.slots.length -= n;
    while (moved.length && moved[0]!.kind === "blank") moved.shift();
    const gone = new Set(moved.flatMap((s) => s.items));
    const page = this.page;
    const kept = page.items.filter((it) => !gone.has(it));
    page.items.length = 0;
    page.items.push(...kept);
    this.newPage();
    if (moved.length === 0) return;
    const shift = moved[0]!.y;
    for (const s of moved) {
      for (const it of s.items) {
        if (it.type === "text") it.baseline -= shift;
        else if (it.type === "rule") {
          it.y1 -= shift;
          it.y2 -= shift;
        } else if (it.type === "image") it.y -= shift;
        else it.cy -= shift;
        this.page.items.push(it);
      }
      this.slots.push({ ...s, y: s.y - shift });
    }
    this.y = moved[moved.length - 1]!.y - shift + this.pitch;
  }

  /** Remove trailing empty grid lines (they are given back to the page). */
  dropTrailingBlanks(): number {
    let n = 0;
    while (this.slots.length && this.slots[this.slots.length - 1]!.kind === "blank") {
      const s = this.slots.pop()!;
      if (Math.abs(s.y + this.pitch - this.y) > 0.01) {
        this.slots.push(s);
        break;
      }
      this.y = s.y;
      n++;
    }
    return n;
  }

  ensureLines(k: number): void {
    if (this.linesLeft < k && !this.atPageTop) this.breakPage();
  }

  /** Place one grid line of text whose em box (of `size`) is centred in the line. */
  textLine(line: BrokenLine, size: number, xOffset = 0): void {
    this.ensureLines(1);
    const baseline = this.top + this.y + (this.pitch - size) / 2 + BASELINE_IN_EM * size;
    const items: PageItem[] = [];
    if (line.glyphs.length) {
      const item: TextLineItem = { type: "text", baseline, left: this.left + xOffset, glyphs: line.glyphs };
      this.page.items.push(item);
      items.push(item);
    }
    this.slots.push({ y: this.y, kind: this.tag.kind, block: this.tag.block, line: this.tag.line++, items });
    this.y += this.pitch;
  }

  blankLine(): void {
    if (this.linesLeft < 1) {
      this.newPage();
      return;
    }
    this.slots.push({ y: this.y, kind: "blank", block: this.tag.block, line: this.tag.line++, items: [] });
    this.y += this.pitch;
  }
}

interface Ctx {
  flow: Flow;
  shaper: Shaper;
  settings: LayoutSettings;
}

/**
 * Widow and orphan control: a paragraph split by a page break leaves at least this many lines at
 * the foot of the page and carries at least this many to the next (the first line never alone at
 * the foot, the last never alone at the head). GB/T 9704 prints 22 lines a page, so a page where a
 * paragraph is split this way holds one or two lines fewer; pages filled by one paragraph keep 22.
 * The DOCX writer asks Word and LibreOffice for the same (w:widowControl, 2 lines each).
 */
export const MIN_LINES_AT_BREAK = 2;

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

/** Lines that stay together (title, heading, addressee): a new page first when they don't fit. */
function placeTogether(ctx: Ctx, lines: BrokenLine[], size: number): void {
  const { flow } = ctx;
  if (lines.length > flow.linesLeft && lines.length <= flow.geometry.linesPerPage && !flow.atPageTop)
    flow.breakPage();
  for (const l of lines) flow.textLine(l, size);
}

/** Body lines, split across pages with widow and orphan control (MIN_LINES_AT_BREAK). */
function placeFlowing(
  ctx: Ctx,
  lines: BrokenLine[],
  size: number,
  xOf: (i: number) => number = () => 0,
): void {
  const { flow } = ctx;
  const n = lines.length;
  let i = 0;
  while (i < n) {
    const left = flow.linesLeft;
    const rest = n - i;
    if (rest <= left) {
      for (; i < n; i++) flow.textLine(lines[i]!, size, xOf(i));
      break;
    }
    let k = left;
    if (rest - k < MIN_LINES_AT_BREAK) k = rest - MIN_LINES_AT_BREAK;
    if (i === 0 && k < MIN_LINES_AT_BREAK) k = 0;
    if (k <= 0 && flow.atPageTop) k = left;
    for (let j = 0; j < k; j++, i++) flow.textLine(lines[i]!, size, xOf(i));
    flow.breakPage();
  }
}

function title(ctx: Ctx, text: string, given?: string[]): void {
  const style: ShapeStyle = { role: TITLE_STYLE.font, size: TITLE_STYLE.sizePt, bold: TITLE_STYLE.bold };
  // The line breaks both writers use (document/title.ts); a line the face sets wider than the
  // measure is wrapped again below.
  const split = given && given.length ? given : titleLines(text, titleWidthChars(ctx.flow.areaW, style.size));
  const parts = split.map((t) => ctx.shaper.shape(t, style));
  const lines = parts.flatMap((part) =>
    breakParagraph(part, { width: ctx.flow.areaW, firstIndent: 0, restIndent: 0, align: "center" }),
  );
  placeTogether(ctx, lines, style.size);
}

function runsGlyphs(ctx: Ctx, runs: readonly Run[], style: ShapeStyle, prefix = ""): Glyph[] {
  const out = prefix ? ctx.shaper.shape(prefix, style) : [];
  for (const g of ctx.shaper.shapeRuns(runs, style)) out.push(g);
  return out;
}

/**
 * How many trailing grid lines go to the next page with a signature that does not fit below
 * the body (GB/T 9704-2012 7.3.5: the signature and date stay on a page with body text; a page
 * holding only the signature, "此页无正文", is not allowed): at least MIN_LINES_AT_BREAK body
 * lines, with the attachment note and empty lines after them; a paragraph cut on the way keeps
 * MIN_LINES_AT_BREAK lines on each side (or goes whole), and headings right above go too; a
 * paragraph shorter than that goes with its own heading group only (not the headings and
 * paragraphs above it, which would empty the page). Never
 * the whole page; 0 when no body line can go (a table right above the signature): the signature
 * then starts the new page.
 */
function signatureCarry(flow: Flow): number {
  const slots = flow.slots;
  const run = flow.trailingRunStart();
  /** May the page break fall between slots[i - 1] (stays) and slots[i] (goes)? */
  const cutOk = (i: number): boolean => {
    const a = slots[i - 1];
    const b = slots[i];
    if (!a || !b) return true;
    if (a.kind === "keep") return false;
    if (a.kind !== "body" || b.kind !== "body" || a.block !== b.block) return true;
    // Inside a paragraph: two lines at least on each side (one may stay where the paragraph
    // began on an earlier page).
    let goes = 0;
    for (let j = i; j < slots.length && slots[j]!.block === b.block; j++) goes++;
    let stays = 0;
    for (let j = i - 1; j >= run && slots[j]!.block === a.block; j--) stays++;
    const startsHere = slots[i - stays]!.line === 0;
    return goes >= MIN_LINES_AT_BREAK && (stays >= MIN_LINES_AT_BREAK || !startsHere);
  };
  let i = slots.length;
  let bodyLines = 0;
  while (i > run) {
    // Enough body lines, or the last heading group with its paragraph (a short paragraph under
    // a heading goes with that heading only: the run of headings above it stays).
    if ((bodyLines >= MIN_LINES_AT_BREAK || (bodyLines > 0 && slots[i]?.kind === "keep")) && cutOk(i)) break;
    const s = slots[i - 1]!;
    if (s.kind === "fixed") break;
    if (s.kind === "body") bodyLines++;
    i--;
  }
  const n = slots.length - i;
  return bodyLines > 0 && flow.canCarry(n) ? n : 0;
}

function signature(ctx: Ctx, b: SignatureBlock, prevBlank: boolean, noteLines: number): void {
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
  const full = b.seal ? 2 : 1;
  let blanks = full - (prevBlank ? 1 : 0);
  // The signature, the date and a note (附注) below them stay on one page, with body text.
  if (flow.linesLeft < blanks + 2 + noteLines && !flow.atPageTop) {
    // An explicit empty line above counts again on the new page.
    blanks += flow.dropTrailingBlanks();
    blanks = Math.min(blanks, full);
    if (flow.linesLeft < blanks + 2 + noteLines) {
      const n = signatureCarry(flow);
      if (n > 0) flow.carry(n);
      else flow.newPage();
      blanks = full;
    }
  }
  if (!flow.atPageTop) for (let i = 0; i < blanks; i++) flow.blankLine();
  const line = (gs: Glyph[]): BrokenLine => {
    let x = 0;
    return { glyphs: gs.map((g) => ({ g, x: (x += g.w) - g.w, squeezed: false })), width: x };
  };
  const agencyY = flow.y;
  flow.textLine(line(agency), style.size, ax);
  flow.textLine(line(date), style.size, dx);
  const mark = ctx.settings.seal;
  if (b.seal && mark.mode !== "none") {
    const cx = flow.left + dx + dw / 2;
    // The agency and date sit below the seal's centre (GB/T 9704 7.3.5.1: 居印章中心偏下).
    const cy = flow.top + agencyY + flow.pitch * SEAL.centreBelowAgencyTop;
    if (mark.mode === "placeholder") {
      const r = sealSize().width / 2;
      flow.page.items.push({ type: "circle", cx, cy, r, width: 1, rgb: [0.85, 0, 0] });
    } else {
      const { width, height } = sealSize(mark.heightPx / mark.widthPx);
      // Behind the text: drawn first on the page.
      flow.page.items.unshift({ type: "image", x: cx - width / 2, y: cy - height / 2, width, height });
    }
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
    if (i === 0 && lines[0]) {
      let x = 0;
      const lab = label.map((g) => ({ g, x: (x += g.w) - g.w, squeezed: false }));
      const l = lines[0];
      lines[0] = {
        glyphs: [...lab, ...l.glyphs.map((p) => ({ ...p, x: p.x + labelW }))],
        width: l.width + labelW,
      };
    }
    flow.startBlock("attach");
    placeFlowing(ctx, lines, style.size, (j) =>
      i === 0 && j === 0 ? INDENT.attachment * c : INDENT.attachment * c + labelW,
    );
  });
}

/** Lay out a whole document tree. */
export function layoutDocument(tree: DocumentTree, shaper: Shaper, settings: LayoutSettings): LaidPage[] {
  const flow = new Flow(settings.geometry);
  const ctx: Ctx = { flow, shaper, settings };
  const blocks = tree.blocks;
  const noteLines = new Map<Block, BrokenLine[]>();
  const noteOf = (b: NoteBlock): BrokenLine[] => {
    let lines = noteLines.get(b);
    if (!lines) {
      lines = paragraphLines(ctx, runsGlyphs(ctx, b.runs, body()), INDENT.note, "justify");
      noteLines.set(b, lines);
    }
    return lines;
  };
  blocks.forEach((b: Block, i) => {
    const prev = blocks[i - 1];
    const prevBlank = prev?.type === "blank";
    switch (b.type) {
      case "title":
        flow.startBlock("keep");
        title(ctx, b.text, b.lines);
        break;
      case "docNumber":
        flow.startBlock("keep");
        placeTogether(ctx, paragraphLines(ctx, shaper.shape(b.text, body()), 0, "center"), BODY_STYLE.sizePt);
        break;
      case "addressee":
        // One blank line between the title block and the addressee (GB/T 9704-2012 7.3.4), also
        // when the tree has none.
        if (prev?.type === "title" || prev?.type === "docNumber") {
          flow.startBlock("keep");
          flow.blankLine();
        }
        flow.startBlock("keep");
        placeTogether(
          ctx,
          paragraphLines(ctx, shaper.shape(b.text, body()), 0, "justify"),
          BODY_STYLE.sizePt,
        );
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
        // Kept whole and with what follows (Flow.breakPage carries trailing `keep` lines).
        flow.startBlock("keep");
        placeTogether(ctx, lines, hs.sizePt);
        break;
      }
      case "paragraph": {
        const indent = b.indent === "none" ? 0 : INDENT.firstLine;
        flow.startBlock("body");
        placeFlowing(
          ctx,
          paragraphLines(ctx, runsGlyphs(ctx, b.runs, body()), indent, b.align ?? "justify"),
          BODY_STYLE.sizePt,
        );
        break;
      }
      case "list":
        b.items.forEach((item, k) => {
          const prefix = b.ordered ? `${k + 1}.` : "";
          flow.startBlock("body");
          placeFlowing(
            ctx,
            paragraphLines(ctx, runsGlyphs(ctx, item, body(), prefix), INDENT.firstLine, "justify"),
            BODY_STYLE.sizePt,
          );
        });
        break;
      case "table":
        // The caption is kept with the table.
        flow.startBlock("keep");
        layoutTable(ctx.flow, shaper, b);
        break;
      case "attachments":
        flow.startBlock("attach");
        attachments(ctx, b.items, prevBlank);
        break;
      case "signature": {
        let notes = 0;
        for (let j = i + 1; j < blocks.length; j++) {
          const nb = blocks[j]!;
          if (nb.type !== "note") break;
          notes += noteOf(nb).length;
        }
        flow.startBlock("fixed");
        signature(ctx, b, prevBlank, notes);
        break;
      }
      case "note":
        flow.startBlock("body");
        placeFlowing(ctx, noteOf(b), BODY_STYLE.sizePt);
        break;
      case "pageBreak":
        if (!flow.atPageTop) flow.newPage();
        if (b.parity === "odd" && flow.pages.length % 2 === 0) {
          flow.page.blank = true;
          flow.newPage();
        }
        break;
      case "blank":
        flow.startBlock("blank");
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
