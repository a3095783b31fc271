import { describe, expect, it } from "vitest";
import { factMessage } from "../../src/facts/messages.js";
import { REQUEST_COLUMNS, REQUEST_ROWS } from "../../src/annual-report/format.js";
import { annualReportViolations, tablesOnly } from "../../src/audit/annual-report.js";
import { publicationDue } from "../../src/facts/annual-report.js";
import type { Dataset } from "../../src/data/types.js";
import { APPLICANT_TYPES, type ApplicantType, type ReplyType } from "../../src/data/codes.js";
import { EXPECTED_2023, factsOf, previousYear, sample2023, sample2023Json } from "./fixtures.js";
import { deriveFacts } from "../../src/facts/index.js";

describe("annual report facts of the 2023 sample", () => {
  const facts = factsOf(sample2023());

  it("uses the 2021 format for a 2023 report, and counts from the records", () => {
    expect(facts.version).toBe("2021");
    expect(facts.versionSource).toBe("year");
    expect(facts.sources).toEqual({ requests: "records", reviews: "records" });
  });

  it("counts table 三 cell by cell", () => {
    const tables = facts.tables!;
    expect(Object.keys(tables.requests)).toEqual(REQUEST_ROWS["2021"].map((r) => r.key));
    for (const def of REQUEST_ROWS["2021"]) {
      const got = REQUEST_COLUMNS.map((c) => tables.requests[def.key]![c]);
      expect([def.key, got]).toEqual([def.key, EXPECTED_2023[def.key]]);
    }
  });

  it("projects onto the 2019 rows: （六）其他处理 without sub-rows", () => {
    const f2019 = factsOf(sample2023(), { version: "2019" });
    expect(f2019.versionSource).toBe("option");
    const tables = f2019.tables!;
    expect(Object.keys(tables.requests)).toEqual(REQUEST_ROWS["2019"].map((r) => r.key));
    expect(REQUEST_COLUMNS.map((c) => tables.requests.other![c])).toEqual(EXPECTED_2023.other);
    expect(annualReportViolations(tablesOnly(tables))).toEqual([]);
  });

  it("counts table 四 from the reconsideration and litigation records", () => {
    const r = facts.tables!.reviews;
    expect(r.reconsideration).toEqual({ upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 });
    expect(r.litigationDirect).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(r.litigationAfterReconsideration).toEqual({
      upheld: 0,
      corrected: 0,
      other: 0,
      pending: 0,
      total: 0,
    });
    expect(facts.reviewSummary).toEqual({
      reconsideration: 1,
      litigationDirect: 1,
      litigationAfterReconsideration: 0,
      litigation: 1,
      corrected: 1,
    });
  });

  it("takes table 二 from the given figures", () => {
    expect(facts.tables!.proactive).toEqual({
      regulations: [0, 0, 0],
      normativeDocuments: [3, 1, 12],
      licensing: [919],
      penalties: [87],
      enforcement: [12],
      fees: [0],
    });
    expect(facts.warnings).toEqual([]);
  });

  it("reports the processing fees: notices issued and fees paid", () => {
    expect(facts.fees).toEqual({
      source: "records",
      notices: 2,
      noticedAmount: 6800,
      paid: 1,
      paidAmount: 1700,
      waived: null,
    });
  });

  it("summarises the 总计 column for the prose", () => {
    expect(facts.summary).toEqual({
      received: 39,
      carriedOver: 3,
      handled: 39,
      carriedForward: 3,
      disclosed: 13,
      partial: 3,
      refused: 8,
      unavailable: 5,
      notProcessed: 5,
      other: 5,
    });
    expect(facts.replyTypes).toMatchObject({
      "already-public": 4,
      disclosed: 9,
      "not-this-agency": 2,
      "special-law": 2,
    });
  });

  it("knows the publication deadline and whether the report met it", () => {
    expect(facts.publication).toEqual({ due: "2024-01-31", date: "2024-01-25", onTime: true });
    expect(publicationDue(2018)).toBe("2019-03-31");
    expect(publicationDue(2019)).toBe("2020-01-31");
  });

  it("balances by construction: no violation", () => {
    expect(annualReportViolations(facts)).toEqual([]);
  });
});

describe("format version by report year", () => {
  const withYear = (year: number): Dataset => {
    const ds = sample2023Json();
    ds.year = year;
    delete ds.disclosure.applications;
    return ds;
  };
  it.each([
    [2024, "2021"],
    [2021, "2021"],
    [2020, "2019"],
    [2019, "2019"],
    [2018, "2008"],
    [2014, "2008"],
  ])("%i → %s", (year, version) => {
    const f = factsOf(withYear(year));
    expect(f.version).toBe(version);
    expect(f.tables === null).toBe(version === "2008");
  });
});

