/**
 * A withdrawal (撤回): an other / other reply with reply.withdrawn is the decision to end the
 * handling (终止办理), on the applicant's written withdrawal, telling how to ask again (2019
 * Art. 29) — not the record's note pasted in the third person. It needs no note; validation keeps
 * the withdrawal to other / other and between receipt and reply. Read back from DOCX and PDF.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateDatasetText } from "../../src/data/validate.js";
import type { Dataset } from "../../src/data/types.js";
import { writeLetters } from "../../src/letters/batch.js";
import { parseLettersDataset } from "../../src/letters/load.js";
import { checkCitations } from "../../src/law/index.js";
import { docxText } from "../helpers/docx.js";
import { pdfText, squeezeSpace } from "../helpers/pdf.js";
import { LAW, sample2023 } from "./fixtures.js";

const tmp = mkdtempSync(join(tmpdir(), "gongwen-withdrawal-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("the 2023 sample's withdrawal (YSQ2023-024)", () => {
  it("is written as the decision to end the handling, with what the applicant may do", async () => {
    const d = sample2023();
    expect(validateDatasetText(JSON.stringify(d), "s.json").errors).toEqual([]);
    const { dataset, invalid } = parseLettersDataset(JSON.stringify(d), "s.json");
    const result = await writeLetters(dataset, invalid, {
      formats: ["docx", "pdf"],
      kinds: ["reply"],
      requests: ["YSQ2023-024"],
      outDir: tmp,
    });
    expect(result.errors).toEqual([]);
    const docx = docxText(join(tmp, "YSQ2023-024-reply.docx"));
    const pdf = squeezeSpace(pdfText(readFileSync(join(tmp, "YSQ2023-024-reply.pdf"))));
    const paragraphs = [
      "本机关于2023年8月1日收到您提出的政府信息公开申请，申请获取“青禾区某小区电梯维保单位资质情况”。2023年8月8日，您书面撤回了该申请。",
      `根据您的撤回申请，本机关决定终止办理该政府信息公开申请。您如仍需获取上述政府信息，可以根据${LAW}第二十九条的规定重新提出政府信息公开申请。`,
    ];
    for (const p of paragraphs) {
      expect(docx.split("\n")).toContain(p);
      expect(pdf).toContain(squeezeSpace(p));
    }
    expect(docx).not.toContain("申请人书面撤回申请");
    expect(docx).not.toContain("作上述处理");
    const cited = checkCitations(paragraphs[1]!, { regime: "ogi-2019", date: "2023-08-10" });
    expect(cited[0]!.problems).toEqual([]);
    expect(cited[0]!.texts[0]).toContain(
      "公民、法人或者其他组织申请获取政府信息的，应当向行政机关的政府信息公开工作机构提出",
    );
  });
});

describe("validation of reply.withdrawn", () => {
  const edit = (f: (d: Dataset) => void) => {
    const d = sample2023();
    f(d);
    return validateDatasetText(JSON.stringify(d, null, 2), "s.json").errors.map((e) => [
      e.pointer,
      e.code,
      e.message,
    ]);
  };
  const index = sample2023().disclosure.applications!.findIndex((a) => a.id === "YSQ2023-024");
  const reply = (d: Dataset) => d.disclosure.applications![index]!.reply!;

  it("only for other / other, after receipt and not after the reply", () => {
    expect(edit((d) => (reply(d).withdrawn = "2023-08-11"))).toEqual([
      [
        `/disclosure/applications/${index}/reply/date`,
        "order",
        "答复日期 2023-08-10 早于撤回日期 reply.withdrawn 2023-08-11：终止办理的决定在收到撤回申请之后作出",
      ],
    ]);
    expect(edit((d) => (reply(d).withdrawn = "2023-07-31")).map((e) => [e[0], e[1]])).toEqual([
      [`/disclosure/applications/${index}/reply/withdrawn`, "order"],
    ]);
    const other = sample2023().disclosure.applications!.findIndex((a) => a.id === "YSQ2023-001");
    expect(edit((d) => (d.disclosure.applications![other]!.reply!.withdrawn = "2023-01-10"))).toEqual([
      [
        `/disclosure/applications/${other}/reply/withdrawn`,
        "inconsistent",
        "撤回日期 reply.withdrawn 只用于答复类型为其他处理、理由为其他（other / other）的答复",
      ],
    ]);
  });
});
