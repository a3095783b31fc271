/**
 * The annual report states "no fees" (section 六) and "no reconsideration or litigation"
 * (section 四) only when the data proves it: application records (a record without a fee had no
 * fee notice; one without a reconsideration or litigation was not challenged), or the totals
 * given as 0. Without either, missingFields names the field and the report is refused.
 */
import { describe, expect, it } from "vitest";
import { buildAnnualReport } from "../../src/compose/documents/annual-report.js";
import { missingFields } from "../../src/data/requirements.js";
import type { Dataset } from "../../src/data/types.js";
import { renderDocx } from "../../src/render/docx/index.js";
import { renderPdf } from "../../src/render/pdf/index.js";
import { docxText } from "../helpers/docx.js";
import { pdfText, squeezeSpace } from "../helpers/pdf.js";
import { sample2023Json } from "./fixtures.js";

const NO_FEES = "2023年，本机关未发出收费通知，未收取信息处理费。";
const NO_FEES_PAID = "2023年，本机关未收取信息处理费。";
const NO_REVIEWS = "2023年，本机关未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。";

/** The 2023 sample with no fee, reconsideration or litigation on any application record. */
function withoutFeesOrReviews(): Dataset {
  const ds = sample2023Json();
  for (const a of ds.disclosure.applications!) {
    delete a.fee;
    delete a.reconsideration;
    delete a.litigation;
  }
  delete ds.disclosure.fees;
  return ds;
}

/** The 2023 sample without application records: only the given tables 三 and 四, if any. */
function withoutRecords(): Dataset {
  const ds = sample2023Json();
  delete ds.disclosure.applications;
  delete ds.disclosure.fees;
  ds.disclosure.annualReportTable = {
    ...ds.disclosure.annualReportTable,
    requests: {
      newReceived: { "natural-person": 3, total: 3 },
      total: { "natural-person": 3, total: 3 },
      disclosed: { "natural-person": 3, total: 3 },
    },
  };
  return ds;
}

async function texts(ds: Dataset): Promise<{ docx: string; pdf: string }> {
  const built = buildAnnualReport({ dataset: ds, lang: "zh" });
  return {
    docx: docxText(await renderDocx(built.tree)),
    pdf: squeezeSpace(pdfText((await renderPdf(built.tree, {})).bytes)),
  };
}

describe("statements the data proves", () => {
  it("records without a fee or a review: no fee notice, no fee, no reconsideration or litigation", async () => {
    const { docx, pdf } = await texts(withoutFeesOrReviews());
    for (const text of [docx, pdf]) {
      expect(text).toContain(NO_FEES);
      expect(text).toContain(NO_REVIEWS);
    }
  });

  it("given totals of 0 and no records: no fee paid (notices unknown, so not stated), no review", async () => {
    const ds = withoutRecords();
    ds.disclosure.fees = { count: 0, amount: 0 };
    ds.disclosure.annualReportTable!.reviews = {
      reconsideration: { total: 0 },
      litigationDirect: { total: 0 },
      litigationAfterReconsideration: { total: 0 },
    };
    expect(missingFields("annual-report", ds)).toEqual([]);
    const { docx, pdf } = await texts(ds);
    for (const text of [docx, pdf]) {
      expect(text).toContain(NO_FEES_PAID);
      expect(text).not.toContain("未发出收费通知");
      expect(text).toContain(NO_REVIEWS);
    }
  });

  it("given totals that are not 0 are stated, not denied", async () => {
    const ds = withoutRecords();
    ds.disclosure.fees = { count: 2, amount: 340 };
    ds.disclosure.annualReportTable!.reviews = {
      reconsideration: { upheld: 1, total: 1 },
      litigationDirect: { total: 0 },
      litigationAfterReconsideration: { total: 0 },
    };
    const { docx, pdf } = await texts(ds);
    for (const text of [docx, pdf]) {
      expect(text).toContain(
        "2023年，本机关依据《政府信息公开信息处理费管理办法》收取信息处理费2件，总金额340元。",
      );
      expect(text).toContain("2023年，本机关因政府信息公开工作被申请行政复议1件，被提起行政诉讼0件。");
      expect(text).not.toContain("未收取");
      expect(text).not.toContain("未发生");
    }
  });
});

describe("statements the data does not prove", () => {
  it("no records, no fee totals, no table 四: both fields named, the report refused", () => {
    const ds = withoutRecords();
    expect(missingFields("annual-report", ds).map((m) => m.pointer)).toEqual([
      "/disclosure/fees",
      "/disclosure/annualReportTable/reviews",
    ]);
    expect(() => buildAnnualReport({ dataset: ds, lang: "zh" })).toThrow(
      '/disclosure/fees：没有申请记录，也没有收费数据，年度报告不能写收费情况；请填写本年收取的信息处理费（未收费的填 {"count": 0, "amount": 0}），或列出申请记录',
    );
    let lines: string[] = [];
    try {
      buildAnnualReport({ dataset: ds, lang: "en" });
    } catch (e) {
      lines = [(e as Error).message, ...((e as { details?: string[] }).details ?? [])];
    }
    expect(lines.join("\n")).toContain(
      "/disclosure/annualReportTable/reviews: no application records and no figures for table 四 (reconsideration, litigation): the annual report cannot state them; give table 四 (0 where none), or list the applications",
    );
  });

  it("a table 四 printed with blanks: a blank total is not a zero", () => {
    const ds = withoutRecords();
    ds.disclosure.fees = { count: 0, amount: 0 };
    ds.disclosure.annualReportTable!.blankCells = "empty";
    ds.disclosure.annualReportTable!.reviews = { reconsideration: { total: 0 } };
    expect(missingFields("annual-report", ds).map((m) => [m.pointer, m.message.zh])).toEqual([
      [
        "/disclosure/annualReportTable/reviews/litigationDirect/total",
        "表四（行政诉讼：未经复议直接起诉）的总计为空白，年度报告不能写复议、诉讼情况；没有的填 0",
      ],
      [
        "/disclosure/annualReportTable/reviews/litigationAfterReconsideration/total",
        "表四（行政诉讼：复议后起诉）的总计为空白，年度报告不能写复议、诉讼情况；没有的填 0",
      ],
    ]);
    expect(() => buildAnnualReport({ dataset: ds, lang: "zh" })).toThrow(
      "/disclosure/annualReportTable/reviews/litigationDirect/total：",
    );
  });

  it("the 2008 outline needs the same proof for its fee and review items", () => {
    const ds = withoutRecords();
    ds.year = 2015;
    expect(missingFields("annual-report", ds).map((m) => m.pointer)).toEqual([
      "/disclosure/fees",
      "/disclosure/annualReportTable/reviews",
    ]);
  });
});
