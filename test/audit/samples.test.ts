/**
 * The samples under both sample schemes: the 2014 sample has nothing to report under its own
 * scheme; the 2023 sample has exactly the defects it was built with (samples/README.md) — the
 * reply to YSQ2023-030 two working days late (make-up workdays 10-07/08 counted), the lawful
 * 1700 元 processing fee of YSQ2023-022 evaluated against the tiers, the proactive item
 * ZD2023-003 eleven working days late, and the reconsideration that corrected YSQ2023-030 — and
 * they cost exactly the points each scheme gives them.
 */
import { describe, expect, it } from "vitest";
import { loadScheme, runAudit, type AuditResult } from "../../src/audit/index.js";
import { loadDataset } from "../../src/data/load.js";

const S2014 = loadDataset("samples/2014-commerce-bureau.json");
const S2023 = loadDataset("samples/2023-district-bureau.json");
const SCHEME_2014 = loadScheme("samples/assessment-2014.json");
const PER_CASE = loadScheme("samples/assessment-per-case.json");

const lostBy = (r: AuditResult) =>
  Object.fromEntries(
    r.criteria.filter((c) => c.lost > 0 || c.bonus > 0).map((c) => [c.id, c.lost || -c.bonus]),
  );
const summary = (r: AuditResult) => r.findings.map((f) => [f.rule, f.severity, f.subject, f.message]);

const FINDINGS_2023 = (feeSeverity: string) => [
  [
    "disclosure/reply-on-time",
    "error",
    "YSQ2023-030",
    "申请 YSQ2023-030 于2023年9月13日收到，应于2023年10月17日前答复，实际于2023年10月19日答复，逾期2个工作日",
  ],
  [
    "disclosure/no-fee",
    feeSeverity,
    "YSQ2023-022",
    "申请 YSQ2023-022 收取信息处理费1700元（按页计收，150页：30×0 + 70×10 + 50×20 = 1700元）",
  ],
  [
    "disclosure/proactive-on-time",
    "error",
    "ZD2023-003",
    "主动公开信息“2023年第一季度行政处罚信息汇总”（ZD2023-003）于2023年5月8日形成，应于2023年6月5日前公开，实际于2023年6月20日公开，逾期11个工作日",
  ],
  [
    "disclosure/review-corrected",
    "warning",
    "YSQ2023-030",
    "申请 YSQ2023-030 的答复经行政复议（2023年10月30日提出）于2023年12月20日被纠正",
  ],
];

describe("the 2014 sample", () => {
  it("under samples/assessment-2014.json: no findings; no requests, so B4 is 无数据 and the score is out of 80", () => {
    const r = runAudit(S2014, { scheme: SCHEME_2014 });
    expect(r.findings).toEqual([]);
    expect([r.score, r.outOf, r.total, r.lost, r.bonus]).toEqual([80, 80, 100, 0, 0]);
    expect(r.criteria.every((c) => c.lost === 0)).toBe(true);
    expect(r.criteria.filter((c) => c.noData).map((c) => [c.id, c.earned, c.scored, c.reason])).toEqual([
      ["B4", 0, false, "无数据，不计分"],
    ]);
  });

  it("under the per-case scheme: the 13-working-day item against the 7-day claim costs 3; the award adds 2", () => {
    const r = runAudit(S2014, { scheme: PER_CASE });
    expect(summary(r)).toEqual([
      [
        "approval/promised-within-commitment",
        "warning",
        "used-vehicle-appraiser",
        "审批事项“旧机动车鉴定评估机构设立审批”（used-vehicle-appraiser）承诺时限13个工作日，超过本机关承诺的7个工作日",
      ],
    ]);
    expect(lostBy(r)).toEqual({ S2: 3, X1: -2 });
    expect([r.base, r.bonus, r.score, r.outOf]).toEqual([77, 2, 79, 80]);
    expect(r.criteria.filter((c) => c.noData).map((c) => c.id)).toEqual(["S4", "P1", "P3"]);
  });
});

