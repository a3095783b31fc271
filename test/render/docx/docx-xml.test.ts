import { describe, expect, it } from "vitest";
import { DOCX_LINE_PITCH_TWIPS, defaultLayout } from "../../../src/document/layout.js";
import type { Block, DocumentTree } from "../../../src/document/tree.js";
import { docxMetrics, docxParagraphTexts, renderDocx } from "../../../src/render/docx/index.js";
import { docxPart, docxParagraphs, docxParts } from "../../helpers/docx.js";
import { sampleTree } from "./fixtures.js";
import { allAttrs, attrs, bodyChildren, findParagraph, paragraphText, tableRows } from "./xml-helpers.js";

const doc = async (tree: DocumentTree, options?: Parameters<typeof renderDocx>[1]) => {
  const bytes = await renderDocx(tree, options);
  return { bytes, xml: docxPart(bytes, "word/document.xml") };
};

const tree = (blocks: Block[], kind: DocumentTree["kind"] = "document"): DocumentTree => ({
  kind,
  meta: { title: "测试", author: "某某市商务局", date: "2015-01-23" },
  blocks,
});

const sectPrs = (xml: string) => [...xml.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);

describe("DOCX metrics (twips)", () => {
  it("derive the GB/T 9704 page, grid and footer numbers from the layout", () => {
    const m = docxMetrics(defaultLayout());
    expect(m).toEqual({
      pageWidth: 11906,
      pageHeight: 16838,
      marginTop: 2098,
      marginBottom: 1984,
      marginLeft: 1587,
      marginRight: 1474,
      typeWidth: 8845,
      typeHeight: 12756,
      linePitch: 579,
      charSpacing: -5,
      charWidth: 315,
      // 35 mm − 7 mm − one 14 pt line
      footerDistance: 1307,
      footerLineHeight: 280,
    });
    expect(m.linePitch).toBe(DOCX_LINE_PITCH_TWIPS);
    // 28 characters fit the type width, 29 do not
    expect(28 * m.charWidth).toBeLessThanOrEqual(m.typeWidth);
    expect(29 * m.charWidth).toBeGreaterThan(m.typeWidth);
  });
});

describe("renderDocx: page setup and defaults", () => {
  it("writes A4, the 37/28/35/26 mm margins, a lines grid of pitch 579 and the footer distance", async () => {
    const { xml } = await doc(sampleTree());
    const sections = sectPrs(xml);
    expect(sections).toHaveLength(2);
    for (const s of sections) {
      expect(attrs(s, "w:pgSz")).toMatchObject({ "w:w": "11906", "w:h": "16838" });
      expect(attrs(s, "w:pgMar")).toMatchObject({
        "w:top": "2098",
        "w:right": "1474",
        "w:bottom": "1984",
        "w:left": "1587",
        "w:footer": "1307",
        "w:gutter": "0",
      });
      // lines grid, no (negative) charSpace: see metrics.ts
      expect(attrs(s, "w:docGrid")).toEqual({ "w:type": "lines", "w:linePitch": "579" });
    }
  });

  it("puts the body font in the eastAsia slot of the document defaults, 16 pt, zh-CN, exact grid spacing", async () => {
    const { bytes } = await doc(sampleTree());
    const styles = docxPart(bytes, "word/styles.xml");
    const defaults = /<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(styles)?.[0] ?? "";
    expect(attrs(defaults, "w:rFonts")).toEqual({
      "w:ascii": "仿宋_GB2312",
      "w:eastAsia": "仿宋_GB2312",
      "w:hAnsi": "仿宋_GB2312",
      "w:cs": "仿宋_GB2312",
      "w:hint": "eastAsia",
    });
    expect(attrs(defaults, "w:sz")).toEqual({ "w:val": "32" });
    expect(attrs(defaults, "w:lang")).toMatchObject({ "w:eastAsia": "zh-CN" });
    expect(attrs(defaults, "w:spacing")).toEqual({
      "w:before": "0",
      "w:after": "0",
      "w:line": "579",
      "w:lineRule": "exact",
    });
    // Autospace on (Word's default; LibreOffice and the PDF set 1/5 character, see styles-xml.ts)
    expect(attrs(defaults, "w:autoSpaceDE")).toEqual({ "w:val": "1" });
    expect(attrs(defaults, "w:autoSpaceDN")).toEqual({ "w:val": "1" });
    expect(attrs(defaults, "w:widowControl")).toEqual({ "w:val": "0" });
    // "1": Word's default; LibreOffice reads it as "no hanging punctuation" (see styles-xml.ts)
    expect(attrs(defaults, "w:overflowPunct")).toEqual({ "w:val": "1" });
  });

  it("turns on different odd/even footers in settings", async () => {
    const { bytes } = await doc(sampleTree());
    expect(docxPart(bytes, "word/settings.xml")).toContain("<w:evenAndOddHeaders/>");
  });
});