/** A deterministic pseudo-random generator (no Math.random in tests). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

const REPLIES: { type: ReplyType; reason?: string }[] = [
  { type: "already-public" },
  { type: "disclosed" },
  { type: "partial", reason: "third-party-rights" },
  { type: "partial" },
  { type: "refused", reason: "state-secret" },
  { type: "refused", reason: "administrative-query" },
  { type: "unavailable", reason: "needs-creation" },
  { type: "not-processed", reason: "excessive" },
  { type: "other", reason: "no-correction" },
  { type: "other", reason: "other" },
  { type: "not-this-agency" },
  { type: "special-law" },
];

/** A generated year of applications: random applicants, reply types, carried over, open at year end. */
function generated(seed: number, n: number): Dataset {
  const rnd = lcg(seed);
  const ds = sample2023Json();
  const apps = [];
  for (let i = 0; i < n; i++) {
    const type: ApplicantType = APPLICANT_TYPES[rnd(APPLICANT_TYPES.length)]!;
    const carried = rnd(5) === 0;
    const day = String(1 + rnd(28)).padStart(2, "0");
    const month = String(1 + rnd(12)).padStart(2, "0");
    const received = carried ? `2022-12-${day}` : `2023-${month}-${day}`;
    const open = rnd(6) === 0;
    const reply = REPLIES[rnd(REPLIES.length)]!;
    const replyDate = carried ? `2023-01-${day}` : `2023-${month}-${day}`;
    apps.push({
      id: `G${i}`,
      ...(carried ? { carriedOver: true } : {}),
      applicant: { type, name: `申请人${i}` },
      channel: "in-person" as const,
      submitted: received,
      content: "某信息",
      ...(open ? {} : { reply: { date: replyDate, ...reply } }),
    });
  }
  ds.disclosure.applications = apps as Dataset["disclosure"]["applications"];
  delete ds.disclosure.fees;
  return ds;
}

describe("records-based tables balance by construction", () => {
  it.each([1, 2, 3, 4, 5])("generated dataset %i (2021 and 2019 formats)", (seed) => {
    const ds = generated(seed, 200);
    for (const version of ["2021", "2019"] as const) {
      const f = factsOf(ds, { version });
      expect(annualReportViolations(f)).toEqual([]);
      const t = f.tables!.requests;
      expect(t.received!.total! + t.carriedOver!.total!).toBe(200);
      // Every application counted once among the outcome rows and 四.
      expect(t.outcomeTotal!.total! + t.carriedForward!.total!).toBe(200);
    }
  });

  it("a reply dated after 31 December carries the request to the next year", () => {
    const ds = sample2023Json();
    const app = ds.disclosure.applications!.find((a) => a.id === "YSQ2023-036")!;
    app.reply!.date = "2024-01-05";
    const f = factsOf(ds);
    expect(f.tables!.requests.carriedForward!["legal-services-organisation"]).toBe(1);
    expect(f.tables!.requests.disclosed!["legal-services-organisation"]).toBe(1);
    expect(annualReportViolations(f)).toEqual([]);
  });
});

describe("given cells", () => {
  it("are used as given, and checked against the records where both exist", () => {
    const ds = sample2023Json();
    ds.disclosure.annualReportTable = {
      ...ds.disclosure.annualReportTable,
      requests: { newReceived: { "natural-person": 21, total: 39 } },
    };
    const f = factsOf(ds);
    expect(f.sources.requests).toBe("given");
    const mismatch = annualReportViolations(f).filter((v) => v.rule === "given-records");
    expect(mismatch.map((v) => v.message)).toEqual([
      "表三 “一、本年新收政府信息公开申请数量”行自然人列：填报（21）≠ 申请记录（22）",
    ]);
  });

  it("without records: table 三 and 四 from the given cells, fees from the given totals", () => {
    const ds = sample2023Json();
    delete ds.disclosure.applications;
    ds.disclosure.annualReportTable = {
      requests: {
        newReceived: { "natural-person": 5, total: 5 },
        carriedOver: { "natural-person": 1, total: 1 },
        disclosed: { "natural-person": 4, total: 4 },
        total: { "natural-person": 4, total: 4 },
        carriedForward: { "natural-person": 2, total: 2 },
      },
      reviews: { reconsideration: { upheld: 1, total: 1 } },
    };
    const f = factsOf(ds);
    expect(f.sources).toEqual({ requests: "given", reviews: "given" });
    expect(f.tables!.requests.received!["natural-person"]).toBe(5);
    expect(f.tables!.requests.received!["commercial-enterprise"]).toBeNull();
    expect(f.tables!.reviews.reconsideration).toEqual({
      upheld: 1,
      corrected: null,
      other: null,
      pending: null,
      total: 1,
    });
    expect(annualReportViolations(f)).toEqual([]);
    expect(f.fees).toEqual({
      source: "given",
      notices: null,
      noticedAmount: null,
      paid: 1,
      paidAmount: 1700,
      waived: null,
    });
    expect(f.warnings).toEqual([
      { messageId: "proactive-table-missing", data: { field: "proactive", blankCells: "zero" } },
    ]);
    expect(f.warnings.map((w) => factMessage(w))).toEqual([
      "未填报表二（主动公开政府信息情况）的数据，表二按0印出",
    ]);
  });
});

describe("with last year's dataset (deriveFacts previous)", () => {
  it("checks this year's 上年结转 against last year's 结转下年度 (rule 5)", () => {
    const ok = deriveFacts(sample2023(), { previous: previousYear() }).annualReport;
    expect(ok.previousTables).not.toBeNull();
    expect(annualReportViolations(ok)).toEqual([]);

    const wrong = previousYear();
    wrong.disclosure.applications![0]!.reply = { date: "2022-12-29", type: "disclosed" };
    const bad = deriveFacts(sample2023(), { previous: wrong }).annualReport;
    expect(annualReportViolations(bad).map((v) => [v.rule, v.message])).toEqual([
      ["carry-over", "表三 自然人列：二（2）≠ 上年四（1）"],
      ["carry-over", "表三 总计列：二（3）≠ 上年四（2）"],
    ]);
  });

  it("refuses a previous dataset that is not the year before (no silent skip of rule 5)", () => {
    const older = previousYear();
    older.year = 2021;
    older.disclosure = { applications: [] };
    expect(() => deriveFacts(sample2023(), { previous: older })).toThrow(
      "--previous 的数据年度为 2021，应为上一年度 2022",
    );
  });
});
