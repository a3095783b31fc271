/**
 * GB/T 9704-2012 layout: the numbers both writers honour (see gbt9704-layout.md).
 * One place for sizes, margins, grid and fonts — the DOCX and the PDF writer read these and
 * nothing else about the standard.
 */
import { isNarrow } from "./chars.js";
import type { FontRole, HeadingLevel } from "./tree.js";

export const MM_PER_PT = 25.4 / 72;
export const mmToPt = (mm: number): number => (mm * 72) / 25.4;
/** 1 pt = 20 twips (DOCX unit). */
export const ptToTwip = (pt: number): number => Math.round(pt * 20);
export const mmToTwip = (mm: number): number => ptToTwip(mmToPt(mm));

/** Chinese point sizes (字号) in points. */
export const SIZE = {
  chuhao: 42,
  xiaochu: 36,
  yihao: 26,
  xiaoyi: 24,
  erhao: 22,
  xiaoer: 18,
  sanhao: 16,
  xiaosan: 15,
  sihao: 14,
  xiaosi: 12,
} as const;

export interface PageGeometry {
  /** Page size in mm. */
  widthMm: number;
  heightMm: number;
  /** Margins in mm. */
  topMm: number;
  bottomMm: number;
  leftMm: number;
  rightMm: number;
  /** Grid. */
  linesPerPage: number;
  charsPerLine: number;
}

export const A4_GBT9704: PageGeometry = {
  widthMm: 210,
  heightMm: 297,
  topMm: 37,
  bottomMm: 35,
  leftMm: 28,
  rightMm: 26,
  linesPerPage: 22,
  charsPerLine: 28,
};

/** Type area (版心) in points. */
export function typeArea(g: PageGeometry = A4_GBT9704): { width: number; height: number } {
  return {
    width: mmToPt(g.widthMm - g.leftMm - g.rightMm),
    height: mmToPt(g.heightMm - g.topMm - g.bottomMm),
  };
}

/** Line pitch in points: type-area height / lines per page (225 mm / 22 ≈ 28.95 pt). */
export function linePitch(g: PageGeometry = A4_GBT9704): number {
  return typeArea(g).height / g.linesPerPage;
}

/**
 * Line pitch used by the DOCX writer: 579 twips (measured: gives 22 lines per page in
 * LibreOffice and Word with a `lines` document grid).
 */
export const DOCX_LINE_PITCH_TWIPS = 579;

/**
 * Character pitch in points: type-area width / chars per line (156 mm / 28 = 15.79 pt), rounded
 * down to whole twips (315 twips = 15.75 pt) and never above the body size. That is the advance
 * the DOCX gives a body character (16 pt condensed by w:spacing −5 twips, docx/metrics.ts), so the
 * PDF sets lines exactly as wide as Word and LibreOffice do: 28 characters (441 pt) fit the
 * measure (442.2 pt), 29 do not, and lines with digits break where theirs do.
 */
export function charPitch(g: PageGeometry = A4_GBT9704): number {
  const twips = Math.floor(ptToTwip(typeArea(g).width) / g.charsPerLine);
  return Math.min(twips / 20, BODY_STYLE.sizePt);
}

/** Default Windows/WPS font names for each role; offices may configure others. */
export const DEFAULT_FONT_NAMES: Record<FontRole, string> = {
  fangsong: "仿宋_GB2312",
  xiaobiaosong: "方正小标宋简体",
  heiti: "黑体",
  kaiti: "楷体_GB2312",
  songti: "宋体",
};

/** Alternative family names per role, tried in order when resolving real font files. */
export const FONT_FAMILY_ALIASES: Record<FontRole, string[]> = {
  fangsong: ["仿宋_GB2312", "仿宋", "FangSong", "FangSong_GB2312", "方正仿宋_GBK", "STFangsong"],
  xiaobiaosong: ["方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S"],
  heiti: ["黑体", "SimHei", "方正黑体_GBK", "STHeiti"],
  kaiti: [
    "楷体_GB2312",
    "楷体",
    "KaiTi",
    "KaiTi_GB2312",
    "方正楷体_GBK",
    "STKaiti",
    "LXGW WenKai",
    "AR PL KaitiM GB",
  ],
  songti: ["宋体", "SimSun", "STSong", "AR PL SungtiL GB"],
};

export interface TextStyle {
  font: FontRole;
  sizePt: number;
  bold: boolean;
}

export const BODY_STYLE: TextStyle = { font: "fangsong", sizePt: SIZE.sanhao, bold: false };
export const TITLE_STYLE: TextStyle = { font: "xiaobiaosong", sizePt: SIZE.erhao, bold: false };
export const PAGE_NUMBER_STYLE: TextStyle = { font: "songti", sizePt: SIZE.sihao, bold: false };
export const TABLE_STYLE: TextStyle = { font: "fangsong", sizePt: SIZE.xiaosi, bold: false };

/**
 * Padding inside a table cell, in points, for cell text of `sizePt`: both writers use it (the
 * PDF's cell boxes, the DOCX's w:tblCellMar), so a table is as tall in Word and LibreOffice as in
 * the PDF and the pages break at the same rows.
 */
export function tableCellPadding(sizePt: number): { x: number; y: number } {
  return { x: Math.max(2, sizePt * 0.3), y: Math.max(2, sizePt * 0.25) };
}

