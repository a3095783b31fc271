/** oneIssue's keyword sections alone: a failed keyword → the issue a clerk reads. */
import type { ErrorObject } from "ajv";
import { describe, expect, it } from "vitest";
import { patternIssue, unknownFieldIssue, type IssueContext } from "../../src/data/schema-errors.js";

function ctx(e: Partial<ErrorObject>, hide = false): IssueContext {
  const at = e.instancePath ?? "";
  const error = { instancePath: at, schemaPath: "", params: {}, keyword: "pattern", ...e } as ErrorObject;
  return {
    e: error,
    data: {},
    at,
    key: at.slice(at.lastIndexOf("/") + 1),
    p: error.params as Record<string, unknown>,
    hide,
    shownData: hide ? "" : JSON.stringify(error.data),
  };
}

describe("patternIssue", () => {
  it("says how a date is written, and which year is out of range", () => {
    const bad = patternIssue(
      ctx({ instancePath: "/documents/x/date", data: "2023.3.5", parentSchema: { title: "DateString" } }),
    );
    expect(bad).toEqual({
      pointer: "/documents/x/date",
      anchor: "value",
      code: "format",
      message: {
        zh: '日期应写作 2023-03-05、2023/3/5 或 2023年3月5日，实际为 "2023.3.5"',
        en: 'a date is written 2023-03-05, 2023/3/5 or 2023年3月5日; found "2023.3.5"',
      },
    });
    const old = patternIssue(
      ctx({ instancePath: "/d", data: "1999-01-01", parentSchema: { title: "DateString" } }),
    );
    expect(old.message.zh).toContain("年份 1999 超出范围");
  });

  it("never repeats a hidden value", () => {
    const m = patternIssue(
      ctx({ instancePath: "/agency/postcode", data: "张某某", parentSchema: {} }, true),
    ).message;
    expect(m).toEqual({ zh: "邮政编码应为6位数字", en: "a postcode has 6 digits" });
  });
});

describe("unknownFieldIssue", () => {
  it("points at the key and suggests the nearest field", () => {
    const i = unknownFieldIssue(
      ctx({
        keyword: "additionalProperties",
        instancePath: "/agency",
        params: { additionalProperty: "nmae" },
        parentSchema: { properties: { name: {}, address: {} } },
      }),
    );
    expect(i).toMatchObject({ pointer: "/agency/nmae", anchor: "key", code: "unknown-field" });
    expect(i.message.zh).toBe("未知字段 nmae，是否应为 name？");
  });
});
