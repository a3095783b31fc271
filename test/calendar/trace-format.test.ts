import { describe, expect, it } from "vitest";
import { computeDeadline } from "../../src/calendar/deadline.js";
import { formatDeadlineSummary, formatTrace, traceTable } from "../../src/calendar/trace-format.js";

describe("trace rendering", () => {
  const r = computeDeadline({ received: "2018-12-20" });

  it("one-line summary", () => {
    expect(formatDeadlineSummary(r)).toBe(
      "截止日期：2019年1月11日（《中华人民共和国政府信息公开条例》（2007年公布），15个工作日）",
    );
    expect(formatDeadlineSummary(r, "en")).toBe(
      "Due date: 11 January 2019 (the Regulations on Open Government Information (2007), 15 working days)",
    );
    const c = computeDeadline({
      received: "2023-03-01",
      correctionReceived: "2023-03-15",
      extensionDays: 5,
      pauses: [{ from: "2023-03-20", to: "2023-03-21" }],
    });
    expect(formatDeadlineSummary(c)).toBe(
      "截止日期：2023年4月23日（《中华人民共和国政府信息公开条例》（2019年修订），20个工作日，延期5个工作日，暂停2个工作日不计，自2023年3月15日起算）",
    );
  });

  it("table rows: date, weekday, class, count, note", () => {
    const { header, rows } = traceTable(r);
    expect(header).toEqual(["日期", "星期", "类别", "计数", "说明"]);
    expect(rows[0]).toEqual([
      "2018年12月20日",
      "周四",
      "起算日（第0日）",
      "",
      "收到申请（适用《中华人民共和国政府信息公开条例》（2007年公布），答复期限15个工作日）",
    ]);
    expect(rows.find((x) => x[0] === "2018年12月29日")).toEqual([
      "2018年12月29日",
      "周六",
      "调休上班日",
      "7",
      "元旦",
    ]);
    expect(rows.find((x) => x[0] === "2018年12月30日")).toEqual([
      "2018年12月30日",
      "周日",
      "节假日",
      "",
      "元旦",
    ]);
    expect(rows.at(-1)).toEqual(["2019年1月11日", "周五", "工作日", "15", "截止日期（第15个工作日）"]);
  });

  it("Markdown table followed by the events", () => {
    const text = formatTrace(r);
    const lines = text.split("\n");
    expect(lines[0]).toBe("| 日期 | 星期 | 类别 | 计数 | 说明 |");
    expect(lines[1]).toBe("|---|---|---|---|---|");
    expect(lines[2]).toBe(
      "| 2018年12月20日 | 周四 | 起算日（第0日） |  | 收到申请（适用《中华人民共和国政府信息公开条例》（2007年公布），答复期限15个工作日） |",
    );
    expect(lines).toContain("| 2018年12月29日 | 周六 | 调休上班日 | 7 | 元旦 |");
    expect(
      text.endsWith(
        "事件：\n- 2018年12月20日 收到申请（适用《中华人民共和国政府信息公开条例》（2007年公布），答复期限15个工作日）\n- 2019年1月11日 截止日期（第15个工作日）\n",
      ),
    ).toBe(true);
    // 23 days from 12-20 to 01-11 inclusive, 2 header lines, blank, heading, 2 events, final newline.
    expect(lines).toHaveLength(2 + 23 + 1 + 1 + 2 + 1);
  });

  it("English table", () => {
    const { header, rows } = traceTable(r, "en");
    expect(header).toEqual(["Date", "Day", "Class", "Count", "Note"]);
    expect(rows[1]).toEqual(["21 December 2018", "Fri", "working day", "1", ""]);
  });
});
