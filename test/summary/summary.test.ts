/**
 * The year-end summary from samples/2014-commerce-bureau.json: the DOCX written to disk reads
 * back (XML and python-docx) as the composed text, matches the reference document except the
 * listed corrections, converts with LibreOffice to a stable number of pages, and is
 * byte-identical when rendered twice. A dataset with events gets sentences stating them.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSummary } from "../../src/compose/documents/summary.js";
import type { Dataset } from "../../src/data/types.js";
import type { DocumentTree } from "../../src/document/tree.js";
import { docxParagraphTexts } from "../../src/render/docx/index.js";
import { writeDocument } from "../../src/render/output.js";
import { convertDocxToPdf, docxParagraphs, readWithPythonDocx } from "../helpers/docx.js";
import { eventful2014, ROOT, sample2014, sample2023, SAMPLE_2014, validated } from "../facts/datasets.js";
import { correctedReference, normaliseText } from "./corrections.js";

const REFERENCE = fs.readFileSync(
  path.resolve(ROOT, "test/fixtures/reference/summary-2014-commerce-bureau.txt"),
  "utf8",
);

let dir: string;

async function write(
  dataset: Dataset,
  name: string,
  formats = ["docx"],
): Promise<{ tree: DocumentTree; docx: string }> {
  const tree = buildSummary({ dataset, lang: "zh" });
  const outDir = path.join(dir, name);
  fs.mkdirSync(outDir, { recursive: true });
  await writeDocument(tree, { outDir, baseName: "summary", formats });
  return { tree, docx: path.join(outDir, "summary.docx") };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "gongwen-summary-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("summary of the 2014 sample", () => {
  let tree: DocumentTree;
  let docx: string;
  let paragraphs: string[];
  beforeAll(async () => {
    ({ tree, docx } = await write(sample2014(), "2014"));
    paragraphs = docxParagraphs(docx);
  });

  it("the DOCX's text (from its XML, and by python-docx) is the composed text", () => {
    expect(paragraphs).toEqual(docxParagraphTexts(tree));
    expect(readWithPythonDocx(docx).paragraphs).toEqual(docxParagraphTexts(tree));
  });

  it("has the title without the reference's stray space, numbered headings and a signature", () => {
    // The title's line break is written into the DOCX, between words (document/title.ts).
    expect(paragraphs[0]).toBe("市商务局2014年度集中审批服务和\n政务公开工作总结");
    expect(
      paragraphs.filter((p) => /^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/.test(p)),
    ).toEqual([
      "一、集中审批服务工作",
      "（一）认真落实职能、场所和人员“三集中”",
      "（二）规范使用审批管理系统",
      "（三）强化审批服务意识和岗位纪律",
      "（四）积极创新服务",
      "二、政务信息公开工作",
      "（一）进一步完善工作机制",
      "（二）规范内容，拓宽渠道，提高政务信息质量",
      "（三）在职权范围内主动公开政府信息",
      "（四）认真做好依申请公开基础性工作",
      "（五）在政府信息公开方面创新的工作",
    ]);
    expect(tree.blocks.at(-1)).toEqual({
      type: "signature",
      agency: "呼和浩特市商务局",
      date: "2015年1月23日",
    });
    const core = readWithPythonDocx(docx).core;
    expect([core.title, core.author]).toEqual([
      "市商务局2014年度集中审批服务和政务公开工作总结",
      "呼和浩特市商务局",
    ]);
  });

  it("matches the reference document after normalising, except the listed corrections", () => {
    // The title is one line in the reference (our DOCX breaks it after 服务和).
    const joined = [paragraphs[0]!.replace("\n", ""), ...paragraphs.slice(1)].join("\n");
    expect(normaliseText(joined)).toBe(correctedReference(REFERENCE));
  });

  it("writes full-width punctuation where the reference has half-width commas", () => {
    const body = paragraphs.join("");
    expect(REFERENCE).toContain("2014年,根据");
    expect(body).toContain("2014年，根据");
    expect(body).not.toMatch(/[,;:()]/);
  });

  it("states the figures of the reference from the facts", () => {
    const body = paragraphs.join("");
    for (const s of [
      "共计267项，其中：新设外商投资企业事项6项、企业变更事项19项、对外贸易经营者备案登记事项240项、机动车鉴定评估机构设立事项2项。",
      "另外，外商投资企业年度运营情况联合申报事项110项。",
      "全年未出现办件超时、被投诉、通报事件发生。",
      "全年未发生漏岗、脱岗、串岗等现象。",
      "同时获得政务中心季度服务标兵3人次。",
      "办理时限由原5个工作日缩减至2个工作日，办理时间缩短了60%",
      "办理时限由原20个工作日缩减至13个工作日，办理时间缩短了35%",
      "共报送各类业务信息260余条。",
      "位居全市各委办局排名第七名",
      "全年我局共发文237份",
      "全年未接到依申请公开申请。",
      "我局没有发生信息公开收费情况。",
    ])
      expect(body).toContain(s);
    expect(body).not.toContain("所有审批事项办结时限不超过");
  });

  it("is byte-identical when rendered twice (DOCX and PDF)", async () => {
    const a = await write(sample2014(), "det-a", ["docx", "pdf"]);
    const b = await write(sample2014(), "det-b", ["docx", "pdf"]);
    for (const ext of ["docx", "pdf"]) {
      const fa = fs.readFileSync(path.join(path.dirname(a.docx), `summary.${ext}`));
      const fb = fs.readFileSync(path.join(path.dirname(b.docx), `summary.${ext}`));
      expect(fa.equals(fb), ext).toBe(true);
    }
  });

  it("LibreOffice converts the DOCX to PDF without error, with the same page count each time", () => {
    const first = convertDocxToPdf(docx);
    const second = convertDocxToPdf(docx);
    try {
      expect(first.pages).toBe(second.pages);
      expect(first.pages).toBeGreaterThanOrEqual(5);
      expect(first.pages).toBeLessThanOrEqual(9);
    } finally {
      first.cleanup();
      second.cleanup();
    }
  }, 240_000);
});

describe("summary of a dataset with 2 overdue cases, 1 complaint, 3 applications and a fee", () => {
  let body: string;
  beforeAll(async () => {
    const { docx } = await write(validated(eventful2014()), "eventful");
    body = docxParagraphs(docx).join("\n");
  });

  it("states those numbers", () => {
    expect(body).toContain("全年办件超时2件、被投诉1次。");
    expect(body).toContain("全年共接到依申请公开申请3件，已答复3件。");
    expect(body).toContain("按照《条例》规定时限及时回复申请。");
    expect(body).toContain("全年共收取信息公开费用1件，计12元。");
  });

  it("makes none of the zero claims", () => {
    for (const claim of [
      "全年未出现办件超时",
      "被投诉、通报事件发生",
      "全年未接到依申请公开申请",
      "没有发生信息公开收费情况",
    ])
      expect(body).not.toContain(claim);
  });
});

describe("summary wordings chosen by other facts", () => {
  it("a late reply and absences are stated, the matching claims are not made", async () => {
    const d = eventful2014();
    d.disclosure.applications![2]!.reply!.date = "2014-12-15"; // received 2014-11-04: 15 WD end 2014-11-25
    d.approval!.absenceIncidents = [
      { id: "QG1", date: "2014-03-03", kind: "off-post" },
      { id: "QG2", date: "2014-05-06", kind: "unstaffed" },
      { id: "QG3", date: "2014-06-09", kind: "off-post" },
    ];
    const { docx } = await write(validated(d), "late");
    const body = docxParagraphs(docx).join("\n");
    expect(body).toContain("并使用全市统一的答复文本。");
    expect(body).toContain("全年共接到依申请公开申请3件，已答复3件，其中1件未在《条例》规定时限内答复。");
    expect(body).not.toContain("及时回复申请");
    expect(body).toContain("全年发生漏岗1次、脱岗2次。");
    expect(body).not.toContain("全年未发生漏岗");
  });

  it("the 2023 sample (no narrative, approval totals only): numbering follows what is there, no unproven claim", () => {
    const paragraphs = docxParagraphTexts(buildSummary({ dataset: sample2023(), lang: "zh" }));
    const body = paragraphs.join("\n");
    expect(paragraphs).toContain(
      "一是严守工作纪律。工作人员能够严格遵守市政务服务中心的各项规章制度，全年未发生漏岗、脱岗、串岗等现象。二是加强责任教育。同时获得政务中心红旗窗口2次。",
    );
    expect(body).toContain("具体表现在：一是“贴心服务”。");
    expect(body).toContain("二是“限时服务”。");
    expect(body).toContain(
      "全年共接到依申请公开申请39件，另有上年结转申请3件，已答复39件，其中1件未在《条例》规定时限内答复。",
    );
    expect(body).toContain("全年共收取信息公开费用1件，计1700元。");
    // Without case records nothing proves that every case used the dedicated seal.
    expect(body).not.toContain("所有事项办理中均使用审批专用章");
    expect(body).toContain("审批专用章由专人管理，未出现挪作他用现象。");
    expect(body).not.toContain("及时回复申请");
  });

  it("--templates DIR overrides the built-in summary template by name", () => {
    const tdir = path.join(dir, "templates");
    fs.mkdirSync(tdir, { recursive: true });
    fs.writeFileSync(
      path.join(tdir, "summary.md.hbs"),
      '# {{title}}\n\n共办结{{count facts.approval.completed.total "项"}}。\n\n::: signature\n{{agency}}\n{{date signedOn}}\n:::\n',
    );
    const tree = buildSummary({ dataset: sample2014(), templatesDir: tdir, lang: "zh" });
    expect(docxParagraphTexts(tree)).toEqual([
      "市商务局2014年度集中审批服务和\n政务公开工作总结",
      "共办结267项。",
      "呼和浩特市商务局",
      "2015年1月23日",
    ]);
  });

  it("a dataset without the summary's date is refused with the field named", () => {
    const d = sample2014();
    delete d.documents;
    expect(() => buildSummary({ dataset: d, lang: "zh" })).toThrow(
      '/documents/summary/date：缺少工作总结的成文日期（如 "2015-01-23"）',
    );
  });
});

describe("gongwen render summary (the CLI)", () => {
  const bin = path.resolve(ROOT, "dist/cli/main.js");

  it("writes DIR/summary.docx and DIR/summary.pdf, and refuses to overwrite without --force", () => {
    const out = path.join(dir, "cli");
    const run = (...extra: string[]) =>
      spawnSync(
        process.execPath,
        [bin, "render", "summary", SAMPLE_2014, "--out", out, "--format", "docx,pdf", ...extra],
        {
          encoding: "utf8",
        },
      );
    const first = run();
    expect(first.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(first.status).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(["manifest.json", "summary.docx", "summary.pdf"]);
    const again = run();
    expect(again.status).toBe(2);
    expect(run("--force").status).toBe(0);
  }, 60_000);
});
