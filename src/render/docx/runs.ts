/**
 * Tree runs → runs of the writer's model (model.ts): fonts through the eastAsia slot, sizes,
 * grid condensing, breaks.
 */
import type { FontRole, Run } from "../../document/tree.js";
import { TAB, type FontSlots, type RunModel, type RunPiece, type RunProps } from "./model.js";
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
export function fontSlots(fonts: FontConfig, role: FontRole, sameFontAllSlots = false): FontSlots {
  const eastAsia = fonts.names[role];
  const latin = sameFontAllSlots ? eastAsia : (fonts.latin ?? eastAsia);
  return { eastAsia, ascii: latin, hAnsi: latin, cs: latin, hint: "eastAsia" };
}

export function runProps(
  fonts: FontConfig,
  style: RunStyle,
  run?: Pick<Run, "bold" | "italic" | "underline" | "font">,
): RunProps {
  const role = run?.font ?? style.role;
  return {
    font: fontSlots(fonts, role, style.sameFontAllSlots),
    size: Math.round(style.sizePt * 2),
    ...(style.bold || run?.bold ? { bold: true } : {}),
    ...(run?.italic ? { italics: true } : {}),
    ...(run?.underline ? { underline: true } : {}),
    ...(style.charSpacing ? { characterSpacing: style.charSpacing } : {}),
  };
}

/**
 * Runs for tree runs. "\n" inside a run's text and `breakAfter` become line breaks (w:br);
 * tabs become w:tab. Empty runs produce nothing.
 */
export function textRuns(fonts: FontConfig, style: RunStyle, runs: readonly Run[]): RunModel[] {
  const out: RunModel[] = [];
  for (const run of runs) {
    const props = runProps(fonts, style, run);
    const lines = cleanText(run.text).split("\n");
    lines.forEach((line, i) => {
      if (i > 0) out.push({ props, break: true, children: [] });
      if (line !== "") out.push({ props, children: withTabs(line) });
    });
    if (run.breakAfter) out.push({ props, break: true, children: [] });
  }
  return out;
}

/** One plain string in one style. */
export function plainRuns(fonts: FontConfig, style: RunStyle, text: string): RunModel[] {
  return textRuns(fonts, style, [{ text }]);
}

function withTabs(text: string): RunPiece[] {
  if (!text.includes("\t")) return [text];
  const parts = text.split("\t");
  const children: RunPiece[] = [];
  parts.forEach((p, i) => {
    if (i > 0) children.push(TAB);
    if (p !== "") children.push(p);
  });
  return children;
}
