import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { clearTemplateCache, composeDocument, renderMarkdown } from "../../src/compose/index.js";
import { TemplateEngine } from "../../src/compose/template-engine.js";
import type { DocumentTree } from "../../src/document/tree.js";

const BUILTIN = "test/fixtures/templates/builtin";
const OVERRIDE = "test/fixtures/templates/override";
const meta = {
  title: "市商务局2014年度集中审批服务和政务公开工作总结",
  author: "市商务局",
  date: "2015-01-23",
};

describe("template lookup: the user's folder over the built-in one", () => {
  const builtinOnly = new TemplateEngine(undefined, "zh", BUILTIN);
  const withUser = new TemplateEngine(OVERRIDE, "zh", BUILTIN);

  it("finds templates in sub-folders by name", () => {
    expect(builtinOnly.render("letters/reply", { applicantId: "2014-003" })).toEqual({
      markdown: "# 内置答复\n\n2014\\-003号申请已收悉。\n",
      source: "test/fixtures/templates/builtin/letters/reply.md.hbs",
    });
  });

  it("prefers a user template of the same name", () => {
    expect(withUser.render("letters/reply", { applicantId: "7" })).toEqual({
      markdown: "# 自定义答复\n\n7号申请已收悉（本单位模板）。\n",
      source: "test/fixtures/templates/override/letters/reply.md.hbs",
    });
  });

  it("uses user partials over built-in ones, and built-in partials the user did not override", () => {
    const ctx = { subject: "年报", body: "正文", agency: "市商务局", signedOn: "2015-01-23" };
    expect(builtinOnly.render("notice", ctx).markdown).toBe(
      "# 关于年报的通知\n\n正文：正文。\n\n::: signature\n市商务局\n2015\\-01\\-23\n:::\n::: note\n内置附注\n:::\n",
    );
    expect(withUser.render("notice", ctx).markdown).toBe(
      "# 关于年报的通知\n\n正文：正文。\n\n::: signature seal\n市商务局（自定义落款）\n2015\\-01\\-23\n:::\n::: note\n内置附注\n:::\n",
    );
  });

  it("refuses a templates folder that does not exist", () => {
    expect(() => new TemplateEngine("test/fixtures/templates/none", "zh", BUILTIN)).toThrow(
      "模板目录不存在：test/fixtures/templates/none",
    );
  });
});

describe("compiled templates are cached per process", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    clearTemplateCache();
  });

  it("compiles a template once and reuses it until the cache is cleared", () => {
    dir = mkdtempSync(join(tmpdir(), "gongwen-cache-"));
    const file = join(dir, "t.md.hbs");
    writeFileSync(file, "第一版{{n}}");
    expect(renderMarkdown("t", { n: 1 }, { templatesDir: dir }).markdown).toBe("第一版1");
    writeFileSync(file, "第二版{{n}}");
    expect(renderMarkdown("t", { n: 2 }, { templatesDir: dir }).markdown).toBe("第一版2");
    clearTemplateCache();
    expect(renderMarkdown("t", { n: 3 }, { templatesDir: dir }).markdown).toBe("第二版3");
  });
});

