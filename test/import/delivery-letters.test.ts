/**
 * A ledger's delivery columns (获取方式, 提供形式, 未按申请形式提供的原因, 送达日期) imported into the
 * 2023 sample reach the reply letters: the letter says the form and method the ledger gives, and
 * its departure from the request with the ledger's reason. Read back from DOCX and PDF.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planImport } from "../../src/data/import/index.js";
import { writeLetters } from "../../src/letters/batch.js";
import { parseLettersDataset } from "../../src/letters/load.js";
import { docxText } from "../helpers/docx.js";
import { pdfText, squeezeSpace } from "../helpers/pdf.js";

const tmp = mkdtempSync(join(tmpdir(), "gongwen-import-delivery-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("delivery columns of a ledger", () => {
  it("are merged into the applications and printed by their reply letters", async () => {
    const into = join(tmp, "data.json");
    copyFileSync(new URL("../../samples/2023-district-bureau.json", import.meta.url), into);
    const ledger = join(tmp, "台账.csv");
    writeFileSync(
      ledger,
      [
        "申请编号,申请人,申请人类型,申请方式,收到申请日期,申请内容,获取方式,答复日期,答复类型,提供形式,未按申请形式提供的原因,送达日期",
        "YSQ2023-030,罗某某,自然人,挂号信,2023-09-13,2023年青禾区校园周边食品经营单位检查情况,纸质、邮寄,2023-10-19,予以公开,纸质、邮寄,,2023-10-20",
        "YSQ2023-035,宋某某,自然人,网络,2023-11-01,某药店2023年监督检查记录及其经营者提交的说明材料,电子文档、电子邮件,2023-12-05,部分公开（保护第三方合法权益）,纸质、邮寄,该信息仅有纸质档案，制作成电子文档公开成本过高。,",
      ].join("\n"),
    );
    const plan = await planImport({ ledger, into });
    expect(plan.text).not.toBeNull();
    const { dataset, invalid } = parseLettersDataset(plan.text!, into);
    const a = dataset.disclosure.applications!.find((x) => x.id === "YSQ2023-030")!;
    expect(a.requestedDelivery).toEqual({ form: "paper", method: "post" });
    expect(a.reply).toMatchObject({ delivery: { form: "paper", method: "post" }, delivered: "2023-10-20" });
    const out = mkdtempSync(join(tmp, "letters-"));
    const result = await writeLetters(dataset, invalid, {
      formats: ["docx", "pdf"],
      kinds: ["reply"],
      requests: ["YSQ2023-030", "YSQ2023-035"],
      outDir: out,
    });
    expect(result.errors).toEqual([]);
    const text = (id: string) => ({
      docx: docxText(join(out, `${id}-reply.docx`)),
      pdf: squeezeSpace(pdfText(readFileSync(join(out, `${id}-reply.pdf`)))),
    });
    const disclosed = text("YSQ2023-030");
    expect(disclosed.docx).toContain("现以纸质形式通过邮寄方式向您提供");
    expect(disclosed.pdf).toContain("现以纸质形式通过邮寄方式向您提供");
    const partial = text("YSQ2023-035");
    expect(partial.docx).toContain("该信息仅有纸质档案，制作成电子文档公开成本过高");
    expect(partial.pdf).toContain(squeezeSpace("该信息仅有纸质档案，制作成电子文档公开成本过高"));
  }, 60_000);
});
