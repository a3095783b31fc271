/**
 * Every malformed fixture in test/fixtures/invalid/ (made from one small valid dataset, one
 * defect each unless the name says otherwise), asserted through the API to its exact errors:
 * line, column, JSON pointer, code and Chinese message. Loading it throws a UserError (exit 2).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DatasetError, parseDataset } from "../../src/data/load.js";
import { validateDatasetText } from "../../src/data/validate.js";

const DIR = resolve(import.meta.dirname, "..", "fixtures", "invalid");

type Row = [line: number, column: number, pointer: string, code: string, message: string];

const REFUSED_REASONS =
  "state-secret（属于国家秘密）、prohibited-by-law（其他法律行政法规禁止公开）、three-securities-one-stability（危及“三安全一稳定”）、third-party-rights（保护第三方合法权益）、internal-affairs（属于三类内部事务信息）、process-information（属于四类过程性信息）、enforcement-file（属于行政执法案卷）、administrative-query（属于行政查询事项）";

// prettier-ignore
const EXPECTED: Record<string, Row[]> = {
  "bad-id": [
    [51, 15, "/approval/cases/0/id", "format", "编号 \"办件 1\" 不合规：只能由英文字母、数字和 . _ - 组成，并以字母或数字开头"],
  ],
  "carried-over-in-year": [
    [104, 24, "/disclosure/applications/0/carriedOver", "year", "标记为上年结转，但收到日期 2023-04-03 不在上一年度"],
  ],
  "category-totals-disagree": [
    [72, 20, "/approval/totals/completedByCategory/0/count", "totals-mismatch", "合计数为 1，但办件记录中“备案登记”类的本年办结数为 2"],
  ],
  "completed-before-accepted": [
    [55, 22, "/approval/cases/0/completed", "order", "completed（办结日期）2023-02-28 早于 accepted（受理日期）2023-03-01"],
  ],
  "count-as-text": [
    [84, 22, "/disclosure/newMedia/0/published", "type", "数量应为非负整数，或约数如 {\"value\": 260, \"qualifier\": \"余\"}，实际是文本 \"260余\""],
  ],
  "count-bad-qualifier": [
    [86, 24, "/disclosure/newMedia/0/published/qualifier", "enum", "\"左右\" 不是 qualifier（约数词）的可选值；可选：余、约、多"],
  ],
  "dangling-item": [
    [60, 17, "/approval/cases/1/item", "dangling-reference", "找不到编号为 filling 的审批事项（已有：filing）"],
  ],
  "date-format": [
    [98, 22, "/disclosure/applications/0/submitted", "format", "日期应写作 2023-03-05、2023/3/5 或 2023年3月5日，实际为 \"4/3/2023\""],
  ],
  "duplicate-application-id": [
    [122, 15, "/disclosure/applications/2/id", "duplicate-id", "申请编号 A1 重复：与 /disclosure/applications/0 相同"],
  ],
  "duplicate-key": [
    [6, 5, "/agency/name", "duplicate-field", "字段 name 在同一处出现了两次，只有后一个值会生效；请删除其中一个"],
  ],
  "duplicate-case-id": [
    [59, 15, "/approval/cases/1/id", "duplicate-id", "办件编号 C1 重复：与 /approval/cases/0 相同"],
  ],
  "empty-file": [
    [1, 1, "", "syntax", "文件为空"],
  ],
  "empty-name": [
    [5, 13, "/agency/name", "empty", "不能为空"],
  ],
  "extension-too-long": [
    [107, 19, "/disclosure/applications/0/extension/days", "range", "不能大于 20（实际为 30）"],
  ],
  "fee-totals-disagree": [
    [147, 17, "/disclosure/fees/amount", "totals-mismatch", "收费合计金额为 1500 元，但申请记录中本年已缴费用合计 1700 元"],
  ],
  "fee-unpaid-without-fee": [
    [103, 21, "/disclosure/applications/0/reply/reason", "inconsistent", "答复为“其他处理”（fee-unpaid），但该申请没有未缴的收费记录（fee 且 paid 不为 true）"],
  ],
  "impossible-date": [
    [63, 22, "/approval/cases/1/completed", "date", "日期 2023-02-30 不存在"],
  ],
  "litigation-without-reconsideration": [
    [122, 35, "/disclosure/applications/1/litigation/afterReconsideration", "inconsistent", "标记为复议后起诉，但该申请没有行政复议记录 reconsideration"],
  ],
  "missing-court": [
    [4, 13, "/agency/court", "required", "缺少必填字段 court（管辖法院）"],
  ],
  "missing-year": [
    [1, 1, "/year", "required", "缺少必填字段 year（年度）"],
  ],
  "month-format": [
    [83, 19, "/disclosure/newMedia/0/opened", "format", "月份应写作 YYYY-MM（如 2014-06），实际为 \"2018-3\""],
  ],
  "narrative-bad-key": [
    [152, 5, "/narrative/下一步", "format", "段落名称 下一步 不合规：应以小写英文字母开头，只含英文字母和数字（如 closing）"],
  ],
  "negative-count": [
    [78, 25, "/disclosure/pressConferences", "range", "不能为负数（实际为 -1）"],
  ],
  "not-an-object": [
    [1, 1, "", "type", "应为对象 {…}，实际是列表"],
  ],
  "paid-without-date": [
    [136, 19, "/disclosure/applications/2/fee/paid", "inconsistent", "已缴费（paid 为 true）须填写缴费日期 paidDate"],
  ],
  "previous-year-not-carried": [
    [98, 22, "/disclosure/applications/0/submitted", "year", "收到日期 2022-12-28 在 2023 年之前：上年收到、本年继续办理的申请应填写 \"carriedOver\": true"],
  ],
  "reason-not-allowed": [
    [103, 11, "/disclosure/applications/0/reply/reason", "not-allowed", "答复类型为“予以公开”时不填写理由 reason，请删除该字段"],
  ],
  "reason-wrong-for-type": [
    [118, 21, "/disclosure/applications/1/reply/reason", "enum", `答复类型为“不予公开”时，理由 "not-held" 不适用；可选：${REFUSED_REASONS}`],
  ],
  "receipt-date-missing": [
    [105, 7, "/disclosure/applications/1/signedFor", "receipt", "以 registered-post（挂号信）方式提交的申请须填写 signedFor（签收日期），或直接填写 received（收到日期）"],
  ],
  "reply-after-year": [
    [140, 19, "/disclosure/applications/2/reply/date", "year", "reply.date（答复日期）2025-01-06 晚于 2024 年度；跨年度办理的申请可填写下一年度的答复（按结转下年度统计），更晚的答复不属于本年度的申请"],
  ],
  "reply-before-receipt": [
    [116, 19, "/disclosure/applications/1/reply/date", "order", "reply.date（答复日期）2023-05-05 早于 received（收到日期）2023-05-08"],
  ],
  "reply-missing-reason": [
    [115, 18, "/disclosure/applications/1/reply/reason", "required", `答复类型为“不予公开”时必须填写理由 reason，可选：${REFUSED_REASONS}`],
  ],
  "request-table-disagrees": [
    [159, 42, "/disclosure/annualReportTable/requests/disclosed/legal-services-organisation", "totals-mismatch", "表三“予以公开”行“法律服务机构”列为 2，但申请记录为 1"],
    [169, 24, "/disclosure/annualReportTable/reviews/reconsideration/corrected", "totals-mismatch", "表四“行政复议”的“结果纠正”为 1，但申请记录中本年为 0"],
    [170, 20, "/disclosure/annualReportTable/reviews/reconsideration/total", "totals-mismatch", "表四“行政复议”的“总计”为 1，但申请记录中本年为 0"],
  ],
  "several-errors": [
    [4, 13, "/agency/shortName", "required", "缺少必填字段 shortName（机关简称）"],
    [52, 21, "/approval/cases/0/received", "date", "日期 2023-13-01 不存在"],
    [100, 19, "/disclosure/applications/0/reply/date", "order", "reply.date（答复日期）2023-04-01 早于 received（收到日期）2023-04-03"],
  ],
  "syntax-chinese-quote": [
    [6, 18, "", "syntax", "JSON 语法错误：“ 是中文引号，应改为英文半角双引号 \""],
  ],
  "syntax-fullwidth-comma": [
    [78, 26, "", "syntax", "JSON 语法错误：全角符号 ， 应改为英文半角 ,"],
  ],
  "syntax-missing-comma": [
    [4, 3, "", "syntax", "JSON 语法错误：此处前面缺少逗号"],
  ],
  "syntax-raw-line-break": [
    [99, 26, "", "syntax", "JSON 语法错误：字符串中不能直接换行或含控制字符（换行请写作 \\n）"],
  ],
  "syntax-single-quote": [
    [14, 5, "", "syntax", "JSON 语法错误：字符串应使用双引号 \"，不能用单引号 '"],
  ],
  "syntax-trailing-comma": [
    [17, 22, "", "syntax", "JSON 语法错误：} 前多了一个逗号"],
  ],
  "syntax-unexpected-end": [
    [77, 3, "", "syntax", "JSON 语法错误：文件意外结束，可能缺少 } 或 ] 或引号"],
  ],
  "syntax-unquoted-key": [
    [3, 3, "", "syntax", "JSON 语法错误：字段名须放在英文双引号中，如 \"year\""],
  ],
  "totals-disagree": [
    [68, 20, "/approval/totals/completed", "totals-mismatch", "合计数为 3，但办件记录中的本年办结数为 2"],
  ],
  "unknown-field-no-suggestion": [
    [153, 3, "/remarks", "unknown-field", "未知字段 remarks。此处可用的字段：$schema、year、regime、interpretations、documents、agency、approval、disclosure、narrative"],
  ],
  "unknown-field-typo": [
    [58, 7, "/approval/cases/1/received", "required", "缺少必填字段 received（收到日期）"],
    [64, 9, "/approval/cases/1/recieved", "unknown-field", "未知字段 recieved，是否应为 received？"],
  ],
  "wrong-enum-channel": [
    [97, 20, "/disclosure/applications/0/channel", "enum", "\"post\" 不是 channel（申请方式）的可选值；可选：in-person（当面提交）、registered-post（挂号信）、ordinary-post（平常信函）、online（网络）、fax（传真）、email（电子邮件）"],
  ],
  "wrong-enum-typo": [
    [94, 19, "/disclosure/applications/0/applicant/type", "enum", "\"natural_person\" 不是 type（类型）的可选值；是否应为 natural-person？可选：natural-person（自然人）、commercial-enterprise（商业企业）、research-institution（科研机构）、public-interest-organisation（社会公益组织）、legal-services-organisation（法律服务机构）、other（其他）"],
  ],
  "wrong-type-boolean": [
    [56, 21, "/approval/cases/0/sealUsed", "type", "应为布尔值 true 或 false，实际是文本 \"是\""],
  ],
  "wrong-type-year": [
    [3, 11, "/year", "type", "应为整数，实际是文本 \"2023\""],
  ],
};

/**
 * The lines for people (the CLI's text output, after the file name): the record by its id or
 * place and the field by its Chinese name, not the pointer; labels, not codes; dates in words,
 * except those quoted from the file or shown as a way of writing a date.
 */
