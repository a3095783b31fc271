/**
 * Facts without language (issue 13): the facts' warnings and errors are message ids + data,
 * worded at the edges in either language from one derivation.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { deriveFacts } from "../../src/facts/index.js";
import { deriveApprovalFacts } from "../../src/facts/approval.js";
import { assertPreviousYear } from "../../src/facts/year-over-year.js";
import { sumAnnualReports, rollupDepartment } from "../../src/facts/rollup.js";
import { FactError, factMessage, factMessageDetails } from "../../src/facts/messages.js";
import { defaultCalendar } from "../../src/calendar/index.js";
import { reportError } from "../../src/cli/report-error.js";
import { CodedUserError } from "../../src/data/input-messages.js";
import { UserError, WordedUserError } from "../../src/util/errors.js";
import { sample2023 } from "../annual-report/fixtures.js";
import { deptA, deptB } from "../rollup/fixtures.js";

const caught = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("did not throw");
};

describe("facts' errors are message ids + data", () => {
  it("a case naming a missing approval item", () => {
    const d = sample2023();
    d.approval!.cases = [
      {
        id: "C-9",
        item: "no-such-item",
        received: "2023-03-01",
        accepted: "2023-03-01",
        completed: "2023-03-02",
      },
    ];
    const e = caught(() => deriveApprovalFacts(d, { calendar: defaultCalendar() }));
    expect(e).toBeInstanceOf(FactError);
    expect((e as FactError).coded).toEqual({
      messageId: "case-item-missing",
      data: { caseId: "C-9", item: "no-such-item" },
    });
    expect((e as FactError).message).toBe("/approval/cases：办件 C-9 引用的审批事项 no-such-item 不存在");
    expect((e as FactError).wordedIn("en").message).toBe(
      "/approval/cases: case C-9 refers to approval item no-such-item, which does not exist",
    );
  });

  it("a previous dataset of the wrong year", () => {
    const prev = sample2023();
    const e = caught(() => assertPreviousYear(sample2023(), prev)) as FactError;
    expect(e.coded).toEqual({
      messageId: "previous-year-mismatch",
      data: { previousYear: 2023, year: 2023 },
    });
    expect(e.message).toBe("--previous 的数据年度为 2023，应为上一年度 2022");
    expect(e.wordedIn("en").message).toBe("--previous holds 2023; it must be the year before, 2022");
  });

  it("the roll-up's refusal names each department in either language (details)", () => {
    const other = deptB();
    other.year = 2022;
    other.agency.name = "丁局";
    const deps = [deptA(), other].map((ds) => rollupDepartment(ds.agency.name, deriveFacts(ds)));
    const e = caught(() => sumAnnualReports(deps, { year: 2023 })) as FactError;
    expect(e.coded.messageId).toBe("rollup-mismatch");
    expect(e.details).toEqual(["丁局：数据为2022年度，应为2023年度"]);
    expect(e.wordedIn("en")).toEqual({
      message: "these agencies' reports cannot be summed:",
      details: ["丁局: its data is for 2022, not 2023"],
    });
    expect(factMessageDetails(e.coded, "en")).toEqual(e.wordedIn("en").details);
  });
});

describe("warnings are message ids + data", () => {
  it("table 二 without figures: one warning, worded in both languages", () => {
    const d = sample2023();
    delete d.disclosure.annualReportTable!.proactive;
    const [w] = deriveFacts(d).annualReport.warnings;
    expect(w).toEqual({
      messageId: "proactive-table-missing",
      data: { field: "proactive", blankCells: "zero" },
    });
    expect(factMessage(w!, "en")).toBe("no figures for table 二 (proactive disclosure); it prints zeros");
  });

  it("one derivation serves both languages: the facts do not depend on the calendar's language", () => {
    const zh = deriveFacts(sample2023(), { calendar: defaultCalendar("zh") });
    const en = deriveFacts(sample2023(), { calendar: defaultCalendar("en") });
    expect(JSON.stringify(en)).toBe(JSON.stringify(zh));
  });
});

describe("the CLI words them in its language", () => {
  afterEach(() => vi.restoreAllMocks());
  const stderrOf = (e: unknown, argv: string[]): { out: string; code: number } => {
    let out = "";
    vi.spyOn(process.stderr, "write").mockImplementation((s) => {
      out += String(s);
      return true;
    });
    const code = reportError(e, argv);
    vi.restoreAllMocks();
    return { out, code };
  };
  const e = new FactError({ messageId: "rollup-2008-outline", data: { year: 2017 } });

  it("Chinese by default, English with --lang en or --lang=en; exit 2", () => {
    expect(stderrOf(e, ["rollup"])).toEqual({
      out: "2017年度的年度报告为2008年格式，没有统计表，不能汇总\n",
      code: 2,
    });
    const en = "the annual report for 2017 follows the 2008 outline, which has no tables to sum\n";
    expect(stderrOf(e, ["rollup", "--lang", "en"]).out).toBe(en);
    expect(stderrOf(e, ["rollup", "--lang=en"]).out).toBe(en);
  });

  it("a calendar error thrown in Chinese is worded in English too (CodedUserError is a WordedUserError)", () => {
    const c = new CodedUserError({
      messageId: "invalid-date",
      data: { what: "--received", value: "2023-02-30" },
    });
    expect(c).toBeInstanceOf(WordedUserError);
    expect(stderrOf(c, ["deadline", "--lang", "en"]).out).toBe(
      "Invalid date (--received): 2023-02-30; expected a real date as YYYY-MM-DD\n",
    );
  });

  it("a plain UserError prints as it is", () => {
    expect(stderrOf(new UserError("坏", ["甲"]), ["x", "--lang", "en"]).out).toBe("坏\n甲\n");
  });
});
