/** Scoring methods: pass-fail, per-finding with per-rule points and a cap, rate × points, bonus; the total. */
import { describe, expect, it } from "vitest";
import { parseScheme, runAudit, type AuditResult } from "../../src/audit/index.js";
import type { Dataset } from "../../src/data/types.js";
import { dataset, expectValid } from "./fixtures.js";

function score(d: Dataset, scheme: object): AuditResult {
  expectValid(d);
  return runAudit(d, {
    scheme: parseScheme(JSON.stringify({ id: "t", title: "测试方案", ...scheme }), "t.json"),
  });
}

const rest = (points: number) => ({
  id: "Z",
  title: "其余",
  points,
  method: { type: "pass-fail" },
  rules: ["disclosure/leading-group"],
});

/** Two complaints (warnings), one criticism notice (error), two absences (warnings). */
const troubled = () =>
  dataset((d) => {
    d.approval!.complaints = [
      { id: "TS1", received: "2023-04-03", summary: "窗口服务" },
      { id: "TS2", received: "2023-05-04", summary: "等候时间" },
    ];
    d.approval!.criticismNotices = [
      { id: "TB1", date: "2023-07-03", issuer: "测试市政务服务中心", summary: "超时" },
    ];
    d.approval!.absenceIncidents = [
      { id: "LG1", date: "2023-08-01", kind: "off-post" },
      { id: "LG2", date: "2023-08-02", kind: "unstaffed" },
    ];
  });

describe("per-finding", () => {
  it("deducts per case with per-rule points, capped at the criterion's points, never below zero", () => {
    const r = score(troubled(), {
      criteria: [
        {
          id: "A",
          title: "投诉与通报",
          points: 10,
          method: { type: "per-finding", points: 2 },
          rules: ["approval/no-complaint", { id: "approval/no-criticism-notice", points: 5 }],
        },
        {
          id: "B",
          title: "岗位纪律",
          points: 5,
          method: { type: "per-finding", points: 4 },
          rules: ["approval/no-absence"],
        },
        {
          id: "C",
          title: "有上限",
          points: 20,
          method: { type: "per-finding", points: 3, cap: 4 },
          rules: ["approval/no-absence"],
        },
        rest(65),
      ],
    });
    const [a, b, c] = r.criteria;
    expect([a!.lost, a!.earned, a!.capped]).toEqual([9, 1, false]);
    expect(a!.lines).toEqual([
      { rule: "approval/no-complaint", findings: 2, cases: 2, pointsEach: 2, points: 4 },
      { rule: "approval/no-criticism-notice", findings: 1, cases: 1, pointsEach: 5, points: 5 },
    ]);
    expect(a!.reason).toBe("“无投诉”2件×2分；“无通报批评”1件×5分，计9分");
    expect([b!.lost, b!.earned, b!.capped, b!.reason]).toEqual([
      5,
      0,
      true,
      "“无漏岗、脱岗、串岗”2件×4分，计8分，以5分为限",
    ]);
    expect([c!.lost, c!.earned, c!.capped]).toEqual([4, 16, true]);
    expect([r.base, r.score, r.lost]).toEqual([82, 82, 18]);
  });

  it("a finding standing for several cases (a given total) costs per case", () => {
    const d = dataset((d) => {
      delete d.approval!.cases;
      d.approval!.totals = { overdue: 3 };
    });
    const r = score(d, {
      criteria: [
        {
          id: "A",
          title: "超时",
          points: 20,
          method: { type: "per-finding", points: 3 },
          rules: ["approval/no-overdue"],
        },
        rest(80),
      ],
    });
    expect([r.criteria[0]!.lost, r.score]).toEqual([9, 91]);
  });
});

describe("pass-fail", () => {
  it("loses all its points on a finding that costs points, none on an info finding", () => {
    const d = dataset((d) => {
      const a = d.disclosure.applications![0]!;
      a.fee = {
        method: "per-page",
        quantity: 40,
        amount: 100,
        noticeDate: "2023-03-03",
        paid: true,
        paidDate: "2023-03-06",
      };
      d.disclosure.fees = { count: 1, amount: 100 };
    });
    const scheme = (level: string) => ({
      rules: { "disclosure/no-fee": level },
      criteria: [
        { id: "F", title: "不收费", points: 10, method: { type: "pass-fail" }, rules: ["disclosure/no-fee"] },
        rest(90),
      ],
    });
    const info = score(d, scheme("info"));
    expect([info.criteria[0]!.failed, info.criteria[0]!.lost, info.score, info.findings.length]).toEqual([
      false,
      0,
      100,
      1,
    ]);
    const error = score(d, scheme("error"));
    expect([error.criteria[0]!.failed, error.criteria[0]!.lost, error.score]).toEqual([true, 10, 90]);
    expect(error.criteria[0]!.reason).toBe("发现问题1项，本项不得分");
    expect(error.findings[0]!.criteria).toEqual(["F"]);
  });
});

