/**
 * A malformed applicant field holds the letters of that request back with a line that names the
 * field and the kind of problem, in words, and never the applicant's details themselves (the
 * schema's message may quote the value).
 */
import { describe, expect, it } from "vitest";
import { parseLettersDataset } from "../../src/letters/load.js";
import { sample2023 } from "./fixtures.js";

function invalidLines(mutate: (a: Record<string, unknown>) => void, lang: "zh" | "en") {
  const d = sample2023();
  const app = d.disclosure.applications![0]! as unknown as { applicant: Record<string, unknown> };
  mutate(app.applicant);
  const { invalid } = parseLettersDataset(JSON.stringify(d, null, 2), "d.json", lang);
  return [...invalid.values()].flat();
}

describe("a malformed applicant field in the letters' dataset", () => {
  it("names the field and the kind of problem, not the value or a schema code", () => {
    const zh = invalidLines((a) => (a.phone = 13800000001), "zh");
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatch(
      /^d\.json 第\d+行第\d+列 YSQ2022-041：申请人电话：申请人信息不符合数据格式要求：数据类型不对$/,
    );
    expect(zh[0]).not.toContain("13800000001");
    const en = invalidLines((a) => (a.phone = 13800000001), "en");
    expect(en[0]).toMatch(/the applicant's details do not fit the data format: the wrong kind of value$/);
    expect(en[0]).not.toMatch(/\(type\)|13800000001/);
  });

  it("a missing required detail says so", () => {
    const zh = invalidLines((a) => delete a.name, "zh");
    expect(zh.join("\n")).toContain("申请人信息不符合数据格式要求：缺少必填项");
  });
});
