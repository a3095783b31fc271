/**
 * A complaint's outcome (属实, 部分属实, 不属实, 投诉人撤回) and dates (received, concluded):
 * validation (concluded not before received, an outcome needs its conclusion date, valid agrees
 * with the outcome), the facts (valid complaints, outcomes, open at the end of the year), the
 * no-complaint rule (an open complaint is a warning, with validOnly the rejected and withdrawn
 * ones are left out) and the summary's sentence, read back from the DOCX and PDF written.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSummary } from "../../../../src/compose/documents/summary.js";
import { validateDatasetText } from "../../../../src/data/validate.js";
import type { Complaint, Dataset } from "../../../../src/data/types.js";
import { deriveFacts } from "../../../../src/facts/index.js";
import { writeDocument } from "../../../../src/render/output.js";
import { docxParagraphs } from "../../../helpers/docx.js";
import { pdfText, squeezeSpace } from "../../../helpers/pdf.js";
import { eventful2014, validated } from "../../../facts/datasets.js";
import { audit, brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "approval/no-complaint";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gongwen-complaints-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const COMPLAINTS: Complaint[] = [
  { id: "TS1", received: "2023-04-03", summary: "窗口服务", outcome: "upheld", concluded: "2023-04-10" },
  { id: "TS2", received: "2023-05-04", summary: "等候时间", outcome: "rejected", concluded: "2023-05-09" },
  { id: "TS3", received: "2023-06-01", summary: "材料退回", outcome: "withdrawn", concluded: "2023-06-02" },
  {
    id: "TS4",
    received: "2023-12-20",
    summary: "办件进度",
    outcome: "partly-upheld",
    concluded: "2024-01-08",
  },
  { id: "TS5", received: "2023-12-28", summary: "咨询答复" },
];
const withOutcomes = () =>
  dataset((d) => {
    d.approval!.complaints = structuredClone(COMPLAINTS);
  });

const errorsOf = (d: Dataset) =>
  validateDatasetText(JSON.stringify(d, null, 2), "d.json", "zh").errors.map(
    (e) => `${e.pointer}: ${e.message}`,
  );

describe("complaint outcome: validation", () => {
  it("accepts outcomes with their conclusion dates, one concluded the next year", () => {
    expect(errorsOf(withOutcomes())).toEqual([]);
  });

  it("refuses an outcome without concluded, concluded before received, and valid against the outcome", () => {
    const d = withOutcomes();
    const [a, b, c] = d.approval!.complaints!;
    delete a!.concluded;
    b!.concluded = "2023-05-01";
    c!.valid = true;
    expect(errorsOf(d)).toEqual([
      "/approval/complaints/0/outcome: 投诉办理结果为“属实”，须填写办结日期",
      "/approval/complaints/1/concluded: concluded（办结日期）2023-05-01 早于 received（收到日期）2023-05-04",
      "/approval/complaints/2/valid: 投诉办理结果为“投诉人撤回”，不属于有效投诉，valid 应为 false",
    ]);
  });
});

describe("complaint outcome: facts and the no-complaint rule", () => {
  it("counts valid complaints by outcome and the ones open at the end of the year", () => {
    const c = deriveFacts(withOutcomes()).approval.complaints;
    expect(c).toMatchObject({
      count: 5,
      valid: 2,
      outcomes: { upheld: ["TS1"], partlyUpheld: [], rejected: ["TS2"], withdrawn: ["TS3"] },
      open: ["TS4", "TS5"],
      concludedKnown: true,
    });
  });

  it("says how each complaint ended, one concluded only next year as open at the year's end", () => {
    const found = findingsOf(withOutcomes(), RULE);
    expect(found.map(brief).map((f) => f.message)).toEqual([
      "2023年4月3日收到投诉（TS1），经查属实",
      "2023年5月4日收到投诉（TS2），经查不属实",
      "2023年6月1日收到投诉（TS3），投诉人已撤回",
      "2023年12月20日收到投诉（TS4），至年底尚未办结（次年办结），经查部分属实",
      "2023年12月28日收到投诉（TS5），至年底尚未办结，是否属实尚无结论",
    ]);
    expect(brief(found[3]!).evidence).toEqual([
      '/approval/complaints/3/received="2023-12-20"',
      '/approval/complaints/3/concluded="2024-01-08"',
    ]);
    // Scored as an error by a scheme, an open complaint whose outcome is unknown stays a warning.
    const strict = audit(withOutcomes(), { [RULE]: { severity: "error" } }).findings.filter(
      (f) => f.rule === RULE,
    );
    expect(strict.map((f) => [f.subject, f.severity])).toEqual([
      ["TS1", "error"],
      ["TS2", "error"],
      ["TS3", "error"],
      ["TS4", "error"],
      ["TS5", "warning"],
    ]);
  });

  it("with validOnly, counts the upheld ones and the open one, not the rejected or withdrawn", () => {
    expect(findingsOf(withOutcomes(), RULE, { validOnly: true }).map((f) => f.subject)).toEqual([
      "TS1",
      "TS4",
      "TS5",
    ]);
  });
});

describe("complaint outcome: the summary", () => {
  it("states how the year's complaints ended, in the DOCX and the PDF", async () => {
    const d = eventful2014();
    d.approval!.complaints = [
      {
        id: "TS2014-01",
        received: "2014-01-21",
        summary: "办件超过承诺时限",
        outcome: "upheld",
        concluded: "2014-01-28",
      },
      {
        id: "TS2014-02",
        received: "2014-03-02",
        summary: "窗口服务",
        outcome: "rejected",
        concluded: "2014-03-09",
      },
      { id: "TS2014-03", received: "2014-12-29", summary: "等候时间" },
    ];
    d.approval!.totals = { ...d.approval!.totals, complaints: 3 };
    const tree = buildSummary({ dataset: validated(d), lang: "zh" });
    await writeDocument(tree, { outDir: tmp, baseName: "summary", formats: ["docx", "pdf"] });
    const sentence = "全年办件超时2件、被投诉3次（经查属实1次、经查不属实1次、至年底尚未办结1次）。";
    expect(docxParagraphs(path.join(tmp, "summary.docx")).join("\n")).toContain(sentence);
    expect(squeezeSpace(pdfText(fs.readFileSync(path.join(tmp, "summary.pdf"))))).toContain(
      squeezeSpace(sentence),
    );
  }, 60_000);
});
