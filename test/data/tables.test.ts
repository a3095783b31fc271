/**
 * Given annual-report tables (三, 四) are accepted when they agree with the application records
 * cell by cell, and each disagreeing cell is an error.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { validateDatasetText } from "../../src/data/validate.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const sample = JSON.parse(readFileSync(resolve(ROOT, "samples/2023-district-bureau.json"), "utf8"));

const row = (np: number, ce: number, ri: number, pi: number, ls: number, ot: number) => ({
  "natural-person": np,
  "commercial-enterprise": ce,
  "research-institution": ri,
  "public-interest-organisation": pi,
  "legal-services-organisation": ls,
  other: ot,
  total: np + ce + ri + pi + ls + ot,
});
const one = row(1, 0, 0, 0, 0, 0);

/** samples/README.md, table 三 and 四. */
const TABLE = {
  requests: {
    newReceived: row(22, 8, 2, 2, 3, 2),
    carriedOver: row(2, 1, 0, 0, 0, 0),
    disclosed: row(6, 3, 0, 1, 2, 1),
    partial: row(1, 2, 0, 0, 0, 0),
    refused: {
      "state-secret": one,
      "prohibited-by-law": row(0, 0, 0, 0, 1, 0),
      "three-securities-one-stability": one,
      "third-party-rights": row(0, 1, 0, 0, 0, 0),
      "internal-affairs": one,
      "process-information": row(0, 0, 1, 0, 0, 0),
      "enforcement-file": one,
      "administrative-query": one,
    },
    unavailable: {
      "not-held": row(2, 0, 1, 0, 0, 0),
      "needs-creation": row(0, 0, 0, 1, 0, 0),
      "unclear-after-correction": one,
    },
    "not-processed": {
      "petition-complaint": one,
      duplicate: one,
      publication: row(0, 0, 0, 0, 0, 1),
      excessive: one,
      confirmation: row(0, 1, 0, 0, 0, 0),
    },
    other: { "no-correction": one, "fee-unpaid": one, other: row(2, 1, 0, 0, 0, 0) },
    total: row(22, 8, 2, 2, 3, 2),
    carriedForward: row(2, 1, 0, 0, 0, 0),
  },
  reviews: {
    reconsideration: { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 },
    litigationDirect: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
    litigationAfterReconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
  },
};

function withTable(table: unknown): string {
  const d = structuredClone(sample);
  d.disclosure.annualReportTable = { ...d.disclosure.annualReportTable, ...(table as object) };
  return JSON.stringify(d, null, 2);
}

describe("given annual-report tables", () => {
  it("the documented 2023 tables agree with the sample's records", () => {
    const r = validateDatasetText(withTable(TABLE), "t.json");
    expect(r.errors).toEqual([]);
  });

  it("a blank cell is not compared; a wrong one is an error naming row and column", () => {
    const t = structuredClone(TABLE) as typeof TABLE & { requests: Record<string, unknown> };
    delete (t.requests.partial as Record<string, number>)["commercial-enterprise"];
    t.requests.unavailable["not-held"]["research-institution"] = 0;
    t.reviews.litigationDirect.pending = 1;
    const r = validateDatasetText(withTable(t), "t.json");
    expect(r.errors.map((e) => [e.pointer, e.message])).toEqual([
      [
        "/disclosure/annualReportTable/requests/unavailable/not-held/research-institution",
        "表三“无法提供/本机关不掌握相关政府信息”行“科研机构”列为 0，但申请记录为 1",
      ],
      [
        "/disclosure/annualReportTable/reviews/litigationDirect/pending",
        "表四“行政诉讼（未经复议直接起诉）”的“尚未审结”为 1，但申请记录中本年为 0",
      ],
    ]);
  });
});
