/**
 * deriveApprovalFacts section by section (issue 13, "split the god-functions"): each section is
 * a function of the approval data alone, tested here on small hand-made offices; the whole is
 * their composition (the samples' facts, and every output, byte-identical to before the split).
 */
import { describe, expect, it } from "vitest";
import { defaultCalendar } from "../../src/calendar/index.js";
import type { Approval, ApprovalCase, ApprovalItem, Dataset } from "../../src/data/types.js";
import {
  absenceFacts,
  approvalYear,
  caseTimeliness,
  completedCounts,
  complaintFacts,
  criticismNoticeFacts,
  deriveApprovalFacts,
  itemFacts,
  limitFacts,
  onTimeRate,
  overdueFacts,
  recognitionFacts,
  reductionFacts,
  sealFacts,
} from "../../src/facts/approval.js";
import { FactError } from "../../src/facts/messages.js";
import { sample2014 } from "./datasets.js";

const calendar = defaultCalendar();
const wd = (days: number) => ({ days, unit: "working" as const });

function item(id: string, category: string, promised = 5, over: Partial<ApprovalItem> = {}): ApprovalItem {
  return {
    id,
    name: `事项${id}`,
    category,
    statutoryLimit: wd(20),
    promisedLimit: wd(promised),
    inPlatform: true,
    guidePublished: true,
    ...over,
  };
}

function kase(
  id: string,
  itemId: string,
  accepted: string,
  completed?: string,
  sealUsed = true,
): ApprovalCase {
  return {
    id,
    item: itemId,
    received: accepted,
    accepted,
    ...(completed !== undefined ? { completed } : {}),
    sealUsed,
  } as ApprovalCase;
}

function office(over: Partial<Approval> = {}): Approval {
  return {
    office: { head: "张某", deputies: [], staff: 3, partyMembershipTransferred: false },
    items: [item("A", "许可"), item("B", "许可"), item("C", "备案")],
    ...over,
  };
}

describe("approvalYear", () => {
  it("records are every case only when listed and not exceptions or a sample", () => {
    expect(approvalYear(office(), 2023)).toEqual({
      yearStart: "2023-01-01",
      yearEnd: "2023-12-31",
      hasRecords: false,
      mode: "all",
      allRecords: false,
    });
    const listed = office({ cases: [kase("1", "A", "2023-03-01", "2023-03-02")] });
    expect(approvalYear(listed, 2023).allRecords).toBe(true);
    expect(approvalYear({ ...listed, records: "sample" }, 2023)).toMatchObject({
      hasRecords: true,
      allRecords: false,
    });
  });
});

describe("completedCounts", () => {
  const a = office({
    cases: [
      kase("1", "A", "2023-03-01", "2023-03-02"),
      kase("2", "B", "2023-04-03", "2023-04-04"),
      kase("3", "A", "2022-12-20", "2022-12-22"), // last year's
      kase("4", "A", "2023-12-28", "2024-01-03"), // completed next year
      kase("5", "C", "2023-12-29"), // open
    ],
  });
  it("counts the cases completed in the year, by item and by category in item order", () => {
    const r = completedCounts(a, approvalYear(a, 2023));
    expect(r.completed).toEqual({
      source: "records",
      total: 2,
      byCategory: [{ category: "许可", count: 2 }],
      categoriesWithoutCases: ["备案"],
    });
    expect(r.completedInYear.map((c) => c.id)).toEqual(["1", "2"]);
    expect([...r.perItem]).toEqual([
      ["A", 1],
      ["B", 1],
    ]);
  });
  it("the year's bounds count: completed on 1 January and on 31 December are the year's", () => {
    const b = office({
      cases: [
        kase("first", "A", "2022-12-29", "2023-01-01"),
        kase("last", "B", "2023-12-28", "2023-12-31"),
        kase("after", "B", "2023-12-28", "2024-01-01"),
      ],
    });
    const y = approvalYear(b, 2023);
    expect(completedCounts(b, y).completedInYear.map((c) => c.id)).toEqual(["first", "last"]);
    const t = caseTimeliness(b, y, calendar);
    expect(t.onTimeIds).toEqual(["first", "last"]);
    expect(t.openIds).toEqual(["after"]);
  });
  it("with exceptions only, the given totals", () => {
    const b: Approval = {
      ...a,
      records: "exceptions",
      totals: {
        completed: 40,
        completedByCategory: [
          { category: "备案", count: 40 },
          { category: "许可", count: 0 },
        ],
      },
    };
    expect(completedCounts(b, approvalYear(b, 2023)).completed).toEqual({
      source: "totals",
      total: 40,
      byCategory: [{ category: "备案", count: 40 }],
      categoriesWithoutCases: ["许可"],
    });
  });
  it("no records and no totals: none", () => {
    expect(completedCounts(office(), approvalYear(office(), 2023)).completed.source).toBe("none");
  });
  it("a case of an unknown item is a FactError naming both", () => {
    const b = office({ cases: [kase("9", "Z", "2023-03-01", "2023-03-02")] });
    expect(() => completedCounts(b, approvalYear(b, 2023))).toThrow(FactError);
    expect(() => completedCounts(b, approvalYear(b, 2023))).toThrow("办件 9 引用的审批事项 Z 不存在");
  });
});

