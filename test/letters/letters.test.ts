/**
 * The letters as written to disk, read back from the DOCX XML and from the PDF text layer
 * (pdftotext): legal basis and remedy for every reply type in 2023 and 2024, deadlines in the
 * receipt and extension letters, fee amounts against the fee calculator, the merged print file,
 * errors for malformed applications, file names.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnAsync } from "../helpers/spawn.js";
import { feePerPage } from "../../src/law/index.js";
import type { Dataset } from "../../src/data/types.js";
import { defaultWorkers, writeLetters, type LettersResult } from "../../src/letters/batch.js";
import { parseLettersDataset } from "../../src/letters/load.js";
import { docxText } from "../helpers/docx.js";
import { pdfInfo, pdfText, squeezeSpace } from "../helpers/pdf.js";
import {
  LAW,
  ROOT,
  SAMPLE_2023,
  sample2023,
  variantDataset,
  VARIANTS_2019,
  type Variant,
} from "./fixtures.js";

const tmp = mkdtempSync(join(tmpdir(), "gongwen-letters-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let dirN = 0;
const newDir = (): string => join(tmp, `out${++dirN}`);

/** Load as the CLI does (validation, applications set aside) and write. */
async function write(dataset: Dataset, options: Partial<Parameters<typeof writeLetters>[2]> = {}) {
  const { dataset: d, invalid } = parseLettersDataset(JSON.stringify(dataset, null, 2), "test.json");
  const outDir = options.outDir ?? newDir();
  const result = await writeLetters(d, invalid, { formats: ["docx", "pdf"], ...options, outDir });
  return { result, outDir };
}

const docx = (dir: string, name: string): string => docxText(join(dir, `${name}.docx`));
const pdf = (dir: string, name: string): string =>
  squeezeSpace(pdfText(readFileSync(join(dir, `${name}.pdf`))));

const BEFORE_2024 =
  "如对本答复不服，可以自收到本答复之日起60日内向示例市青禾区人民政府或者示例市市场监督管理局申请行政复议，或者在6个月内向示例市青禾区人民法院提起行政诉讼。";
const BEFORE_2015 =
  "如对本答复不服，可以自收到本答复之日起60日内向示例市青禾区人民政府或者示例市市场监督管理局申请行政复议，或者自收到本答复之日起3个月内向示例市青禾区人民法院提起行政诉讼。";
const CHOICE_2024 =
  "如对本答复不服，可以自收到本答复之日起60日内向示例市青禾区人民政府申请行政复议，或者自收到本答复之日起6个月内向示例市青禾区人民法院提起行政诉讼。";
const REFUSAL_2024 =
  "如对本答复不服，可以自收到本答复之日起60日内向示例市青禾区人民政府申请行政复议；对行政复议决定不服的，可以依法向人民法院提起行政诉讼。";
const PARTIAL_2024 =
  "如对本答复中不予公开的部分不服，可以自收到本答复之日起60日内向示例市青禾区人民政府申请行政复议；对行政复议决定不服的，可以依法向人民法院提起行政诉讼。如对本答复的其他内容不服，可以自收到本答复之日起60日内向示例市青禾区人民政府申请行政复议，或者自收到本答复之日起6个月内向示例市青禾区人民法院提起行政诉讼。";

function remedyFor(v: Variant, year: number): string {
  if (year < 2024) return BEFORE_2024;
  if (v.reply.type === "refused") return REFUSAL_2024;
  if (v.reply.type === "partial") return PARTIAL_2024;
  return CHOICE_2024;
}

