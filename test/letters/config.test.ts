import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_LETTERS_CONFIG, lettersConfigFor, resolveLettersConfig } from "../../src/letters/config.js";
import { writeLetters } from "../../src/letters/batch.js";
import { UserError } from "../../src/util/errors.js";
import { docxText } from "../helpers/docx.js";
import { sample2023 } from "./fixtures.js";

const tmp = mkdtempSync(join(tmpdir(), "gongwen-letters-config-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("letters configuration", () => {
  it("defaults without a templates folder or without letters/config.json", () => {
    expect(lettersConfigFor(undefined)).toBe(DEFAULT_LETTERS_CONFIG);
    expect(lettersConfigFor(tmp)).toBe(DEFAULT_LETTERS_CONFIG);
    expect(DEFAULT_LETTERS_CONFIG.docNumber.reply).toBe("{short}公开复〔{year}〕{seq}号");
    expect("feePaymentDays" in DEFAULT_LETTERS_CONFIG).toBe(false);
    expect(DEFAULT_LETTERS_CONFIG.seal).toBe(true);
  });

  it("merges a partial configuration over the defaults", () => {
    const c = resolveLettersConfig(
      {
        docNumber: { reply: "{short}复字〔{year}〕第{seq}号", receipt: null },
        remedy: { revisedFrom: "2024-02-01" },
      },
      "c.json",
    );
    expect(c.docNumber.reply).toBe("{short}复字〔{year}〕第{seq}号");
    expect(c.docNumber.receipt).toBeNull();
    expect(c.docNumber.fee).toBe(DEFAULT_LETTERS_CONFIG.docNumber.fee);
    expect(c.remedy.revisedFrom).toBe("2024-02-01");
    expect(c.remedy.refusal).toBe(DEFAULT_LETTERS_CONFIG.remedy.refusal);
  });

  it("rejects unknown keys, bad values and unknown placeholders", () => {
    const fail = (raw: unknown): UserError => {
      try {
        resolveLettersConfig(raw, "c.json");
      } catch (e) {
        return e as UserError;
      }
      throw new Error("no error");
    };
    expect(fail({ sael: true }).message).toBe("c.json：答复文本配置有误");
    expect(fail({ sael: true }).details).toEqual(["c.json /：不允许有额外的属性（sael）"]);
    expect(fail({ correctionPeriodDays: 0 }).details.join("\n")).toContain("/correctionPeriodDays");
    // The periods the deadlines depend on moved to the dataset's interpretations.
    expect(fail({ feePaymentDays: 20, consultationAnswerDays: 10 }).details).toEqual([
      "c.json /consultationAnswerDays：此项已移至数据文件的 interpretations（法律适用口径），使答复书与自查按同一期限计算；请从本文件删除，写入数据文件的 /interpretations/consultationAnswerDays",
      "c.json /feePaymentDays：此项已移至数据文件的 interpretations（法律适用口径），使答复书与自查按同一期限计算；请从本文件删除，写入数据文件的 /interpretations/feePaymentDays",
    ]);
    expect(fail({ basis: { "ogi-2019/refuse": "根据……" } }).details.join("\n")).toContain("/basis");
    expect(fail({ docNumber: { reply: "{short}〔{yr}〕{seq}号" } }).details).toEqual([
      "c.json /docNumber/reply：未知的占位符 {yr}（可用：{short} {year} {seq} {id}）",
    ]);
    expect(fail({ remedy: { refusal: "向{body}申请复议" } }).details).toEqual([
      "c.json /remedy/refusal：未知的占位符 {body}（可用：{reconsiderationBody} {court}）",
    ]);
  });

  it("a templates folder's letters/config.json and templates change the letters", async () => {
    const dir = join(tmp, "office");
    mkdirSync(join(dir, "letters"), { recursive: true });
    writeFileSync(
      join(dir, "letters", "config.json"),
      JSON.stringify({
        docNumber: { reply: "{short}依申复〔{year}〕{seq}号" },
        remedy: {
          before: "如不服本答复，可于60日内向{reconsiderationBody}申请复议，或于6个月内向{court}起诉。",
        },
        basis: { "ogi-2019/disclosed": "依照《条例》第三十六条第二项" },
        contactNote: true,
        seal: false,
      }),
    );
    writeFileSync(
      join(dir, "letters", "reply-already-public.md.hbs"),
      '{{> letters/head title="答复书（本局格式）"}}\n已主动公开：{{reply.note}}。\n\n{{remedy}}\n{{> letters/foot}}\n',
    );
    const out = join(tmp, "out");
    const result = await writeLetters(sample2023(), new Map(), {
      outDir: out,
      formats: ["docx"],
      kinds: ["reply"],
      requests: ["YSQ2023-001", "YSQ2023-002"],
      templatesDir: dir,
    });
    expect(result.errors).toEqual([]);
    const disclosed = docxText(join(out, "YSQ2023-001-reply.docx")).split("\n");
    expect(disclosed).toContain("青禾市监依申复〔2023〕4号");
    expect(disclosed).toContain(
      "如不服本答复，可于60日内向示例市青禾区人民政府或者示例市市场监督管理局申请复议，或于6个月内向示例市青禾区人民法院起诉。",
    );
    expect(disclosed.join("\n")).toContain("依照《条例》第三十六条第二项的规定，本机关决定予以公开");
    expect(disclosed).toContain("（联系电话：0571-88001235）");
    const own = docxText(join(out, "YSQ2023-002-reply.docx")).split("\n");
    expect(own).toContain("答复书（本局格式）");
    expect(own).toContain("已主动公开：已在青禾区政务服务网公开。");
  });
});
