/**
 * Claims hold only when the data proves them; otherwise they carry what happened. Also: the
 * facts are pure (the dataset is not modified) and deterministic.
 */
import { describe, expect, it } from "vitest";
import type { Dataset } from "../../src/data/types.js";
import { deriveFacts } from "../../src/facts/index.js";
import { eventful2014, sample2014, sample2023, validated } from "./datasets.js";

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object") {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

describe("claims of the eventful 2014 dataset (2 overdue, 1 complaint, 3 applications, a fee)", () => {
  const f = deriveFacts(validated(eventful2014()));
  const cl = f.claims;

  it("does not claim a clean record, and names what happened", () => {
    expect(cl.approvalRecord).toEqual({
      holds: false,
      known: true,
      overdue: 2,
      complaints: 1,
      criticismNotices: 0,
      events: [
        { kind: "overdue", count: 2, overdue: true, complaint: false, criticismNotice: false },
        { kind: "complaint", count: 1, overdue: false, complaint: true, criticismNotice: false, parts: [] },
      ],
      anyEvent: true,
    });
    expect(f.approval.complaints).toEqual({
      known: true,
      count: 1,
      valid: 1,
      exposedByMedia: 0,
      ids: ["TS2014-01"],
      outcomes: { upheld: [], partlyUpheld: [], rejected: [], withdrawn: [] },
      open: [],
      concludedKnown: false,
    });
  });

  it("does not claim that no application was received, nor that no fee was charged", () => {
    expect(cl.noApplications).toEqual({ holds: false, known: true, received: 3, carriedOver: 0, total: 3 });
    expect(cl.noFees).toEqual({ holds: false, known: true, count: 1, amount: 12 });
    expect(f.disclosure.fees.source).toBe("records");
    expect(cl.repliesOnTime).toEqual({ holds: true, replied: 3, late: 0, lateIds: [] });
  });

  it("the ceiling fails on the cases too once one takes 11 working days", () => {
    expect(deriveFacts(eventful2014(), { claims: { maxLimitBasis: "cases" } }).claims.maxLimit).toMatchObject(
      {
        holds: false,
        casesWithinMax: false,
        casesOverMax: ["SP2014-002"],
      },
    );
  });
});

describe("claims never hold on missing data", () => {
  it("no applications list, no fee data: neither claim holds", () => {
    const d = sample2014();
    delete d.disclosure.applications;
    delete d.disclosure.fees;
    const f = deriveFacts(d);
    expect(f.claims.noApplications).toMatchObject({ holds: false, known: false });
    expect(f.claims.noFees).toMatchObject({ holds: false, known: false });
    expect(f.claims.repliesOnTime.holds).toBe(false);
  });

  it("a missed or late monthly filing breaks 每月的25日按时报送", () => {
    const d = sample2014();
    const f0 = d.disclosure.validDocumentFilings!;
    f0.dates = f0.dates.filter((x) => x !== "2014-03-25").map((x) => (x === "2014-07-25" ? "2014-07-28" : x));
    const f = deriveFacts(d);
    expect(f.claims.monthlyFilings).toEqual({
      holds: false,
      dueDay: 25,
      count: 11,
      missingMonths: [3],
      lateMonths: [7],
    });
  });

  it("an unpublished rule breaks 并通过互联网予以公开 for its group only", () => {
    const d = sample2014();
    d.disclosure.rules!.find((r) => r.onRequest)!.published = false;
    const f = deriveFacts(d);
    expect(f.claims.rulesPublished).toEqual({
      holds: false,
      general: true,
      onRequest: false,
      unpublished: ["《市商务局政府信息依申请公开工作办法》"],
    });
  });
});

describe("the 2023 sample's on-request figures (provisional counts until src/facts/applications.ts)", () => {
  const f = deriveFacts(sample2023());

  it("counts received, carried over, replied and pending requests; one reply was late", () => {
    expect(f.disclosure.requests).toEqual({
      known: true,
      received: 39,
      carriedOver: 3,
      total: 42,
      replied: 39,
      pending: 3,
      late: ["YSQ2023-030"],
      onTime: { numerator: 38, denominator: 39, ratio: 38 / 39, percent: 97, full: false },
    });
    expect(f.claims.repliesOnTime).toMatchObject({ holds: false, late: 1, lateIds: ["YSQ2023-030"] });
  });

  it("takes the fee from the paid fee records", () => {
    expect(f.disclosure.fees).toEqual({
      known: true,
      source: "records",
      count: 1,
      amount: 1700,
      waived: 0,
      charged: true,
    });
    expect(f.claims.noFees.holds).toBe(false);
  });

  it("has approval totals but no records", () => {
    expect(f.approval.completed.source).toBe("totals");
    expect(f.approval.completed.total).toBe(3234);
    expect(f.regime).toBe("ogi-2019");
  });
});

describe("purity and determinism", () => {
  it("does not modify the dataset and gives equal facts twice", () => {
    const d: Dataset = deepFreeze(eventful2014());
    const a = deriveFacts(d);
    const b = deriveFacts(d);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(d)).toBe(JSON.stringify(eventful2014()));
  });

  it("shares no objects with the dataset", () => {
    const d = sample2014();
    const f = deriveFacts(d);
    (f.disclosure.proactive.submissions!.count as { value: number }).value = 1;
    f.approval.reductions[0]!.removedSteps.push("x");
    expect(d.disclosure.proactive!.submissions!.count).toEqual({ value: 260, qualifier: "余" });
    expect(d.approval!.items.find((i) => i.id === "foreign-trade-filing")!.removedSteps).toBeUndefined();
  });
});
