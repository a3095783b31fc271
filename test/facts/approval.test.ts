/**
 * Approval facts: overdue cases by the working-day calendar (from acceptance, in the item's
 * unit), open cases, totals for offices without records, and what is unknown without data.
 */
import { describe, expect, it } from "vitest";
import type { Dataset } from "../../src/data/types.js";
import { deriveFacts } from "../../src/facts/index.js";
import { eventful2014, sample2014, validated } from "./datasets.js";

function withCases(edit: (d: Dataset) => void): Dataset {
  const d = sample2014();
  edit(d);
  return d;
}

describe("overdue cases", () => {
  it("keeps the list of overdue cases with ids, due dates and days taken", () => {
    const f = deriveFacts(validated(eventful2014()));
    expect(f.approval.overdue).toEqual({
      known: true,
      count: 2,
      cases: [
        {
          id: "SP2014-001",
          item: "foreign-trade-filing",
          itemName: "对外贸易经营者备案登记",
          accepted: "2014-01-02",
          completed: "2014-01-09",
          due: "2014-01-06",
          limit: { days: 2, unit: "working", working: true },
          daysTaken: 5,
          daysLate: 3,
          open: false,
        },
        {
          id: "SP2014-002",
          item: "fie-establishment",
          itemName: "外商投资企业设立审批",
          accepted: "2014-01-03",
          completed: "2014-01-20",
          due: "2014-01-14",
          limit: { days: 7, unit: "working", working: true },
          daysTaken: 11,
          daysLate: 4,
          open: false,
        },
      ],
      listedOnTime: [],
    });
    expect(f.approval.onTime).toMatchObject({ numerator: 265, denominator: 267, percent: 99 });
    expect(f.approval.limits.casesOverMax.map((c) => [c.id, c.daysTaken])).toEqual([["SP2014-002", 11]]);
  });

  it("counts a make-up workday (Sunday 2014-01-26) as a working day: SP2014-017 is on time", () => {
    // accepted Thu 2014-01-23, 2 WD: Fri 01-24 and Sun 01-26 (调休上班) → due 01-26.
    const f = deriveFacts(sample2014());
    expect(f.approval.overdue.cases.map((c) => c.id)).not.toContain("SP2014-017");
    // One day later is overdue.
    const late = deriveFacts(
      withCases((d) => {
        d.approval!.cases!.find((c) => c.id === "SP2014-017")!.completed = "2014-01-27";
      }),
    );
    expect(late.approval.overdue.cases.map((c) => [c.id, c.due])).toEqual([["SP2014-017", "2014-01-26"]]);
  });

  it("skips the Spring Festival holiday: accepted 2014-01-30, 2 WD due 2014-02-08 (a make-up Saturday)", () => {
    const f = deriveFacts(
      withCases((d) => {
        d.approval!.cases!.find((c) => c.id === "SP2014-019")!.completed = "2014-02-10";
      }),
    );
    expect(f.approval.overdue.cases.map((c) => [c.id, c.due, c.daysTaken])).toEqual([
      ["SP2014-019", "2014-02-08", 3],
    ]);
  });

  it("counts an item with a calendar-day limit in calendar days", () => {
    const f = deriveFacts(
      withCases((d) => {
        const item = d.approval!.items.find((i) => i.id === "fie-change")!;
        item.promisedLimit = { days: 3, unit: "calendar" };
        // SP2014-006: accepted 2014-01-10 (Fri), completed 2014-01-13 (Mon): 3 calendar days → on time.
        // SP2014-023: accepted 2014-02-12, completed 2014-02-18: 6 calendar days → overdue.
      }),
    );
    const ids = f.approval.overdue.cases.map((c) => c.id);
    expect(ids).not.toContain("SP2014-006");
    expect(f.approval.overdue.cases.find((c) => c.id === "SP2014-023")).toMatchObject({
      due: "2014-02-17",
      daysTaken: 6,
      daysLate: 1,
      limit: { days: 3, unit: "calendar", working: false },
    });
  });

  it("lists a case still open at the end of the year past its due date as overdue (open)", () => {
    const f = deriveFacts(
      withCases((d) => {
        const c = d.approval!.cases!.find((x) => x.id === "SP2014-267")!; // accepted 2014-12-26, 2 WD → 12-30
        delete c.completed;
      }),
    );
    expect(f.approval.open).toEqual({ count: 1, ids: ["SP2014-267"] });
    expect(f.approval.completed.total).toBe(266);
    expect(f.approval.overdue.cases).toEqual([
      expect.objectContaining({
        id: "SP2014-267",
        completed: null,
        due: "2014-12-30",
        open: true,
        daysTaken: null,
        daysLate: null,
      }),
    ]);
  });

  it("an open case not yet due at the end of the year is not overdue", () => {
    const f = deriveFacts(
      withCases((d) => {
        const c = d.approval!.cases!.find((x) => x.id === "SP2014-267")!;
        c.accepted = c.received = "2014-12-30";
        delete c.completed;
      }),
    );
    expect(f.approval.open.count).toBe(1);
    expect(f.approval.overdue.count).toBe(0);
  });
});

