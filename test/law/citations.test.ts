/**
 * Every citation the letters print, read back from the DOCX (and the PDF of the 2023 sample),
 * names an article / paragraph / item that exists in data/law for the regime of the request,
 * and the text cited says what the letter relies on (the extension notice cites the paragraph
 * that allows the extension, the consultation notice the paragraph that stops the clock …).
 * Remedy notices give the time limit to sue of the 行政诉讼法 in force on the reply date.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { regimeFor } from "../../src/law/regime.js";
import type { Application, Dataset } from "../../src/data/types.js";
import {
  checkCitations,
  chineseNumber,
  findCitations,
  formatRef,
  parseRef,
  resolveRef,
  statute,
  statuteInForce,
  STATUTE_IDS,
} from "../../src/law/statutes.js";
import { writeLetters } from "../../src/letters/batch.js";
import { parseLettersDataset } from "../../src/letters/load.js";
import { docxText } from "../helpers/docx.js";
import { pdfText, squeezeSpace } from "../helpers/pdf.js";
import { sample2023, variantDataset } from "../letters/fixtures.js";
import { shiftYears } from "./shift.js";

const tmp = mkdtempSync(join(tmpdir(), "gongwen-law-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("statute data (data/law)", () => {
  it("holds every instrument, each article numbered once, in order", () => {
    for (const id of STATUTE_IDS) {
      const s = statute(id);
      const numbers = s.articles.map((a) => a.number);
      expect(
        [...numbers].sort((a, b) => a - b),
        id,
      ).toEqual(numbers);
      expect(new Set(numbers).size, id).toBe(numbers.length);
      for (const a of s.articles)
        for (const p of a.paragraphs) {
          expect(p.text.length, `${id} ${a.number}`).toBeGreaterThan(0);
          expect(p.text, `${id} ${a.number}`).toMatch(/[。：]$/);
        }
    }
  });

  it("2019 Art. 33: ¶1 当场答复, ¶2 20 working days and the extension, ¶3 consultation time not counted", () => {
    const t = (p: number) => resolveRef("ogi-2019", { article: 33, paragraph: p });
    expect(t(1)).toEqual({
      ok: true,
      text: "行政机关收到政府信息公开申请，能够当场答复的，应当当场予以答复。",
    });
    expect(t(2).ok && t(2)).toMatchObject({
      text: expect.stringContaining("延长的期限最长不得超过20个工作日"),
    });
    expect(t(3).ok && t(3)).toMatchObject({ text: expect.stringContaining("不计算在前款规定的期限内") });
    expect(t(4)).toEqual({ ok: false, why: expect.stringContaining("该条没有第4款") });
  });

  it("2019 Art. 10: who is responsible for disclosing, in three paragraphs (the text of 国务院令第711号)", () => {
    const t = (p: number) => resolveRef("ogi-2019", { article: 10, paragraph: p });
    expect(t(1)).toEqual({
      ok: true,
      text: "行政机关制作的政府信息，由制作该政府信息的行政机关负责公开。行政机关从公民、法人和其他组织获取的政府信息，由保存该政府信息的行政机关负责公开；行政机关获取的其他行政机关的政府信息，由制作或者最初获取该政府信息的行政机关负责公开。法律、法规对政府信息公开的权限另有规定的，从其规定。",
    });
    expect(t(2)).toEqual({
      ok: true,
      text: "行政机关设立的派出机构、内设机构依照法律、法规对外以自己名义履行行政管理职能的，可以由该派出机构、内设机构负责与所履行行政管理职能有关的政府信息公开工作。",
    });
    expect(t(3)).toEqual({
      ok: true,
      text: "两个以上行政机关共同制作的政府信息，由牵头制作的行政机关负责公开。",
    });
    expect(t(4).ok).toBe(false);
    expect(
      checkCitations("根据《中华人民共和国政府信息公开条例》第十条第三款的规定。", {
        regime: "ogi-2019",
        date: "2023-03-01",
      })[0]!.problems,
    ).toEqual([]);
  });

  it("items resolve with their lead-in; a missing item or article is named", () => {
    expect(resolveRef("ogi-2019", { article: 36, item: 6 })).toEqual({
      ok: true,
      text: "对政府信息公开申请，行政机关根据下列情况分别作出答复：行政机关已就申请人提出的政府信息公开申请作出答复、申请人重复申请公开相同政府信息的，告知申请人不予重复处理；",
    });
    expect(resolveRef("ogi-2008", { article: 21, item: 5 }).ok).toBe(false);
    expect(resolveRef("ogi-2008", { article: 36 }).ok).toBe(false);
    expect(resolveRef("arl-2023", { article: 23, paragraph: 1, item: 4 })).toMatchObject({
      text: expect.stringContaining("申请政府信息公开，行政机关不予公开"),
    });
  });

  it("Chinese references parse and print back", () => {
    for (const r of [
      "第三十六条第（三）项",
      "第十六条第二款",
      "第二十三条第一款第（四）项",
      "第二条",
      "第一百零一条",
    ])
      expect(formatRef(parseRef(r)!)).toBe(r);
    expect(chineseNumber("四十六")).toBe(46);
    expect(parseRef("第三十三条第一段")).toBeNull();
  });

  it("the laws in force by date: 3 months to sue before 2015-05-01, 6 months from then", () => {
    expect(statuteInForce(["all-1989", "all-2014"], "2015-04-30")?.id).toBe("all-1989");
    expect(statuteInForce(["all-1989", "all-2014"], "2015-05-01")?.id).toBe("all-2014");
    expect(resolveRef("all-1989", { article: 39 })).toMatchObject({
      text: expect.stringContaining("三个月内"),
    });
    expect(resolveRef("all-2014", { article: 46, paragraph: 1 })).toMatchObject({
      text: expect.stringContaining("六个月内"),
    });
    expect(statuteInForce(["arl-1999", "arl-2023"], "2023-12-31")?.id).toBe("arl-1999");
    expect(statuteInForce(["arl-1999", "arl-2023"], "2024-01-01")?.id).toBe("arl-2023");
  });

  it("findCitations reads the instrument and every reference after it", () => {
    const found = findCitations(
      "根据《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项的规定，不予公开。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定。",
    );
    expect(found.map((f) => [f.instrument, f.refs])).toEqual([
      ["《中华人民共和国政府信息公开条例》", ["第十四条", "第三十六条第（三）项"]],
      ["《中华人民共和国政府信息公开条例》", ["第四十二条"]],
      ["《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", []],
    ]);
  });
});

/**
 * What the cited text must say, per letter (and per reply type/reason): phrases that must all
 * appear in the text of the regulation's articles the letter cites.
 */
