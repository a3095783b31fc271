/**
 * Every letter's 附注 names the contact person and phone (the application's handler, else the
 * disclosure office's contact and phone, else the agency's phone), each only when known, and
 * letters config `contactNote: false` turns it off; the fee notice says how and where to pay
 * (agency.feePayment), else the configuration's feePayment sentence. Text read back from the
 * DOCX and the PDF.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateDatasetText } from "../../src/data/index.js";
import type { Dataset } from "../../src/data/types.js";
import { writeLetters } from "../../src/letters/batch.js";
import { DEFAULT_LETTERS_CONFIG } from "../../src/letters/config.js";
import { parseLettersDataset } from "../../src/letters/load.js";
import { docxText } from "../helpers/docx.js";
import { pdfText, squeezeSpace } from "../helpers/pdf.js";
import { sample2023 } from "./fixtures.js";

const tmp = mkdtempSync(join(tmpdir(), "gongwen-contact-note-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let runs = 0;
/** The letters' text of one request, by file-name suffix: DOCX paragraphs and the PDF without spaces. */
async function letters(
  d: Dataset,
  request: string,
  kinds: ("reply" | "receipt" | "fee" | "correction")[],
  templatesDir?: string,
): Promise<Map<string, { docx: string[]; pdf: string }>> {
  expect(validateDatasetText(JSON.stringify(d), "s.json").errors).toEqual([]);
  const { dataset, invalid } = parseLettersDataset(JSON.stringify(d), "s.json");
  const outDir = join(tmp, `run-${++runs}`);
  const result = await writeLetters(dataset, invalid, {
    formats: ["docx", "pdf"],
    kinds,
    requests: [request],
    outDir,
    ...(templatesDir ? { templatesDir } : {}),
  });
  expect(result.errors).toEqual([]);
  const out = new Map<string, { docx: string[]; pdf: string }>();
  for (const kind of kinds) {
    const base = join(outDir, `${request}-${kind}`);
    out.set(kind, {
      docx: docxText(`${base}.docx`).split("\n"),
      pdf: squeezeSpace(pdfText(readFileSync(`${base}.pdf`))),
    });
  }
  return out;
}

function expectNote(text: { docx: string[]; pdf: string }, note: string): void {
  expect(text.docx).toContain(note);
  expect(text.pdf).toContain(squeezeSpace(note));
  // The note is the letter's last line, below the date.
  expect(text.docx.filter((l) => l !== "").at(-1)).toBe(note);
}

function expectNoNote(text: { docx: string[]; pdf: string }): void {
  for (const word of ["联系人", "联系电话"]) {
    expect(text.docx.join("\n")).not.toContain(word);
    expect(text.pdf).not.toContain(word);
  }
  expect(text.docx.filter((l) => l !== "").at(-1)).toBe("2023年7月17日");
}

/** The sample with the office's contact person. */
function withContact(): Dataset {
  const d = sample2023();
  d.agency.disclosureOffice.contact = "赵某某";
  return d;
}

