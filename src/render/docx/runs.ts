/**
 * Tree runs → docx TextRuns: fonts through the eastAsia slot, sizes, grid condensing, breaks.
 */
import { Tab, TextRun, type IRunOptions } from "docx";
import type { FontRole, Run } from "../../document/tree.js";
import { cleanText } from "./xml.js";

/** Font names per role plus the Latin font policy. */
export interface FontConfig {
  names: Record<FontRole, string>;
  /**
   * Font for Latin letters and digits (w:ascii / w:hAnsi / w:cs). Undefined: the role's own
   * (East Asian) font, so Arabic digits come out as that font's half-width digits — what most
   * offices' 仿宋_GB2312 templates do, and what makes "half-width digits count as half a
   * character" hold for the signature and attachment placements. Offices that set Latin text
   * in Times New Roman configure it here.
   */
  latin?: string;
}

/** How the runs of one block look. */
export interface RunStyle {
  role: FontRole;
  sizePt: number;
  bold?: boolean;
  /** w:spacing in twips (negative condenses); omitted when 0. */
  charSpacing?: number;
  /** Use the role's font in every slot regardless of the Latin policy (page numbers: 半角宋体). */
  sameFontAllSlots?: boolean;
}

/**
 * rFonts for a role. w:hint="eastAsia" makes Word take the East Asian font for characters whose
 * slot is ambiguous (“ ” ‘ ’ — … ·), which in Chinese text are full-width punctuation.
 */
export function fontSlots(fonts: FontConfig, role: FontRole, sameFontAllSlots = false) {
  const eastAsia = fonts.names[role];
  const latin = sameFontAllSlots ? eastAsia : (fonts.latin ?? eastAsia);
  return { eastAsia, ascii: latin, hAnsi: latin, cs: latin, hint: "eastAsia" };
}

export function runOptions(
  fonts: FontConfig,
  style: RunStyle,
  run?: Pick<Run, "bold" | "italic" | "underline" | "font">,
) {
  const role = run?.font ?? style.role;
  const opts: IRunOptions = {
    font: fontSlots(fonts, role, style.sameFontAllSlots),
    size: Math.round(style.sizePt * 2),
    ...(style.bold || run?.bold ? { bold: true } : {}),
    ...(run?.italic ? { italics: true } : {}),
    ...(run?.underline ? { underline: {} } : {}),
    ...(style.charSpacing ? { characterSpacing: style.charSpacing } : {}),
  };
  return opts;
}

/**
 * TextRuns for tree runs. "\n" inside a run's text and `breakAfter` become line breaks (w:br);
 * tabs become w:tab. Empty runs produce nothing.
 */
export function textRuns(fonts: FontConfig, style: RunStyle, runs: readonly Run[]): TextRun[] {
  const out: TextRun[] = [];
  for (const run of runs) {
    const base = runOptions(fonts, style, run);
    const lines = cleanText(run.text).split("\n");
    lines.forEach((line, i) => {
      if (i > 0) out.push(new TextRun({ ...base, break: 1 }));
      if (line !== "") out.push(new TextRun({ ...base, children: withTabs(line) }));
    });
    if (run.breakAfter) out.push(new TextRun({ ...base, break: 1 }));
  }
  return out;
}

/** One plain string in one style. */
export function plainRuns(fonts: FontConfig, style: RunStyle, text: string): TextRun[] {
  return textRuns(fonts, style, [{ text }]);
}

function withTabs(text: string): (string | Tab)[] {
  const parts = text.split("\t");
  const children: (string | Tab)[] = [];
  parts.forEach((p, i) => {
    if (i > 0) children.push(new Tab());
    if (p !== "") children.push(p);
  });
  return children;
}
