/**
 * What each document needs (data/requirements.ts): the init skeleton has it all, the builders
 * refuse with the same sentence missingFields gives, and letterGaps finds what letters refuses.
 */
import { describe, expect, it } from "vitest";
import { minimalDataset } from "../../src/cli/commands/init.js";
import { buildAnnualReport } from "../../src/compose/documents/annual-report.js";
import { buildSelfAudit } from "../../src/compose/documents/self-audit.js";
import { buildSummary } from "../../src/compose/documents/summary.js";
import { loadScheme } from "../../src/audit/scheme.js";
import { DOCUMENT_TARGETS, missingFields } from "../../src/data/requirements.js";
import { validateDataset } from "../../src/data/validate.js";
import { letterGaps } from "../../src/letters/index.js";
import type { Dataset } from "../../src/data/types.js";

const skeleton = (year = 2025): Dataset => {
  const d = minimalDataset(year, "operations.schema.json");
  const v = validateDataset(d);
  if (!v.ok) throw new Error(v.issues.map((i) => i.message).join("; "));
  return v.data;
};

describe("missingFields", () => {
  it("finds nothing missing in the init skeleton, and every document builds from it", () => {
    const d = skeleton();
    for (const target of DOCUMENT_TARGETS) expect(missingFields(target, d)).toEqual([]);
    expect(letterGaps(d)).toEqual([]);
    expect(buildSummary({ dataset: d, lang: "zh" }).blocks.length).toBeGreaterThan(0);
    expect(buildAnnualReport({ dataset: d, lang: "zh" }).tree.meta.date).toBe("2026-01-20");
    expect(
      buildSelfAudit({ dataset: d, scheme: loadScheme(undefined, "zh"), lang: "zh" }).tree.meta.date,
    ).toBe("2025-12-31");
  });

  it("names the dates a summary and an annual report lack, and the builders refuse with that sentence", () => {
    const d = skeleton();
    delete d.documents!.summary;
    delete d.documents!.annualReport;
    expect(missingFields("annual-report", d)).toEqual([
      {
        pointer: "/documents/annualReport/date",
        anchor: "value",
        code: "required",
        message: {
          zh: '缺少年度报告的成文日期（如 "2026-01-25"）',
          en: 'the annual report needs its date (e.g. "2026-01-25")',
        },
      },
    ]);
    expect(missingFields("summary", d).map((m) => m.pointer)).toEqual(["/documents/summary/date"]);
    expect(missingFields("self-audit", d)).toEqual([]);
    expect(() => buildAnnualReport({ dataset: d, lang: "zh" })).toThrow(
      '/documents/annualReport/date：缺少年度报告的成文日期（如 "2026-01-25"）',
    );
    expect(() => buildSummary({ dataset: d, lang: "en" })).toThrow(
      '/documents/summary/date: the summary needs its date (e.g. "2026-01-23")',
    );
  });

  it("letterGaps: a receipt whose deadline runs into a year without holiday data", () => {
    const d = skeleton(2026);
    d.disclosure.applications = [
      {
        id: "YSQ2026-001",
        applicant: { type: "natural-person", name: "张某" },
        channel: "in-person",
        submitted: "2026-12-28",
        content: "某文件",
      },
    ];
    expect(letterGaps(d)).toEqual([
      {
        id: "YSQ2026-001",
        kind: "receipt",
        pointer: "/disclosure/applications/0/received",
        message: expect.stringMatching(
          /^YSQ2026-001：收到日期：无法计算答复期限：2027年的节假日数据缺失：日历中还没有国务院办公厅关于2027年部分节假日安排的通知，.*--calendar-override/,
        ) as unknown as string,
      },
    ]);
  });
});