describe("caseTimeliness", () => {
  // 5 working days from Wed 1 March 2023: the due day is Wed 8 March.
  const a = office({
    maxPromisedLimit: wd(3),
    cases: [
      kase("on-due-day", "A", "2023-03-01", "2023-03-08"),
      kase("a-day-late", "A", "2023-03-01", "2023-03-09"),
      kase("quick", "A", "2023-03-01", "2023-03-02"),
      kase("open-late", "A", "2023-12-01"),
      kase("open-fine", "A", "2023-12-29"),
      kase("last-year", "A", "2022-12-01", "2022-12-02"),
    ],
  });
  const t = caseTimeliness(a, approvalYear(a, 2023), calendar);
  it("a case completed on its due day is on time; the day after is overdue, one day late", () => {
    expect(t.onTimeIds).toEqual(["on-due-day", "quick"]);
    expect(t.overdueCases.map((c) => [c.id, c.due, c.daysLate, c.open])).toEqual([
      ["a-day-late", "2023-03-08", 1, false],
      ["open-late", "2023-12-08", null, true],
    ]);
  });
  it("open at the end of the year; over the ceiling of 3 working days", () => {
    expect(t.openIds).toEqual(["open-late", "open-fine"]);
    expect(t.casesOverMax.map((c) => [c.id, c.daysTaken])).toEqual([
      ["on-due-day", 5],
      ["a-day-late", 6],
    ]);
  });
  it("overdueFacts, onTimeRate and limitFacts read it", () => {
    const y = approvalYear(a, 2023);
    expect(overdueFacts(a, y, t)).toMatchObject({ known: true, count: 2, listedOnTime: [] });
    const done = completedCounts(a, y);
    expect(onTimeRate(y, done.completed, done.completedInYear.length, t)).toEqual(
      expect.objectContaining({ numerator: 2, denominator: 3 }),
    );
    expect(limitFacts(a, y, t)).toMatchObject({
      promisedWithinMax: false,
      casesWithinMax: false,
      promisedOverMax: [{ id: "A" }, { id: "B" }, { id: "C" }],
    });
  });
  it("a sample without an overdue total does not know the count; exceptions list the on-time ones", () => {
    const s: Approval = { ...a, records: "sample" };
    expect(overdueFacts(s, approvalYear(s, 2023), t)).toMatchObject({ known: false, count: 0 });
    const x: Approval = { ...a, records: "exceptions", totals: { completed: 10 } };
    const y = approvalYear(x, 2023);
    expect(overdueFacts(x, y, t).listedOnTime).toEqual(["on-due-day", "quick"]);
    // 10 completed, 1 listed overdue completed in the year.
    expect(onTimeRate(y, completedCounts(x, y).completed, 3, t)).toEqual(
      expect.objectContaining({ numerator: 9, denominator: 10 }),
    );
  });
});

