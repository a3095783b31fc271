/**
 * Record completeness (data/completeness.ts recordGaps) through every caller: `validate` reports
 * each gap at its field (code "incomplete"), and the letter that needs the field is refused
 * with the same sentence while the application's other letters are still composed.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { composeLetters, validateDatasetText, type Dataset } from "../../src/index.js";
import { parseLettersDataset } from "../../src/letters/load.js";

type Edit = (d: Dataset) => void;
const app = (d: Dataset, id: string) => d.disclosure.applications!.find((a) => a.id === id)!;

// [case, application, edit, letter kind, field, its Chinese name, sentence]
const CASES: [string, string, Edit, string, string, string, string][] = [
  [
    "a correction without what to correct",
    "YSQ2023-014",
    (d) => (app(d, "YSQ2023-014").correction!.items = []),
    "correction",
    "correction.items",
    "补正事项",
    "补正告知书须说明需要补正的事项，缺少 correction.items",
  ],
  [
    "an already-public reply saying nowhere where, with no website",
    "YSQ2023-002",
    (d) => {
      delete app(d, "YSQ2023-002").reply!.note;
      delete d.agency.website;
    },
    "reply",
    "reply.note",
    "答复说明",
    "已主动公开的答复须告知获取途径：请在 reply.note 中写明公开的位置（或在 agency.website 中填写门户网站）",
  ],
  [
    "a special-law reply without the law",
    "YSQ2023-025",
    (d) => (app(d, "YSQ2023-025").reply!.note = " 。"),
    "reply",
    "reply.note",
    "答复说明",
    "须在 reply.note 中写明依照哪部法律、行政法规以及如何办理",
  ],
  [
    "an other/other reply without what was done",
    "YSQ2023-024",
    (d) => delete app(d, "YSQ2023-024").reply!.withdrawn,
    "reply",
    "reply.note",
    "答复说明",
    "其他处理须在 reply.note 中写明处理情况（申请人撤回申请的，填写撤回日期 reply.withdrawn）",
  ],
];

const sample = () => JSON.parse(readFileSync("samples/2023-district-bureau.json", "utf8")) as Dataset;

describe("record gaps", () => {
  it("the sample has none", () => {
    expect(validateDatasetText(JSON.stringify(sample()), "s.json").errors).toEqual([]);
  });

  for (const [what, id, edit, kind, field, name, sentence] of CASES) {
    it(`${what}: validate and the ${kind} letter say the same`, () => {
      const d = sample();
      edit(d);
      const text = JSON.stringify(d, null, 2);
      const index = d.disclosure.applications!.findIndex((a) => a.id === id);
      const errors = validateDatasetText(text, "s.json").errors;
      expect(errors.map((e) => [e.pointer, e.code, e.message])).toEqual([
        [`/disclosure/applications/${index}/${field.replace(".", "/")}`, "incomplete", sentence],
      ]);
      // The letters set nothing aside for a gap: only the letter that needs the field fails.
      const { dataset, invalid } = parseLettersDataset(text, "s.json");
      expect(invalid.size).toBe(0);
      const composed = composeLetters(dataset, { requests: [id] });
      // The field by its Chinese name; by its key where asked (--json).
      expect(composed.errors).toEqual([`${id}：${name}：${sentence}`]);
      expect(composeLetters(dataset, { requests: [id], fieldKeys: true }).errors).toEqual([
        `${id}：${field}：${sentence}`,
      ]);
      expect(composed.letters.map((l) => l.kind)).toContain("receipt");
      expect(composed.letters.map((l) => l.kind)).not.toContain(kind);
    });
  }
});
