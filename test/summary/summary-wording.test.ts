/**
 * The wording the data model chooses in the summary, beyond the 2014 sample: outlets joined as
 * parts of the submissions or standing alone, each construction of an outlet's count, default
 * verbs and item kinds, sub-counts by outlet or by kind, both ranking wordings, reforms stated by
 * their change or by their title, and innovations as clauses or as features of a platform.
 * Every dataset is validated first, so each is one a clerk could write.
 */
import { describe, expect, it } from "vitest";
import { buildSummary } from "../../src/compose/documents/summary.js";
import type { Dataset, Outlet } from "../../src/data/types.js";
import { validateDatasetText } from "../../src/data/validate.js";
import { docxParagraphTexts } from "../../src/render/docx/index.js";
import { sample2014, validated } from "../facts/datasets.js";

function body(d: Dataset): string {
  return docxParagraphTexts(buildSummary({ dataset: validated(d), lang: "zh" })).join("\n");
}

/** The paragraph on the outlets (一是信息公开和采用情况), for a 2014 sample with these outlets. */
function outletsParagraph(outlets: Outlet[], submissions = true): string {
  const d = sample2014();
  d.disclosure.proactive!.outlets = outlets;
  if (!submissions) delete d.disclosure.proactive!.submissions;
  const p = body(d)
    .split("\n")
    .find((l) => l.startsWith("规范信息公开形式"));
  if (p === undefined) throw new Error("no outlets paragraph");
  return p.replace("规范信息公开形式，加大信息公开力度。一是信息公开和采用情况。", "");
}

const SUBMITTED =
  "2014年全年，我局向自治区人民政府、商务厅，市委、市政府门户网站、呼市日报社等10个部门共报送各类业务信息260余条。";

describe("outlets in the summary", () => {
  it("outlets adopting from the submissions are its parts, joined with ；; the others stand alone", () => {
    expect(
      outletsParagraph([
        { name: "甲网站", adopted: 5, fromSubmissions: true },
        { name: "乙报", adopted: 3 },
        { name: "丙网站", adopted: 2, fromSubmissions: true },
      ]),
    ).toBe(`${SUBMITTED}其中，甲网站共采用信息5条；丙网站共采用信息2条。乙报共采用信息3条。`);
  });

  it("without a submissions total the parts are stated without 其中", () => {
    expect(outletsParagraph([{ name: "甲网站", adopted: 5, fromSubmissions: true }], false)).toBe(
      "甲网站共采用信息5条。",
    );
  });

  it("defaults: adopted — the outlet adopts 信息; published — 在… 共发布各类信息", () => {
    expect(
      outletsParagraph([
        { name: "甲网站", adopted: 5 },
        { name: "乙网站", published: { value: 30, qualifier: "余" } },
      ]),
    ).toBe(`${SUBMITTED}甲网站共采用信息5条。在乙网站共发布各类信息30余条。`);
  });

  it("each construction with the office's verb and item kind", () => {
    const words = { verb: "报送", itemKind: "政务信息" };
    expect(
      outletsParagraph([
        { name: "甲", adopted: 1, ...words, construction: "outlet-subject" },
        { name: "乙", adopted: 2, ...words, construction: "in-outlet" },
        { name: "丙", published: 3, ...words, construction: "to-outlet" },
        { name: "丁", published: 4, ...words, construction: "outlet-object" },
      ]),
    ).toBe(
      `${SUBMITTED}甲共报送政务信息1条。在乙共报送政务信息2条。向丙报送政务信息3条。报送丁政务信息4条。`,
    );
  });

  it("an outlet with both counts: its words go with adopted, published takes the defaults", () => {
    expect(
      outletsParagraph([{ name: "甲网站", adopted: 5, published: 7, verb: "刊用", itemKind: "稿件" }]),
    ).toBe(`${SUBMITTED}甲网站共刊用稿件5条。在甲网站共发布各类信息7条。`);
  });

  it("sub-counts by outlet in an aside, by kind as a clause; relays with their own words", () => {
    expect(
      outletsParagraph([
        {
          name: "甲办公厅",
          adopted: 10,
          fromSubmissions: true,
          subCounts: [
            { name: "《专报》", count: 4 },
            { name: "《快报》", count: 3, verb: "刊用", itemKind: "稿件", unit: "篇" },
          ],
          relayed: [{ name: "省网站", count: 2 }],
        },
        {
          name: "乙办公厅",
          adopted: 9,
          fromSubmissions: true,
          subCounts: [
            { name: "每日要情", count: 5 },
            { name: "政务信息", count: 4 },
          ],
          subCountsBy: "kind",
          relayed: [{ name: "省网站", count: 1, itemKind: "报送信息" }],
        },
      ]),
    ).toBe(
      `${SUBMITTED}其中，甲办公厅共采用信息10条（其中，《专报》采用信息4条，《快报》刊用稿件3篇），省网站采用2条；` +
        "乙办公厅共采用信息9条，其中，每日要情5条，政务信息4条，省网站采用报送信息1条。",
    );
  });

  it("rankings: in a notice (default) or in a ranking list, with or without the group ranked", () => {
    expect(
      outletsParagraph([
        {
          name: "甲办公厅",
          adopted: 10,
          fromSubmissions: true,
          ranking: { notice: "《第一季度信息通报》", rank: 3, among: "全市各部门" },
        },
        {
          name: "乙网站",
          adopted: 8,
          fromSubmissions: true,
          ranking: { notice: "乙网站第一季度信息采用", rank: 2, among: "全市各部门", wording: "list" },
        },
        { name: "丙网站", ranking: { notice: "丙网站年度绩效信息通报", rank: 1, wording: "list" } },
      ]),
    ).toBe(
      `${SUBMITTED}其中，甲办公厅共采用信息10条。在《第一季度信息通报》中，位居全市各部门排名第三名；` +
        "乙网站共采用信息8条。在乙网站第一季度信息采用排名中居全市各部门第二名。" +
        "在丙网站年度绩效信息通报排名中居第一名。",
    );
  });

  it("an outlet with nothing to state (submitted only) is left out of the joins", () => {
    expect(
      outletsParagraph([
        { name: "甲网站", adopted: 5, fromSubmissions: true },
        { name: "乙网站", submitted: 9, fromSubmissions: true },
      ]),
    ).toBe(`${SUBMITTED}其中，甲网站共采用信息5条。`);
  });
});