describe("without records", () => {
  it("uses the given totals when the office has no case records", () => {
    const f = deriveFacts(
      withCases((d) => {
        delete d.approval!.cases;
      }),
    );
    expect(f.approval.completed.source).toBe("totals");
    expect(f.approval.completed.total).toBe(267);
    expect(f.approval.completed.byCategory.map((c) => c.count)).toEqual([6, 19, 240, 2]);
    expect(f.approval.overdue).toEqual({ known: true, count: 0, cases: [], listedOnTime: [] });
    expect(f.approval.onTime).toBeNull();
    expect(f.approval.items.list.every((i) => i.completed === null)).toBe(true);
    expect(f.claims.approvalRecord.holds).toBe(true);
    expect(f.claims.sealUsedInAllCases.holds).toBe(false); // nothing proves it
  });

  it("proves nothing when neither records nor totals say how many were overdue", () => {
    const f = deriveFacts(
      withCases((d) => {
        delete d.approval!.cases;
        delete d.approval!.totals;
        delete d.approval!.complaints;
        delete d.approval!.absenceIncidents;
      }),
    );
    expect(f.approval.completed).toMatchObject({ source: "none", total: 0 });
    expect(f.approval.overdue.known).toBe(false);
    expect(f.claims.approvalRecord).toMatchObject({ holds: false, known: false, anyEvent: false });
    expect(f.claims.noAbsence).toMatchObject({ holds: false, known: false });
  });

  it("a dataset without an approval section has empty approval facts", () => {
    const d = sample2014();
    delete d.approval;
    const f = deriveFacts(d);
    expect(f.approval.present).toBe(false);
    expect(f.claims.approvalRecord.holds).toBe(false);
    expect(f.claims.allInPlatform.holds).toBe(false);
    expect(f.claims.maxLimit.holds).toBe(false);
  });
});

describe("reductions from last year's dataset", () => {
  it("takes the previous promised limit from the previous dataset when the item has none", () => {
    const previous = sample2014();
    previous.year = 2013;
    previous.approval!.items.find((i) => i.id === "fie-change")!.promisedLimit = {
      days: 10,
      unit: "working",
    };
    const f = deriveFacts(sample2014(), { previous });
    const r = f.approval.reductions.find((x) => x.itemId === "fie-change");
    expect(r).toMatchObject({ previousFrom: "previous-dataset", shortenedBy: 3, percent: 30 });
    expect(f.previous?.year).toBe(2013);
    expect(f.previous?.approval.completed.total).toBe(0); // its cases are dated 2014
  });
});

describe("misc approval facts", () => {
  it("absences by kind, seal misuse, items outside the platform", () => {
    const f = deriveFacts(
      withCases((d) => {
        const a = d.approval!;
        a.absenceIncidents = [
          { id: "QG1", date: "2014-03-03", kind: "off-post" },
          { id: "QG2", date: "2014-04-03", kind: "off-post" },
          { id: "QG3", date: "2014-05-05", kind: "post-hopping" },
        ];
        a.seal = { dedicatedKeeper: true, misused: true };
        a.items.find((i) => i.id === "auction-preliminary")!.inPlatform = false;
        a.cases!.find((c) => c.id === "SP2014-010")!.sealUsed = false;
      }),
    );
    expect(f.approval.absences).toEqual({
      known: true,
      count: 3,
      unstaffed: 0,
      offPost: 2,
      postHopping: 1,
      ids: ["QG1", "QG2", "QG3"],
    });
    expect(f.claims.noAbsence.events.map((e) => [e.kind, e.count])).toEqual([
      ["off-post", 2],
      ["post-hopping", 1],
    ]);
    expect(f.claims.sealNotMisused.holds).toBe(false);
    expect(f.claims.sealUsedInAllCases).toEqual({ holds: false, casesWithoutSeal: ["SP2014-010"] });
    expect(f.claims.allInPlatform).toEqual({
      holds: false,
      total: 6,
      inPlatform: 5,
      missing: ["拍卖企业设立初审"],
    });
  });
});
