/** Hand-built document trees for the DOCX writer tests. */
import type { Block, DocumentTree, Run } from "../../../src/document/tree.js";

const r = (text: string, extra: Partial<Run> = {}): Run => ({ text, ...extra });

/** A summary-like document using every block type. */
export function sampleTree(): DocumentTree {
  const blocks: Block[] = [
    {
      type: "title",
      text: "XX市商务局2014年政府信息公开工作总结",
      lines: ["XX市商务局", "2014年政府信息公开工作总结"],
    },
    { type: "docNumber", text: "X商务〔2015〕3号" },
    { type: "blank" },
    { type: "addressee", text: "市政府办公室：" },
    {
      type: "paragraph",
      runs: [
        r("2014年，我局按照《中华人民共和国政府信息公开条例》和市政府的部署，认真做好政府信息公开工作，"),
        r("主动公开政府信息260余条", { bold: true }),
        r("，办理时间由原5个工作日缩减至2个工作日，办理时间缩短了60%。现将有关情况总结如下。"),
      ],
    },
    { type: "heading", level: 1, number: "一、", runs: [r("主动公开情况")] },
    { type: "heading", level: 2, number: "（一）", runs: [r("公开内容")] },
    {
      type: "paragraph",
      runs: [r("全年通过门户网站公开信息260余条，其中规范性文件12件、工作动态186条。")],
    },
    { type: "heading", level: 3, number: "1.", runs: [r("网站公开")] },
    { type: "heading", level: 4, number: "（1）", runs: [r("栏目建设")] },
    {
      type: "list",
      ordered: true,
      items: [[r("完善公开目录；")], [r("更新办事指南。")]],
    },
    { type: "list", ordered: false, items: [[r("无序条目一")], [r("无序条目二")]] },
    {
      type: "table",
      caption: "表1 依申请公开情况统计",
      headerRows: 2,
      columnWidths: [3, 2, 2, 2],
      rows: [
        {
          cells: [
            { paragraphs: [[r("项目")]], rowSpan: 2, align: "center" },
            { paragraphs: [[r("申请数")]], colSpan: 3, align: "center" },
          ],
        },
        {
          cells: [
            { paragraphs: [[r("当面")]], align: "center" },
            { paragraphs: [[r("网络")]], align: "center" },
            { paragraphs: [[r("信函")]], align: "center" },
          ],
        },
        {
          cells: [
            { paragraphs: [[r("受理")]], rowSpan: 2 },
            { paragraphs: [[r("1")]], align: "center" },
            { paragraphs: [[r("2")]], align: "center" },
            { paragraphs: [[r("0")]], align: "center" },
          ],
        },
        {
          cells: [
            { paragraphs: [[r("1")]], align: "center" },
            { paragraphs: [[r("0")]], colSpan: 2, align: "center" },
          ],
        },
      ],
    },
    {
      type: "paragraph",
      runs: [r("特殊字符检验：A&B <标签> \"引号\" 'single' “中文引号”。")],
    },
    {
      type: "paragraph",
      indent: "none",
      align: "left",
      runs: [r("无缩进段落，"), r("含换行", { breakAfter: true }), r("第二行。")],
    },
    { type: "attachments", items: ["2014年政府信息公开工作统计表", "依申请公开办理情况明细表"] },
    { type: "signature", agency: "XX市商务局", date: "2015年1月23日" },
    { type: "note", runs: [r("（此件公开发布）")] },
    { type: "pageBreak" },
    { type: "heading", level: 1, number: "二、", runs: [r("新页标题")] },
    { type: "paragraph", runs: [r("分页后的正文。")] },
    { type: "pageBreak", parity: "odd" },
    { type: "paragraph", runs: [r("奇数页开始的正文。")] },
  ];
  return {
    kind: "document",
    meta: {
      title: "XX市商务局2014年政府信息公开工作总结",
      author: "XX市商务局",
      subject: "政府信息公开工作总结",
      keywords: ["政府信息公开", "年度总结"],
      date: "2015-01-23",
    },
    blocks,
  };
}

/** `n` single-line paragraphs (short enough to fit on one line with the first-line indent). */
export function singleLineTree(n: number, kind: DocumentTree["kind"] = "document"): DocumentTree {
  const blocks: Block[] = Array.from({ length: n }, (_, i) => ({
    type: "paragraph",
    runs: [r(`第${i + 1}段单行文字`)],
  }));
  return { kind, meta: { title: "单行测试", author: "测试机关", date: "2015-01-23" }, blocks };
}

/** A paragraph of exactly `chars` full-width characters, no indent. */
export function fullWidthParagraph(chars: number): Block {
  const base = "政府信息公开工作";
  let text = "";
  while (text.length < chars) text += base;
  return { type: "paragraph", indent: "none", runs: [r(text.slice(0, chars))] };
}

/** About 60 paragraphs of body text with headings: a typical multi-page summary. */
export function longTree(): DocumentTree {
  const sentence = "我局认真贯彻落实政府信息公开条例，健全工作机制，规范办理流程，主动接受社会监督，";
  const blocks: Block[] = [
    { type: "title", text: "长文档分页测试" },
    { type: "blank" },
    { type: "addressee", text: "市政府办公室：" },
  ];
  for (let i = 0; i < 60; i++) {
    if (i % 10 === 0) {
      blocks.push({
        type: "heading",
        level: 1,
        number: `${"一二三四五六"[i / 10]}、`,
        runs: [r("工作情况")],
      });
    }
    blocks.push({ type: "paragraph", runs: [r(`${sentence.repeat(1 + (i % 3))}第${i + 1}段完。`)] });
  }
  blocks.push({ type: "signature", agency: "XX市商务局", date: "2015年1月23日" });
  return {
    kind: "document",
    meta: { title: "长文档分页测试", author: "XX市商务局", date: "2015-01-23" },
    blocks,
  };
}
