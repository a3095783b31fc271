/** Document trees for the PDF writer's tests (and the benchmark). */
import type { Block, DocumentTree, Run } from "../../../src/document/tree.js";

export const PARA =
  "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第二十四条规定，现将本机关2014年政府信息公开工作情况报告如下。" +
  "本报告中所列数据的统计期限自2014年1月1日起至2014年12月31日止，全年共受理申请60件，办结率100%。" +
  "报告电子版可在http://www.example.gov.cn/xxgk/下载。";

const r = (text: string): Run[] => [{ text }];

/** A one-page 信函 (on-request disclosure reply). `n` varies the text so batches differ. */
export function letterTree(n = 1): DocumentTree {
  return {
    kind: "letter",
    meta: {
      title: "政府信息公开申请答复书",
      author: "某市商务局",
      subject: "依申请公开答复",
      date: "2015-01-23",
    },
    blocks: [
      { type: "title", text: "某市商务局政府信息公开申请答复书" },
      { type: "docNumber", text: `商务公开复〔2014〕${n}号` },
      { type: "blank" },
      { type: "addressee", text: `申请人${n}号：` },
      {
        type: "paragraph",
        runs: r(
          `本机关于2014年3月${(n % 28) + 1}日收到您提出的政府信息公开申请，要求获取“本市2013年度外商投资企业名录及其注册资本情况”。经审查，现答复如下：`,
        ),
      },
      {
        type: "paragraph",
        runs: r(
          "您申请获取的信息属于本机关公开的政府信息，根据《中华人民共和国政府信息公开条例》第二十一条第（一）项的规定，现将该信息提供给您（见附件）。" +
            "如对本答复不服，可以在收到本答复之日起六十日内向某市人民政府申请行政复议，或者在六个月内向人民法院提起行政诉讼。",
        ),
      },
      { type: "attachments", items: ["本市2013年度外商投资企业名录"] },
      { type: "signature", agency: "某市商务局", date: "2014年3月28日" },
      { type: "note", runs: r("（联系人：办公室，电话：0571-12345678）") },
    ],
  };
}

/** A multi-page 公文 with every block type. */
export function summaryTree(): DocumentTree {
  const blocks: Block[] = [
    { type: "title", text: "某市商务局关于2014年政府信息公开工作情况的报告" },
    { type: "blank" },
    { type: "addressee", text: "市人民政府办公厅：" },
    { type: "paragraph", runs: r(PARA) },
    { type: "heading", level: 1, number: "一、", runs: r("总体情况") },
    { type: "paragraph", runs: r(PARA + PARA) },
    { type: "heading", level: 2, number: "（一）", runs: r("主动公开情况") },
    {
      type: "paragraph",
      runs: [
        { text: "全年主动公开政府信息" },
        { text: "1234", bold: true },
        { text: "条，其中规范性文件" },
        { text: "12件。" },
      ],
    },
    { type: "heading", level: 3, number: "1.", runs: r("政策解读") },
    { type: "paragraph", runs: r(PARA) },
    { type: "heading", level: 4, number: "（1）", runs: r("图文解读") },
    {
      type: "list",
      ordered: true,
      items: [r("发布图文解读八篇。"), r("召开新闻发布会两次，回应社会关切。")],
    },
    { type: "paragraph", runs: r(PARA + PARA + PARA) },
    {
      type: "table",
      caption: "表1 收到和处理政府信息公开申请情况",
      headerRows: 2,
      columnWidths: [3, 2, 2, 2],
      rows: [
        {
          cells: [
            { paragraphs: [r("本列数据的勾稽关系")], rowSpan: 2 },
            { paragraphs: [r("申请人情况")], colSpan: 3 },
          ],
        },
        { cells: [{ paragraphs: [r("自然人")] }, { paragraphs: [r("法人")] }, { paragraphs: [r("总计")] }] },
        ...Array.from({ length: 14 }, (_, i) => ({
          cells: [
            { paragraphs: [r(`第${i + 1}项 本年新收政府信息公开申请数量`)] },
            { paragraphs: [r(String(10 + i))], align: "center" as const },
            { paragraphs: [r(String(i))], align: "center" as const },
            { paragraphs: [r(String(10 + 2 * i))], align: "center" as const },
          ],
        })),
      ],
    },
    { type: "paragraph", runs: r(PARA) },
    {
      type: "attachments",
      items: [
        "2014年政府信息公开情况统计表",
        "政府信息公开申请办理流程图（含网上申请、当面申请和信函申请三种方式）",
      ],
    },
    { type: "signature", agency: "某市商务局", date: "2015年1月23日" },
    { type: "note", runs: r("（此件公开发布）") },
  ];
  return {
    kind: "document",
    meta: {
      title: "2014年政府信息公开工作情况的报告",
      author: "某市商务局",
      keywords: ["政府信息公开", "年度报告"],
      date: "2015-01-23",
    },
    blocks,
  };
}

/** Plain text of a tree in reading order (what pdftotext should give back, whitespace aside). */
export function treeText(tree: DocumentTree): string {
  const runs = (rs: readonly Run[]): string => rs.map((x) => x.text).join("");
  return tree.blocks
    .map((b) => {
      switch (b.type) {
        case "title":
        case "docNumber":
        case "addressee":
          return b.text;
        case "heading":
          return b.number + runs(b.runs);
        case "paragraph":
        case "note":
          return runs(b.runs);
        case "list":
          return b.items.map((it, i) => (b.ordered ? `${i + 1}.` : "") + runs(it)).join("");
        case "table":
          return (
            (b.caption ?? "") +
            b.rows.map((row) => row.cells.map((c) => c.paragraphs.map(runs).join("")).join("")).join("")
          );
        case "attachments":
          return "附件：" + b.items.map((it, i) => (b.items.length > 1 ? `${i + 1}.` : "") + it).join("");
        case "signature":
          return b.agency + b.date;
        default:
          return "";
      }
    })
    .join("");
}
