/**
 * Each place where the 2014 summary departs from the reference document, with its reason
 * (test/summary/corrections.ts): the reference has the passage exactly once, and the summary
 * composed from the 2014 sample has the replacement.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSummary } from "../../src/compose/documents/summary.js";
import { docxParagraphTexts } from "../../src/render/docx/index.js";
import { ROOT, sample2014 } from "../facts/datasets.js";
import { normaliseText, SUMMARY_CORRECTIONS } from "./corrections.js";

const reference = normaliseText(
  fs.readFileSync(path.resolve(ROOT, "test/fixtures/reference/summary-2014-commerce-bureau.txt"), "utf8"),
);
const summary = normaliseText(
  docxParagraphTexts(buildSummary({ dataset: sample2014(), lang: "zh" })).join("\n"),
);

describe("corrections of the reference in the 2014 summary", () => {
  it.each(SUMMARY_CORRECTIONS.map((c) => [`${c.kind}: ${c.reason}`, c] as const))("%s", (_, c) => {
    const from = normaliseText(c.reference);
    expect(reference.split(from).length - 1).toBe(1);
    if (c.rendered !== "") expect(summary).toContain(normaliseText(c.rendered));
    // A correction that removes or changes the passage leaves none of it (additions keep it).
    if (!normaliseText(c.rendered).includes(from)) expect(summary.includes(from)).toBe(false);
  });

  it("has no correction of kind data: the data model expresses every passage of the reference", () => {
    expect(SUMMARY_CORRECTIONS.filter((c) => c.kind === "data").map((c) => c.reference)).toEqual([]);
  });

  it("lists the slips the issue names: closing quote, 237余份, 贴心服务 punctuation", () => {
    const slips = SUMMARY_CORRECTIONS.filter((c) => c.kind === "slip").map((c) => c.reference);
    expect(slips).toEqual(
      expect.arrayContaining(["场所和人员“三集中", "共发文237余份", "二是“贴心服务”为进一步转变政府职能"]),
    );
  });
});
