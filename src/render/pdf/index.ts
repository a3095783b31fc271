/**
 * gongwen's PDF writer: DocumentTree → PDF bytes, typeset to GB/T 9704 on pdf-lib
 * (`@cantoo/pdf-lib`, the maintained fork) without an office suite.
 *
 * - Fonts resolve per role: configuration → installed fonts by family name → bundled Noto
 *   (see fonts/). Each face is parsed once per process; each document embeds subsets of just
 *   the glyphs it uses, tagged `ABCDEF+Name`, cached per renderer.
 * - Layout (layout.ts, paragraph.ts, tables.ts) is ours: the character grid, 禁则 line
 *   breaking, justification, tables, signature block, page numbers.
 * - Output is deterministic: fixed dates from tree.meta.date, no random names or ids.
 */
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { PDFDocument, PDFHexString, PDFName, PageSizes } from "./pdflib.js";
import { BODY_STYLE, charPitch, defaultLayout, mmToPt, type LayoutOptions } from "../../document/layout.js";
import type { DocumentTree } from "../../document/tree.js";
import { UserError } from "../../util/errors.js";
import { t, type Lang } from "../../util/i18n.js";
import { loadFontConfig, validateFontConfig, type FontConfig } from "./fonts/config.js";
import { embedSubsetFont, SubsetCache } from "./fonts/embed.js";
import { FontSet, type FontSubstitution } from "./fonts/resolve.js";
import { collectFonts, pageContent, SEAL_XOBJECT } from "./draw.js";
import { NO_SEAL, sealKey, type SealMark } from "../seal.js";
import { addPageNumbers, layoutDocument } from "./layout.js";
import { Shaper } from "./text.js";

export type { FontSubstitution } from "./fonts/resolve.js";
export type { FontConfig, FontFileRef } from "./fonts/config.js";

export interface PdfOptions {
  /** Geometry and font names (default: GB/T 9704 A4 and the usual Windows font names). */
  layout?: LayoutOptions;
  /** Font configuration: a JSON file (schemas/fonts.schema.json) or the parsed object. */
  fontConfig?: string | FontConfig;
  /** Language of warnings. */
  lang?: Lang;
  /**
   * Folders searched for installed fonts instead of the platform's; [] searches none. Default:
   * GONGWEN_FONT_DIRS (path-delimiter separated; empty = none) or the platform's font folders.
   */
  fontDirs?: string[];
  /** false: no installed fonts at all (configuration and bundled fonts only). */
  systemFonts?: boolean;
  /**
   * What is drawn where the seal goes on a signature with `seal` (render/seal.ts): nothing (the
   * default: printed and stamped by hand), a red placeholder ring, or an electronic seal image.
   */
  seal?: SealMark;
  /** @deprecated `seal: { mode: "placeholder" }`. */
  sealPlaceholder?: boolean;
}

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
  warnings: string[];
  substitutions: FontSubstitution[];
}

export interface PdfRenderer {
  render(tree: DocumentTree): Promise<PdfResult>;
}

const PRODUCER = "gongwen PDF writer (pdf-lib)";