describe.each([
  { year: 2023, received: "2023-03-01", replyDate: "2023年3月15日" },
  { year: 2024, received: "2024-03-01", replyDate: "2024年3月15日" },
])("every reply variant replied in $year", ({ year, received, replyDate }) => {
  let out: string;
  let result: LettersResult;
  beforeAll(async () => {
    ({ result, outDir: out } = await write(variantDataset(year, received), { kinds: ["reply"] }));
  });

  it("writes one reply per variant in both formats, without errors", () => {
    expect(result.errors).toEqual([]);
    expect(result.counts.reply).toBe(VARIANTS_2019.length);
    expect(readdirSync(out).sort()).toEqual(
      [
        ...VARIANTS_2019.flatMap((v) => [`V-${v.key}-reply.docx`, `V-${v.key}-reply.pdf`]),
        "doc-numbers.json",
      ].sort(),
    );
  });

  it.each(VARIANTS_2019.map((v) => [v.key, v] as const))(
    "%s: basis, remedy, date (DOCX and PDF)",
    (_k, v) => {
      const name = `V-${v.key}-reply`;
      const remedy = remedyFor(v, year);
      const basisSentence =
        v.reply.type === "other" && v.reply.reason === "other" && v.reply.withdrawn === undefined
          ? `${v.basis}的有关规定`
          : `${v.basis}的规定`;
      for (const text of [docx(out, name), pdf(out, name)]) {
        expect(text).toContain("政府信息公开申请答复书");
        expect(text).toContain(basisSentence);
        if (v.withheld) expect(text).toContain(`${v.withheld}的规定，对该部分内容不予公开`);
        expect(text).toContain(remedy);
        expect(text).toContain(replyDate);
        expect(text).toContain("测试某某：");
      }
      const paragraphs = docxText(join(out, `${name}.docx`)).split("\n");
      expect(paragraphs).toContain(remedy);
      if (year < 2024 || (v.reply.type !== "refused" && v.reply.type !== "partial"))
        expect(docx(out, name)).not.toContain("对行政复议决定不服的");
    },
  );

  it("names the responsible agency and its contact when known, and nothing when not", () => {
    expect(docx(out, "V-not-this-agency-reply")).toContain(
      "负责公开该政府信息的行政机关为示例市青禾区住房和城乡建设局（联系方式：0571-88000001），您可以向该机关提出申请。",
    );
    expect(docx(out, "V-not-this-agency-unknown-reply")).not.toContain("负责公开该政府信息的行政机关");
  });
});

