/** evidenceText: a dataset place and its value in words (records by id, fields by Chinese name). */
import { describe, expect, it } from "vitest";
import { evidenceText } from "../../src/data/messages.js";
import { regimeName } from "../../src/data/codes.js";

const data = {
  disclosure: {
    applications: [
      {
        id: "YSQ-1",
        reply: { date: "2023-10-19", type: "partial" },
        reconsideration: { outcome: "corrected" },
      },
      { reply: { type: "refused" } },
    ],
    proactive: { items: [{ id: "ZD-3", created: "2023-05-08" }] },
  },
  agency: { website: "x" },
};

describe("evidenceText", () => {
  it("an empty list or record reads as none, not as JSON", () => {
    expect(evidenceText("/disclosure/rules", [], data, "zh").value).toBe("（无）");
    expect(evidenceText("/disclosure/rules", [], data, "en").value).toBe("(none)");
    expect(evidenceText("/disclosure/leadingGroup", {}, data, "zh").value).toBe("（无）");
  });

  it("names the record by id and the field by its Chinese name; codes by label, dates in Chinese", () => {
    expect(evidenceText("/disclosure/applications/0/reply/date", "2023-10-19", data, "zh")).toEqual({
      where: "申请 YSQ-1 的答复日期",
      value: "2023年10月19日",
    });
    expect(evidenceText("/disclosure/applications/0/reply/type", "partial", data, "zh").value).toBe(
      "部分公开",
    );
    expect(
      evidenceText("/disclosure/applications/0/reconsideration/outcome", "corrected", data, "zh"),
    ).toEqual({
      where: "申请 YSQ-1 的行政复议结果",
      value: "结果纠正",
    });
    expect(evidenceText("/disclosure/proactive/items/0/created", "2023-05-08", data, "zh").where).toBe(
      "主动公开事项 ZD-3 的形成日期",
    );
    // A record without an id: by its place in the list.
    expect(evidenceText("/disclosure/applications/1/reply/type", "refused", data, "zh").where).toBe(
      "申请第2项的答复类型",
    );
    expect(evidenceText("/agency/website", true, data, "zh")).toEqual({ where: "机关信息网站", value: "是" });
  });

  it("in English: the record by id, the field path", () => {
    expect(evidenceText("/disclosure/applications/0/reply/date", "2023-10-19", data, "en")).toEqual({
      where: "application YSQ-1 reply.date",
      value: "19 October 2023",
    });
  });

  it("regime codes by the regulation's name", () => {
    expect(regimeName("ogi-2019", "zh")).toBe("《中华人民共和国政府信息公开条例》（2019年修订）");
    expect(regimeName("ogi-2008", "zh")).toBe("《中华人民共和国政府信息公开条例》（2007年公布）");
  });
});
