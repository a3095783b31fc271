/**
 * The two samples validate, and hold exactly the numbers samples/README.md documents (later
 * features test against them). Deadlines are cross-checked with the calendar engine.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { approvalDue } from "../../src/calendar/approval-deadline.js";
import { defaultCalendar } from "../../src/calendar/calendar.js";
import { computeDeadline } from "../../src/calendar/deadline.js";
import { receiptDate } from "../../src/law/receipt.js";
import {
  APPLICANT_TYPES,
  REASONS,
  replyTableRow,
  REPLY_TYPES,
  type ApplicantType,
} from "../../src/data/codes.js";
import { loadDataset } from "../../src/data/load.js";
import type { Application } from "../../src/data/types.js";
// @ts-expect-error: plain ES module script without types
import { generateCases } from "../../scripts/gen-2014-cases.mjs";

const ROOT = resolve(import.meta.dirname, "..", "..");
const S2014 = resolve(ROOT, "samples/2014-commerce-bureau.json");
const S2023 = resolve(ROOT, "samples/2023-district-bureau.json");

describe("samples/2014-commerce-bureau.json", () => {
  const d = loadDataset(S2014);
  const ap = d.approval!;

  it("holds the summary's approval figures", () => {
    const byItem: Record<string, number> = {};
    for (const c of ap.cases!) byItem[c.item] = (byItem[c.item] ?? 0) + 1;
    expect(byItem).toEqual({
      "fie-establishment": 6,
      "fie-change": 19,
      "foreign-trade-filing": 240,
      "used-vehicle-appraiser": 2,
    });
    expect(ap.cases!.every((c) => c.completed?.startsWith("2014-") && c.sealUsed)).toBe(true);
    expect(ap.items.length).toBe(6);
    expect(ap.items.every((i) => i.inPlatform && i.guidePublished)).toBe(true);
    const filing = ap.items.find((i) => i.id === "foreign-trade-filing")!;
    expect([filing.previousPromisedLimit, filing.promisedLimit]).toEqual([
      { days: 5, unit: "working" },
      { days: 2, unit: "working" },
    ]);
    const vehicle = ap.items.find((i) => i.id === "used-vehicle-appraiser")!;
    expect([vehicle.previousPromisedLimit?.days, vehicle.promisedLimit.days, vehicle.removedSteps]).toEqual([
      20,
      13,
      ["现场勘查"],
    ]);
    expect(ap.otherCounts).toEqual([{ name: "外商投资企业年度运营情况联合申报", count: 110, unit: "项" }]);
    expect(ap.awards).toEqual([
      { name: "季度服务标兵", issuer: "呼和浩特市政务服务中心", count: 3, unit: "人次" },
    ]);
    expect([ap.complaints, ap.criticismNotices, ap.absenceIncidents]).toEqual([[], [], []]);
  });

  it("no case is overdue against its promised limit, nor takes more than 7 working days", () => {
    const cal = defaultCalendar();
    const limit = new Map(ap.items.map((i) => [i.id, i.promisedLimit]));
    for (const c of ap.cases!) {
      expect(c.received <= c.accepted).toBe(true);
      expect(cal.isWorkingDay(c.received)).toBe(true);
      expect(c.completed! <= approvalDue(c.accepted, limit.get(c.item)!, cal)).toBe(true);
      expect(c.completed! <= approvalDue(c.accepted, { days: 7, unit: "working" }, cal)).toBe(true);
    }
  });

  it("the cases are what scripts/gen-2014-cases.mjs generates", () => {
    expect(generateCases()).toEqual(ap.cases);
  });

  it("holds every disclosure figure", () => {
    const ds = d.disclosure;
    const outlets = Object.fromEntries(ds.proactive!.outlets!.map((o) => [o.name, o]));
    expect(ds.proactive!.submissions).toEqual({
      recipients: 10,
      recipientsDescription: "自治区人民政府、商务厅，市委、市政府门户网站、呼市日报社等",
      count: { value: 260, qualifier: "余" },
    });
    expect(outlets["市委办公厅（信息处）"]).toMatchObject({ adopted: 66, ranking: { rank: 7 } });
    expect(outlets["市委办公厅（信息处）"]!.subCounts).toEqual([
      { name: "《每日报》", count: 46, unit: "条" },
    ]);
    expect(outlets["呼市政府办公厅门户网站"]).toMatchObject({ adopted: 118, ranking: { rank: 1 } });
    expect(outlets["呼市人民政府办公厅（信息处）"]).toMatchObject({ adopted: 54, ranking: { rank: 8 } });
    expect(outlets["内蒙古日报、呼和浩特日报"]!.adopted).toEqual({ value: 70, qualifier: "余" });
    expect(outlets["商务部地方商务之窗"]!.published).toBe(2074);
    expect(outlets["市商务局信息网"]!.published).toEqual({ value: 550, qualifier: "余" });
    expect(ds.interviews!.count).toBe(3);
    expect(ds.interviews!.titles!.length).toBe(3);
    expect(ds.interviews!.speaker).toBe("党委副书记、纪检书记张志钢");
    expect(ds.newMedia).toEqual([
      { kind: "weibo", opened: "2014-06", published: 75 },
      { kind: "wechat", name: "呼市商务局", opened: "2014-07", published: 75 },
    ]);
    expect([ds.pressConferences, ds.documentsIssued, ds.validDocumentsReported]).toEqual([5, 237, 42]);
    expect(ds.validDocumentFilings!.dates).toEqual(
      Array.from({ length: 12 }, (_, i) => `2014-${String(i + 1).padStart(2, "0")}-25`),
    );
    expect(ds.applications).toEqual([]);
    expect(ds.fees).toEqual({ count: 0, amount: 0 });
    expect(d.documents?.summary?.date).toBe("2015-01-23");
  });
});

describe("samples/2023-district-bureau.json", () => {
  const d = loadDataset(S2023);
  const apps = d.disclosure.applications!;
  const byId = new Map(apps.map((a) => [a.id, a]));

  function deadline(a: Application) {
    return computeDeadline({
      received: receiptDate(a),
      extensionDays: a.extension?.days,
      correctionNotified: a.correction?.notified,
      correctionReceived: a.correction?.correctedReceived,
      pauses: (a.consultations ?? [])
        .filter((c) => c.answered)
        .map((c) => ({ from: c.sent, to: c.answered!, kind: c.party })),
    });
  }

  it("has at least 40 applications, every applicant type, reply type and reason", () => {
    expect(apps.length).toBe(42);
    expect(new Set(apps.map((a) => a.applicant.type))).toEqual(new Set(APPLICANT_TYPES));
    expect(new Set(apps.filter((a) => a.reply).map((a) => a.reply!.type))).toEqual(new Set(REPLY_TYPES));
    for (const [type, reasons] of Object.entries(REASONS))
      for (const r of reasons)
        expect(
          apps.some((a) => a.reply?.type === type && a.reply.reason === r),
          `${type}/${r}`,
        ).toBe(true);
  });

  it("has the documented due dates, and exactly one late reply (YSQ2023-030)", () => {
    const due: Record<string, string> = {};
    const late: string[] = [];
    for (const a of apps) {
      if (a.correction && !a.correction.correctedReceived) continue; // deemed withdrawn
      if (a.reply?.reason === "fee-unpaid") continue; // deemed withdrawn
      const r = deadline(a);
      due[a.id] = r.due;
      if (a.reply && a.reply.date > r.due) late.push(a.id);
    }
    expect(late).toEqual(["YSQ2023-030"]);
    expect(due).toMatchObject({
      "YSQ2022-041": "2023-01-06",
      "YSQ2023-006": "2023-04-14",
      "YSQ2023-011": "2023-05-23",
      "YSQ2023-014": "2023-06-25",
      "YSQ2023-021": "2023-08-21",
      "YSQ2023-022": "2023-08-14",
      "YSQ2023-027": "2023-09-15",
      "YSQ2023-029": "2023-11-03",
      "YSQ2023-030": "2023-10-17",
      "YSQ2023-031": "2023-11-03",
      "YSQ2023-035": "2023-12-13",
      "YSQ2023-037": "2024-01-04",
      "YSQ2023-038": "2024-01-15",
    });
    expect(deadline(byId.get("YSQ2023-029")!).dueWithoutExtension).toBe("2023-10-08");
  });

  it("gives the documented annual-report table 三", () => {
    type Cols = Record<ApplicantType, number>;
    const table: Record<string, Cols> = {};
    const add = (row: string, col: ApplicantType) => {
      table[row] ??= Object.fromEntries(APPLICANT_TYPES.map((t) => [t, 0])) as Cols;
      table[row][col]++;
    };
    for (const a of apps) {
      const col = a.applicant.type;
      add(a.carriedOver ? "二" : "一", col);
      if (!a.reply) {
        add("四", col);
        continue;
      }
      const row = replyTableRow(a.reply.type, a.reply.reason ?? undefined)!;
      add("reason" in row ? `${row.type}/${row.reason}` : row.type, col);
      add("七", col);
    }
    const v = (row: string) => APPLICANT_TYPES.map((t) => table[row]?.[t] ?? 0);
    expect(v("一")).toEqual([22, 8, 2, 2, 3, 2]);
    expect(v("二")).toEqual([2, 1, 0, 0, 0, 0]);
    expect(v("disclosed")).toEqual([6, 3, 0, 1, 2, 1]);
    expect(v("partial")).toEqual([1, 2, 0, 0, 0, 0]);
    expect(v("unavailable/not-held")).toEqual([2, 0, 1, 0, 0, 0]);
    expect(v("other/other")).toEqual([2, 1, 0, 0, 0, 0]);
    expect(v("refused/third-party-rights")).toEqual([0, 1, 0, 0, 0, 0]);
    expect(v("refused/prohibited-by-law")).toEqual([0, 0, 0, 0, 1, 0]);
    expect(v("refused/process-information")).toEqual([0, 0, 1, 0, 0, 0]);
    expect(v("unavailable/needs-creation")).toEqual([0, 0, 0, 1, 0, 0]);
    expect(v("not-processed/publication")).toEqual([0, 0, 0, 0, 0, 1]);
    expect(v("not-processed/confirmation")).toEqual([0, 1, 0, 0, 0, 0]);
    for (const row of [
      "refused/state-secret",
      "refused/three-securities-one-stability",
      "refused/internal-affairs",
      "refused/enforcement-file",
      "refused/administrative-query",
      "unavailable/unclear-after-correction",
      "not-processed/petition-complaint",
      "not-processed/duplicate",
      "not-processed/excessive",
      "other/no-correction",
      "other/fee-unpaid",
    ])
      expect(v(row), row).toEqual([1, 0, 0, 0, 0, 0]);
    expect(v("七")).toEqual([22, 8, 2, 2, 3, 2]);
    expect(v("四")).toEqual([2, 1, 0, 0, 0, 0]);
    expect(Object.keys(table).length).toBe(25);
  });

  it("has one reconsideration (corrected) and one direct lawsuit (upheld), and one paid fee of 1700 元", () => {
    expect(apps.filter((a) => a.reconsideration).map((a) => [a.id, a.reconsideration!.outcome])).toEqual([
      ["YSQ2023-030", "corrected"],
    ]);
    expect(
      apps
        .filter((a) => a.litigation)
        .map((a) => [a.id, a.litigation!.afterReconsideration, a.litigation!.outcome]),
    ).toEqual([["YSQ2023-007", false, "upheld"]]);
    // 1–30 pages free, 31–100 at 10 元, 101–200 at 20 元, 201+ at 40 元
    expect(byId.get("YSQ2023-022")!.fee).toMatchObject({
      method: "per-page",
      quantity: 150,
      amount: 30 * 0 + 70 * 10 + 50 * 20,
      paid: true,
    });
    expect(byId.get("YSQ2023-023")!.fee).toMatchObject({
      quantity: 260,
      amount: 70 * 10 + 100 * 20 + 60 * 40,
      paid: false,
    });
    expect(d.disclosure.fees).toEqual({ count: 1, amount: 1700 });
  });

  it("has exactly one proactive item published after 20 working days (ZD2023-003)", () => {
    const cal = defaultCalendar();
    const late = d.disclosure.proactive!.items!.filter(
      (i) => i.published > cal.addWorkingDays(i.created, 20),
    );
    expect(late.map((i) => [i.id, cal.addWorkingDays(i.created, 20)])).toEqual([
      ["ZD2023-003", "2023-06-05"],
    ]);
  });
});

it("the README documents the same table", () => {
  const readme = readFileSync(resolve(ROOT, "samples/README.md"), "utf8");
  expect(readme).toContain("| 一、本年新收 | 22 | 8 | 2 | 2 | 3 | 2 | 39 |");
  expect(readme).toContain("| 四、结转下年度继续办理 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |");
});
