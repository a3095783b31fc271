/**
 * approval.records: the case records are every case ("all"), every overdue case ("exceptions",
 * the totals giving the rest) or a sample ("sample"). Validation (the records a part of the
 * totals, the overdue total the number of exceptions, totals.completed required), the facts,
 * the no-overdue rule (a sample without an overdue total cannot prove "no case overdue": a
 * warning, never a pass) and the summary's sentence, read back from the DOCX and PDF written.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runAudit } from "../../src/audit/index.js";
import { buildSummary } from "../../src/compose/documents/summary.js";
import type { Dataset } from "../../src/data/types.js";
import { validateDatasetText } from "../../src/data/validate.js";
import { deriveFacts } from "../../src/facts/index.js";
import { writeDocument } from "../../src/render/output.js";
import { docxParagraphs } from "../helpers/docx.js";
import { pdfText, squeezeSpace } from "../helpers/pdf.js";
import { neutralScheme } from "../audit/fixtures.js";
import { eventful2014, sample2014, validated } from "./datasets.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gongwen-approval-records-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The 2014 sample with only its two overdue cases listed (eventful2014 makes them late). */
function exceptions(): Dataset {
  const d = eventful2014();
  const ap = d.approval!;
  ap.records = "exceptions";
  ap.cases = ap.cases!.filter((c) => c.id === "SP2014-001" || c.id === "SP2014-002");
  return d;
}

/** The 2014 sample with 20 of its cases, none overdue. */
function sampled(overdueTotal?: number): Dataset {
  const d = sample2014();
  const ap = d.approval!;
  ap.records = "sample";
  ap.cases = ap.cases!.slice(10, 30);
  if (overdueTotal === undefined) delete ap.totals!.overdue;
  else ap.totals!.overdue = overdueTotal;
  return d;
}

const errorsOf = (d: Dataset) =>
  validateDatasetText(JSON.stringify(d, null, 2), "d.json", "zh").errors.map(
    (e) => `${e.pointer}: ${e.message}`,
  );

async function summaryText(d: Dataset, name: string): Promise<{ docx: string; pdf: string }> {
  const tree = buildSummary({ dataset: validated(d), lang: "zh" });
  const outDir = path.join(tmp, name);
  await writeDocument(tree, { outDir, baseName: "summary", formats: ["docx", "pdf"] });
  return {
    docx: docxParagraphs(path.join(outDir, "summary.docx")).join("\n"),
    pdf: squeezeSpace(pdfText(fs.readFileSync(path.join(outDir, "summary.pdf")))),
  };
}

const overdueFindings = (d: Dataset) =>
  runAudit(validated(d), { scheme: neutralScheme(), lang: "zh" }).findings.filter(
    (f) => f.rule === "approval/no-overdue",
  );

describe("approval.records: validation", () => {
  it("accepts exceptions and a sample that are a part of the totals", () => {
    expect(errorsOf(exceptions())).toEqual([]);
    expect(errorsOf(sampled())).toEqual([]);
  });

  it("refuses records beyond the totals, an overdue total other than the exceptions, and no completed total", () => {
    const d = exceptions();
    d.approval!.totals!.overdue = 3;
    d.approval!.totals!.completedByCategory![0]!.count = 0; // 新设外商投资企业: SP2014-002 is one
    expect(errorsOf(d)).toEqual([
      "/approval/totals/completedByCategory/0/count: “新设外商投资企业”类办结数为 0，少于办件记录中该类的本年办结数 1",
      "/approval/totals/overdue: 超期办结数为 3，但列出的超时办件（records 为 exceptions：列出全部超时办件）为 2 件",
    ]);
    const s = sampled();
    s.approval!.totals!.completed = 5;
    delete s.approval!.totals!.completedByCategory;
    expect(errorsOf(s)).toEqual(["/approval/totals/completed: 办结总数为 5，少于办件记录中的本年办结数 20"]);
    delete s.approval!.totals!.completed;
    expect(errorsOf(s)).toEqual([
      "/approval/records: 办件记录只是抽样（sample）时，须在 totals.completed 中填写全年办结总数",
    ]);
  });
});

describe("approval.records: facts and the no-overdue rule", () => {
  it("exceptions: the totals give the completed count, the records every overdue case", () => {
    const ap = deriveFacts(validated(exceptions())).approval;
    expect(ap.records).toBe("exceptions");
    expect(ap.completed.source).toBe("totals");
    expect(ap.completed.total).toBe(267);
    expect(ap.overdue).toMatchObject({ known: true, count: 2 });
    expect(ap.onTime).toMatchObject({ numerator: 265, denominator: 267 });
    expect(ap.seal.usedInAllCases).toBeNull();
    expect(overdueFindings(exceptions()).map((f) => f.subject)).toEqual(["SP2014-001", "SP2014-002"]);
  });

  it("exceptions: a listed case completed in time is no exception, a warning naming it", () => {
    const d = exceptions();
    d.approval!.cases!.push(structuredClone(sample2014().approval!.cases![2]!)); // SP2014-003, in time
    d.approval!.totals!.overdue = 3;
    const found = overdueFindings(d);
    expect(found.map((f) => [f.subject, f.severity])).toEqual([
      ["SP2014-001", "error"],
      ["SP2014-002", "error"],
      ["SP2014-003", "warning"],
    ]);
    expect(found[2]!.message).toBe(
      "办件 SP2014-003 列为超时办件（只列超时办件），但按承诺时限计算并未超时：请核对其受理和办结日期，或从办件记录中删去",
    );
  });

  it("a sample proves no count: without an overdue total the rule says so, a warning", () => {
    const ap = deriveFacts(validated(sampled())).approval;
    expect(ap.overdue.known).toBe(false);
    expect(ap.onTime).toBeNull();
    const found = overdueFindings(sampled());
    expect(found.map((f) => [f.message, f.severity])).toEqual([
      [
        "办件记录只是抽样（20件，全年办结267件），又未填写超时合计数，无法证明全年无办件超时；请在 totals.overdue 中填写全年超时办件数",
        "warning",
      ],
    ]);
  });

  it("a sample with an overdue total: the cases beyond the sample's are one finding", () => {
    const found = overdueFindings(sampled(2));
    expect(found.map((f) => [f.message, f.count])).toEqual([
      ["抽样办件记录以外另有办件超时2件（据填报的超时合计数2件）", 2],
    ]);
    expect(overdueFindings(sampled(0))).toEqual([]);
  });
});

describe("approval.records: the summary", () => {
  it("exceptions prove the year's count; a sample without an overdue total makes no claim", async () => {
    const ex = await summaryText(exceptions(), "exceptions");
    for (const t of [ex.docx, ex.pdf]) {
      expect(t).toContain("共计267项");
      expect(t).toContain("全年办件超时2件、被投诉1次。");
    }
    const s = await summaryText(sampled(), "sample");
    for (const t of [s.docx, s.pdf]) {
      expect(t).toContain("共计267项");
      expect(t).not.toContain("全年未出现办件超时");
      expect(t).not.toContain("办件超时");
    }
    const s0 = await summaryText(sampled(0), "sample-0");
    expect(s0.docx).toContain("全年未出现办件超时、被投诉、通报事件发生。");
    expect(s0.pdf).toContain("全年未出现办件超时、被投诉、通报事件发生。");
  }, 90_000);
});