function reliesOn(kind: string, app: Application, is2019: boolean): string[] {
  const consultedAgency = app.consultations?.[0]?.party === "agency";
  switch (kind) {
    case "receipt":
      return [is2019 ? "20个工作日内予以答复" : "15个工作日内予以答复", "延长"];
    case "correction":
      return [is2019 ? "一次性告知申请人作出补正" : "应当告知申请人作出更改、补充"];
    case "extension":
      return [is2019 ? "延长的期限最长不得超过20个工作日" : "延长答复的期限最长不得超过15个工作日"];
    case "consultation-notice":
      return [is2019 ? "征求第三方和其他机关意见所需时间不计算" : "征求第三方意见所需时间不计算"];
    case "consultation":
      return consultedAgency
        ? [is2019 ? "两个以上行政机关共同制作" : "与有关行政机关进行沟通、确认"]
        : [is2019 ? "书面征求第三方的意见" : "应当书面征求第三方的意见"];
    case "fee":
      return [is2019 ? "可以收取信息处理费" : "检索、复制、邮寄等成本费用"];
    case "reply":
      return replyReliesOn(app, is2019);
    default:
      throw new Error(`unknown letter kind ${kind}`);
  }
}

const REFUSAL_2019: Record<string, string> = {
  "state-secret": "依法确定为国家秘密的政府信息",
  "prohibited-by-law": "法律、行政法规禁止公开的政府信息",
  "three-securities-one-stability": "可能危及国家安全、公共安全、经济安全、社会稳定",
  "third-party-rights": "对第三方合法权益造成损害",
  "internal-affairs": "内部事务信息",
  "process-information": "过程性信息",
  "enforcement-file": "行政执法案卷信息",
  "administrative-query": "告知申请人不予公开并说明理由",
};
const REFUSAL_2008: Record<string, string> = {
  "state-secret": "不得公开涉及国家秘密",
  // prohibited-by-law: no provision of the 2008 regulations (the forbidding law itself is named)
  "three-securities-one-stability": "不得危及国家安全、公共安全、经济安全和社会稳定",
  "third-party-rights": "商业秘密、个人隐私",
};