function pdfDate(day: string, lang: Lang): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m)
    throw new UserError(
      t(lang, `文档日期应为 YYYY-MM-DD 格式：${day}`, `Document date must be YYYY-MM-DD: ${day}`),
    );
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function missingWarning(cps: Iterable<number>, lang: Lang): string {
  const list = [...cps]
    .sort((a, b) => a - b)
    .map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`)
    .join(" ");
  return t(
    lang,
    `以下字符在所有可用字体中都没有字形，PDF 中显示为方框：${list}`,
    `No available font has these characters; they show as boxes in the PDF: ${list}`,
  );
}

/**
 * A substitution as one line for people: "仿宋_GB2312 → Noto Serif SC（内置字体）". A body (仿宋)
 * not set in a 仿宋 says so, since no free 仿宋 can stand in and a reader sees it at once.
 */
export function formatSubstitution(s: FontSubstitution, lang: Lang = "zh"): string {
  const src =
    s.source === "bundled"
      ? s.syntheticBold
        ? t(lang, "内置字体，加粗显示", "bundled font, drawn bold")
        : t(lang, "内置字体", "bundled font")
      : s.source === "system"
        ? t(lang, "系统字体", "system font")
        : t(lang, "字体配置", "font configuration");
  const line = `${s.requested} → ${s.used}（${src}）`;
  if (s.role !== "fangsong" || s.source === "config" || /fang ?song|仿宋/i.test(s.used)) return line;
  return (
    line +
    t(
      lang,
      "：正文不是仿宋（没有可自由使用的仿宋字体），请安装仿宋_GB2312 或用 --font-config 指定，见 gongwen fonts",
      ": the body is not in a FangSong (no free one exists); install 仿宋_GB2312 or name it with --font-config, see gongwen fonts",
    )
  );
}

class Renderer implements PdfRenderer {
  private readonly fonts: FontSet;
  private readonly layout: LayoutOptions;
  private readonly cache = new SubsetCache();
  private readonly lang: Lang;

  constructor(private readonly options: PdfOptions) {
    this.lang = options.lang ?? "zh";
    this.layout = options.layout ?? defaultLayout();
    const config =
      typeof options.fontConfig === "string"
        ? loadFontConfig(options.fontConfig, this.lang)
        : options.fontConfig
          ? validateFontConfig(options.fontConfig, "fontConfig", this.lang)
          : undefined;
    this.fonts = new FontSet({
      fontNames: this.layout.fontNames,
      ...(config ? { config } : {}),
      ...(options.fontDirs ? { fontDirs: options.fontDirs } : {}),
      ...(options.systemFonts !== undefined ? { systemFonts: options.systemFonts } : {}),
      lang: this.lang,
    });
  }

  async render(tree: DocumentTree): Promise<PdfResult> {
    const g = this.layout.geometry;
    const shaper = new Shaper(this.fonts, charPitch(g) / BODY_STYLE.sizePt);
    const pages = layoutDocument(tree, shaper, {
      geometry: g,
      seal: this.options.seal ?? (this.options.sealPlaceholder ? { mode: "placeholder" } : NO_SEAL),
    });
    addPageNumbers(pages, tree, shaper, g);

    const doc = await PDFDocument.create({ updateMetadata: false });
    const date = pdfDate(tree.meta.date, this.lang);
    doc.setTitle(tree.meta.title, { showInWindowTitleBar: true });
    doc.setAuthor(tree.meta.author);
    if (tree.meta.subject) doc.setSubject(tree.meta.subject);
    if (tree.meta.keywords?.length) doc.setKeywords(tree.meta.keywords);
    doc.setCreator("gongwen");
    doc.setProducer(PRODUCER);
    doc.setCreationDate(date);
    doc.setModificationDate(date);
    doc.setLanguage("zh-CN");
    const ctx = doc.context;
    const id = PDFHexString.of(createHash("sha256").update(JSON.stringify(tree)).digest("hex").slice(0, 32));
    ctx.trailerInfo.ID = ctx.obj([id, id]);

    const fonts = collectFonts(pages);
    const fontRefs = new Map<string, ReturnType<typeof embedSubsetFont>>();
    for (const fg of fonts.values())
      fontRefs.set(fg.name, embedSubsetFont(ctx, fg.face, fg.uses, this.cache));

    const seal = this.options.seal;
    const sealImage =
      seal?.mode === "image" && pages.some((p) => p.items.some((it) => it.type === "image"))
        ? await doc.embedPng(seal.png)
        : undefined;
    const size: [number, number] =
      g.widthMm === 210 && g.heightMm === 297 ? [...PageSizes.A4] : [mmToPt(g.widthMm), mmToPt(g.heightMm)];
    for (const p of pages) {
      const page = doc.addPage(size);
      const content = pageContent(p, size[1], fonts);
      const stream = ctx.stream(deflateSync(Buffer.from(content, "latin1")), { Filter: "FlateDecode" });
      page.node.set(PDFName.of("Contents"), ctx.register(stream));
      const used = new Set<string>();
      for (const it of p.items)
        if (it.type === "text") for (const { g: gl } of it.glyphs) used.add(fonts.get(gl.face)!.name);
      for (const name of [...used].sort()) page.node.setFontDictionary(PDFName.of(name), fontRefs.get(name)!);
      if (sealImage && p.items.some((it) => it.type === "image"))
        page.node.setXObject(PDFName.of(SEAL_XOBJECT), sealImage.ref);
    }
    const bytes = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
    const warnings: string[] = [];
    if (shaper.missing.size) warnings.push(missingWarning(shaper.missing, this.lang));
    return {
      bytes,
      pages: pages.length,
      warnings,
      substitutions: this.fonts.substitutions(shaper.usedRoles),
    };
  }
}

/** A renderer for batches: fonts resolved and parsed once, subsets cached. */
export function createPdfRenderer(options: PdfOptions = {}): PdfRenderer {
  return new Renderer(options);
}

const shared = new Map<string, PdfRenderer>();

/** Render one tree (a process-wide renderer per distinct options). */
export async function renderPdf(tree: DocumentTree, options: PdfOptions = {}): Promise<PdfResult> {
  const key = JSON.stringify({
    ...options,
    seal: sealKey(options.seal),
    env: process.env.GONGWEN_FONT_DIRS ?? null,
  });
  let r = shared.get(key);
  if (!r) {
    r = createPdfRenderer(options);
    shared.set(key, r);
  }
  return r.render(tree);
}

export { mergePdfs } from "./merge.js";