describe("renderDocx: blocks", () => {
  it("sets body paragraphs in 仿宋_GB2312 16 pt, condensed −0.25 pt, first line indented 2 characters, justified", async () => {
    const { xml } = await doc(sampleTree());
    const p = findParagraph(xml, "全年通过门户网站");
    expect(attrs(p, "w:ind")).toEqual({ "w:firstLine": "630", "w:firstLineChars": "200" });
    expect(attrs(p, "w:jc")).toEqual({ "w:val": "both" });
    expect(attrs(p, "w:spacing")).toMatchObject({ "w:line": "579", "w:lineRule": "exact" });
    const rPr = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(p.slice(p.indexOf("<w:r>")))?.[0] ?? "";
    expect(attrs(rPr, "w:rFonts")).toEqual({
      "w:ascii": "仿宋_GB2312",
      "w:cs": "仿宋_GB2312",
      "w:eastAsia": "仿宋_GB2312",
      "w:hAnsi": "仿宋_GB2312",
      "w:hint": "eastAsia",
    });
    expect(attrs(rPr, "w:spacing")).toEqual({ "w:val": "-5" });
    expect(attrs(rPr, "w:sz")).toEqual({ "w:val": "32" });
  });

  it("keeps run formatting (bold) and paragraphs without indent", async () => {
    const { xml } = await doc(sampleTree());
    const p = findParagraph(xml, "主动公开政府信息260余条");
    const boldRun = [...p.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)]
      .map((m) => m[0])
      .find((r) => r.includes("260余条"));
    expect(boldRun).toContain("<w:b/>");
    const plain = findParagraph(xml, "无缩进段落");
    expect(attrs(plain, "w:ind")).toEqual({ "w:firstLine": "0" });
    expect(attrs(plain, "w:jc")).toEqual({ "w:val": "left" });
    expect(plain).toContain("<w:br/>");
  });

  it("centres the title in 方正小标宋简体 22 pt with the author's line split, not condensed", async () => {
    const { xml } = await doc(sampleTree());
    const p = bodyChildren(xml)[0]!;
    expect(attrs(p, "w:jc")).toEqual({ "w:val": "center" });
    expect(attrs(p, "w:rFonts")).toMatchObject({ "w:eastAsia": "方正小标宋简体" });
    expect(attrs(p, "w:sz")).toEqual({ "w:val": "44" });
    expect(p).not.toMatch(/<w:spacing w:val=/);
    expect(paragraphText(p)).toBe("XX市商务局2014年政府信息公开工作总结");
    expect(p.match(/<w:br\/>/g)).toHaveLength(1);
  });

  it("centres the document number and sets the addressee flush left", async () => {
    const { xml } = await doc(sampleTree());
    expect(attrs(findParagraph(xml, "X商务〔2015〕3号"), "w:jc")).toEqual({ "w:val": "center" });
    const addressee = findParagraph(xml, "市政府办公室：");
    expect(attrs(addressee, "w:jc")).toEqual({ "w:val": "left" });
    expect(attrs(addressee, "w:ind")).toBeUndefined();
  });

  it("sets headings as number + text: 黑体, 楷体_GB2312, 仿宋 bold, 仿宋; indented, kept with next", async () => {
    const { xml } = await doc(sampleTree());
    const cases = [
      ["一、主动公开情况", "黑体", false, "0"],
      ["（一）公开内容", "楷体_GB2312", false, "1"],
      ["1.网站公开", "仿宋_GB2312", true, "2"],
      ["（1）栏目建设", "仿宋_GB2312", false, "3"],
    ] as const;
    for (const [text, font, bold, outline] of cases) {
      const p = findParagraph(xml, text);
      expect(paragraphText(p)).toBe(text);
      for (const f of allAttrs(p, "w:rFonts")) expect(f["w:eastAsia"]).toBe(font);
      expect(p.includes("<w:b/>")).toBe(bold);
      expect(allAttrs(p, "w:sz").every((s) => s["w:val"] === "32")).toBe(true);
      expect(attrs(p, "w:ind")).toEqual({ "w:firstLine": "630", "w:firstLineChars": "200" });
      expect(p).toContain("<w:keepNext/>");
      expect(attrs(p, "w:outlineLvl")).toEqual({ "w:val": outline });
    }
  });

  it("writes list items as indented paragraphs, numbered only when ordered", async () => {
    const { xml } = await doc(sampleTree());
    expect(attrs(findParagraph(xml, "1.完善公开目录；"), "w:ind")).toEqual({
      "w:firstLine": "630",
      "w:firstLineChars": "200",
    });
    expect(paragraphText(findParagraph(xml, "更新办事指南"))).toBe("2.更新办事指南。");
    expect(paragraphText(findParagraph(xml, "无序条目一"))).toBe("无序条目一");
    expect(xml).not.toContain("<w:numPr>");
  });

  it("writes the attachment note one line below the body with hanging indents under the title", async () => {
    const { xml } = await doc(sampleTree());
    const first = findParagraph(xml, "附件：1.2014年政府信息公开工作统计表");
    // "附件：" starts 2 characters in; the title starts after "附件：1." at 2 + 3 + 1 = 6 characters
    expect(attrs(first, "w:ind")).toEqual({ "w:left": String(6 * 315), "w:hanging": String(4 * 315) });
    expect(attrs(first, "w:spacing")).toMatchObject({ "w:before": "579" });
    const second = findParagraph(xml, "2.依申请公开办理情况明细表");
    expect(paragraphText(second)).toBe("2.依申请公开办理情况明细表");
    // "2." sits under "1." (5 characters in); the title again at 6
    expect(attrs(second, "w:ind")).toEqual({ "w:left": String(6 * 315), "w:hanging": "315" });
    expect(attrs(second, "w:spacing")).toMatchObject({ "w:before": "0" });
  });

  it("writes a single attachment without a number", async () => {
    const { xml } = await doc(
      tree([
        { type: "paragraph", runs: [{ text: "正文。" }] },
        { type: "attachments", items: ["统计表"] },
      ]),
    );
    const p = findParagraph(xml, "附件：统计表");
    expect(paragraphText(p)).toBe("附件：统计表");
    expect(attrs(p, "w:ind")).toEqual({ "w:left": String(5 * 315), "w:hanging": String(3 * 315) });
  });

  it("places the signature without seal: one blank line above, agency 2 characters from the right, date 2 characters right of it", async () => {
    const { xml } = await doc(sampleTree());
    const agency = findParagraph(xml, "XX市商务局", true);
    const date = findParagraph(xml, "2015年1月23日");
    // "XX市商务局" is 5 characters, "2015年1月23日" 6.5: the date is longer, so it gets the
    // 2-character right indent and the agency 2 + 6.5 + 2 − 5 = 5.5.
    const typeWidth = 8845;
    expect(attrs(agency, "w:ind")).toEqual({
      "w:left": String(typeWidth - Math.round((5.5 + 5) * 315)),
      "w:right": "-630",
    });
    expect(attrs(date, "w:ind")).toEqual({
      "w:left": String(typeWidth - Math.round((2 + 6.5) * 315)),
      "w:right": "-630",
    });
    expect(Number(attrs(date, "w:ind")!["w:left"]) - Number(attrs(agency, "w:ind")!["w:left"])).toBe(630);
    expect(attrs(agency, "w:spacing")).toMatchObject({ "w:before": "579" });
    expect(attrs(date, "w:spacing")).toMatchObject({ "w:before": "0" });
    expect(agency).toContain("<w:keepNext/>");
    expect(attrs(agency, "w:jc")).toEqual({ "w:val": "left" });
  });

  it("keeps the agency 2 characters from the right when it is longer than the date", async () => {
    const { xml } = await doc(
      tree([{ type: "signature", agency: "某某省人民政府办公厅信息公开办公室", date: "2015年1月23日" }]),
    );
    const agency = findParagraph(xml, "某某省人民政府办公厅信息公开办公室");
    const date = findParagraph(xml, "2015年1月23日");
    // 17 characters: agency 2 characters from the right, the date starting 2 characters after it
    expect(attrs(agency, "w:ind")).toEqual({ "w:left": String(8845 - (2 + 17) * 315), "w:right": "-630" });
    expect(attrs(date, "w:ind")).toEqual({
      "w:left": String(8845 - (2 + 17) * 315 + 630),
      "w:right": "-630",
    });
  });

  it("places the signature with seal: date 4 characters from the right, agency centred over it, two blank lines above", async () => {
    const { xml } = await doc(
      tree([{ type: "signature", agency: "某某市商务局", date: "2015年1月23日", seal: true }]),
    );
    const agency = findParagraph(xml, "某某市商务局");
    const date = findParagraph(xml, "2015年1月23日");
    // Right-aligned with right indents: the date's right edge 4 characters from the margin
    // holds whatever width a renderer gives its digits; the agency's indent centres it over the
    // date (4 + (6.5 − 6) / 2 characters).
    expect(attrs(date, "w:jc")).toEqual({ "w:val": "right" });
    expect(attrs(agency, "w:jc")).toEqual({ "w:val": "right" });
    expect(attrs(date, "w:ind")).toEqual({ "w:right": String(4 * 315) });
    expect(attrs(agency, "w:ind")).toEqual({ "w:right": String(Math.round(4.25 * 315)) });
    expect(xml).not.toContain("<wp:anchor");
    expect(attrs(agency, "w:spacing")).toMatchObject({ "w:before": String(2 * 579) });
  });

  it("counts an explicit blank block before an attachment note or signature towards its blank lines", async () => {
    const body: Block = { type: "paragraph", runs: [{ text: "正文。" }] };
    const { xml } = await doc(
      tree([
        body,
        { type: "blank" },
        { type: "attachments", items: ["统计表"] },
        { type: "blank" },
        { type: "signature", agency: "某某市商务局", date: "2015年1月23日" },
        { type: "blank" },
        { type: "signature", agency: "某某市商务局", date: "2015年1月24日", seal: true },
      ]),
    );
    expect(attrs(findParagraph(xml, "附件：统计表"), "w:spacing")).toMatchObject({ "w:before": "0" });
    const agencies = bodyChildren(xml).filter((c) => paragraphText(c) === "某某市商务局");
    expect(agencies.map((a) => attrs(a, "w:spacing")?.["w:before"])).toEqual(["0", "579"]);
  });

  it("writes one empty paragraph for an empty tree", async () => {
    const { bytes, xml } = await doc(tree([{ type: "pageBreak" }]));
    expect(docxParagraphs(bytes)).toEqual([""]);
    expect(sectPrs(xml)).toHaveLength(1);
  });

  it("indents the note 2 characters and writes a blank block as an empty grid line", async () => {
    const { xml } = await doc(sampleTree());
    expect(attrs(findParagraph(xml, "（此件公开发布）"), "w:ind")).toEqual({
      "w:firstLine": "630",
      "w:firstLineChars": "200",
    });
    const blank = bodyChildren(xml)[2]!;
    expect(paragraphText(blank)).toBe("");
    expect(blank).not.toContain("<w:r>");
    expect(attrs(blank, "w:spacing")).toMatchObject({ "w:line": "579", "w:lineRule": "exact" });
  });

  it("starts the block after a page break on a new page and an odd-parity break as an odd-page section", async () => {
    const { xml } = await doc(sampleTree());
    expect(findParagraph(xml, "二、新页标题")).toContain("<w:pageBreakBefore/>");
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
    const [first, last] = sectPrs(xml);
    expect(first).not.toContain("<w:type ");
    expect(attrs(last!, "w:type")).toEqual({ "w:val": "oddPage" });
    // the first section ends with the paragraph before the odd-page break
    const children = bodyChildren(xml);
    const ending = children.findIndex((c) => c.includes("<w:sectPr>"));
    expect(paragraphText(children[ending]!)).toBe("分页后的正文。");
  });

  it("turns a page break before a table without caption into a next-page section; ignores leading and trailing breaks", async () => {
    const table: Block = {
      type: "table",
      headerRows: 0,
      rows: [{ cells: [{ paragraphs: [[{ text: "格" }]] }] }],
    };
    const { xml } = await doc(
      tree([
        { type: "pageBreak" },
        { type: "paragraph", runs: [{ text: "前文。" }] },
        { type: "pageBreak" },
        { type: "pageBreak" },
        table,
        { type: "pageBreak" },
      ]),
    );
    expect(xml).not.toContain("pageBreakBefore");
    const sections = sectPrs(xml);
    expect(sections).toHaveLength(2);
    expect(attrs(sections[1]!, "w:type")).toEqual({ "w:val": "nextPage" });
  });
});