function replyReliesOn(app: Application, is2019: boolean): string[] {
  const r = app.reply!;
  const reason = (r as { reason?: string }).reason ?? "";
  if (is2019)
    switch (r.type) {
      case "already-public":
        return ["所申请公开信息已经主动公开的"];
      case "disclosed":
        return ["所申请公开信息可以公开的"];
      case "partial":
        return ["能够作区分处理的", REFUSAL_2019[reason]!, "告知申请人不予公开并说明理由"];
      case "refused":
        return [REFUSAL_2019[reason]!, "告知申请人不予公开并说明理由"];
      case "not-this-agency":
        return ["不属于本行政机关负责公开的，告知申请人并说明理由"];
      case "special-law":
        return ["有关法律、行政法规对信息的获取有特别规定的"];
      default:
        return (
          {
            "not-held": ["经检索没有所申请公开信息的"],
            "needs-creation": ["对现有政府信息进行加工、分析的"],
            "unclear-after-correction": ["一次性告知申请人作出补正"],
            "petition-complaint": ["信访、投诉、举报"],
            duplicate: ["申请人重复申请公开相同政府信息的"],
            publication: ["公开出版物"],
            excessive: ["数量、频次明显超过合理范围"],
            confirmation: ["本条例所称政府信息"],
            "no-correction": ["视为放弃申请"],
            "fee-unpaid": ["可以收取信息处理费"],
            other: [],
          } as Record<string, string[]>
        )[reason]!;
    }
  switch (r.type) {
    case "already-public":
    case "disclosed":
      return ["属于公开范围的"];
    case "partial":
      return ["能够作区分处理的", REFUSAL_2008[reason], "属于不予公开范围的"].filter((x) => x !== undefined);
    case "refused":
      return [REFUSAL_2008[reason], "属于不予公开范围的"].filter((x) => x !== undefined);
    case "not-this-agency":
      return ["依法不属于本行政机关公开"];
    default:
      return (
        (
          {
            "not-held": ["该政府信息不存在"],
            "unclear-after-correction": ["申请内容不明确的"],
            "no-correction": ["申请内容不明确的"],
            "fee-unpaid": ["检索、复制、邮寄等成本费用"],
          } as Record<string, string[]>
        )[reason] ?? []
      );
  }
}

interface Written {
  label: string;
  dataset: Dataset;
  dir: string;
}

async function writeAll(
  label: string,
  dataset: Dataset,
  formats: ("docx" | "pdf")[] = ["docx"],
): Promise<Written> {
  const { dataset: d, invalid } = parseLettersDataset(JSON.stringify(dataset), `${label}.json`);
  const dir = join(tmp, label);
  const result = await writeLetters(d, invalid, { formats, outDir: dir });
  expect(result.errors, label).toEqual([]);
  return { label, dataset: d, dir };
}

function letterFiles(w: Written, ext: string): { app: Application; kind: string; file: string }[] {
  const apps = new Map(w.dataset.disclosure!.applications!.map((a) => [a.id, a]));
  return readdirSync(w.dir)
    .filter((f) => f.endsWith(`.${ext}`))
    .map((f) => {
      const base = f.slice(0, -ext.length - 1);
      const kind = [
        ...["consultation-notice", "receipt", "correction", "extension", "consultation", "fee", "reply"],
      ].find((k) => base.endsWith(`-${k}`))!;
      const app = apps.get(base.slice(0, -kind.length - 1))!;
      return { app, kind, file: join(w.dir, f) };
    });
}

