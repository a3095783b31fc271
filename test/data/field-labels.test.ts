/**
 * One table of field names (src/data/field-labels.ts): validation messages, the importer and the
 * workbench's change history name a field alike.
 */
import { describe, expect, it } from "vitest";
import { fieldPathLabel } from "../../src/data/field-labels.js";
import { fieldName } from "../../src/data/import/index.js";
import { fieldLabel } from "../../src/server/labels.js";
import { fieldLabelZh } from "../../src/letters/fields.js";

describe("field names", () => {
  it("a whole path wins over its parts; otherwise the parts' names are joined", () => {
    expect(fieldPathLabel("reply.date")).toBe("答复日期");
    expect(fieldPathLabel("fee.amount")).toBe("信息处理费金额");
    expect(fieldPathLabel("correction.correctedReceived")).toBe("收到补正日期");
    expect(fieldPathLabel("consultations.1.answered")).toBe("征求意见收到意见日期");
    expect(fieldPathLabel("nonsense.key")).toBeUndefined();
  });

  it("the importer and the workbench use the same names", () => {
    for (const path of ["received", "reply.date", "fee.noticeDate", "extension.days", "applicant.name"]) {
      const name = fieldPathLabel(path)!;
      expect(fieldName("applications", path, "zh")).toBe(name);
      expect(fieldLabel(path)).toBe(name);
    }
    expect(fieldLabel("consultations.0.answered")).toBe("第1次征求意见：收到意见日期");
    // A column that is no record field keeps its column name; English names the field.
    expect(fieldName("applications", "seq", "zh")).toBe("序号");
    expect(fieldName("applications", "reply.date", "en")).toBe("reply date");
  });

  it("the letters' refusals name a field in Chinese, a consultation by its place", () => {
    expect(fieldLabelZh("received")).toBe("收到日期");
    expect(fieldLabelZh("reply.reason")).toBe("答复理由");
    expect(fieldLabelZh("consultations[1].sent")).toBe("第2次征求意见的发出日期");
    expect(fieldLabelZh("consultations[0]")).toBe("第1次征求意见");
    expect(fieldLabelZh("no.suchField")).toBe("no.suchField");
  });
});