describe("rate", () => {
  const scheme = (decimals: number) => ({
    decimals,
    criteria: [
      {
        id: "R",
        title: "事项进驻率",
        points: 5,
        method: { type: "rate" },
        rules: ["approval/items-in-platform"],
      },
      rest(95),
    ],
  });
  const twoOfThree = () =>
    dataset((d) => {
      d.approval!.items.push({
        id: "item-c",
        name: "丙备案",
        category: "丙类",
        statutoryLimit: { days: 5, unit: "working" },
        promisedLimit: { days: 2, unit: "working" },
        inPlatform: false,
        guidePublished: true,
      });
    });

  it("earns points × the share that complies, rounded half up to the scheme's decimals", () => {
    const r = score(twoOfThree(), scheme(1));
    expect([r.criteria[0]!.earned, r.criteria[0]!.lost, r.score]).toEqual([3.3, 1.7, 98.3]);
    expect(r.criteria[0]!.rate!.numerator).toBe(2);
    expect(r.criteria[0]!.reason).toBe("2/3×5分 = 3.3分");
    const r2 = score(twoOfThree(), scheme(2));
    expect([r2.criteria[0]!.earned, r2.score]).toEqual([3.33, 98.33]);
  });

  it("with nothing to measure (no approval items): 无数据, not scored, the total out of fewer points", () => {
    const d = dataset((d) => {
      delete d.approval;
    });
    const r = score(d, scheme(1));
    expect([
      r.criteria[0]!.earned,
      r.criteria[0]!.rate,
      r.criteria[0]!.reason,
      r.criteria[0]!.scored,
    ]).toEqual([0, null, "无数据，不计分", false]);
    expect(r.outOf).toBe(r.total - 5);
  });

  it("the scheme decides how 无数据 scores: zero, or full points only when it says so", () => {
    const d = dataset((d) => {
      delete d.approval;
    });
    const zero = score(d, { ...scheme(1), noData: "zero" });
    expect([zero.criteria[0]!.earned, zero.criteria[0]!.lost, zero.criteria[0]!.reason, zero.outOf]).toEqual([
      0,
      5,
      "无数据，按方案计0分",
      zero.total,
    ]);
    const full = score(d, { ...scheme(1), noData: "full-points" });
    expect([full.criteria[0]!.earned, full.criteria[0]!.reason]).toEqual([5, "无数据，按方案计满分"]);
  });
});

describe("bonus and the total", () => {
  const withAwards = () =>
    dataset((d) => {
      d.approval!.awards = [
        { name: "红旗窗口", count: 2, unit: "次" },
        { name: "服务标兵", count: 3, unit: "人次" },
      ];
      d.approval!.complaints = [{ id: "TS1", received: "2023-04-03", summary: "窗口服务" }];
    });

  it("adds points per highlight case up to its cap; the score never exceeds the total", () => {
    const r = score(withAwards(), {
      criteria: [
        {
          id: "A",
          title: "投诉",
          points: 10,
          method: { type: "per-finding", points: 2 },
          rules: ["approval/no-complaint"],
        },
        rest(90),
        {
          id: "X",
          title: "表彰",
          points: 4,
          method: { type: "bonus", points: 1 },
          rules: ["approval/awards"],
        },
      ],
    });
    const x = r.criteria[2]!;
    expect([x.bonus, x.capped, x.earned, x.lost, x.reason]).toEqual([
      4,
      true,
      0,
      0,
      "“获得表彰奖励”5项×1分，加4分（以4分为限）",
    ]);
    expect([r.base, r.bonus, r.score, r.lost]).toEqual([98, 4, 100, 2]);
    expect(r.highlights.map((h) => h.criteria)).toEqual([["X"], ["X"]]);
  });

  it("scores out of the scheme's total, and lists findings no criterion takes as not scored", () => {
    const r = score(withAwards(), {
      total: 50,
      criteria: [
        {
          id: "Z",
          title: "其余",
          points: 50,
          method: { type: "pass-fail" },
          rules: ["disclosure/leading-group"],
        },
      ],
    });
    expect([r.total, r.score]).toEqual([50, 50]);
    expect(r.unscored.map((i) => r.findings[i]!.rule)).toEqual(["approval/no-complaint"]);
    expect(r.findings[0]!.criteria).toEqual([]);
  });
});