/** Check every letter's citations; returns the problems, each naming the file. */
function problemsOf(w: Written, ext: "docx" | "pdf"): string[] {
  const problems: string[] = [];
  for (const { app, kind, file } of letterFiles(w, ext)) {
    const text = ext === "docx" ? docxText(file) : squeezeSpace(pdfText(readFileSync(file)));
    const regime = regimeFor(app.received ?? app.submitted);
    const date = (kind === "reply" ? app.reply?.date : undefined) ?? app.received ?? app.submitted;
    const checked = checkCitations(text, { regime, date });
    const name = `${w.label}/${file.split("/").pop()}`;
    for (const c of checked) for (const p of c.problems) problems.push(`${name}: ${p}`);
    const ogi = checked.filter((c) => c.statute === regime);
    const cited = ogi.flatMap((c) => c.texts).join("\n");
    for (const phrase of reliesOn(kind, app, regime === "ogi-2019")) {
      if (ogi.length === 0) problems.push(`${name}: cites no article of the regulation`);
      else if (!cited.includes(phrase))
        problems.push(
          `${name}: cites ${ogi.map((c) => c.refs.join("、")).join("；")}, whose text lacks “${phrase}”`,
        );
    }
    // A refusal because a law forbids disclosure: that law is one data/law holds, in force on
    // the reply date, and the paragraph cited forbids it.
    if (kind === "reply" && app.reply?.reason === "prohibited-by-law") {
      const laws = checked.filter((c) => !c.instrument.includes("政府信息公开条例") && c.refs.length > 0);
      const special = laws.filter((c) => !/行政复议法|行政诉讼法/.test(c.instrument));
      if (special.length === 0) problems.push(`${name}: names no law that forbids disclosure`);
      for (const c of special) {
        if (c.statute === null && c.problems.length === 0)
          problems.push(`${name}: ${c.instrument} is not in data/law, its text cannot be checked`);
        else if (c.statute !== null && !c.texts.some((t) => /不得|保密|禁止/.test(t)))
          problems.push(`${name}: ${c.instrument}${c.refs.join("、")} forbids nothing`);
      }
    }
    // The remedy notice: the time limit to sue of the 行政诉讼法 in force on the reply date.
    if (kind === "reply" && app.reply && /个月内/.test(text)) {
      const months = app.reply.date < "2015-05-01" ? "3个月" : "6个月";
      const other = months === "3个月" ? "6个月" : "3个月";
      if (!text.includes(`${months}内`) || text.includes(`${other}内`))
        problems.push(`${name}: the time limit to sue on ${app.reply.date} is ${months}`);
    }
  }
  return problems;
}

