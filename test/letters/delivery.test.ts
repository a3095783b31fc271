/**
 * How a disclosed or partial reply provides the information (reply.delivery) against the form
 * the application asked for (requestedDelivery): the letter says the form and the method, a
 * departure with its reason and basis (ogi-2019 Art. 40; ogi-2008 Art. 26), and the enclosures as
 * its 附件 note; validation reports a departure without a reason, a delivery on a reply that
 * provides nothing and a reply served (reply.delivered) before its date, and the letters refuse with the same sentence.
 * Read back from DOCX and PDF.
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
import { LAW, sample2023, VARIANTS_2019, variantDataset } from "./fixtures.js";

const tmp = mkdtempSync(join(tmpdir(), "gongwen-delivery-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function app(d: Dataset, id: string): Application {
  return d.disclosure.applications!.find((a) => a.id === id)!;
}

function withDeliveries(): Dataset {
  const d = sample2023();
  const a = app(d, "YSQ2023-030"); // disclosed, registered post
  a.requestedDelivery = { form: "paper", method: "post" };
  a.reply!.delivered = "2023-10-20";
  a.reply!.delivery = {
    form: "paper",
    method: "post",
    enclosures: ["青禾区校园周边食品经营单位检查情况汇总表", "检查结果通报"],
  };
  const b = app(d, "YSQ2023-035"); // partial (third-party rights)
  b.requestedDelivery = { form: "electronic", method: "email" };
  b.reply!.delivery = {
    form: "paper",
    method: "post",
    deviation: "该信息仅有纸质档案，制作成电子文档公开成本过高。",
  };
  app(d, "YSQ2023-021").reply!.delivery = { method: "inspect" };
  return d;
}

async function replies(d: Dataset, ids: string[]) {
  const { dataset, invalid } = parseLettersDataset(JSON.stringify(d), "s.json");
  const out = mkdtempSync(join(tmp, "run-"));
  const result = await writeLetters(dataset, invalid, {
    formats: ["docx", "pdf"],
    kinds: ["reply"],
    requests: ids,
    outDir: out,
  });
  return {
    errors: result.errors,
    text: (id: string) => ({
      docx: docxText(join(out, `${id}-reply.docx`)),
      pdf: squeezeSpace(pdfText(readFileSync(join(out, `${id}-reply.pdf`)))),
    }),
  };
}

describe("reply.delivery in the reply letters", () => {
  it("states the form, the method and the enclosures; a departure with its reason and Art. 40", async () => {
    const d = withDeliveries();
    expect(validateDatasetText(JSON.stringify(d), "s.json").errors).toEqual([]);
    const r = await replies(d, ["YSQ2023-030", "YSQ2023-035", "YSQ2023-021"]);
    expect(r.errors).toEqual([]);

    const disclosed = r.text("YSQ2023-030");
    const sentence = `您申请获取的政府信息属于可以公开的政府信息。根据${LAW}第三十六条第（二）项的规定，本机关决定予以公开，现以纸质形式通过邮寄方式向您提供（见附件）。`;
    expect(disclosed.docx.split("\n")).toContain(sentence);
    expect(disclosed.pdf).toContain(squeezeSpace(sentence));
    // 附件说明: numbered titles, after the remedy sentence and before the signature.
    const lines = disclosed.docx.split("\n");
    const at = lines.findIndex((l) => l.startsWith("附件："));
    expect(lines.slice(at, at + 2)).toEqual([
      "附件：1.青禾区校园周边食品经营单位检查情况汇总表",
      "2.检查结果通报",
    ]);
    expect(lines.findIndex((l) => l.startsWith("如对本答复不服"))).toBeLessThan(at);
    expect(lines.lastIndexOf("示例市青禾区市场监督管理局")).toBeGreaterThan(at);
    expect(disclosed.pdf).toContain("附件：1.青禾区校园周边食品经营单位检查情况汇总表");

    const partial = r.text("YSQ2023-035");
    const withheld = `本机关向您提供可以公开的政府信息内容，您申请以电子文档形式、电子邮件方式提供，因该信息仅有纸质档案，制作成电子文档公开成本过高，根据${LAW}第四十条的规定，本机关现以纸质形式通过邮寄方式提供。`;
    expect(partial.docx).toContain(withheld);
    expect(partial.pdf).toContain(squeezeSpace(withheld));
    expect(partial.docx).not.toContain("附件：");
    const cited = checkCitations(`根据${LAW}第四十条的规定`, { regime: "ogi-2019", date: "2023-12-05" });
    expect(cited[0]!.problems).toEqual([]);
    expect(cited[0]!.texts[0]).toContain("公开成本过高的，可以通过电子数据以及其他适当形式提供");

    const inspect = r.text("YSQ2023-021");
    expect(inspect.docx).toContain("本机关决定予以公开，安排贵单位查阅、抄录该政府信息。");
  });

  it("an ogi-2008 departure cites Art. 26", async () => {
    const d = variantDataset(
      2015,
      "2015-03-02",
      10,
      VARIANTS_2019.filter((v) => v.key === "disclosed"),
    );
    delete d.regime;
    const a = d.disclosure.applications![0]!;
    a.requestedDelivery = { method: "email" };
    a.reply!.delivery = { form: "paper", method: "collect", deviation: "申请人未提供电子邮箱地址" };
    expect(validateDatasetText(JSON.stringify(d), "s.json").errors).toEqual([]);
    const r = await replies(d, [a.id]);
    expect(r.errors).toEqual([]);
    const text = r.text(a.id).docx;
    expect(text).toContain(
      `您申请以电子邮件方式提供，因申请人未提供电子邮箱地址，根据${LAW}第二十六条的规定，本机关现以纸质形式提供，请您到本机关领取。`,
    );
    const cited = checkCitations(`根据${LAW}第二十六条的规定`, { regime: "ogi-2008", date: "2015-03-12" });
    expect(cited[0]!.problems).toEqual([]);
    expect(cited[0]!.texts[0]).toContain("无法按照申请人要求的形式提供的");
  });

  it("without a delivery the letter keeps its plain sentence", async () => {
    const r = await replies(sample2023(), ["YSQ2023-030"]);
    expect(r.errors).toEqual([]);
    expect(r.text("YSQ2023-030").docx).toContain("本机关决定予以公开，现随本答复书向您提供。");
  });
});

describe("validation of reply.delivery", () => {
  const index = (id: string) => sample2023().disclosure.applications!.findIndex((a) => a.id === id);
  const errors = (d: Dataset) =>
    validateDatasetText(JSON.stringify(d, null, 2), "s.json").errors.map((e) => [
      e.pointer,
      e.code,
      e.message,
    ]);

  it("a departure needs its reason, and the letters refuse with the same sentence", async () => {
    const d = withDeliveries();
    delete app(d, "YSQ2023-035").reply!.delivery!.deviation;
    const message =
      "申请要求以电子文档形式、电子邮件方式提供，答复以纸质形式、邮寄方式提供：须填写未按申请的形式提供的原因（如按申请的形式提供可能危及政府信息载体安全或者公开成本过高），答复书据此说明";
    expect(errors(d)).toEqual([
      [`/disclosure/applications/${index("YSQ2023-035")}/reply/delivery/deviation`, "required", message],
    ]);
    const r = await replies(d, ["YSQ2023-035"]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(message);
  });

  it("only a reply that provides information has a delivery; any reply is served on or after its date", () => {
    const d = sample2023();
    app(d, "YSQ2023-030").reply!.delivered = "2023-10-18";
    const refused = d.disclosure.applications!.find((a) => a.reply?.type === "refused")!;
    refused.reply!.delivery = { method: "post" };
    const i = d.disclosure.applications!.indexOf(refused);
    expect(errors(d)).toEqual([
      [
        `/disclosure/applications/${i}/reply/delivery`,
        "not-allowed",
        "答复类型为“不予公开”的答复不向申请人提供信息，不应填写提供和送达；只有予以公开和部分公开的答复填写",
      ],
      [
        `/disclosure/applications/${index("YSQ2023-030")}/reply/delivered`,
        "order",
        "reply.delivered（送达日期）2023-10-18 早于 reply.date（答复日期）2023-10-19",
      ],
    ]);
  });

  it("Chinese labels are read as the codes", () => {
    const d = sample2023();
    const a = app(d, "YSQ2023-030") as unknown as Record<string, unknown>;
    a.requestedDelivery = { form: "纸面", method: "自行领取" };
    (a.reply as Record<string, unknown>).delivery = { form: "纸质", method: "当面领取" };
    const result = validateDatasetText(JSON.stringify(d), "s.json");
    expect(result.errors).toEqual([]);
  });
});
