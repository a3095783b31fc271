/**
 * Title line breaks (GB/T 9704-2012 7.3.3: a title of several lines keeps words whole and its
 * shape symmetric — a trapezoid or a diamond), decided once for both writers: the PDF sets these
 * lines, the DOCX writes them with line breaks, so Word and LibreOffice break where the PDF does
 * (left to itself LibreOffice broke "…政府信 / 息公开…").
 *
 * Widths are counted in title characters (a half-width character is half), against the type
 * area's width in 2号 characters. Break points, in order of preference:
 * 1. phrase boundaries: after a conjunction or particle (和 与 及 暨 的 、 ，) or an agency name's
 *    last character (局 委 厅 办 院 府 会 部 处 室 所 站 中心), before 关于;
 * 2. those and after a year (2014年, 2014年度);
 * 3. word boundaries (Intl.Segmenter), never inside a term of TITLE_TERMS;
 * 4. anywhere the line-breaking rules allow.
 * The first class that gives a split into the fewest lines with no line shorter than half the
 * average wins; within it the split whose longest line is shortest, then the most even. So
 * "市商务局2014年度集中审批服务和政务公开工作总结" breaks after "服务和", never inside
 * "集中审批服务".
 */
import { textWidthInChars } from "./layout.js";

const AFTER = new Set([..."和与及暨的、，；："]);
const AGENCY_END = new Set([..."局委厅办院府会部处室所站"]);
const CLOSING = new Set([..."，。、；：？！）》」』〕】”’"]);
const OPENING = new Set([..."（《「『〔【“‘"]);

/** Terms a title never breaks inside (the segmenter splits them into words). */
export const TITLE_TERMS = [
  "政府信息公开",
  "依申请公开",
  "集中审批服务",
  "政务公开",
  "政务服务",
  "行政复议",
  "行政诉讼",
  "工作情况",
  "年度报告",
  "工作总结",
  "自查报告",
  "告知书",
  "答复书",
  "通知书",
];

const segmenter = new Intl.Segmenter("zh-Hans", { granularity: "word" });

/** The title's lines for a measure of `widthChars` title characters. */
export function titleLines(text: string, widthChars: number): string[] {
  const chars = [...text];
  const n = chars.length;
  const w = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) w[i + 1] = w[i]! + textWidthInChars(chars[i]!);
  const total = w[n]!;
  if (total <= widthChars + 1e-9 || n < 2) return [text];

  const ruleOk = (i: number) => !CLOSING.has(chars[i]!) && !OPENING.has(chars[i - 1]!);
  const phrase = new Set<number>();
  const word = new Set<number>();
  for (let i = 1; i < n; i++) {
    const prev = chars[i - 1]!;
    if (AFTER.has(prev) || AGENCY_END.has(prev) || (prev === "心" && chars[i - 2] === "中")) phrase.add(i);
    if (chars[i] === "关" && chars[i + 1] === "于") phrase.add(i);
  }
  let u = 0;
  const index = new Map<number, number>();
  chars.forEach((c, i) => {
    index.set(u, i);
    u += c.length;
  });
  for (const seg of segmenter.segment(text)) {
    const i = index.get(seg.index);
    if (i !== undefined && i > 0) word.add(i);
  }
  const year = new Set<number>();
  for (let i = 1; i < n; i++) {
    const after = chars[i - 1] === "年" ? i : chars[i - 1] === "度" && chars[i - 2] === "年" ? i : -1;
    if (after > 0) {
      const y = chars[i - 1] === "年" ? i - 1 : i - 2;
      if (y > 0 && /\d/.test(chars[y - 1]!)) year.add(after);
    }
  }
  // No break inside a term.
  for (const term of TITLE_TERMS)
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      const start = [...text.slice(0, at)].length;
      for (let i = start + 1; i < start + [...term].length; i++) {
        word.delete(i);
        phrase.delete(i);
        year.delete(i);
      }
    }
  // A phrase boundary inside a word (局 in 局长, 会 in 会议) is no boundary.
  for (const i of [...phrase]) if (!word.has(i)) phrase.delete(i);

  const split = (allowed: (i: number) => boolean): string[] | undefined => {
    const cands = [0];
    for (let i = 1; i < n; i++) if (ruleOk(i) && allowed(i)) cands.push(i);
    cands.push(n);
    const kMin = Math.ceil(total / widthChars - 1e-9);
    for (let k = kMin; k <= Math.min(n, kMin + 2); k++) {
      const floor = total / k / 2;
      type Cost = { max: number; dev: number; prev: number };
      let row: (Cost | undefined)[] = cands.map((_, c) =>
        c === 0 ? { max: 0, dev: 0, prev: -1 } : undefined,
      );
      const rows = [row];
      for (let j = 1; j <= k; j++) {
        const next: (Cost | undefined)[] = cands.map(() => undefined);
        for (let c = 1; c < cands.length; c++)
          for (let a = 0; a < c; a++) {
            const p = row[a];
            if (!p) continue;
            const lw = w[cands[c]!]! - w[cands[a]!]!;
            if (lw > widthChars + 1e-9 || lw < floor) continue;
            const cost = { max: Math.max(p.max, lw), dev: p.dev + (lw - total / k) ** 2, prev: a };
            const cur = next[c];
            if (
              !cur ||
              cost.max < cur.max - 1e-9 ||
              (Math.abs(cost.max - cur.max) <= 1e-9 && cost.dev < cur.dev)
            )
              next[c] = cost;
          }
        rows.push(next);
        row = next;
      }
      if (row[cands.length - 1]) {
        const cuts: number[] = [n];
        let c = cands.length - 1;
        for (let j = k; j > 0; j--) {
          c = rows[j]![c]!.prev;
          cuts.push(cands[c]!);
        }
        cuts.reverse();
        const lines: string[] = [];
        for (let i = 0; i + 1 < cuts.length; i++) lines.push(chars.slice(cuts[i], cuts[i + 1]).join(""));
        return lines;
      }
    }
    return undefined;
  };
  return (
    split((i) => phrase.has(i)) ??
    split((i) => phrase.has(i) || year.has(i)) ??
    split((i) => word.has(i) || year.has(i)) ??
    split(() => true) ?? [text]
  );
}

/** The type area's width in title (2号) characters. */
export function titleWidthChars(typeAreaWidthPt: number, titleSizePt: number): number {
  return typeAreaWidthPt / titleSizePt;
}
