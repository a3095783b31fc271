/**
 * Header recognition and row reading (src/data/import/headers.ts, records.ts) on ledgers built
 * in memory: title rows, two-level headers, strong and weak column names, sheet and kind choice,
 * approval cases by item name or code, ids from 序号, required columns with their hints.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { formatIssue, type CellValue, type Ledger } from "../../src/data/import/ledger.js";
import { readRecords } from "../../src/data/import/records.js";
import type { Dataset } from "../../src/data/types.js";
import { fixture } from "./ledgers.js";

const dataset = (): Dataset => JSON.parse(fs.readFileSync(fixture("dataset-2014.json"), "utf8")) as Dataset;

function ledger(...sheets: { name: string; rows: CellValue[][] }[]): Ledger {
  return {
    file: "台账.xlsx",
    format: "xlsx",
    encoding: null,
    date1904: false,
    sheets: sheets.map((s, i) => ({ index: i + 1, name: s.name, rows: s.rows })),
  };
}

const messages = (r: ReturnType<typeof readRecords>) => r.issues.map((i) => formatIssue(i, "zh"));
const warnings = (r: ReturnType<typeof readRecords>) => r.warnings.map((i) => formatIssue(i, "zh"));

const APP_ROW = ["YSQ2014-050", "申请人甲", "自然人", "网络", "2014/6/3", "信息甲"];

describe("the header", () => {
  it("is found below a title and notes, and a two-level header is read as one", () => {
    const r = readRecords(
      ledger({
        name: "台账",
        rows: [
          ["2014年依申请公开登记台账"],
          ["填报单位：办公室"],
          [
            "申请编号",
            "申请人",
            "申请人类型",
            "申请方式",
            "收到申请日期",
            "申请内容",
            "答复情况",
            "答复情况",
          ],
          [null, null, null, null, null, null, "答复日期", "答复类型"],
          [...APP_ROW, "2014/6/10", "予以公开"],
        ],
      }),
      { dataset: dataset() },
    );
    expect(messages(r)).toEqual([]);
    expect(r.kind).toBe("applications");
    expect(r.sheets[0]!.headerRows).toEqual([3, 4]);
    expect(r.sheets[0]!.columns.map((c) => `${c.column}:${c.field}`)).toEqual([
      "A:id",
      "B:applicant.name",
      "C:applicant.type",
      "D:channel",
      "E:received",
      "F:content",
      "G:reply.date",
      "H:reply.type",
    ]);
    expect(r.records[0]!.values.reply).toEqual({ date: "2014-06-10", type: "disclosed" });
  });

  it("prefers a strong name over a weak one for the same field, and reports the column left out", () => {
    const r = readRecords(
      ledger({
        name: "台账",
        rows: [
          [
            "编号",
            "申请编号",
            "申请人",
            "申请人类型",
            "申请方式",
            "收到申请日期",
            "申请内容",
            "办结日期",
            "答复日期",
            "答复类型",
          ],
          ["7", ...APP_ROW, "2014/6/30", "2014/6/10", "予以公开"],
        ],
      }),
      { dataset: dataset() },
    );
    expect(messages(r)).toEqual([]);
    expect(warnings(r)).toEqual([
      "台账.xlsx 第1张表 A列“编号”：已按B列“申请编号”读取申请编号，此列略过",
      "台账.xlsx 第1张表 H列“办结日期”：已按I列“答复日期”读取答复日期，此列略过",
    ]);
    expect(r.records[0]!.values.reply).toEqual({ date: "2014-06-10", type: "disclosed" });
  });

  it("two strong names for one field are an error asking for a mapping", () => {
    const r = readRecords(
      ledger({
        name: "台账",
        rows: [
          [
            "申请编号",
            "申请人",
            "申请人类型",
            "申请方式",
            "收到申请日期",
            "申请内容",
            "答复日期",
            "回复日期",
          ],
          [...APP_ROW, "2014/6/10", "2014/6/11"],
        ],
      }),
      { dataset: dataset() },
    );
    expect(messages(r)).toEqual([
      "台账.xlsx 第1张表 H列“回复日期”：与G列“答复日期”都表示答复日期；请在映射文件 columns 中指定用哪一列",
    ]);
  });

  it("names each missing column, with the way out where there is one", () => {
    const r = readRecords(
      ledger({
        name: "台账",
        rows: [
          ["序号", "申请人", "收到申请日期", "申请内容"],
          ["1", "申请人甲", "2014/6/3", "x"],
        ],
      }),
      { dataset: dataset(), kind: "applications" },
    );
    expect(messages(r)).toEqual([
      "台账.xlsx 第1张表：找不到“申请编号”列（表头在第1行）；只有“序号”时，可在映射文件中用 idPrefix 按序号生成编号",
      "台账.xlsx 第1张表：找不到“申请人类型”列（表头在第1行）；也可在映射文件 defaults 中给出统一的值",
      "台账.xlsx 第1张表：找不到“申请方式”列（表头在第1行）；也可在映射文件 defaults 中给出统一的值",
    ]);
  });

  it("a mapping makes ids from 序号 and gives defaults for missing columns", () => {
    const r = readRecords(
      ledger({
        name: "台账",
        rows: [
          ["序号", "申请人", "收到申请日期", "申请内容"],
          ["7", "申请人甲", "2014/6/3", "x"],
        ],
      }),
      {
        dataset: dataset(),
        mapping: {
          idPrefix: "YSQ2014-",
          defaults: { applicantType: "natural-person", channel: "in-person" },
        },
      },
    );
    expect(messages(r)).toEqual([]);
    expect(r.records.map((x) => [x.id, x.values, x.defaults])).toEqual([
      [
        "YSQ2014-007",
        { id: "YSQ2014-007", applicant: { name: "申请人甲" }, received: "2014-06-03", content: "x" },
        { applicant: { type: "natural-person" }, channel: "in-person", submitted: "2014-06-03" },
      ],
    ]);
  });
});

describe("sheets and kinds", () => {
  const apps = {
    name: "申请",
    rows: [["申请编号", "申请人", "申请人类型", "申请方式", "收到申请日期", "申请内容"], APP_ROW],
  };
  const cases = {
    name: "办件",
    rows: [
      ["办件编号", "事项名称", "受理日期", "办结日期", "是否使用审批专用章"],
      ["SP2014-010", "对外贸易经营者备案登记", "2014/7/1", "2014/7/2", "是"],
    ],
  };

  it("asks which sheet when several look like ledgers; --sheet takes a name or a position", () => {
    const l = ledger(apps, cases);
    expect(messages(readRecords(l, { dataset: dataset() }))).toEqual([
      "台账.xlsx：有 2 张工作表像是台账（第1张表“申请”、第2张表“办件”），请用 --sheet 指定要导入的表（可多次使用）",
    ]);
    const byName = readRecords(l, { dataset: dataset(), sheets: ["办件"] });
    expect([byName.kind, byName.records.map((x) => x.id)]).toEqual(["approval-cases", ["SP2014-010"]]);
    const byNumber = readRecords(l, { dataset: dataset(), sheets: ["1"] });
    expect([byNumber.kind, byNumber.records.map((x) => x.id)]).toEqual(["applications", ["YSQ2014-050"]]);
    expect(messages(readRecords(l, { dataset: dataset(), sheets: ["汇总"] }))).toEqual([
      "台账.xlsx：没有名为“汇总”的工作表（有：1“申请”、2“办件”）",
    ]);
  });

  it("reads several sheets as one ledger and finds a duplicate id across them", () => {
    const second = { name: "下半年", rows: [apps.rows[0]!, APP_ROW] };
    expect(messages(readRecords(ledger(apps, second), { dataset: dataset(), sheets: ["1", "2"] }))).toEqual([
      "台账.xlsx 第2张表 第2行 A列“申请编号”：编号“YSQ2014-050”与第1张表第2行重复",
    ]);
  });

  it("without a recognisable header says how to name the columns", () => {
    const r = readRecords(
      ledger({
        name: "x",
        rows: [
          ["登记号", "来文人", "事由"],
          ["1", "a", "b"],
        ],
      }),
      {
        dataset: dataset(),
      },
    );
    expect(messages(r)).toEqual([
      "台账.xlsx：无法识别表头；请用 --kind 指明台账种类（applications 依申请公开申请 / approval-cases 审批办件），必要时用 --mapping 指定各列",
    ]);
  });
});

describe("approval cases", () => {
  it("names the item by its name or code; an unknown one lists the items", () => {
    const r = readRecords(
      ledger({
        name: "办件",
        rows: [
          ["办件编号", "事项编码", "事项名称", "受理日期", "办结日期", "用章"],
          ["SP2014-020", "fie-change", "外商投资企业变更审批", "2014/7/1", "2014/7/8", "是"],
          ["SP2014-021", null, "外资企业设立", "2014/7/1", "2014/7/8", "是"],
          ["SP2014-022", "fie-new", null, "2014/7/1", "2014/7/8", "否"],
          ["SP2014-023", "fie-change", "对外贸易经营者备案登记", "2014/7/1", "2014/7/8", "是"],
        ],
      }),
      { dataset: dataset() },
    );
    expect(messages(r)).toEqual([
      "台账.xlsx 第1张表 第3行 C列“事项名称”：数据文件中没有名为“外资企业设立”的审批事项（已有：“对外贸易经营者备案登记”“外商投资企业变更审批”）；名称不同时可在映射文件 values.item 中对应",
      "台账.xlsx 第1张表 第4行 B列“事项编码”：数据文件中没有编码为“fie-new”的审批事项（已有：foreign-trade-filing、fie-change）",
      "台账.xlsx 第1张表 第5行 C列“事项名称”：事项名称与B列的事项编码不一致",
    ]);
  });

  it("needs the seal column or a mapping default, and takes the receipt date from acceptance", () => {
    const rows: CellValue[][] = [
      ["办件编号", "事项名称", "受理日期", "办结日期"],
      ["SP2014-030", "对外贸易经营者备案登记", "2014/8/1", "2014/8/4"],
    ];
    expect(messages(readRecords(ledger({ name: "办件", rows }), { dataset: dataset() }))).toEqual([
      '台账.xlsx 第1张表：找不到“是否使用审批专用章”列（表头在第1行）；如全部使用了审批专用章，可在映射文件 defaults 中写 "sealUsed": true',
    ]);
    const ok = readRecords(ledger({ name: "办件", rows }), {
      dataset: dataset(),
      mapping: { defaults: { sealUsed: true }, values: { item: {} } },
    });
    expect(ok.records.map((x) => [x.values, x.defaults])).toEqual([
      [
        { id: "SP2014-030", item: "foreign-trade-filing", accepted: "2014-08-01", completed: "2014-08-04" },
        { received: "2014-08-01", sealUsed: true },
      ],
    ]);
  });

  it("are refused when the dataset has no approval section", () => {
    const d = dataset();
    delete d.approval;
    const r = readRecords(
      ledger({
        name: "办件",
        rows: [
          ["办件编号", "事项名称", "受理日期", "用章"],
          ["SP2014-031", "x", "2014/8/1", "是"],
        ],
      }),
      { dataset: d, kind: "approval-cases" },
    );
    expect(messages(r)).toEqual([
      "台账.xlsx：数据文件中没有 approval（集中审批）部分，无法导入办件；请先填写 approval.office 和 approval.items（审批事项）",
    ]);
  });
});

describe("rows", () => {
  it("skips blank rows, pre-numbered empty rows and total rows; checks reply dates, types and fees", () => {
    const r = readRecords(
      ledger({
        name: "台账",
        rows: [
          [
            "序号",
            "申请编号",
            "申请人",
            "申请人类型",
            "申请方式",
            "收到申请日期",
            "申请内容",
            "答复日期",
            "答复类型",
            "理由",
            "收费",
            "收费方式",
          ],
          ["1", ...APP_ROW, "2014/6/10", null, null, null, null],
          [
            "2",
            "YSQ2014-051",
            "申请人乙",
            "企业",
            "网络",
            "2014/6/4",
            "信息乙",
            null,
            "予以公开",
            "无",
            "20",
            "按件",
          ],
          ["3"],
          [],
          ["合计", null, null, null, null, null, null, null, null, null, "20"],
        ],
      }),
      { dataset: dataset() },
    );
    expect(messages(r)).toEqual([
      "台账.xlsx 第1张表 第2行 I列“答复类型”：有答复日期，但没有答复类型",
      "台账.xlsx 第1张表 第3行 H列“答复日期”：有答复类型，但没有答复日期",
      "台账.xlsx 第1张表 第3行 K列“收费”：收费金额不为0，但台账没有“计费数量”“收费通知日期”列",
    ]);
  });

  it("rejects an id that cannot be a record id, suggesting idPrefix", () => {
    const r = readRecords(
      ledger({
        name: "台账",
        rows: [
          ["序号", "申请编号", "申请人", "申请人类型", "申请方式", "收到申请日期", "申请内容"],
          ["1", "示商务依申〔2014〕1号", "申请人甲", "自然人", "网络", "2014/6/3", "x"],
        ],
      }),
      { dataset: dataset() },
    );
    expect(messages(r)).toEqual([
      "台账.xlsx 第1张表 第2行 B列“申请编号”：编号“示商务依申〔2014〕1号”不能用作记录编号：只能由字母、数字和 . _ - 组成（也可在映射文件中用 idPrefix 按序号生成编号）",
    ]);
  });
});

describe("delivery columns", () => {
  const HEAD = [
    "申请编号",
    "申请人",
    "申请人类型",
    "申请方式",
    "收到申请日期",
    "申请内容",
    "获取方式",
    "答复日期",
    "答复类型",
    "提供形式",
    "未按申请形式提供的原因",
    "送达日期",
  ];
  it("reads the requested and provided form and method and the date served", () => {
    const r = readRecords(
      ledger({
        name: "台账",
        rows: [
          HEAD,
          [
            ...APP_ROW,
            "纸质、邮寄",
            "2014/6/10",
            "予以公开",
            "电子文档/电子邮件",
            "申请的纸质件已不存在",
            "2014/6/11",
          ],
          [
            "YSQ2014-051",
            "申请人乙",
            "企业",
            "网络",
            "2014/6/4",
            "信息乙",
            "当场查阅、抄录",
            "2014/6/12",
            "予以公开",
            "当场查阅",
            null,
            null,
          ],
        ],
      }),
      { dataset: dataset() },
    );
    expect(messages(r)).toEqual([]);
    expect(r.sheets[0]!.columns.map((c) => c.field)).toContain("reply.delivered");
    expect(r.records.map((x) => [x.values.requestedDelivery, x.values.reply])).toEqual([
      [
        { form: "paper", method: "post" },
        {
          date: "2014-06-10",
          type: "disclosed",
          delivery: { form: "electronic", method: "email", deviation: "申请的纸质件已不存在" },
          delivered: "2014-06-11",
        },
      ],
      [{ method: "inspect" }, { date: "2014-06-12", type: "disclosed", delivery: { method: "inspect" } }],
    ]);
  });

  it("names sheet, row and column of a delivery the data would refuse, with the validation's sentence", () => {
    const r = readRecords(
      ledger({
        name: "台账",
        rows: [
          HEAD,
          [...APP_ROW, "纸质、邮寄", "2014/6/10", "予以公开", "电子文档", null, "2014/6/9"],
          [
            "YSQ2014-051",
            "申请人乙",
            "企业",
            "网络",
            "2014/6/4",
            "信息乙",
            "飞鸽",
            "2014/6/12",
            "不予公开（属于国家秘密）",
            "纸质",
            null,
            null,
          ],
          [
            "YSQ2014-052",
            "申请人丙",
            "企业",
            "网络",
            "2014/6/4",
            "信息丙",
            null,
            null,
            null,
            "纸质",
            null,
            "2014/6/20",
          ],
          [
            "YSQ2014-053",
            "申请人丁",
            "企业",
            "网络",
            "2014/6/4",
            "信息丁",
            "纸质、电子文档",
            "2014/6/12",
            "予以公开",
            "纸质",
            null,
            null,
          ],
        ],
      }),
      { dataset: dataset() },
    );
    expect(messages(r)).toEqual([
      "台账.xlsx 第1张表 第2行 L列“送达日期”：送达日期 2014-06-09 早于答复日期 2014-06-10",
      "台账.xlsx 第1张表 第2行 K列“未按申请形式提供的原因”：申请要求以纸质形式提供，答复以电子文档形式提供：须填写未按申请的形式提供的原因（如按申请的形式提供可能危及政府信息载体安全或者公开成本过高），答复书据此说明",
      "台账.xlsx 第1张表 第3行 G列“获取方式”：无法识别的提供形式或获取方式“飞鸽”，可用：“纸质”“电子文档”（形式），“邮寄”“电子邮件”“传真”“当面领取”“当场查阅、抄录”（方式），两者可并写，如“纸质、邮寄”",
      "台账.xlsx 第1张表 第3行 J列“提供形式”：答复类型为“不予公开”的答复不向申请人提供信息，不应填写提供和送达；只有予以公开和部分公开的答复填写",
      "台账.xlsx 第1张表 第4行 J列“提供形式”：填写了提供形式，但没有答复日期和答复类型",
      "台账.xlsx 第1张表 第4行 L列“送达日期”：填写了送达日期，但没有答复日期和答复类型",
      "台账.xlsx 第1张表 第5行 G列“获取方式”：“纸质、电子文档”写了两种形式，只能写一种",
    ]);
  });
});