describe("the 2023 sample, every letter, merged", () => {
  let out: string;
  let result: LettersResult;
  beforeAll(async () => {
    ({ result, outDir: out } = await write(sample2023(), { merge: true }));
  });

  it("writes every letter that applies, and counts them per kind", () => {
    expect(result.errors).toEqual([]);
    expect(result.counts).toEqual({
      receipt: 42,
      correction: 3,
      consultation: 4,
      "consultation-notice": 4,
      extension: 1,
      fee: 2,
      reply: 39,
    });
    expect(result.files).toHaveLength(95 * 2);
    expect(existsSync(join(out, "YSQ2023-037-reply.docx"))).toBe(false);
  });

  it("warns about the late reply by id only", () => {
    expect(result.warnings).toContain(
      "YSQ2023-030：答复日期 2023年10月19日 晚于答复期限 2023年10月17日（逾期2个工作日）",
    );
  });

  it("receipt letters state the receipt date and the exact deadline", () => {
    const r1 = docx(out, "YSQ2023-001-receipt");
    expect(r1).toContain("本机关收到申请之日为2023年1月4日");
    expect(r1).toContain("本机关将自收到申请之日起20个工作日内作出答复，即最迟于2023年2月6日作出答复");
    expect(pdf(out, "YSQ2023-001-receipt")).toContain("即最迟于2023年2月6日作出答复");
    const r2 = docx(out, "YSQ2022-043-receipt");
    expect(r2).toContain("本机关收到申请之日为2022年12月14日（以本机关签收之日为准）。");
    expect(r2).toContain("即最迟于2023年1月12日作出答复");
    // The deadline falls on the make-up Sunday of National Day 2023.
    expect(docx(out, "YSQ2023-029-receipt")).toContain("即最迟于2023年10月8日作出答复");
  });

  it("the extension letter states the original and the new deadline", () => {
    for (const text of [docx(out, "YSQ2023-029-extension"), pdf(out, "YSQ2023-029-extension")]) {
      expect(text).toContain("本机关不能在原定期限（2023年10月8日）内作出答复");
      expect(text).toContain(
        `经本机关政府信息公开工作机构负责人同意，根据${LAW}第三十三条第二款的规定，答复期限延长20个工作日，本机关将最迟于2023年11月3日作出答复。`,
      );
      expect(text).toContain("2023年9月27日");
    }
  });

  it("fee notices show the calculator's tiers and amount", () => {
    for (const [name, pages] of [
      ["YSQ2023-022-fee", 150],
      ["YSQ2023-023-fee", 260],
    ] as const) {
      const fee = feePerPage(pages);
      const text = docx(out, name);
      expect(text).toContain(`所需提供的政府信息共${pages}页`);
      expect(text).toContain(`应收取信息处理费人民币${fee.amount}元`);
      const paragraphs = text.split("\n");
      for (const tier of fee.tiers) {
        const range = `${tier.from}–${tier.to}`;
        const at = paragraphs.indexOf(range);
        expect(at, range).toBeGreaterThan(0);
        expect(paragraphs.slice(at, at + 4)).toEqual([
          range,
          String(tier.count),
          tier.rate === 0 ? "不收费" : `${tier.rate}元/页`,
          String(tier.subtotal),
        ]);
      }
      const total = paragraphs.indexOf("合计");
      expect(paragraphs.slice(total, total + 4)).toEqual(["合计", String(pages), "", String(fee.amount)]);
      expect(pdf(out, name)).toContain(`人民币${fee.amount}元`);
      expect(text).toContain(
        "请您自收到本通知书次日起20个工作日内缴纳上述费用".replace(
          "您",
          name.includes("022") ? "贵单位" : "您",
        ),
      );
    }
  });

  it("correction, consultation and notice letters", () => {
    const c = docx(out, "YSQ2023-014-correction");
    expect(c).toContain(`根据${LAW}第三十条的规定，请您对下列事项作出补正：`);
    expect(c).toContain("所需政府信息的名称、文号或者便于查询的其他特征性描述");
    expect(c).toContain("请您自收到本告知书之日起15个工作日内向本机关提交补正后的申请。");
    const k = docx(out, "YSQ2023-006-consultation");
    expect(k.split("\n")).toContain("示例市禾丰调味品有限公司：");
    expect(k).toContain("请贵方自收到本征求意见书之日起15个工作日内提出是否同意公开的书面意见");
    expect(k).not.toContain("示例市青禾建材有限公司");
    const n = docx(out, "YSQ2023-006-consultation-notice");
    expect(n).toContain(`根据${LAW}第三十三条第三款的规定，征求第三方意见所需时间不计算在答复期限内。`);
    expect(n).not.toContain("禾丰调味品有限公司：");
    expect(docx(out, "YSQ2023-031-consultation")).toContain("逾期未提出意见的，视为同意公开。");
  });

  it("document numbers run per kind and year in application order", () => {
    const num = (id: string, kind: string) =>
      result.files.find((f) => f.id === id && f.kind === kind && f.format === "docx")?.docNumber;
    expect(num("YSQ2022-041", "receipt")).toBe("青禾市监公开收〔2022〕1号");
    expect(num("YSQ2022-041", "reply")).toBe("青禾市监公开复〔2023〕1号");
    expect(num("YSQ2023-001", "reply")).toBe("青禾市监公开复〔2023〕4号");
    expect(num("YSQ2023-036", "reply")).toBe("青禾市监公开复〔2023〕39号");
    expect(docx(out, "YSQ2023-036-reply").split("\n")).toContain("青禾市监公开复〔2023〕39号");
  });

  it("letter layout: no page number on page one, the reply date (not today) under the agency", () => {
    const bytes = readFileSync(join(out, "YSQ2023-035-reply.pdf"));
    const pages = pdfInfo(bytes).pages;
    expect(squeezeSpace(pdfText(bytes, { first: 1, last: 1 }))).not.toMatch(/—1—/);
    if (pages > 1) expect(squeezeSpace(pdfText(bytes, { first: 2, last: 2 }))).toMatch(/—2—/);
    const paragraphs = docxText(join(out, "YSQ2023-035-reply.docx")).split("\n");
    const at = paragraphs.lastIndexOf("示例市青禾区市场监督管理局");
    expect(paragraphs[at + 1]).toBe("2023年12月5日");
  });

  it("the print file holds every letter, each starting on an odd page", () => {
    const pdfs = result.files.filter((f) => f.format === "pdf");
    let expected = 0;
    const starts: number[] = [];
    for (const f of pdfs) {
      if (expected % 2 === 1) expected++;
      starts.push(expected + 1);
      expected += f.pages!;
    }
    expect(result.merged?.pages).toBe(expected);
    const merged = readFileSync(join(out, "letters-print.pdf"));
    expect(pdfInfo(merged).pages).toBe(expected);
    expect(starts.every((s) => s % 2 === 1)).toBe(true);
    // Spot checks: the pages where letters start show their title.
    for (const i of [0, 1, pdfs.length - 1]) {
      const text = squeezeSpace(pdfText(merged, { first: starts[i]!, last: starts[i]! }));
      expect(text).toContain(
        squeezeSpace(pdfText(readFileSync(pdfs[i]!.path), { first: 1, last: 1 })).slice(0, 30),
      );
    }
  });
});