// prettier-ignore
const LINES: Record<string, string[]> = {
  "bad-id": [
    "第51行第15列 办件 办件 1 的编号：编号 \"办件 1\" 不合规：只能由英文字母、数字和 . _ - 组成，并以字母或数字开头",
  ],
  "carried-over-in-year": [
    "第104行第24列 申请 A1 的是否上年结转：标记为上年结转，但收到日期 2023年4月3日不在上一年度",
  ],
  "category-totals-disagree": [
    "第72行第20列 各类办结数第1项的数量：合计数为 1，但办件记录中“备案登记”类的本年办结数为 2",
  ],
  "completed-before-accepted": [
    "第55行第22列 办件 C1 的办结日期：办结日期2023年2月28日早于受理日期2023年3月1日",
  ],
  "count-as-text": [
    "第84行第22列 政务新媒体第1项的公开/发布：数量应为非负整数，或约数如 {\"value\": 260, \"qualifier\": \"余\"}，实际是文本 \"260余\"",
  ],
  "count-bad-qualifier": [
    "第86行第24列 政务新媒体第1项的公开/发布约数词：\"左右\" 不是约数词的可选值；可选：余、约、多",
  ],
  "dangling-item": [
    "第60行第17列 办件 C2 的审批事项编号：找不到编号为 filling 的审批事项（已有：filing）",
  ],
  "date-format": [
    "第98行第22列 申请 A1 的提交日期：日期应写作 2023-03-05、2023/3/5 或 2023年3月5日，实际为 \"4/3/2023\"",
  ],
  "duplicate-application-id": [
    "第122行第15列 申请 A1 的编号：申请编号 A1 重复：与申请第1项相同",
  ],
  "duplicate-case-id": [
    "第59行第15列 办件 C1 的编号：办件编号 C1 重复：与办件第1项相同",
  ],
  "duplicate-key": [
    "第6行第5列 机关信息名称：字段 name 在同一处出现了两次，只有后一个值会生效；请删除其中一个",
  ],
  "empty-file": [
    "第1行第1列：文件为空",
  ],
  "empty-name": [
    "第5行第13列 机关信息名称：不能为空",
  ],
  "extension-too-long": [
    "第107行第19列 申请 A1 的延长工作日数：不能大于 20（实际为 30）",
  ],
  "fee-totals-disagree": [
    "第147行第17列 政务公开收费合计金额：收费合计金额为 1500 元，但申请记录中本年已缴费用合计 1700 元",
  ],
  "fee-unpaid-without-fee": [
    "第103行第21列 申请 A1 的答复理由：答复为“其他处理”（fee-unpaid），但该申请没有未缴的收费记录（fee 且 paid 不为 true）",
  ],
  "impossible-date": [
    "第63行第22列 办件 C2 的办结日期：日期 2023-02-30 不存在",
  ],
  "litigation-without-reconsideration": [
    "第122行第35列 申请 A2 的行政诉讼是否复议后起诉：标记为复议后起诉，但该申请没有行政复议记录 reconsideration",
  ],
  "missing-court": [
    "第4行第13列 机关信息管辖法院：缺少必填字段管辖法院",
  ],
  "missing-year": [
    "第1行第1列 年度：缺少必填字段年度",
  ],
  "month-format": [
    "第83行第19列 政务新媒体第1项的开通月份：月份应写作 YYYY-MM（如 2014-06），实际为 \"2018-3\"",
  ],
  "narrative-bad-key": [
    "第152行第5列 叙述段落下一步：段落名称下一步不合规：应以小写英文字母开头，只含英文字母和数字（如 closing）",
  ],
  "negative-count": [
    "第78行第25列 政务公开新闻发布会：不能为负数（实际为 -1）",
  ],
  "not-an-object": [
    "第1行第1列：应为对象 {…}，实际是列表",
  ],
  "paid-without-date": [
    "第136行第19列 申请 A3 的信息处理费是否已缴费：已缴费（paid 为 true）须填写缴费日期 paidDate",
  ],
  "previous-year-not-carried": [
    "第98行第22列 申请 A1 的提交日期：收到日期 2022年12月28日在 2023 年之前：上年收到、本年继续办理的申请应填写 \"carriedOver\": true",
  ],
  "reason-not-allowed": [
    "第103行第11列 申请 A1 的答复理由：答复类型为“予以公开”时不填写理由 reason，请删除该字段",
  ],
  "reason-wrong-for-type": [
    "第118行第21列 申请 A2 的答复理由：答复类型为“不予公开”时，理由 \"not-held\" 不适用；可选：属于国家秘密、其他法律行政法规禁止公开、危及“三安全一稳定”、保护第三方合法权益、属于三类内部事务信息、属于四类过程性信息、属于行政执法案卷、属于行政查询事项",
  ],
  "receipt-date-missing": [
    "第105行第7列 申请 A2 的签收日期：以挂号信方式提交的申请须填写签收日期，或直接填写收到日期",
  ],
  "reply-after-year": [
    "第140行第19列 申请 A3 的答复日期：答复日期2025年1月6日晚于 2024 年度；跨年度办理的申请可填写下一年度的答复（按结转下年度统计），更晚的答复不属于本年度的申请",
  ],
  "reply-before-receipt": [
    "第116行第19列 申请 A2 的答复日期：答复日期2023年5月5日早于收到日期2023年5月8日",
  ],
  "reply-missing-reason": [
    "第115行第18列 申请 A2 的答复理由：答复类型为“不予公开”时必须填写理由 reason，可选：属于国家秘密、其他法律行政法规禁止公开、危及“三安全一稳定”、保护第三方合法权益、属于三类内部事务信息、属于四类过程性信息、属于行政执法案卷、属于行政查询事项",
  ],
  "request-table-disagrees": [
    "第159行第42列 政务公开：表三“予以公开”行“法律服务机构”列为 2，但申请记录为 1",
    "第169行第24列 政务公开：表四“行政复议”的“结果纠正”为 1，但申请记录中本年为 0",
    "第170行第20列 政务公开：表四“行政复议”的“总计”为 1，但申请记录中本年为 0",
  ],
  "several-errors": [
    "第4行第13列 机关信息机关简称：缺少必填字段机关简称",
    "第52行第21列 办件 C1 的收到日期：日期 2023-13-01 不存在",
    "第100行第19列 申请 A1 的答复日期：答复日期2023年4月1日早于收到日期2023年4月3日",
  ],
  "syntax-chinese-quote": [
    "第6行第18列：JSON 语法错误：“ 是中文引号，应改为英文半角双引号 \"",
  ],
  "syntax-fullwidth-comma": [
    "第78行第26列：JSON 语法错误：全角符号 ， 应改为英文半角 ,",
  ],
  "syntax-missing-comma": [
    "第4行第3列：JSON 语法错误：此处前面缺少逗号",
  ],
  "syntax-raw-line-break": [
    "第99行第26列：JSON 语法错误：字符串中不能直接换行或含控制字符（换行请写作 \\n）",
  ],
  "syntax-single-quote": [
    "第14行第5列：JSON 语法错误：字符串应使用双引号 \"，不能用单引号 '",
  ],
  "syntax-trailing-comma": [
    "第17行第22列：JSON 语法错误：} 前多了一个逗号",
  ],
  "syntax-unexpected-end": [
    "第77行第3列：JSON 语法错误：文件意外结束，可能缺少 } 或 ] 或引号",
  ],
  "syntax-unquoted-key": [
    "第3行第3列：JSON 语法错误：字段名须放在英文双引号中，如 \"year\"",
  ],
  "totals-disagree": [
    "第68行第20列 集中审批办结总数：合计数为 3，但办件记录中的本年办结数为 2",
  ],
  "unknown-field-no-suggestion": [
    "第153行第3列 remarks：未知字段 remarks。此处可用的字段：$schema、year、regime、interpretations、documents、agency、approval、disclosure、narrative",
  ],
  "unknown-field-typo": [
    "第58行第7列 办件 C2 的收到日期：缺少必填字段收到日期",
    "第64行第9列 办件 C2：未知字段 recieved，是否应为 received？",
  ],
  "wrong-enum-channel": [
    "第97行第20列 申请 A1 的申请方式：\"post\" 不是申请方式的可选值；可选：当面提交、挂号信、平常信函、网络、传真、电子邮件",
  ],
  "wrong-enum-typo": [
    "第94行第19列 申请 A1 的申请人类型：\"natural_person\" 不是类型的可选值；是否应为 natural-person？可选：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他",
  ],
  "wrong-type-boolean": [
    "第56行第21列 办件 C1 的是否使用审批专用章：应为布尔值 true 或 false，实际是文本 \"是\"",
  ],
  "wrong-type-year": [
    "第3行第11列 年度：应为整数，实际是文本 \"2023\"",
  ],

};

describe("malformed fixtures", () => {
  it("there are at least 30, and every one has an expectation", () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.replace(/\.json$/, ""))
      .sort();
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files).toEqual(Object.keys(EXPECTED).sort());
    expect(Object.keys(LINES).sort()).toEqual(files);
  });

  for (const [name, rows] of Object.entries(EXPECTED)) {
    it(name, () => {
      const file = `${name}.json`;
      const text = readFileSync(join(DIR, file), "utf8");
      const result = validateDatasetText(text, file, "zh");
      expect(result.ok).toBe(false);
      expect(result.errors.map((e) => [e.line, e.column, e.pointer, e.code, e.message])).toEqual(rows);
      expect(result.errors.every((e) => e.file === file)).toBe(true);
      let thrown: unknown;
      try {
        parseDataset(text, file);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(DatasetError);
      const err = thrown as DatasetError;
      expect(err.exitCode).toBe(2);
      expect(err.message).toBe(`${file}：数据有 ${rows.length} 处错误`);
      expect(err.details).toEqual(LINES[name]!.map((l) => `${file} ${l}`));
      // The pointers and ISO dates stay in the errors (--json), not in the lines.
      for (const l of err.details) expect(l).not.toMatch(/ \/[a-z]+\//);
    });
  }
});