describe("the contact note (附注) of every letter", () => {
  it("is on by default", () => {
    expect(DEFAULT_LETTERS_CONFIG.contactNote).toBe(true);
  });

  it("names the application's handler and the handler's phone when given", async () => {
    const d = withContact();
    const app = d.disclosure.applications!.find((a) => a.id === "YSQ2023-022")!;
    app.handler = { name: "钱某某", phone: "0571-88001299" };
    const out = await letters(d, "YSQ2023-022", ["receipt", "fee", "reply"]);
    for (const text of out.values()) expectNote(text, "（联系人：钱某某；联系电话：0571-88001299）");
  });

  it("takes the office's phone when the handler has none", async () => {
    const d = withContact();
    d.disclosure.applications!.find((a) => a.id === "YSQ2023-022")!.handler = { name: "钱某某" };
    const out = await letters(d, "YSQ2023-022", ["reply"]);
    expectNote(out.get("reply")!, "（联系人：钱某某；联系电话：0571-88001235）");
  });

  it("names the disclosure office's contact and phone without a handler", async () => {
    const out = await letters(withContact(), "YSQ2023-022", ["receipt", "fee", "reply"]);
    for (const text of out.values()) expectNote(text, "（联系人：赵某某；联系电话：0571-88001235）");
  });

  it("the agency's phone when the office has none; only what is known", async () => {
    const d = sample2023();
    delete d.agency.disclosureOffice.phone;
    const out = await letters(d, "YSQ2023-022", ["reply"]);
    expectNote(out.get("reply")!, "（联系电话：0571-88001234）");
    const noPhone = withContact();
    delete noPhone.agency.disclosureOffice.phone;
    delete noPhone.agency.phone;
    const named = await letters(noPhone, "YSQ2023-022", ["reply"]);
    expectNote(named.get("reply")!, "（联系人：赵某某）");
    expect(named.get("reply")!.docx.join("\n")).not.toContain("联系电话");
  });

  it("is left out when nothing is known, and when contactNote is false", async () => {
    const d = sample2023();
    delete d.agency.disclosureOffice.phone;
    delete d.agency.phone;
    expectNoNote((await letters(d, "YSQ2023-022", ["receipt"])).get("receipt")!);

    const dir = join(tmp, "office");
    mkdirSync(join(dir, "letters"), { recursive: true });
    writeFileSync(join(dir, "letters", "config.json"), JSON.stringify({ contactNote: false }));
    const handled = withContact();
    handled.disclosure.applications!.find((a) => a.id === "YSQ2023-022")!.handler = {
      name: "钱某某",
      phone: "0571-88001299",
    };
    expectNoNote((await letters(handled, "YSQ2023-022", ["receipt"], dir)).get("receipt")!);
  });
});

describe("the fee notice says how and where to pay", () => {
  const payDays = "请贵单位自收到本通知书次日起20个工作日内缴纳上述费用。";
  const after = "逾期未缴纳的，视为放弃申请";

  it("prints the method, account and place given, and only those", async () => {
    const d = sample2023();
    d.agency.feePayment = {
      method: "凭本通知书通过政府非税收入缴款码缴纳",
      account: "示例市青禾区财政局非税收入专户，账号：1234567890",
      place: "示例市青禾区人民路88号三楼",
    };
    const all = (await letters(d, "YSQ2023-022", ["fee"])).get("fee")!;
    const sentence =
      payDays +
      "缴费方式：凭本通知书通过政府非税收入缴款码缴纳。收款账户：示例市青禾区财政局非税收入专户，账号：1234567890。缴费地点：示例市青禾区人民路88号三楼。" +
      after;
    expect(all.docx.join("\n")).toContain(sentence);
    expect(all.pdf).toContain(squeezeSpace(sentence));
    expect(all.docx.join("\n")).not.toContain(DEFAULT_LETTERS_CONFIG.feePayment);

    d.agency.feePayment = { place: "示例市青禾区人民路88号三楼" };
    const place = (await letters(d, "YSQ2023-022", ["fee"])).get("fee")!;
    const placeOnly = payDays + "缴费地点：示例市青禾区人民路88号三楼。" + after;
    expect(place.docx.join("\n")).toContain(placeOnly);
    expect(place.pdf).toContain(squeezeSpace(placeOnly));
  });

  it("without payment data, says whom to ask (the configuration's feePayment sentence)", async () => {
    const fee = (await letters(sample2023(), "YSQ2023-022", ["fee"])).get("fee")!;
    const sentence = payDays + DEFAULT_LETTERS_CONFIG.feePayment + after;
    expect(fee.docx.join("\n")).toContain(sentence);
    expect(fee.pdf).toContain(squeezeSpace(sentence));
    for (const word of ["缴费方式：", "收款账户：", "缴费地点："])
      expect(fee.docx.join("\n")).not.toContain(word);
  });
});
