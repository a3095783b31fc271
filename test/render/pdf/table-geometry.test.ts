/** layoutTable's geometry sections alone: column edges and row heights. */
import { describe, expect, it } from "vitest";
import { columnEdges, rowHeights } from "../../../src/render/pdf/tables.js";

describe("columnEdges", () => {
  it("shares the width by the relative column widths", () => {
    expect(columnEdges([1, 3], 2, 400)).toEqual([0, 100, 400]);
  });
  it("falls back to equal columns when the widths do not fit the grid or one is not positive", () => {
    expect(columnEdges(undefined, 4, 400)).toEqual([0, 100, 200, 300, 400]);
    expect(columnEdges([1, 2, 3], 2, 400)).toEqual([0, 200, 400]);
    expect(columnEdges([1, 0], 2, 400)).toEqual([0, 200, 400]);
  });
});

describe("rowHeights", () => {
  const lineH = 15;
  const frame = 5;
  it("gives every row one line at least, and a row its tallest cell", () => {
    expect(
      rowHeights(
        [
          { row: 0, rowSpan: 1, contentH: 0 },
          { row: 1, rowSpan: 1, contentH: 45 },
          { row: 1, rowSpan: 1, contentH: 30 },
        ],
        3,
        lineH,
        frame,
      ),
    ).toEqual([20, 50, 20]);
  });
  it("adds what a row-spanning cell still needs to its last row only", () => {
    expect(rowHeights([{ row: 0, rowSpan: 2, contentH: 75 }], 3, lineH, frame)).toEqual([20, 60, 20]);
    // Enough room in the rows it spans: nothing added.
    expect(rowHeights([{ row: 0, rowSpan: 2, contentH: 30 }], 2, lineH, frame)).toEqual([20, 20]);
  });
});
