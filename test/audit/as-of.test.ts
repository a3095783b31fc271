/**
 * `gongwen audit --as-of DATE`: the applications open on a day, with their due dates, and those
 * already overdue (the 2023 sample carries three requests into 2024).
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultCalendar } from "../../src/calendar/index.js";
import { loadDataset } from "../../src/data/load.js";
import { deriveFacts, openApplications } from "../../src/facts/index.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const S2023 = "samples/2023-district-bureau.json";
const run = (...args: string[]) => {
  const r = spawnSync("node", ["dist/cli/main.js", ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe("open applications on a day", () => {
  const calendar = defaultCalendar();
  const facts = deriveFacts(loadDataset(resolve(ROOT, S2023)), { calendar }).applications;

  it("lists those received and not answered by the day, overdue first", () => {
    expect(openApplications(facts, "2024-01-15", calendar)).toEqual([
      expect.objectContaining({
        id: "YSQ2023-037",
        received: "2023-12-06",
        due: "2024-01-04",
        status: "overdue",
        daysLeft: -7,
      }),
      expect.objectContaining({
        id: "YSQ2023-038",
        received: "2023-12-15",
        due: "2024-01-15",
        status: "due-soon",
        daysLeft: 0,
      }),
      expect.objectContaining({
        id: "YSQ2023-039",
        received: "2023-12-22",
        due: "2024-02-18",
        status: "on-time",
        daysLeft: 21,
      }),
    ]);
  });

  it("an application answered later was open on an earlier day; one received later was not", () => {
    const open = openApplications(facts, "2023-09-20", calendar).map((o) => o.id);
    // YSQ2023-030: received 2023-09-13, answered 2023-10-19.
    expect(open).toContain("YSQ2023-030");
    expect(open).not.toContain("YSQ2023-037");
  });
});

describe("gongwen audit --as-of", () => {
  it("prints the open applications after the score, with Chinese dates", () => {
    const r = run("audit", S2023, "--as-of", "2024-01-15");
    expect(r.code).toBe(1); // the audit's own error findings
    expect(
      r.stdout.endsWith(
        "\n截至2024年1月15日尚未答复的申请 3 件，其中已逾期 1 件：\n" +
          "  YSQ2023-037  收到2023年12月6日，应于2024年1月4日前答复，已逾期7个工作日\n" +
          "  YSQ2023-038  收到2023年12月15日，应于2024年1月15日前答复，今日到期\n" +
          "  YSQ2023-039  收到2023年12月22日，应于2024年2月18日前答复，还剩21个工作日\n",
      ),
    ).toBe(true);
  });

  it("a request received in December and never answered is overdue a year later; --format json has asOf and open", () => {
    const r = run("audit", S2023, "--as-of", "2024-12-02", "--format", "json");
    const j = JSON.parse(r.stdout);
    expect(j.asOf).toBe("2024-12-02");
    expect(j.open.map((o: { id: string; status: string; due: string }) => [o.id, o.status, o.due])).toEqual([
      ["YSQ2023-037", "overdue", "2024-01-04"],
      ["YSQ2023-038", "overdue", "2024-01-15"],
      ["YSQ2023-039", "overdue", "2024-02-18"],
    ]);
  });

  it("says when nothing is open, and refuses a date that does not exist", () => {
    expect(run("audit", S2023, "--as-of", "2022-11-01").stdout).toContain(
      "截至2022年11月1日，没有尚未答复的申请。",
    );
    const bad = run("audit", S2023, "--as-of", "2024-13-01");
    expect([bad.code, bad.stderr]).toEqual([2, "--as-of 应为日期，如 2026-12-02：2024-13-01\n"]);
  });
});