describe("the sections without cases", () => {
  it("reductionFacts: the item's own previous limit, else last year's dataset", () => {
    const a = office({
      items: [item("A", "许可", 3, { previousPromisedLimit: wd(5) }), item("B", "许可", 4)],
    });
    const previous = { approval: office({ items: [item("B", "许可", 6)] }) } as Dataset;
    expect(reductionFacts(a, previous).map((r) => [r.itemId, r.previousFrom])).toEqual([
      ["A", "item"],
      ["B", "previous-dataset"],
    ]);
    expect(reductionFacts(a, undefined).map((r) => r.itemId)).toEqual(["A"]);
  });
  it("itemFacts: platform and guide rates; no per-item count from totals", () => {
    const a = office({
      items: [item("A", "许可"), item("B", "许可", 5, { inPlatform: false, guidePublished: false })],
    });
    const r = itemFacts(a, "records", new Map([["A", 2]]));
    expect(r.list.map((i) => i.completed)).toEqual([2, 0]);
    expect([r.notInPlatform, r.guideMissing]).toEqual([["事项B"], ["事项B"]]);
    expect(r.inPlatform).toEqual(expect.objectContaining({ numerator: 1, denominator: 2 }));
    expect(itemFacts(a, "totals", new Map()).list.map((i) => i.completed)).toEqual([null, null]);
  });
  it("complaintFacts: valid, outcomes and open at the end of the year", () => {
    const c = (id: string, o: object) => ({ id, received: "2023-05-01", summary: "…", ...o });
    const a = office({
      complaints: [
        c("1", { outcome: "upheld", concluded: "2023-05-10" }),
        c("2", { outcome: "rejected", concluded: "2024-01-05" }),
        c("3", {}),
        c("4", { valid: true, exposedByMedia: true }),
        c("5", { outcome: "withdrawn", concluded: "2023-12-31" }),
      ],
    });
    expect(complaintFacts(a, "2023-12-31")).toEqual({
      known: true,
      count: 5,
      valid: 2,
      exposedByMedia: 1,
      ids: ["1", "2", "3", "4", "5"],
      // Concluded on 31 December: concluded in the year, not open.
      outcomes: { upheld: ["1"], partlyUpheld: [], rejected: [], withdrawn: ["5"] },
      open: ["2", "3"],
      concludedKnown: true,
    });
    expect(complaintFacts(office({ totals: { complaints: 2 } }), "2023-12-31")).toMatchObject({
      known: true,
      count: 2,
    });
    expect(complaintFacts(office(), "2023-12-31")).toMatchObject({ known: false, count: 0 });
  });
  it("criticismNoticeFacts and absenceFacts", () => {
    expect(criticismNoticeFacts(office({ totals: { criticismNotices: 1 } }))).toEqual({
      known: true,
      count: 1,
      ids: [],
    });
    const a = office({
      absenceIncidents: [
        { id: "x", date: "2023-02-01", kind: "off-post" },
        { id: "y", date: "2023-02-02", kind: "off-post" },
        { id: "z", date: "2023-02-03", kind: "unstaffed" },
      ],
    });
    expect(absenceFacts(a)).toEqual({
      known: true,
      count: 3,
      unstaffed: 1,
      offPost: 2,
      postHopping: 0,
      ids: ["x", "y", "z"],
    });
  });
  it("sealFacts: every case completed in the year used it, known only with every record", () => {
    const a = office({
      seal: { dedicatedKeeper: true, keeper: "李某" },
      cases: [kase("1", "A", "2023-03-01", "2023-03-02"), kase("2", "A", "2023-03-01", "2023-03-03", false)],
    });
    const y = approvalYear(a, 2023);
    const done = completedCounts(a, y).completedInYear;
    expect(sealFacts(a, y, done)).toMatchObject({
      known: true,
      usedInAllCases: false,
      casesWithoutSeal: ["2"],
    });
    const s: Approval = { ...a, records: "sample" };
    expect(sealFacts(s, approvalYear(s, 2023), done).usedInAllCases).toBeNull();
  });
  it("recognitionFacts: an award from the service centre is marked", () => {
    const a = office({
      serviceCentre: "区政务服务中心",
      awards: [
        { name: "红旗窗口", issuer: "区政务服务中心", count: 1 },
        { name: "先进集体", issuer: "区政府", count: 1 },
      ],
    });
    expect(recognitionFacts(a).awards.map((w) => w.fromServiceCentre)).toEqual([true, false]);
    expect(recognitionFacts(office())).toEqual({ awards: [], reforms: [], otherCounts: [] });
  });
});

describe("deriveApprovalFacts composes the sections", () => {
  it("the 2014 sample: each part is its section's result", () => {
    const d = sample2014();
    const a = d.approval!;
    const f = deriveApprovalFacts(d, { calendar });
    const y = approvalYear(a, d.year);
    const done = completedCounts(a, y);
    const t = caseTimeliness(a, y, calendar);
    expect(f.completed).toEqual(done.completed);
    expect(f.overdue).toEqual(overdueFacts(a, y, t));
    expect(f.limits).toEqual(limitFacts(a, y, t));
    expect(f.items).toEqual(itemFacts(a, done.completed.source, done.perItem));
    expect(f.complaints).toEqual(complaintFacts(a, y.yearEnd));
    expect(f.seal).toEqual(sealFacts(a, y, done.completedInYear));
    expect(f.open).toEqual({ count: t.openIds.length, ids: t.openIds });
    expect(f.completed.total).toBeGreaterThan(0);
  });
});
