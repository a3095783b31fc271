/**
 * The receipt letter states the rule of ogi-2019 Art. 31 that fixed the receipt date: an
 * ordinary letter (平常信函) is received on the day the office confirms it with the applicant
 * (item (2), second clause), a registered letter on the day it is signed for (item (2)), an
 * online request on the day both sides confirm (item (3)). Exact dates, read back from the DOCX
 * and the PDF.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeLetters } from "../../src/letters/batch.js";
import { parseLettersDataset } from "../../src/letters/load.js";
import { resolveRef } from "../../src/law/statutes.js";
import { docxText } from "../helpers/docx.js";
import { pdfText, squeezeSpace } from "../helpers/pdf.js";
import { sample2023 } from "./fixtures.js";

const tmp = mkdtempSync(join(tmpdir(), "gongwen-receipt-rule-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("the receipt date rule by channel (2019 Art. 31)", () => {
  beforeAll(async () => {
    const { dataset, invalid } = parseLettersDataset(JSON.stringify(sample2023()), "s.json");
    const result = await writeLetters(dataset, invalid, {
      formats: ["docx", "pdf"],
      kinds: ["receipt"],
      requests: ["YSQ2023-009", "YSQ2023-003", "YSQ2023-005"],
      outDir: tmp,
    });
    expect(result.errors).toEqual([]);
  });
  const docx = (id: string) => docxText(join(tmp, `${id}-receipt.docx`));
  const pdf = (id: string) => squeezeSpace(pdfText(readFileSync(join(tmp, `${id}-receipt.pdf`))));

  it("ordinary post: posted 27 March, confirmed with the applicant 30 March — received 30 March, due 27 April", () => {
    const sentence =
      "您于2023年3月27日提交的政府信息公开申请（申请获取“某餐饮店2022年行政处罚案件的全部案卷材料”）已收悉，本机关收到申请之日为2023年3月30日（以平常信函寄达当日本机关与您确认之日为准）。";
    expect(docx("YSQ2023-009")).toContain(sentence);
    expect(pdf("YSQ2023-009")).toContain(squeezeSpace(sentence));
    expect(docx("YSQ2023-009")).toContain("即最迟于2023年4月27日作出答复");
    expect(docx("YSQ2023-009")).not.toContain("双方确认");
    expect(docx("YSQ2023-009")).not.toContain("签收");
    // The rule the sentence relies on is the second clause of Art. 31 item (2).
    expect(resolveRef("ogi-2019", { article: 31, item: 2 })).toMatchObject({
      text: expect.stringContaining(
        "以平常信函等无需签收的邮寄方式提交政府信息公开申请的，政府信息公开工作机构应当于收到申请的当日与申请人确认，确认之日为收到申请之日",
      ),
    });
  });

  it("registered post: posted 6 February, signed for 8 February — received 8 February", () => {
    expect(docx("YSQ2023-003")).toContain(
      "您于2023年2月6日提交的政府信息公开申请（申请获取“某涉密专项检查的工作方案”）已收悉，本机关收到申请之日为2023年2月8日（以本机关签收之日为准）。",
    );
  });

  it("online: confirmed by both sides on 20 February", () => {
    expect(docx("YSQ2023-005")).toContain("本机关收到申请之日为2023年2月20日（以双方确认之日为准）。");
  });
});