describe("renderDocx: tables", () => {
  it("maps HTML spans to gridSpan and vMerge, marks header rows, normalises widths to the type area", async () => {
    const { xml } = await doc(sampleTree());
    const tbl = bodyChildren(xml).find((c) => c.startsWith("<w:tbl>"))!;
    expect(allAttrs(tbl, "w:gridCol").map((a) => Number(a["w:w"]))).toEqual([2948, 1965, 1965, 1967]);
    expect(attrs(tbl, "w:tblW")).toEqual({ "w:type": "dxa", "w:w": "8845" });
    expect(attrs(tbl, "w:tblLayout")).toEqual({ "w:type": "fixed" });
    for (const side of ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"]) {
      expect(attrs(tbl.slice(tbl.indexOf("<w:tblBorders>")), side)).toEqual({
        "w:val": "single",
        "w:color": "000000",
        "w:sz": "4",
      });
    }
    const rows = tableRows(tbl);
    const shape = rows.map((cells) =>
      cells.map((c) => {
        const span = attrs(c, "w:gridSpan")?.["w:val"];
        const merge = attrs(c, "w:vMerge");
        const text = [...c.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
        return `${text}${span ? `/span${span}` : ""}${merge ? `/${merge["w:val"] ?? "continue"}` : ""}`;
      }),
    );
    expect(shape).toEqual([
      ["项目/restart", "申请数/span3"],
      ["/continue", "当面", "网络", "信函"],
      ["受理/restart", "1", "2", "0"],
      ["/continue", "1", "0/span2"],
    ]);
    const trPrs = [...tbl.matchAll(/<w:tr>(<w:trPr>[\s\S]*?<\/w:trPr>)?/g)].map((m) => m[1] ?? "");
    expect(trPrs.map((t) => t.includes("<w:tblHeader/>"))).toEqual([true, true, false, false]);
  });

  it("sets cell text 12 pt by default (or the tree's size), without first-line indent, aligned as asked", async () => {
    const cell = (align?: "center") => ({ paragraphs: [[{ text: "数" }]], ...(align ? { align } : {}) });
    const base: Block = { type: "table", headerRows: 1, rows: [{ cells: [cell("center"), cell()] }] };
    const { xml } = await doc(tree([base, { ...base, fontSize: 10.5 }]));
    const [t1, t2] = bodyChildren(xml).filter((c) => c.startsWith("<w:tbl>"));
    const cells1 = tableRows(t1!)[0]!;
    expect(allAttrs(cells1[0]!, "w:sz").map((a) => a["w:val"])).toContain("24");
    expect(attrs(cells1[0]!, "w:ind")).toEqual({ "w:left": "0", "w:right": "0", "w:firstLine": "0" });
    expect(attrs(cells1[0]!, "w:jc")).toEqual({ "w:val": "center" });
    expect(attrs(cells1[1]!, "w:jc")).toEqual({ "w:val": "left" });
    expect(attrs(cells1[0]!, "w:vAlign")).toEqual({ "w:val": "center" });
    expect(cells1[0]).not.toMatch(/<w:spacing w:val=/);
    expect(allAttrs(tableRows(t2!)[0]![0]!, "w:sz").map((a) => a["w:val"])).toContain("21");
  });
});

describe("renderDocx: footers", () => {
  it("writes — PAGE — in 宋体 14 pt: odd pages right with one character right indent, even pages left", async () => {
    const { bytes, xml } = await doc(sampleTree());
    const first = sectPrs(xml)[0]!;
    const refs = allAttrs(first, "w:footerReference");
    expect(refs.map((r) => r["w:type"])).toEqual(["default", "even"]);
    const rels = docxPart(bytes, "word/_rels/document.xml.rels");
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    const odd = docxPart(bytes, `word/${target(refs[0]!["r:id"]!)}`);
    const even = docxPart(bytes, `word/${target(refs[1]!["r:id"]!)}`);
    expect(attrs(odd, "w:jc")).toEqual({ "w:val": "right" });
    expect(attrs(odd, "w:ind")).toEqual({ "w:right": "315" });
    expect(attrs(even, "w:jc")).toEqual({ "w:val": "left" });
    expect(attrs(even, "w:ind")).toEqual({ "w:left": "315" });
    for (const f of [odd, even]) {
      expect(paragraphText(f)).toBe("—  —");
      expect(f).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      for (const a of allAttrs(f, "w:rFonts")) {
        expect(a).toMatchObject({ "w:ascii": "宋体", "w:eastAsia": "宋体", "w:hAnsi": "宋体" });
      }
      expect(allAttrs(f, "w:sz").every((s) => s["w:val"] === "28")).toBe(true);
      expect(attrs(f, "w:spacing")).toMatchObject({ "w:line": "280", "w:lineRule": "exact" });
    }
  });

  it("gives a letter no page number on its first page (titlePage + empty first footer), only in the first section", async () => {
    const letter = tree(
      [
        { type: "paragraph", runs: [{ text: "一。" }] },
        { type: "pageBreak", parity: "odd" },
        { type: "paragraph", runs: [{ text: "二。" }] },
      ],
      "letter",
    );
    const { bytes, xml } = await doc(letter);
    const [s1, s2] = sectPrs(xml);
    expect(s1).toContain("<w:titlePg/>");
    expect(s2).not.toContain("<w:titlePg/>");
    const firstRef = allAttrs(s1!, "w:footerReference").find((r) => r["w:type"] === "first");
    expect(firstRef).toBeDefined();
    const rels = docxPart(bytes, "word/_rels/document.xml.rels");
    const target = new RegExp(`Id="${firstRef!["r:id"]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    const firstFooter = docxPart(bytes, `word/${target}`);
    expect(firstFooter).not.toContain("PAGE");
    expect(paragraphText(firstFooter)).toBe("");
    expect(allAttrs(s2!, "w:footerReference").map((r) => r["w:type"])).toEqual(["default", "even"]);
    // a normal document has no first-page footer
    const { xml: normal } = await doc({ ...letter, kind: "document" });
    expect(normal).not.toContain("<w:titlePg/>");
    expect(normal).not.toContain('w:type="first"');
  });
});

describe("renderDocx: fonts are configurable", () => {
  it("uses the configured names per role and an optional Latin font", async () => {
    const layout = defaultLayout({ fangsong: "方正仿宋_GBK", heiti: "方正黑体_GBK" });
    const { bytes, xml } = await doc(sampleTree(), { layout, latinFont: "Times New Roman" });
    const body = findParagraph(xml, "全年通过门户网站");
    expect(attrs(body, "w:rFonts")).toMatchObject({
      "w:eastAsia": "方正仿宋_GBK",
      "w:ascii": "Times New Roman",
      "w:hAnsi": "Times New Roman",
    });
    expect(attrs(findParagraph(xml, "主动公开情况"), "w:rFonts")).toMatchObject({
      "w:eastAsia": "方正黑体_GBK",
    });
    expect(attrs(docxPart(bytes, "word/styles.xml"), "w:rFonts")).toMatchObject({
      "w:eastAsia": "方正仿宋_GBK",
      "w:ascii": "Times New Roman",
    });
    // page numbers stay 半角宋体 in every slot
    const footers = Object.keys(docxParts(bytes)).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    for (const f of footers) {
      for (const a of allAttrs(docxPart(bytes, f), "w:rFonts")) expect(a["w:ascii"]).toBe("宋体");
    }
  });
});

describe("renderDocx: text, escaping, properties, determinism", () => {
  it("contains exactly the tree's text in reading order", async () => {
    const t = sampleTree();
    const { bytes } = await doc(t);
    expect(docxParagraphs(bytes)).toEqual(docxParagraphTexts(t));
    expect(docxParagraphs(bytes)).toContain("特殊字符检验：A&B <标签> \"引号\" 'single' “中文引号”。");
  });

  it("escapes markup characters and drops characters XML cannot hold", async () => {
    const t = tree([{ type: "paragraph", runs: [{ text: "a&b<c>d\"e'f\u0001g\u{1F600}h\ti" }] }]);
    t.meta.title = 'A&B <公开> "年报"';
    const { bytes, xml } = await doc(t);
    expect(xml).toContain("a&amp;b&lt;c&gt;d&quot;e&apos;fg\u{1F600}h");
    expect(xml).toContain("<w:tab/>");
    expect(docxParagraphs(bytes)).toEqual(["a&b<c>d\"e'fg\u{1F600}h\ti"]);
    expect(docxPart(bytes, "docProps/core.xml")).toContain(
      '<dc:title>A&amp;B &lt;公开&gt; "年报"</dc:title>',
    );
  });

  it("writes real document properties with the tree's fixed date", async () => {
    const { bytes } = await doc(sampleTree());
    const core = docxPart(bytes, "docProps/core.xml");
    expect(core).toContain("<dc:title>XX市商务局2014年政府信息公开工作总结</dc:title>");
    expect(core).toContain("<dc:creator>XX市商务局</dc:creator>");
    expect(core).toContain("<cp:lastModifiedBy>XX市商务局</cp:lastModifiedBy>");
    expect(core).toContain("<dc:subject>政府信息公开工作总结</dc:subject>");
    expect(core).toContain("<cp:keywords>政府信息公开；年度总结</cp:keywords>");
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2015-01-23T00:00:00Z</dcterms:created>',
    );
    expect(core).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2015-01-23T00:00:00Z</dcterms:modified>',
    );
  });

  it("zips with a fixed entry order and every entry dated the document date", async () => {
    const { bytes } = await doc(sampleTree());
    const entries = localEntries(bytes);
    expect(entries[0]!.name).toBe("[Content_Types].xml");
    expect(entries[1]!.name).toBe("_rels/.rels");
    const rest = entries.slice(2).map((e) => e.name);
    expect(rest).toEqual([...rest].sort());
    for (const e of entries) expect(e.date).toEqual({ y: 2015, m: 1, d: 23, hh: 0, mm: 0, ss: 0 });
  });

  it("gives identical bytes for identical input, in any time zone", async () => {
    const a = await renderDocx(sampleTree());
    const b = await renderDocx(sampleTree());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const saved = process.env.TZ;
    try {
      process.env.TZ = "Pacific/Kiritimati";
      const c = await renderDocx(sampleTree());
      process.env.TZ = "America/Los_Angeles";
      const d = await renderDocx(sampleTree());
      expect(Buffer.from(c).equals(Buffer.from(a))).toBe(true);
      expect(Buffer.from(d).equals(Buffer.from(a))).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("rejects a tree whose date is not a calendar date", async () => {
    const t = sampleTree();
    t.meta.date = "2015-02-30";
    await expect(renderDocx(t)).rejects.toThrow(
      'document date must be a calendar date YYYY-MM-DD, got "2015-02-30"',
    );
  });
});

/** Names and DOS dates of a zip's local file headers, in order. */
function localEntries(zip: Uint8Array) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: {
    name: string;
    date: { y: number; m: number; d: number; hh: number; mm: number; ss: number };
  }[] = [];
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    const time = view.getUint16(at + 10, true);
    const date = view.getUint16(at + 12, true);
    const compressed = view.getUint32(at + 18, true);
    const nameLen = view.getUint16(at + 26, true);
    const extraLen = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLen));
    out.push({
      name,
      date: {
        y: 1980 + (date >> 9),
        m: (date >> 5) & 15,
        d: date & 31,
        hh: time >> 11,
        mm: (time >> 5) & 63,
        ss: (time & 31) * 2,
      },
    });
    at += 30 + nameLen + extraLen + compressed;
  }
  return out;
}