describe("the 2023 sample", () => {
  it("under samples/assessment-2014.json: exactly the four defects; 75 of 90 points (late reply −5, fee −10; no filings recorded: B2 无数据)", () => {
    const r = runAudit(S2023, { scheme: SCHEME_2014 });
    expect(summary(r)).toEqual(FINDINGS_2023("error"));
    expect(lostBy(r)).toEqual({ B4: 5, B5: 10 });
    expect([r.score, r.outOf, r.lost, r.bonus]).toEqual([75, 90, 15, 0]);
    expect(r.criteria.filter((c) => c.noData).map((c) => c.id)).toEqual(["B2"]);
    // The proactive item and the corrected reconsideration have no criterion in the 2014 scheme.
    expect(r.unscored.map((i) => r.findings[i]!.rule)).toEqual([
      "disclosure/proactive-on-time",
      "disclosure/review-corrected",
    ]);
    expect(r.counts).toEqual({ error: 3, warning: 1, info: 0 });
  });

  it("under the per-case scheme: 91 points (late item −5; late reply 6 + corrected 3 capped at 6; award +2)", () => {
    const r = runAudit(S2023, { scheme: PER_CASE });
    expect(summary(r)).toEqual(FINDINGS_2023("info"));
    expect(lostBy(r)).toEqual({ P1: 5, P3: 6, X1: -2 });
    const p3 = r.criteria.find((c) => c.id === "P3")!;
    expect([p3.capped, p3.reason]).toEqual([
      true,
      "“依申请公开在法定期限内答复”1件×6分；“行政复议、行政诉讼无被纠错”1件×3分，计9分，以6分为限",
    ]);
    expect([r.base, r.bonus, r.score]).toEqual([89, 2, 91]);
    expect(r.unscored).toEqual([]);
  });

  it("the late reply carries its deadline trace: make-up workdays 10-07 and 10-08 are counted", () => {
    const f = runAudit(S2023, { scheme: PER_CASE }).findings[0]!;
    expect(f.deadline!.summary).toBe(
      "截止日期：2023年10月17日（《中华人民共和国政府信息公开条例》（2019年修订），20个工作日）",
    );
    const rows = f.deadline!.trace.rows;
    expect(rows[0]!.slice(0, 3)).toEqual(["2023年9月13日", "周三", "起算日（第0日）"]);
    expect(rows.find((r) => r[0] === "2023年10月7日")!.slice(0, 4)).toEqual([
      "2023年10月7日",
      "周六",
      "调休上班日",
      "12",
    ]);
    expect(rows.find((r) => r[0] === "2023年10月8日")!.slice(0, 4)).toEqual([
      "2023年10月8日",
      "周日",
      "调休上班日",
      "13",
    ]);
    expect(rows.at(-1)!.slice(0, 4)).toEqual(["2023年10月17日", "周二", "工作日", "20"]);
    expect(f.evidence).toEqual([
      { pointer: "/disclosure/applications/32/signedFor", value: "2023-09-13" },
      { pointer: "/disclosure/applications/32/reply/date", value: "2023-10-19" },
    ]);
  });

  it("the unpaid 5100 元 notice and the paid 1700 元 fee both agree with the tiers: no fee-amount finding", () => {
    const r = runAudit(S2023, { scheme: PER_CASE });
    expect(r.findings.filter((f) => f.rule === "disclosure/fee-amount")).toEqual([]);
  });

  it("reads the same in English", () => {
    const r = runAudit(S2023, { scheme: PER_CASE, lang: "en" });
    expect(r.findings[0]!.message).toBe(
      "request YSQ2023-030, received 13 September 2023, was due by 17 October 2023 and answered on 19 October 2023, 2 working days late",
    );
    expect(r.findings[0]!.deadline!.summary).toBe(
      "Due date: 17 October 2023 (the Regulations on Open Government Information (revised 2019), 20 working days)",
    );
    expect(r.score).toBe(91);
  });
});