describe("--request and --kind", () => {
  it("write only the letters asked for, numbered as in a full run", async () => {
    const { result, outDir } = await write(sample2023(), {
      requests: ["YSQ2023-035", "YSQ2023-001"],
      kinds: ["reply", "consultation", "consultation-notice"],
      formats: ["docx"],
    });
    expect(readdirSync(outDir).sort()).toEqual([
      "YSQ2023-001-reply.docx",
      "YSQ2023-035-consultation-notice.docx",
      "YSQ2023-035-consultation.docx",
      "YSQ2023-035-reply.docx",
      "doc-numbers.json",
    ]);
    expect(result.files.find((f) => f.id === "YSQ2023-035" && f.kind === "reply")?.docNumber).toBe(
      "青禾市监公开复〔2023〕38号",
    );
  });
  it("an unknown id is an error before anything is written", async () => {
    const outDir = newDir();
    await expect(write(sample2023(), { requests: ["YSQ2023-001", "NOPE"], outDir })).rejects.toThrow(
      "数据中没有这些申请：NOPE",
    );
    expect(existsSync(outDir)).toBe(false);
  });
  it("existing files are not overwritten without force; same input gives the same bytes", async () => {
    const opts = { requests: ["YSQ2023-011"], kinds: ["reply" as const] };
    const { outDir } = await write(sample2023(), opts);
    const before = [
      readFileSync(join(outDir, "YSQ2023-011-reply.docx")),
      readFileSync(join(outDir, "YSQ2023-011-reply.pdf")),
    ];
    await expect(write(sample2023(), { ...opts, outDir })).rejects.toThrow(
      "文件已存在，如需覆盖请加 --force",
    );
    await write(sample2023(), { ...opts, outDir, force: true });
    expect(readFileSync(join(outDir, "YSQ2023-011-reply.docx")).equals(before[0]!)).toBe(true);
    expect(readFileSync(join(outDir, "YSQ2023-011-reply.pdf")).equals(before[1]!)).toBe(true);
  });
});

