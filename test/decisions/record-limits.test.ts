/**
 * One set of rules: a fee that is not the schedule's amount and an extension over the regime's
 * limit are reported by validate at the field, and the letter that would print them is refused
 * with the same sentence (data/record-limits.ts, called by both).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { composeLetters, validateDatasetText, type Dataset } from "../../src/index.js";
import { parseLettersDataset } from "../../src/letters/load.js";

const sample = () => JSON.parse(readFileSync("samples/2023-district-bureau.json", "utf8")) as Dataset;

function both(d: Dataset, id: string) {
  const text = JSON.stringify(d, null, 2);
  const errors = validateDatasetText(text, "s.json").errors.map((e) => [e.pointer, e.code, e.message]);
  const { dataset } = parseLettersDataset(text, "s.json");
  return { errors, letters: composeLetters(dataset, { requests: [id] }).errors };
}

describe("limits of the law, in validate and in the letters", () => {
  it("a per-page fee of 1600 yuan for 150 pages (the schedule: 1700)", () => {
    const d = sample();
    const apps = d.disclosure.applications!;
    const i = apps.findIndex((a) => a.id === "YSQ2023-022");
    apps[i]!.fee!.amount = 1600;
    d.disclosure.fees = undefined;
    const { errors, letters } = both(d, "YSQ2023-022");
    const sentence = "收费金额 1600 元与收费标准计算结果 1700 元不符";
    expect(errors).toContainEqual([`/disclosure/applications/${i}/fee/amount`, "inconsistent", sentence]);
    expect(letters).toEqual([`YSQ2023-022：信息处理费金额：${sentence}`]);
  });

  it("an extension of 16 working days for a request received in 2014 (2008 regulation: at most 15)", () => {
    const d = sample();
    d.year = 2014;
    d.disclosure = {
      applications: [
        {
          id: "A1",
          applicant: { type: "natural-person", name: "测试人" },
          channel: "in-person",
          submitted: "2014-03-03",
          content: "测试申请",
          extension: { approved: "2014-03-20", notified: "2014-03-20", days: 16 },
        },
      ],
    } as Dataset["disclosure"];
    delete (d as { approval?: unknown }).approval;
    delete (d as { regime?: unknown }).regime;
    const { errors, letters } = both(d, "A1");
    const sentence =
      "延期16个工作日超过上限（《中华人民共和国政府信息公开条例》（2007年公布）规定最长15个工作日）";
    expect(errors).toContainEqual(["/disclosure/applications/0/extension/days", "range", sentence]);
    expect(letters).toContainEqual(`A1：延长工作日数：${sentence}`);
  });
});
