/** The writer-neutral placement rules the DOCX writer relies on (src/document/layout.ts). */
import { describe, expect, it } from "vitest";
import { attachmentLines, signaturePlacement, textWidthInChars } from "../../../src/document/layout.js";
import type { TableBlock } from "../../../src/document/tree.js";
import { layoutTableGrid } from "../../../src/render/docx/index.js";
import { normaliseColumnWidths } from "../../../src/render/docx/table.js";
import { pageNumberAffixes } from "../../../src/render/docx/footer.js";

describe("textWidthInChars", () => {
  it("counts full-width characters as one and half-width (ASCII) as half", () => {
    expect(textWidthInChars("2015年1月23日")).toBe(6.5);
    expect(textWidthInChars("XX市商务局")).toBe(5);
    expect(textWidthInChars("附件：1.")).toBe(4);
    expect(textWidthInChars("（一）")).toBe(3);
    expect(textWidthInChars("")).toBe(0);
  });
});

describe("signaturePlacement", () => {
  it("without seal: agency 2 characters from the right, date starting 2 characters right of the agency", () => {
    // agency 10, date 6.5: date right indent 10 − 6.5 − 2 + 2 = 3.5
    expect(signaturePlacement("北京市人民政府办公厅", "2015年1月23日")).toEqual({
      agencyRightChars: 2,
      dateRightChars: 3.5,
      sealed: false,
    });
  });

  it("without seal, date longer than the agency: date 2 characters from the right, agency moved left", () => {
    expect(signaturePlacement("某某市商务局", "2015年1月23日")).toEqual({
      agencyRightChars: 4.5,
      dateRightChars: 2,
      sealed: false,
    });
    // the date's first character is still 2 characters right of the agency's
    const p = signaturePlacement("某某市商务局", "2015年12月23日");
    expect(p.agencyRightChars + 6 - (p.dateRightChars + textWidthInChars("2015年12月23日"))).toBe(2);
  });

  it("without seal, date almost as long as the agency: the date never comes closer than 2 characters", () => {
    const p = signaturePlacement("某某县人民政府", "2015年1月23日"); // 7 vs 6.5
    expect(p).toEqual({ agencyRightChars: 3.5, dateRightChars: 2, sealed: false });
  });

  it("with seal: date 4 characters from the right, agency centred over it", () => {
    expect(signaturePlacement("某某市商务局", "2015年1月23日", true)).toEqual({
      agencyRightChars: 4.25,
      dateRightChars: 4,
      sealed: true,
    });
    // an agency much longer than the date is not pushed past the margin
    expect(signaturePlacement("某".repeat(20), "2015年1月23日", true).agencyRightChars).toBe(0);
  });
});

describe("attachmentLines", () => {
  it("numbers several attachments, aligning numbers and titles", () => {
    expect(attachmentLines(["统计表", "明细表"])).toEqual([
      { lead: "附件：1.", title: "统计表", leadStartChars: 2, titleStartChars: 6 },
      { lead: "2.", title: "明细表", leadStartChars: 5, titleStartChars: 6 },
    ]);
  });

  it("gives a single attachment no number, and two-digit numbers their extra half character", () => {
    expect(attachmentLines(["统计表"])).toEqual([
      { lead: "附件：", title: "统计表", leadStartChars: 2, titleStartChars: 5 },
    ]);
    const many = attachmentLines(Array.from({ length: 10 }, (_, i) => `表${i + 1}`));
    expect(many[9]).toEqual({ lead: "10.", title: "表10", leadStartChars: 5, titleStartChars: 6.5 });
  });
});

describe("layoutTableGrid", () => {
  const cell = (text: string, extra: object = {}) => ({ paragraphs: [[{ text }]], ...extra });
  const table = (rows: TableBlock["rows"], columnWidths?: number[]): TableBlock => ({
    type: "table",
    headerRows: 0,
    rows,
    ...(columnWidths ? { columnWidths } : {}),
  });
  const shape = (t: TableBlock) =>
    layoutTableGrid(t).rows.map((r) =>
      r.map((c) =>
        c.kind === "start"
          ? `${runsOf(c.cell)}@${c.col}x${c.colSpan}x${c.rowSpan}`
          : c.kind === "continue"
            ? `^@${c.col}x${c.colSpan}`
            : `_@${c.col}`,
      ),
    );
  const runsOf = (c: { paragraphs: { text: string }[][] }) =>
    c.paragraphs.map((p) => p.map((r) => r.text).join("")).join("/");

  it("places cells after row spans from above, keeping the span's width on continuation rows", () => {
    const t = table([
      { cells: [cell("A", { rowSpan: 3, colSpan: 2 }), cell("B")] },
      { cells: [cell("C")] },
      { cells: [cell("D")] },
      { cells: [cell("E"), cell("F"), cell("G")] },
    ]);
    expect(shape(t)).toEqual([
      ["A@0x2x3", "B@2x1x1"],
      ["^@0x2", "C@2x1x1"],
      ["^@0x2", "D@2x1x1"],
      ["E@0x1x1", "F@1x1x1", "G@2x1x1"],
    ]);
  });

  it("clips row spans at the last row and pads short rows", () => {
    const t = table([{ cells: [cell("A", { rowSpan: 5 }), cell("B"), cell("C")] }, { cells: [cell("D")] }]);
    expect(shape(t)).toEqual([
      ["A@0x1x2", "B@1x1x1", "C@2x1x1"],
      ["^@0x1", "D@1x1x1", "_@2"],
    ]);
  });

  it("rejects overlapping spans and column widths that do not match the columns", () => {
    expect(() =>
      layoutTableGrid(
        table([{ cells: [cell("A"), cell("B", { rowSpan: 2 })] }, { cells: [cell("C", { colSpan: 2 })] }]),
      ),
    ).toThrow("table cells overlap at row 2, column 2");
    expect(() => layoutTableGrid(table([{ cells: [cell("A"), cell("B")] }], [1, 2, 3]))).toThrow(
      "table has 2 columns but 3 column widths",
    );
  });
});

describe("normaliseColumnWidths", () => {
  it("scales relative widths to the type area exactly", () => {
    expect(normaliseColumnWidths([3, 2, 2, 2], 4, 8845)).toEqual([2948, 1965, 1965, 1967]);
    expect(normaliseColumnWidths(undefined, 3, 8845)).toEqual([2948, 2948, 2949]);
    expect(() => normaliseColumnWidths([1, 0], 2, 8845)).toThrow(
      "table column widths must be positive numbers",
    );
  });
});

describe("pageNumberAffixes", () => {
  it("splits the layout's page number format around the number", () => {
    expect(pageNumberAffixes()).toEqual({ before: "— ", after: " —" });
  });
});
