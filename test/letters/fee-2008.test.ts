/**
 * The 2008 cost fee (检索、复制、邮寄等成本费用, ogi-2008 Art. 27) is not the 2020 processing fee:
 * its notice states the unit costs (fee.costs), tells a citizen of the hardship waiver (Art. 28
 * ¶1) and sets no payment window (the 2020 measures' period does not apply); validation keeps the
 * costs to ogi-2008 requests and their sum equal to the amount. Read back from DOCX and PDF.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateDatasetText } from "../../src/data/validate.js";
import type { Application, Dataset } from "../../src/data/types.js";
import { writeLetters } from "../../src/letters/batch.js";
import { parseLettersDataset } from "../../src/letters/load.js";
import { checkCitations } from "../../src/law/index.js";
import { docxText } from "../helpers/docx.js";
import { pdfText, squeezeSpace } from "../helpers/pdf.js";
import { LAW, sample2023 } from "./fixtures.js";

const tmp = mkdtempSync(join(tmpdir(), "gongwen-fee-2008-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function dataset(app: Partial<Application> = {}): Dataset {
  return {
    year: 2015,
    agency: sample2023().agency,
    disclosure: {
      applications: [
        {
          id: "YSQ2015-001",
          applicant: { type: "natural-person", name: "测试某某" },
          channel: "in-person",
          submitted: "2015-03-02",
          content: "2014年本局行政许可台账",
          fee: {
            method: "per-page",
            quantity: 30,
            amount: 8,
            noticeDate: "2015-03-05",
            costs: [
              { item: "复印费", unitPrice: 0.2, quantity: 30, unit: "页" },
              { item: "邮寄费", unitPrice: 2, quantity: 1, unit: "件" },
            ],
          },
          ...app,
        },
      ],
    },
  };
}

async function feeNotice(d: Dataset) {
  const { dataset: parsed, invalid } = parseLettersDataset(JSON.stringify(d), "d.json");
  const out = mkdtempSync(join(tmp, "run-"));
  const r = await writeLetters(parsed, invalid, { formats: ["docx", "pdf"], kinds: ["fee"], outDir: out });
  expect(r.errors).toEqual([]);
  return {
    docx: docxText(join(out, "YSQ2015-001-fee.docx")),
    pdf: squeezeSpace(pdfText(readFileSync(join(out, "YSQ2015-001-fee.pdf")))),
  };
}

describe("an ogi-2008 cost fee notice", () => {
  it("states each cost, the waiver for a citizen in hardship, and no 2020 payment window", async () => {
    const d = dataset();
    expect(validateDatasetText(JSON.stringify(d), "d.json").errors).toEqual([]);
    const { docx, pdf } = await feeNotice(d);
    const lines = docx.split("\n");
    expect(lines).toContain(
      `本机关于2015年3月2日收到您提出的政府信息公开申请，申请获取“2014年本局行政许可台账”。根据${LAW}第二十七条的规定，本机关依申请提供政府信息，收取检索、复制、邮寄等成本费用，共计人民币8元。计算如下：`,
    );
    expect(docx).toContain(
      "项目\n数量\n单价（元）\n金额（元）\n复印费\n30页\n0.20\n6\n邮寄费\n1件\n2\n2\n合计\n\n\n8",
    );
    const waiver = `您确有经济困难的，可以根据${LAW}第二十八条第一款的规定，向本机关申请减免相关费用。`;
    expect(lines).toContain(waiver);
    expect(pdf).toContain(squeezeSpace(waiver));
    expect(docx).toContain("请您缴纳上述费用。");
    expect(docx).not.toContain("个工作日内缴纳");
    expect(docx).not.toContain("逾期未缴纳的，视为放弃申请");
    const cited = checkCitations(`根据${LAW}第二十八条第一款的规定`, {
      regime: "ogi-2008",
      date: "2015-03-05",
    });
    expect(cited[0]!.problems).toEqual([]);
    expect(cited[0]!.texts[0]).toContain("申请公开政府信息的公民确有经济困难的，经本人申请");
  });

  it("no waiver sentence for an organisation (Art. 28 speaks of 公民)", async () => {
    const { docx } = await feeNotice(
      dataset({ applicant: { type: "commercial-enterprise", name: "示例公司" } }),
    );
    expect(docx).not.toContain("减免");
  });
});

describe("validation of fee.costs", () => {
  const errors = (d: Dataset) =>
    validateDatasetText(JSON.stringify(d, null, 2), "d.json").errors.map((e) => [
      e.pointer,
      e.code,
      e.message,
    ]);

  it("the costs add up to the amount", () => {
    const d = dataset();
    d.disclosure.applications![0]!.fee!.amount = 9;
    expect(errors(d)).toEqual([
      ["/disclosure/applications/0/fee/amount", "inconsistent", "收费金额 9 元与成本费用明细合计 8 元不符"],
    ]);
  });

  it("only for a request received before 2019-05-15", () => {
    const d = sample2023();
    const a = d.disclosure.applications!.find((x) => x.fee)!;
    a.fee!.costs = [{ item: "复印费", unitPrice: 0.2, quantity: 10, unit: "页" }];
    const i = d.disclosure.applications!.indexOf(a);
    expect(errors(d)).toEqual([
      [
        `/disclosure/applications/${i}/fee/costs`,
        "not-allowed",
        "成本费用明细只用于2019年5月15日前收到的申请（2008年条例的检索、复制、邮寄等成本费用）；此后的信息处理费按国家标准计收，不填明细",
      ],
    ]);
  });
});