describe("reforms in the summary", () => {
  const paragraphOf = (d: Dataset) =>
    body(d)
      .split("\n")
      .find((l) => l.includes("具体表现在："))!;

  it("with a subject the change itself is stated; without one, the title", () => {
    const d = sample2014();
    d.approval!.reforms = [
      { title: "登记即来即办", from: "3个工作日办结", to: "当场办结", description: "方便了群众。" },
      { title: "年检改年报", subject: "企业", from: "年检", to: "年报", removedSteps: ["盖章确认"] },
    ];
    expect(paragraphOf(d)).toContain(
      "二是“贴心服务”。为进一步转变政府职能，改善投资环境，登记即来即办，方便了群众。企业年检变更为“年报”，并相应取消了盖章确认等环节。三是“限时服务”。",
    );
  });
});

describe("innovations in the summary", () => {
  const lastParagraph = (d: Dataset) => {
    const lines = body(d).split("\n");
    return lines[lines.indexOf("（五）在政府信息公开方面创新的工作") + 1];
  };

  it("the leading group's adjustment (short name), then the features of each platform", () => {
    expect(lastParagraph(sample2014())).toBe(
      "今年，我局政府信息公开工作领导小组及时做了调整，并将分管领导确定为保密审查第一责任人。" +
        "我局新版门户网站正式上线以来，政府信息公开内容上新增加了“依申请专栏”、“旗县区商务动态”、“意见建议箱”等，" +
        "便于社会公众及时查阅信息、信息互动及好的意见建议能够及时采纳。",
    );
  });

  it("clauses in the office's words, and features of a platform that was not new", () => {
    const d = sample2014();
    d.disclosure.leadingGroup!.adjustedInYear = false;
    d.disclosure.innovations = [
      "依申请公开实行网上全程留痕",
      { platform: "政务服务大厅", area: "公开专区", names: ["自助查询机"] },
    ];
    expect(lastParagraph(d)).toBe(
      "今年，我局依申请公开实行网上全程留痕。我局政务服务大厅在公开专区上新增加了“自助查询机”。",
    );
  });

  it("without a short name the group is called by its full name", () => {
    const d = sample2014();
    delete d.disclosure.leadingGroup!.shortName;
    d.disclosure.innovations = [];
    expect(lastParagraph(d)).toBe(
      "今年，我局政府信息公开（政务公开）工作领导小组及时做了调整，并将分管领导确定为保密审查第一责任人。",
    );
  });

  it("an innovation object without names, or with an unknown field, is refused by validation", () => {
    const d = sample2014();
    d.disclosure.innovations = ["", { platform: "门户网站", nmes: ["x"] } as never];
    const r = validateDatasetText(JSON.stringify(d, null, 2), "d.json", "zh");
    expect(r.errors.map((e) => [e.pointer, e.code, e.message])).toEqual([
      ["/disclosure/innovations/0", "empty", "不能为空"],
      ["/disclosure/innovations/1/names", "required", "缺少必填字段 names"],
      ["/disclosure/innovations/1/nmes", "unknown-field", "未知字段 nmes，是否应为 names？"],
    ]);
  });
});

describe("headings over their own content only", () => {
  it("a year with nothing innovative in disclosure prints no （五） heading; the closing follows （四）", () => {
    // The 2015 data gave an empty “（五）在政府信息公开方面创新的工作” with the closing under it.
    const d = sample2014();
    delete d.disclosure.innovations;
    d.disclosure.leadingGroup!.adjustedInYear = false;
    delete d.narrative!.disclosureInnovation;
    const lines = body(d).split("\n");
    expect(lines.some((l) => l.includes("在政府信息公开方面创新的工作"))).toBe(false);
    const closing = lines.findIndex((l) =>
      l.startsWith("2014年，我局在集中审批服务和信息公开工作中取得了一些成绩"),
    );
    expect(closing).toBeGreaterThan(0);
    expect(
      lines
        .slice(0, closing)
        .filter((l) => /^（[一二三四五]）/.test(l))
        .at(-1),
    ).toBe("（四）认真做好依申请公开基础性工作");
  });

  it("with its content the heading stays, numbered （五）", () => {
    expect(body(sample2014()).split("\n")).toContain("（五）在政府信息公开方面创新的工作");
  });
});
