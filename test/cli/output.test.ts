/**
 * What commands print: an aligned text table for `deadline --explain` on a terminal (or with
 * --format text), widths by terminal columns (a Chinese character is two); Markdown otherwise.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { textTable } from "../../src/cli/print.js";
import { terminalColumns } from "../../src/document/chars.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const run = (...args: string[]) =>
  spawnSync("node", ["dist/cli/main.js", ...args], { cwd: ROOT, encoding: "utf8" }).stdout;

describe("text tables", () => {
  it("pads every column to its widest cell in terminal columns", () => {
    expect(terminalColumns("周日 ab")).toBe(7);
    expect(
      textTable(
        ["日期", "说明"],
        [
          ["2025-10-01", "国庆节"],
          ["x", "y"],
        ],
      ),
    ).toBe(["日期        说明", "──────────  ──────", "2025-10-01  国庆节", "x           y", ""].join("\n"));
  });

  it("deadline --explain --format text: the note column starts at one terminal column on every row", () => {
    const out = run("deadline", "--received", "2025-09-28", "--explain", "--format", "text");
    const lines = out.split("\n");
    expect(lines[0]).toBe(
      "截止日期：2025年10月31日（《中华人民共和国政府信息公开条例》（2019年修订），20个工作日）",
    );
    const table = lines.slice(2, lines.indexOf("", 2));
    expect(table[0]).toMatch(/^日期 +星期 +类别 +计数 +说明$/);
    expect(table).toHaveLength(2 + 34); // header, rule, 2025年9月28日 … 2025年10月31日
    const noteAt = (l: string) => terminalColumns(l.slice(0, l.lastIndexOf("  ") + 2));
    const holiday = table.find((l) => l.startsWith("2025年10月1日 "))!;
    expect(holiday).toMatch(/^2025年10月1日 +周三 {2}节假日 +国庆节、中秋节$/);
    expect(noteAt(holiday)).toBe(noteAt(table[0]!));
    expect(noteAt(table.find((l) => l.startsWith("2025年9月28日"))!)).toBe(noteAt(table[0]!));
    expect(out).not.toContain("|");
    // Not on a terminal and without --format: the Markdown table.
    expect(run("deadline", "--received", "2025-09-28", "--explain").split("\n")[2]).toBe(
      "| 日期 | 星期 | 类别 | 计数 | 说明 |",
    );
  });
});