describe("ogi-2008 replies (Art. 21)", () => {
  it("cite Art. 21, count 15 working days and tell the old remedy", async () => {
    const base = sample2023();
    const app = (id: string, reply: object, extra: object = {}) => ({
      id,
      applicant: { type: "commercial-enterprise", name: "测试公司" },
      channel: "in-person",
      submitted: "2014-03-03",
      content: "测试申请",
      ...extra,
      reply: { date: "2014-03-14", ...reply },
    });
    const dataset = {
      year: 2014,
      agency: base.agency,
      disclosure: {
        applications: [
          app("A1", { type: "disclosed" }),
          app("A2", { type: "partial", reason: "state-secret" }),
          app("A3", {
            type: "refused",
            reason: "three-securities-one-stability",
            ground: "national-security",
          }),
          app("A4", { type: "not-this-agency", responsibleAgency: { name: "某局" } }),
          app("A5", { type: "unavailable", reason: "not-held" }),
          app(
            "A6",
            { type: "other", reason: "no-correction" },
            { correction: { notified: "2014-03-05", items: ["名称"] } },
          ),
        ],
      },
    } as unknown as Dataset;
    const { result, outDir } = await write(dataset, { formats: ["docx"] });
    expect(result.errors).toEqual([]);
    const expectations: [string, string][] = [
      ["A1", `根据${LAW}第二十一条第（一）项的规定，本机关向贵单位提供该政府信息`],
      ["A2", `根据${LAW}第十四条第四款、第二十一条第（二）项的规定，对该部分内容不予公开`],
      ["A3", `公开后可能危及国家安全，属于不予公开范围。根据${LAW}第八条、第二十一条第（二）项的规定`],
      ["A4", `该政府信息的公开机关为某局，贵单位可以向该机关提出申请。根据${LAW}第二十一条第（三）项的规定`],
      ["A5", `经检索，贵单位申请获取的政府信息不存在。根据${LAW}第二十一条第（三）项的规定`],
      ["A6", `根据${LAW}第二十一条第（四）项的规定，请贵单位对申请内容作出更改、补充`],
    ];
    for (const [id, sentence] of expectations) {
      const text = docx(outDir, `${id}-reply`);
      expect(text, id).toContain(sentence);
      // Replied 2014-03-14, before the amended 行政诉讼法 (2015-05-01): 3 months to sue (1989 Art. 39).
      expect(text, id).toContain(BEFORE_2015);
      expect(text, id).not.toContain("6个月");
    }
    expect(docx(outDir, "A1-receipt")).toContain(
      `根据${LAW}第二十四条的规定，本机关将自收到申请之日起15个工作日内作出答复，即最迟于2014年3月24日作出答复`,
    );
    expect(result.files.find((f) => f.id === "A1" && f.kind === "reply")?.docNumber).toBe(
      "青禾市监公开复〔2014〕1号",
    );
  });
});