describe("composeDocument end to end", () => {
  const context = {
    year: 2014,
    docSerial: 3,
    addressee: "市政务服务中心",
    scheme: "2014年集中审批服务和政府信息公开工作年度考核方案",
    facts: {
      approvals: {
        total: 267,
        byType: [
          { name: "新设外商投资企业事项", n: 6 },
          { name: "企业变更事项", n: 19 },
        ],
        noIncidents: true,
        overdue: 0,
      },
      reduction: { from: 5, to: 2, rate: 0.6 },
      info: { reported: { value: 260, qualifier: "余" } },
      rules: ["市商务局政务信息公开工作制度", "市商务局政务信息公开保密审查制度"],
      steps: ["每月25日报送现行有效文件", "整理成纸质和电子两种形式"],
      channels: [
        { name: "门户网站*", n: 118 },
        { name: "政务微博 | 微信", n: 75 },
      ],
      applications: { person: 2, legal: 1 },
      closing: "我局将以年度考核为契机，**深入剖析问题**。",
    },
    attachments: ["2014年信息公开统计表", "附件_二"],
    agency: "市商务局",
    signedOn: "2015-01-23",
  };
  const options = { kind: "document" as const, meta, templatesDir: BUILTIN };

  const expected: DocumentTree = {
    kind: "document",
    meta,
    blocks: [
      {
        type: "title",
        text: "市商务局2014年度集中审批服务和政务公开工作总结",
        lines: ["市商务局2014年度集中审批服务和", "政务公开工作总结"],
      },
      { type: "docNumber", text: "商务〔2015〕3号" },
      { type: "addressee", text: "市政务服务中心：" },
      {
        type: "paragraph",
        runs: [
          { text: "2014年，我局本着" },
          { text: "“依法、公开、便民、高效”", bold: true },
          {
            text: "的原则，按照《2014年集中审批服务和政府信息公开工作年度考核方案》的要求，就有关情况汇报如下：",
          },
        ],
      },
      { type: "heading", level: 1, number: "一、", runs: [{ text: "集中审批服务工作" }] },
      { type: "heading", level: 2, number: "（一）", runs: [{ text: "规范使用审批管理系统" }] },
      {
        type: "paragraph",
        runs: [
          {
            text: "全年办结审批服务事项共计267项，其中新设外商投资企业事项6项、企业变更事项19项。全年未出现办件超时、被投诉、通报事件发生。",
          },
        ],
      },
      { type: "heading", level: 3, number: "1.", runs: [{ text: "做法第一：“限时服务”" }] },
      {
        type: "paragraph",
        runs: [
          { text: "对外贸易经营者备案登记事项办理时限由原5个工作日缩减至2个工作日，办理时间缩短了60%。" },
        ],
      },
      { type: "heading", level: 4, number: "（1）", runs: [{ text: "具体做法" }] },
      {
        type: "list",
        ordered: true,
        items: [[{ text: "明确承诺办结时间" }], [{ text: "取消“现场勘查”流程" }]],
      },
      { type: "heading", level: 1, number: "二、", runs: [{ text: "政务信息公开工作" }] },
      {
        type: "paragraph",
        runs: [
          {
            text: "报送各类业务信息260余条，制度包括《市商务局政务信息公开工作制度》、《市商务局政务信息公开保密审查制度》等。每月25日报送现行有效文件；整理成纸质和电子两种形式。",
          },
        ],
      },
      {
        type: "table",
        headerRows: 1,
        rows: [
          {
            cells: [
              { paragraphs: [[{ text: "渠道" }]], align: "left" },
              { paragraphs: [[{ text: "条数" }]], align: "right" },
            ],
          },
          {
            cells: [
              { paragraphs: [[{ text: "门户网站*" }]], align: "left" },
              { paragraphs: [[{ text: "118" }]], align: "right" },
            ],
          },
          {
            cells: [
              { paragraphs: [[{ text: "政务微博 | 微信" }]], align: "left" },
              { paragraphs: [[{ text: "75" }]], align: "right" },
            ],
          },
        ],
      },
      {
        type: "table",
        headerRows: 2,
        columnWidths: [2, 1, 1],
        fontSize: 10.5,
        rows: [
          { cells: [{ paragraphs: [[{ text: "申请人情况" }]], colSpan: 3, align: "center" }] },
          {
            cells: [
              { paragraphs: [[{ text: "类别" }]] },
              { paragraphs: [[{ text: "自然人" }]] },
              { paragraphs: [[{ text: "法人" }]] },
            ],
          },
          {
            cells: [
              { paragraphs: [[{ text: "新收申请" }]] },
              { paragraphs: [[{ text: "2" }]], align: "center" },
              { paragraphs: [[{ text: "1" }]], align: "center" },
            ],
          },
        ],
      },
      { type: "heading", level: 1, number: "", runs: [{ text: "结语" }], unnumbered: true },
      {
        type: "paragraph",
        runs: [{ text: "我局将以年度考核为契机，" }, { text: "深入剖析问题", bold: true }, { text: "。" }],
      },
      { type: "attachments", items: ["2014年信息公开统计表", "附件_二"] },
      { type: "signature", agency: "市商务局", date: "2015年1月23日" },
      { type: "note", runs: [{ text: "（此件公开发布）" }] },
    ],
  };

  it("turns a template and its context into the expected tree", () => {
    expect(composeDocument("mini-summary", context, options)).toEqual(expected);
  });

  it("is deterministic", () => {
    const a = JSON.stringify(composeDocument("mini-summary", context, options));
    clearTemplateCache();
    const b = JSON.stringify(composeDocument("mini-summary", structuredClone(context), options));
    expect(b).toBe(a);
  });

  it("lets the data choose the wording, not the template", () => {
    const overdue = structuredClone(context);
    overdue.facts.approvals.noIncidents = false;
    overdue.facts.approvals.overdue = 2;
    const tree = composeDocument("mini-summary", overdue, options);
    expect(tree.blocks[6]).toEqual({
      type: "paragraph",
      runs: [
        {
          text: "全年办结审批服务事项共计267项，其中新设外商投资企业事项6项、企业变更事项19项。全年办件超时2件。",
        },
      ],
    });
  });

  it("reports template errors as UserErrors in the chosen language", () => {
    const broken = structuredClone(context) as Record<string, unknown>;
    delete broken.agency;
    expect(() => composeDocument("mini-summary", broken, { ...options, lang: "en" })).toThrow(
      "test/fixtures/templates/builtin/mini-summary.md.hbs:61:3: template variable agency does not exist",
    );
  });
});
