/**
 * The facts of the 2014 sample: every figure the reference summary states, derived from the
 * records (267 cases, none overdue by the working-day calendar) and the disclosure data.
 */
import { describe, expect, it } from "vitest";
import { deriveFacts } from "../../src/facts/index.js";
import { sample2014 } from "./datasets.js";

const facts = deriveFacts(sample2014());
const ap = facts.approval;
const di = facts.disclosure;
const cl = facts.claims;

describe("facts of samples/2014-commerce-bureau.json — approval", () => {
  it("counts 267 completed cases by category, in the order of the items, from the records", () => {
    expect(ap.completed).toEqual({
      source: "records",
      total: 267,
      byCategory: [
        { category: "新设外商投资企业", count: 6 },
        { category: "企业变更", count: 19 },
        { category: "对外贸易经营者备案登记", count: 240 },
        { category: "机动车鉴定评估机构设立", count: 2 },
      ],
      categoriesWithoutCases: ["成品油零售经营资格初审", "拍卖企业设立初审"],
    });
    expect(ap.items.list.map((i) => [i.id, i.completed])).toEqual([
      ["fie-establishment", 6],
      ["fie-change", 19],
      ["foreign-trade-filing", 240],
      ["used-vehicle-appraiser", 2],
      ["fuel-retail-preliminary", 0],
      ["auction-preliminary", 0],
    ]);
  });

  it("finds no overdue case with the calendar (make-up workdays count) and no open case", () => {
    expect(ap.overdue).toEqual({ known: true, count: 0, cases: [], listedOnTime: [] });
    expect(ap.open).toEqual({ count: 0, ids: [] });
    expect(ap.onTime).toEqual({ numerator: 267, denominator: 267, ratio: 1, percent: 100, full: true });
  });

  it("states the other counts, the award and the office's organisation", () => {
    expect(ap.otherCounts).toEqual([{ name: "外商投资企业年度运营情况联合申报", count: 110, unit: "项" }]);
    expect(ap.awards).toEqual([
      {
        name: "季度服务标兵",
        issuer: "呼和浩特市政务服务中心",
        count: 3,
        unit: "人次",
        fromServiceCentre: true,
      },
    ]);
    expect(ap.office).toEqual({
      name: "行政审批办公室",
      head: "局主要领导",
      deputies: [{ count: 1, rank: "正科级", name: null }],
      deputyCount: 1,
      staff: 1,
      partyMembershipTransferred: true,
      partyMembershipTransferredTo: "政务服务中心机关党委",
      threeConcentrations: { functions: true, site: true, staff: true, all: true },
    });
    expect(ap.items.count).toBe(6);
    expect(ap.items.inPlatform.full).toBe(true);
  });

  it("derives the two reductions: 5 → 2 working days is 60%, 20 → 13 is 35%", () => {
    expect(
      ap.reductions.map((r) => [
        r.itemName,
        r.from.days,
        r.to.days,
        r.shortenedBy,
        r.ratio,
        r.percent,
        r.removedSteps,
      ]),
    ).toEqual([
      ["对外贸易经营者备案登记", 5, 2, 3, 0.6, 60, []],
      ["旧机动车鉴定评估机构设立审批", 20, 13, 7, 0.35, 35, ["现场勘查"]],
    ]);
    expect(
      ap.reductions.every((r) => r.comparable && r.shortened && r.from.working && r.previousFrom === "item"),
    ).toBe(true);
  });

  it("checks the 7-day ceiling against both the promised limits and the cases", () => {
    expect(ap.limits.max).toEqual({ days: 7, unit: "working", working: true });
    expect(ap.limits.promisedWithinMax).toBe(false);
    expect(ap.limits.promisedOverMax.map((i) => [i.id, i.promisedLimit.days])).toEqual([
      ["used-vehicle-appraiser", 13],
    ]);
    expect(ap.limits.casesWithinMax).toBe(true);
  });
});

