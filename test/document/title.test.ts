import { describe, expect, it } from "vitest";
import { titleLines } from "../../src/document/title.js";

/** The A4 type area in 2号 characters (442.25 pt / 22 pt). */
const W = 442.25 / 22;

describe("title line breaks (shared by the PDF and the DOCX)", () => {
  it("breaks between phrases, never inside a term", () => {
    expect(titleLines("市商务局2014年度集中审批服务和政务公开工作总结", W)).toEqual([
      "市商务局2014年度集中审批服务和",
      "政务公开工作总结",
    ]);
    expect(titleLines("某市商务局关于2014年政府信息公开工作情况的报告", W)).toEqual([
      "某市商务局关于2014年",
      "政府信息公开工作情况的报告",
    ]);
    expect(titleLines("示例市青禾区市场监督管理局政府信息公开申请补正告知书", W)).toEqual([
      "示例市青禾区市场监督管理局",
      "政府信息公开申请补正告知书",
    ]);
  });

  it("keeps a title that fits on one line", () => {
    expect(titleLines("政府信息公开申请答复书", W)).toEqual(["政府信息公开申请答复书"]);
  });

  it("never starts a line with closing punctuation, and every line fits", () => {
    const t = "关于进一步做好政府信息公开（依申请公开）工作、规范答复格式和文书送达程序的通知";
    const lines = titleLines(t, W);
    expect(lines.join("")).toBe(t);
    for (const l of lines) {
      expect(l).not.toMatch(/^[，。、）》]/);
      expect([...l].length).toBeLessThanOrEqual(20);
    }
  });
});
