/**
 * Carry-over both ways (结转): a request received in December and answered in January keeps its
 * reply, dated as it was, in the first year's file. Validation accepts it (a reply later than
 * the next year it refuses); the reply letter carries its real date and the next year's number;
 * table 三 counts it in 四 (结转下年度) and not among the year's outcomes; the audit and the
 * summary's claim judge its timeliness by its real dates; next year's file carries it over with
 * the same id, and this year's 四 agrees with next year's 二.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runAudit } from "../../src/audit/index.js";
import { checkCarryOver } from "../../src/annual-report/rules.js";
import type { Application, Dataset } from "../../src/data/types.js";
import { validateDatasetText } from "../../src/data/validate.js";
import { deriveFacts } from "../../src/facts/index.js";
import { writeLetters } from "../../src/letters/batch.js";
import { parseLettersDataset } from "../../src/letters/load.js";
import { docxText } from "../helpers/docx.js";
import { pdfText, squeezeSpace } from "../helpers/pdf.js";
import { neutralScheme } from "../audit/fixtures.js";
import { sample2023 } from "./fixtures.js";

const tmp = mkdtempSync(join(tmpdir(), "gongwen-carry-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function request(id: string, received: string, replied: string): Application {
  return {
    id,
    applicant: { type: "commercial-enterprise", name: "示例科技有限公司" },
    channel: "online",
    submitted: received,
    confirmed: received,
    content: "2023年度食品经营许可证核发情况",
    reply: { date: replied, type: "disclosed" },
  };
}

/** The 2023 sample with three requests answered in 2024: on time, late by 31 December, late in January. */
function withNextYearReplies(): Dataset {
  const d = sample2023();
  d.disclosure.applications!.push(
    request("YSQ2023-901", "2023-12-20", "2024-01-12"),
    request("YSQ2023-902", "2023-11-01", "2024-01-05"),
    request("YSQ2023-903", "2023-12-12", "2024-01-19"),
  );
  return d;
}

const errorsOf = (d: Dataset) =>
  validateDatasetText(JSON.stringify(d, null, 2), "d.json", "zh").errors.map(
    (e) => `${e.pointer}: ${e.message}`,
  );

describe("a reply dated in the next year", () => {
  it("is accepted in the first year's file; one later than the next year is not", () => {
    const d = withNextYearReplies();
    expect(errorsOf(d)).toEqual([]);
    d.disclosure.applications!.at(-1)!.reply!.date = "2025-01-06";
    expect(errorsOf(d)).toEqual([
      `/disclosure/applications/${d.disclosure.applications!.length - 1}/reply/date: reply.date（答复日期）2025-01-06 晚于 2024 年度；跨年度办理的申请可填写下一年度的答复（按结转下年度统计），更晚的答复不属于本年度的申请`,
    ]);
  });

  it("is written as a letter with its real date and the next year's number", async () => {
    const { dataset, invalid } = parseLettersDataset(JSON.stringify(withNextYearReplies()), "d.json");
    const out = mkdtempSync(join(tmp, "letters-"));
    const result = await writeLetters(dataset, invalid, {
      formats: ["docx", "pdf"],
      kinds: ["reply"],
      requests: ["YSQ2023-901"],
      outDir: out,
    });
    expect(result.errors).toEqual([]);
    const docx = docxText(join(out, "YSQ2023-901-reply.docx"));
    const pdf = squeezeSpace(pdfText(readFileSync(join(out, "YSQ2023-901-reply.pdf"))));
    for (const text of [docx, pdf]) {
      expect(text).toContain("2024年1月12日");
      expect(text).toContain("〔2024〕");
      expect(text).toContain("2023年12月20日");
    }
  }, 60_000);

  it("is counted in table 三 row 四, and judged late or on time by its real dates", () => {
    const base = deriveFacts(sample2023());
    const f = deriveFacts(withNextYearReplies());
    const t = f.annualReport.tables!.requests;
    const t0 = base.annualReport.tables!.requests;
    expect(
      t.carriedForward!["commercial-enterprise"]! - (t0.carriedForward!["commercial-enterprise"] ?? 0),
    ).toBe(3);
    expect(t.disclosed).toEqual(t0.disclosed);
    expect(f.claims.repliesOnTime.lateIds).toEqual([
      ...base.claims.repliesOnTime.lateIds,
      "YSQ2023-902",
      "YSQ2023-903",
    ]);
    const late = runAudit(withNextYearReplies(), { scheme: neutralScheme(), lang: "zh" })
      .findings.filter((x) => x.rule === "disclosure/reply-on-time" && x.subject?.startsWith("YSQ2023-9"))
      .map((x) => x.message);
    expect(late).toHaveLength(2);
    expect(late[0]).toMatch(
      /^申请 YSQ2023-902 于2023年11月1日收到，应于.+前答复，实际于2024年1月5日答复，逾期\d+个工作日$/,
    );
    expect(late[1]).toMatch(
      /^申请 YSQ2023-903 于2023年12月12日收到，应于2024年1月.+前答复，实际于2024年1月19日答复，逾期\d+个工作日$/,
    );
  });

  it("next year's file carries it over with the same id; this year's 四 is next year's 二", () => {
    const first = deriveFacts(withNextYearReplies()).annualReport.tables!;
    const next = sample2023();
    next.year = 2024;
    const carried = withNextYearReplies()
      .disclosure.applications!.filter((a) => (a.reply?.date ?? "9999") > "2023-12-31" && !a.carriedOver)
      .map((a) => ({ ...a, carriedOver: true }));
    next.disclosure.applications = carried;
    const second = deriveFacts(next).annualReport.tables!;
    expect(second.requests.carriedOver!.total).toBe(first.requests.carriedForward!.total);
    expect(checkCarryOver(second, first, "zh")).toEqual([]);
  });
});