describe("gongwen letters (the built CLI)", () => {
  const run = (...args: string[]) => {
    const r = spawnSync("node", ["dist/cli/main.js", "letters", ...args], { cwd: ROOT, encoding: "utf8" });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it("a malformed application gives its error, the others are written, exit 2", () => {
    const d = sample2023();
    const apps = d.disclosure.applications!;
    const find = (id: string) => apps.find((a) => a.id === id)!;
    delete find("YSQ2023-003").reply!.reason; // refused without a reason: the schema rejects it
    delete find("YSQ2023-011").reply!.reason; // partial without the reason for the withheld part
    find("YSQ2023-014").correction!.items = []; // a correction notice without what to correct
    const file = join(tmp, "malformed.json");
    writeFileSync(file, JSON.stringify(d, null, 2));
    const out = newDir();
    const r = run(file, "--out", out, "--format", "docx");
    expect(r.code).toBe(2);
    const lines = r.stderr.split("\n");
    expect(lines).toContain("3 件文书未能生成：");
    // Each at the file and line:column of the field (or of the record holding the missing one),
    // as validate reports: a set-aside record and letters that could not be made alike.
    const at = (pointer: string) => {
      const lineOf = (text: string, key: string, from: number) => {
        const i = text.indexOf(key, from);
        return [text.slice(0, i).split("\n").length, i - text.lastIndexOf("\n", i)];
      };
      const text = readFileSync(file, "utf8");
      const [, id, member] = /^(YSQ[\d-]+)\/(.*)$/.exec(pointer)!;
      const [line, column] = lineOf(text, `"${member}": `, text.indexOf(`"id": "${id}"`));
      return `${file} 第${line}行第${column! + member!.length + 4}列`;
    };
    expect(
      lines.filter((l) => l.startsWith(`${at("YSQ2023-003/reply")} YSQ2023-003：答复理由：`)),
    ).toHaveLength(1);
    expect(lines).toContain(
      `${at("YSQ2023-011/reply")} YSQ2023-011：答复理由：答复类型为“部分公开”（partial），须说明不予公开部分的理由，缺少 reply.reason`,
    );
    expect(lines).toContain(
      `${at("YSQ2023-014/items")} YSQ2023-014：补正事项：补正告知书须说明需要补正的事项，缺少 correction.items`,
    );
    expect(r.stderr).not.toMatch(/某某|刘|吴|示例律师事务所/);
    // The rest is written: the other letters of these applications too (not of the invalid record).
    const files = readdirSync(out);
    expect(files).toContain("YSQ2023-011-receipt.docx");
    expect(files).toContain("YSQ2023-014-reply.docx");
    expect(files).not.toContain("YSQ2023-003-receipt.docx");
    expect(files).not.toContain("YSQ2023-011-reply.docx");
    expect(files).toHaveLength(95 - 2 - 2 + 2); // and manifest.json, doc-numbers.json
    // Off a terminal one line says what was written (every file with --verbose).
    expect(r.stdout.trim().split("\n")).toEqual([
      `共写出 91 件文书：接收回执 41，补正告知书 2，征求意见书 4，征求意见告知书 4，延期答复告知书 1，收费通知书 2，答复书 37；清单 ${resolve(out, "manifest.json")}`,
    ]);
  });

  it("--json lists the files; ids become safe file names", () => {
    const d = sample2023();
    d.disclosure.applications = d.disclosure.applications!.slice(3, 5);
    d.disclosure.applications[0]!.id = "CON";
    d.disclosure.applications[1]!.id = "nul.x";
    delete d.disclosure.fees;
    const file = join(tmp, "names.json");
    writeFileSync(file, JSON.stringify(d, null, 2));
    const out = newDir();
    const r = run(file, "--out", out, "--format", "docx", "--kind", "receipt", "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { files: { path: string; id: string; kind: string }[] };
    expect(json.files.map((f) => [f.id, f.kind, f.path])).toEqual([
      ["CON", "receipt", join(out, "_CON-receipt.docx")],
      ["nul.x", "receipt", join(out, "_nul.x-receipt.docx")],
    ]);
    expect(readdirSync(out).sort()).toEqual([
      "_CON-receipt.docx",
      "_nul.x-receipt.docx",
      "doc-numbers.json",
      "manifest.json",
    ]);
  });

  it("worker threads write the same bytes as one thread", async () => {
    const outs: string[] = [];
    for (const workers of ["1", "2"]) {
      const out = newDir();
      // awaited: two batches spawned in a row block a worker for tens of seconds under load
      const r = await spawnAsync(
        process.execPath,
        [
          "dist/cli/main.js",
          "letters",
          SAMPLE_2023,
          "--out",
          out,
          "--kind",
          "reply",
          "--kind",
          "fee",
          "--merge",
          "--json",
        ],
        { cwd: ROOT, env: { ...process.env, GONGWEN_LETTER_WORKERS: workers } },
      );
      expect(r.status, r.stderr).toBe(0);
      // --json says how many threads made the letters (the bench reads it).
      expect((JSON.parse(r.stdout) as { threads: number }).threads).toBe(Number(workers));
      outs.push(out);
    }
    const names = readdirSync(outs[0]!).sort();
    expect(names).toHaveLength(41 * 2 + 1 + 1 + 1); // and manifest.json, doc-numbers.json
    expect(readdirSync(outs[1]!).sort()).toEqual(names);
    for (const name of names)
      expect(readFileSync(join(outs[1]!, name)).equals(readFileSync(join(outs[0]!, name))), name).toBe(true);
  });

  it("an unknown --kind is a usage error", () => {
    const r = run(SAMPLE_2023, "--out", newDir(), "--kind", "letter");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "未知的文书种类 letter，可选：reply、receipt、correction、extension、consultation、fee",
    );
  });
});

describe("worker threads by default", () => {
  it("only on four cores or more, for batches of 1,000 letters or more, leaving one core free", () => {
    // Measured on 2 cores: two threads cost 1.01–1.28× the CPU of one at 10,000 letters under
    // load and 1.09× at 1,000 (see batch.ts).
    expect(defaultWorkers(10_000, 1)).toBe(1);
    expect(defaultWorkers(10_000, 2)).toBe(1);
    expect(defaultWorkers(10_000, 3)).toBe(1);
    expect(defaultWorkers(10_000, 4)).toBe(3);
    expect(defaultWorkers(10_000, 16)).toBe(4);
    expect(defaultWorkers(999, 16)).toBe(1);
    expect(defaultWorkers(1000, 8)).toBe(4);
  });
});