/** Level 1 黑体, level 2 楷体, level 3 仿宋 bold (office custom), level 4 仿宋. */
export const HEADING_STYLE: Record<HeadingLevel, TextStyle> = {
  1: { font: "heiti", sizePt: SIZE.sanhao, bold: false },
  2: { font: "kaiti", sizePt: SIZE.sanhao, bold: false },
  3: { font: "fangsong", sizePt: SIZE.sanhao, bold: true },
  4: { font: "fangsong", sizePt: SIZE.sanhao, bold: false },
};

/** Indents in characters. */
export const INDENT = {
  firstLine: 2,
  /** Signature without seal: agency right-indented 2 characters. */
  signatureRight: 2,
  /** Signature with seal: date right-indented 4 characters. */
  sealDateRight: 4,
  /** Page numbers: 1 character from the outer edge of the type area. */
  pageNumber: 1,
  note: 2,
  attachment: 2,
} as const;

/** Page number: "— N —", 7 mm below the type area. */
export const PAGE_NUMBER = {
  belowTypeAreaMm: 7,
  format: (n: number): string => `— ${n} —`,
} as const;

export interface LayoutOptions {
  geometry: PageGeometry;
  fontNames: Record<FontRole, string>;
}

export function defaultLayout(overrides: Partial<Record<FontRole, string>> = {}): LayoutOptions {
  return { geometry: A4_GBT9704, fontNames: { ...DEFAULT_FONT_NAMES, ...overrides } };
}

/**
 * Width of a string in characters (字) as GB/T 9704 counts them: a full-width character is one
 * character; half-width forms (ASCII such as Arabic digits, Latin letters, "."; U+FF61–U+FFDC
 * half-width katakana/hangul; U+FFE8–U+FFEE: document/chars.ts isNarrow) are half a character.
 * Used for the placements below.
 */
export function textWidthInChars(text: string): number {
  let width = 0;
  for (const ch of text) {
    width += isNarrow(ch.codePointAt(0) ?? 0) ? 0.5 : 1;
  }
  return width;
}

/** Right indents, in characters, of the two lines of a signature block (署名 and 成文日期). */
export interface SignaturePlacement {
  /** Right indent of the agency line (with a seal: the indent that centres it over the date). */
  agencyRightChars: number;
  dateRightChars: number;
  sealed: boolean;
}

/**
 * Signature placement (GB/T 9704-2012 7.3.5.1 / 7.3.5.2), both lines right-aligned:
 * - without seal: agency right-indented 2 characters; the date on the next line starts 2
 *   characters right of the agency's first character. When that would leave the date closer than
 *   2 characters to the right edge (the standard's "成文日期长于发文机关署名" case, read as "the
 *   date would otherwise come closer than two characters to the margin"), the date is
 *   right-indented 2 characters and the agency's right indent grows to keep the 2-character shift.
 * - with seal: the date right-indented 4 characters; the agency centred over the date (right indent
 *   4 + (dateWidth − agencyWidth) / 2, never below 0).
 */
export function signaturePlacement(agency: string, date: string, seal = false): SignaturePlacement {
  const a = textWidthInChars(agency);
  const d = textWidthInChars(date);
  if (seal) {
    const dateRight = INDENT.sealDateRight;
    return {
      agencyRightChars: Math.max(0, dateRight + (d - a) / 2),
      dateRightChars: dateRight,
      sealed: true,
    };
  }
  const shift = 2; // the date's first character sits 2 characters right of the agency's
  const dateRight = Math.max(INDENT.signatureRight, INDENT.signatureRight + a - shift - d);
  return { agencyRightChars: dateRight + d + shift - a, dateRightChars: dateRight, sealed: false };
}

/**
 * The seal (印章) over a sealed signature (GB/T 9704-2012 7.3.5.1: 端正、居中下压发文机关署名和成文日期,
 * the agency and date below the seal's centre, its top within one line of the body): the mark is
 * SEAL.widthMm wide (a 42 mm official seal), its height from the image's aspect ratio, centred
 * horizontally on the date (over which the agency is centred), its centre `centreBelowAgencyTop`
 * of a line below the top of the agency line. With the two blank lines above a sealed signature,
 * the top of a 42 mm seal is then 0.2 line below the body's last line.
 */
export const SEAL = { widthMm: 42, centreBelowAgencyTop: 0.25 } as const;

/** The seal mark's box: width and height (points) for an image of aspect `heightOverWidth`. */
export function sealSize(heightOverWidth = 1): { width: number; height: number } {
  const width = mmToPt(SEAL.widthMm);
  return { width, height: width * heightOverWidth };
}

/** One line of the attachment note (附件说明), positions in characters from the type area's left edge. */
export interface AttachmentLine {
  /** "附件：1." on the first line, "2." etc. after; "附件：" alone when there is one attachment. */
  lead: string;
  title: string;
  /** Where `lead` starts. */
  leadStartChars: number;
  /** Where the title starts; wrapped lines of the title align here. */
  titleStartChars: number;
}

/**
 * 附件说明 (GB/T 9704-2012 7.3.4): "附件：" indented 2 characters; several attachments are numbered
 * 1. 2. … (half-width digits and point), each number under the first one; a title's continuation
 * lines align with the title's first character. A single attachment has no number.
 */
export function attachmentLines(items: readonly string[]): AttachmentLine[] {
  const label = "附件：";
  const start = INDENT.attachment;
  const numberStart = start + textWidthInChars(label);
  return items.map((title, i) => {
    const num = items.length > 1 ? `${i + 1}.` : "";
    const lead = (i === 0 ? label : "") + num;
    return {
      lead,
      title,
      leadStartChars: i === 0 ? start : numberStart,
      titleStartChars: numberStart + textWidthInChars(num),
    };
  });
}