describe("facts of samples/2014-commerce-bureau.json — disclosure", () => {
  it("keeps the approximate counts with their qualifier", () => {
    expect(di.proactive.submissions).toEqual({
      recipients: 10,
      recipientsDescription: "自治区人民政府、商务厅，市委、市政府门户网站、呼市日报社等",
      count: { value: 260, qualifier: "余" },
    });
    const byName = Object.fromEntries(di.proactive.outlets.map((o) => [o.name, o]));
    expect(byName["内蒙古日报、呼和浩特日报"]!.adopted).toEqual({ value: 70, qualifier: "余" });
    expect(byName["市商务局信息网"]!.published).toEqual({ value: 550, qualifier: "余" });
    expect(byName["商务部地方商务之窗"]!.published).toBe(2074);
    // 66 + 118 + 54 + 70余 = 308余
    expect(di.proactive.adoptedTotal).toEqual({ value: 308, qualifier: "余" });
  });

  it("ranks the outlets: 7th, 1st and 8th, best 1st", () => {
    expect(di.proactive.rankings.map((r) => [r.outlet, r.rank, r.first])).toEqual([
      ["市委办公厅（信息处）", 7, false],
      ["呼市政府办公厅门户网站", 1, true],
      ["呼市人民政府办公厅（信息处）", 8, false],
    ]);
    expect(di.proactive.bestRanking?.outlet).toBe("呼市政府办公厅门户网站");
  });

  it("states new media, interviews, press conferences, documents and filings", () => {
    expect(
      di.newMedia.map((m) => [m.kind, m.openedYear, m.openedMonth, m.openedInYear, m.published]),
    ).toEqual([
      ["weibo", 2014, 6, true, 75],
      ["wechat", 2014, 7, true, 75],
    ]);
    expect(di.interviews?.count).toBe(3);
    expect(di.interviews?.titles).toHaveLength(3);
    expect(di.pressConferences).toBe(5);
    expect([di.documentsIssued, di.validDocumentsReported]).toEqual([237, 42]);
    expect(di.validDocumentFilings).toMatchObject({
      dueDay: 25,
      count: 12,
      missingMonths: [],
      lateMonths: [],
      everyMonthOnTime: true,
      recipients: ["市政务中心", "市图书馆", "市档案局"],
      paper: true,
      electronic: true,
    });
  });

  it("counts no application and no fee", () => {
    expect(di.requests).toMatchObject({
      known: true,
      received: 0,
      carriedOver: 0,
      total: 0,
      replied: 0,
      late: [],
    });
    expect(di.fees).toEqual({
      known: true,
      source: "totals",
      count: 0,
      amount: 0,
      waived: 0,
      charged: false,
    });
  });

  it("splits the rules into general ones and on-request procedures", () => {
    expect(di.rules.general).toEqual([
      "《市商务系统政务信息工作管理办法》",
      "《市商务局政务信息公开工作制度》",
      "《市商务局政务信息公开保密审查制度》",
    ]);
    expect(di.rules.onRequest).toEqual([
      "《市商务局政府信息依申请公开工作办法》",
      "《市商务局依申请政府信息公开程序》",
    ]);
    expect(di.rules.allPublished).toBe(true);
  });
});

describe("claims of samples/2014-commerce-bureau.json", () => {
  it("proves every zero claim of the reference summary", () => {
    expect(cl.approvalRecord).toEqual({
      holds: true,
      known: true,
      overdue: 0,
      complaints: 0,
      criticismNotices: 0,
      events: [],
      anyEvent: false,
    });
    expect(cl.noAbsence.holds).toBe(true);
    expect(cl.noApplications).toEqual({ holds: true, known: true, received: 0, carriedOver: 0, total: 0 });
    expect(cl.noFees).toEqual({ holds: true, known: true, count: 0, amount: 0 });
    expect(cl.allInPlatform).toEqual({ holds: true, total: 6, inPlatform: 6, missing: [] });
    expect(cl.allGuidesPublished.holds).toBe(true);
    expect(cl.sealUsedInAllCases.holds).toBe(true);
    expect(cl.sealDedicatedKeeper.holds).toBe(true);
    expect(cl.sealNotMisused.holds).toBe(true);
    expect(cl.threeConcentrations.holds).toBe(true);
    expect(cl.partyMembershipTransferred).toEqual({ holds: true, to: "政务服务中心机关党委" });
    expect(cl.monthlyFilings.holds).toBe(true);
    expect(cl.repliesOnTime.holds).toBe(true);
  });

  it("does not prove 所有审批事项办结时限不超过7天: one item promises 13 working days", () => {
    expect(cl.maxLimit).toEqual({
      holds: false,
      basis: "promised",
      limit: { days: 7, unit: "working", working: true },
      promisedWithinMax: false,
      casesWithinMax: true,
      itemsOverMax: ["旧机动车鉴定评估机构设立审批"],
      casesOverMax: [],
    });
    // Read as the time cases actually took, the claim holds.
    expect(deriveFacts(sample2014(), { claims: { maxLimitBasis: "cases" } }).claims.maxLimit.holds).toBe(
      true,
    );
    expect(deriveFacts(sample2014(), { claims: { maxLimitBasis: "both" } }).claims.maxLimit.holds).toBe(
      false,
    );
  });

  it("carries the year, regime and agency", () => {
    expect([facts.year, facts.regime, facts.agency]).toEqual([
      2014,
      "ogi-2008",
      { name: "呼和浩特市商务局", shortName: "呼商务" },
    ]);
    expect(facts.previous).toBeNull();
  });
});