describe("every citation every letter prints", () => {
  const written: Written[] = [];
  beforeAll(async () => {
    written.push(await writeAll("sample-2023", sample2023(), ["docx", "pdf"]));
    const s2013 = shiftYears(sample2023(), -10);
    s2013.year = 2013;
    for (const a of s2013.disclosure!.applications!) if (a.extension) a.extension.days = 15;
    delete (s2013 as { regime?: string }).regime;
    // The sample's 食品安全法 ground is the 2015 revision's Art. 115 ¶2, which a 2013 reply could
    // not cite (see the test below): as of 2013 the record names the 统计法 of 2009.
    const r004 = s2013.disclosure!.applications!.find((a) => a.id === "YSQ2023-004")!;
    r004.content = "某企业的统计调查资料";
    r004.reply!.ground = "《中华人民共和国统计法》第二十五条";
    written.push(await writeAll("sample-as-2013", s2013));
    written.push(await writeAll("variants-2023", variantDataset(2023, "2023-03-01")));
    written.push(await writeAll("variants-2024", variantDataset(2024, "2024-03-01")));
    written.push(await writeAll("variants-2014", variantDataset(2014, "2014-03-03")));
    written.push(await writeAll("variants-2015-05", variantDataset(2015, "2015-04-20", 12)));
  }, 120_000);

  it("wrote letters of every kind, under both regulations", () => {
    const kinds = new Set(written.flatMap((w) => letterFiles(w, "docx").map((l) => l.kind)));
    expect([...kinds].sort()).toEqual(
      ["consultation", "consultation-notice", "correction", "extension", "fee", "receipt", "reply"].sort(),
    );
    expect(letterFiles(written[1]!, "docx").length).toBeGreaterThan(80);
  });

  it.each([
    "sample-2023",
    "sample-as-2013",
    "variants-2023",
    "variants-2024",
    "variants-2014",
    "variants-2015-05",
  ])("%s (DOCX): each cited paragraph exists and says what the letter relies on", (label) => {
    expect(
      problemsOf(
        written.find((w) => w.label === label)!,
        "docx",
      ),
    ).toEqual([]);
  });

  it("a 2008-regime refusal because a law forbids it rests on that law and Art. 21(2), not on Art. 14", () => {
    // YSQ2023-004 as of 2013: refused under 《统计法》Art. 25 (the record's reply.ground).
    const text = docxText(join(written[1]!.dir, "YSQ2023-004-reply.docx"));
    expect(text).toContain("属于《中华人民共和国统计法》第二十五条禁止公开的政府信息");
    expect(text).toContain("第二十一条第（二）项");
    expect(text).not.toContain("第十四条");
  });

  it("a special law's citation is checked against the text in force on the reply date", () => {
    const sentence =
      "您申请获取的政府信息属于《中华人民共和国食品安全法》第一百一十五条第二款禁止公开的政府信息。";
    const on = (date: string) => checkCitations(sentence, { regime: "ogi-2008", date })[0]!;
    // 2023: the 2015 revision, whose Art. 115 ¶2 keeps informants' details confidential.
    expect(on("2023-03-08")).toMatchObject({
      statute: "food-safety-2015",
      problems: [],
      texts: [expect.stringContaining("有关部门应当对举报人的信息予以保密")],
    });
    // 2013: the 2009 law was in force, which data/law does not hold (it had no Art. 115).
    expect(on("2013-03-08").problems).toEqual([
      "《中华人民共和国食品安全法》：数据中没有2013-03-08施行的文本（收录：2015年4月24日第十二届全国人民代表大会常务委员会第十四次会议修订，2015-10-01至今）",
    ]);
    // The 统计法 of 2009 until the 2024 amendment; a paragraph it lacks is named.
    const stats = (ref: string, date: string) =>
      checkCitations(`属于《中华人民共和国统计法》${ref}禁止公开的政府信息。`, {
        regime: "ogi-2019",
        date,
      })[0]!;
    expect(stats("第二十五条", "2024-09-12")).toMatchObject({ statute: "statistics-2009", problems: [] });
    expect(stats("第二十五条第二款", "2023-01-05").problems).toEqual([
      expect.stringContaining("该条没有第2款"),
    ]);
    expect(stats("第二十五条", "2024-09-13").problems).toEqual([
      expect.stringContaining("数据中没有2024-09-13施行的文本"),
    ]);
  });

  it("sample-2023 (PDF): the same", () => {
    expect(problemsOf(written[0]!, "pdf")).toEqual([]);
  });

  it("the extension notice cites Art. 33 ¶2 and the consultation notice Art. 33 ¶3 (DOCX and PDF)", () => {
    const dir = written[0]!.dir;
    for (const text of [
      docxText(join(dir, "YSQ2023-029-extension.docx")),
      squeezeSpace(pdfText(readFileSync(join(dir, "YSQ2023-029-extension.pdf")))),
    ])
      expect(text).toContain(
        "《中华人民共和国政府信息公开条例》第三十三条第二款的规定，答复期限延长20个工作日",
      );
    const notices = readdirSync(dir).filter((f) => f.endsWith("-consultation-notice.docx"));
    expect(notices.length).toBeGreaterThan(0);
    for (const f of notices) expect(docxText(join(dir, f))).toContain("第三十三条第三款的规定");
  });
});
