/**
 * Reply type → row of annual-report table 三 (data/codes.ts replyTableRow) through every
 * caller: the facts' table (which the annual report prints) and the dataset check of a given
 * table against the records. 已主动公开 counts as 予以公开, 非本机关负责公开 as 无法提供/本机关不掌握,
 * 特别规定 as 其他处理/其他; the mapped reason wins over one the reply gives.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { deriveFacts, replyTableRow, validateDatasetText, type Dataset } from "../../src/index.js";

const ID = "YSQ2023-001"; // a natural person's request, disclosed in the sample

function withReply(type: string, reason?: string): Dataset {
  const dataset = JSON.parse(readFileSync("samples/2023-district-bureau.json", "utf8")) as Dataset;
  const app = dataset.disclosure.applications!.find((a) => a.id === ID)!;
  Object.assign(app.reply!, { type, ...(reason ? { reason } : {}) });
  return dataset;
}

const natural = (d: Dataset, key: string) =>
  (deriveFacts(d).annualReport.requestsFull as Record<string, Record<string, number>>)[key]?.[
    "natural-person"
  ] ?? 0;

/** The cells the dataset check finds wrong in a given table of only `cells`. */
function mismatches(d: Dataset, cells: Record<string, unknown>): string[] {
  d.disclosure.annualReportTable = { ...d.disclosure.annualReportTable, requests: cells } as never;
  return validateDatasetText(JSON.stringify(d), "t.json", "en")
    .errors.filter((e) => e.code === "totals-mismatch")
    .map((e) => e.pointer.replace("/disclosure/annualReportTable/requests/", ""));
}

const CASES: [type: string, reason: string | undefined, row: string, pointer: string][] = [
  ["disclosed", undefined, "disclosed", "disclosed"],
  ["already-public", undefined, "disclosed", "disclosed"],
  ["partial", "state-secret", "partial", "partial"],
  ["not-this-agency", undefined, "unavailable.not-held", "unavailable/not-held"],
  ["special-law", undefined, "other.other", "other/other"],
  ["refused", "state-secret", "refused.state-secret", "refused/state-secret"],
];

describe("the row of table 三 a reply is counted in", () => {
  const base = withReply("disclosed");
  for (const [type, reason, row, pointer] of CASES) {
    it(`${type}${reason ? ` (${reason})` : ""}: ${row} in the facts and the given-table check`, () => {
      const got = replyTableRow(type as never, reason);
      expect(got && ("reason" in got ? `${got.type}.${got.reason}` : got.type)).toBe(row);
      const d = withReply(type, reason);
      // One more in its row than the sample has when the reply is disclosed.
      if (row !== "disclosed") expect(natural(d, row)).toBe(natural(base, row) + 1);
      expect(natural(d, "disclosed")).toBe(natural(base, "disclosed") - (row === "disclosed" ? 0 : 1));
      // A given table stating the sample's disclosed count: the check finds the cell of that row
      // one short (or, for a disclosed reply, nothing wrong).
      const [group, r] = pointer.split("/") as [string, string | undefined];
      const stated = natural(base, row);
      const cell = { "natural-person": stated };
      const cells = r ? { [group]: { [r]: cell } } : { [group]: cell };
      expect(mismatches(d, cells)).toEqual(row === "disclosed" ? [] : [`${pointer}/natural-person`]);
    });
  }
  it("a row that needs a reason has none without one", () => {
    expect(replyTableRow("refused", undefined)).toBeUndefined();
    expect(replyTableRow("not-this-agency", "state-secret")).toEqual({
      type: "unavailable",
      reason: "not-held",
    });
  });
});
