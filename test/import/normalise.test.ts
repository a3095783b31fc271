/** Cell values to dataset values: dates in every way ledgers write them, and coded labels. */
import { describe, expect, it } from "vitest";
import {
  APPLICANT_TYPE_TABLE,
  CHANNEL_TABLE,
  CODE_NAMES,
  REASON_TABLE,
  REPLY_TYPE_TABLE,
  excelSerialDate,
  labelKey,
  parseAmount,
  parseBoolean,
  parseDate,
  parseLabel,
  parseReplyLabel,
} from "../../src/data/import/normalise.js";

const value = <T>(r: { ok: true; value: T } | { ok: false; message: { zh: string } }) =>
  r.ok ? r.value : `ERROR ${r.message.zh}`;

describe("dates", () => {
  it.each([
    ["2014-03-05", "2014-03-05"],
    ["2014-3-5", "2014-03-05"],
    ["2014/3/5", "2014-03-05"],
    ["2014.3.5", "2014-03-05"],
    ["2014年3月5日", "2014-03-05"],
    ["2014 年 3 月 5 日", "2014-03-05"],
    ["2014年3月5号", "2014-03-05"],
    ["２０１４．３．５", "2014-03-05"],
    ["20140305", "2014-03-05"],
    ["2014/3/5 14:30", "2014-03-05"],
    ["2014-03-05 09:30:00", "2014-03-05"],
    ["41703", "2014-03-05"],
    [" 2014/12/31 ", "2014-12-31"],
  ])("text %j → %s", (text, iso) => {
    expect(value(parseDate(text))).toBe(iso);
  });

  it("reads spreadsheet date cells, Excel serials (1900 and 1904 systems) and yyyymmdd numbers", () => {
    expect(value(parseDate({ date: "2014-03-05" }))).toBe("2014-03-05");
    expect(value(parseDate(41703))).toBe("2014-03-05");
    expect(value(parseDate(41703.75))).toBe("2014-03-05");
    expect(value(parseDate(40241, true))).toBe("2014-03-05");
    expect(value(parseDate(20140305))).toBe("2014-03-05");
    expect(excelSerialDate(61)).toBe(undefined); // 1900-03-01 is before the accepted years
    expect(excelSerialDate(32874)).toBe("1990-01-01");
  });

  it.each([
    "2014.13.5",
    "2014-02-30",
    "2014/3/32",
    "3/5/2014",
    "14/3/5",
    "明年",
    "2014.3-5",
    "0",
    "2200-01-01",
  ])("rejects %j quoting it as written", (text) => {
    expect(value(parseDate(text))).toBe(`ERROR 无法识别的日期“${text}”`);
  });

  it("rejects booleans, error cells and numbers that are no date", () => {
    expect(value(parseDate(true))).toBe("ERROR 无法识别的日期“TRUE”");
    expect(value(parseDate({ error: "#N/A" }))).toBe("ERROR 无法识别的日期“#N/A”");
    expect(value(parseDate(12))).toBe("ERROR 无法识别的日期“12”");
  });
});

describe("labels", () => {
  it("reads applicant types by their annual-report label and common synonyms", () => {
    const read = (s: string) => value(parseLabel(s, APPLICANT_TYPE_TABLE, CODE_NAMES.applicantType));
    expect(["自然人", "个人", "公民", " 群众 "].map(read)).toEqual(Array(4).fill("natural-person"));
    expect(["商业企业", "企业", "公司"].map(read)).toEqual(Array(3).fill("commercial-enterprise"));
    expect(read("律师事务所")).toBe("legal-services-organisation");
    expect(read("其它")).toBe("other");
    expect(read("外国人")).toBe(
      "ERROR 无法识别的申请人类型“外国人”，可用：“自然人”“商业企业”“科研机构”“社会公益组织”“法律服务机构”“其他”",
    );
  });

  it("reads channels, full-width and spaced alike", () => {
    const read = (s: string) => value(parseLabel(s, CHANNEL_TABLE, CODE_NAMES.channel));
    expect(read("当面提交")).toBe("in-person");
    expect(read("网上申请")).toBe("online");
    expect(read("挂号信")).toBe("registered-post");
    expect(read("E-mail")).toBe("email");
    expect(read("电子 邮件")).toBe("email");
    expect(read("快递")).toBe(
      "ERROR 无法识别的申请方式“快递”，可用：“当面提交”“挂号信”“平常信函”“网络”“传真”“电子邮件”",
    );
  });

  it("reads a reply type with its reason in brackets, after a dash, or the reason alone", () => {
    const read = (s: string) => value(parseReplyLabel(s, REPLY_TYPE_TABLE, REASON_TABLE));
    expect(read("予以公开")).toEqual({ type: "disclosed" });
    expect(read("同意公开")).toEqual({ type: "disclosed" });
    expect(read("不予公开（属于国家秘密）")).toEqual({ type: "refused", reason: "state-secret" });
    expect(read("不予公开(商业秘密)")).toEqual({ type: "refused", reason: "third-party-rights" });
    expect(read("无法提供-本机关不掌握相关政府信息")).toEqual({ type: "unavailable", reason: "not-held" });
    expect(read("信息不存在")).toEqual({ type: "unavailable", reason: "not-held" });
    expect(read("重复申请")).toEqual({ type: "not-processed", reason: "duplicate" });
    expect(read("不予公开（重复申请）")).toEqual({ type: "refused", reason: "duplicate" }); // checked by the row reader
    expect(read("已答复")).toBe(
      "ERROR 无法识别的答复类型“已答复”，可用：“已主动公开”“予以公开”“部分公开”“不予公开”“无法提供”“不予处理”“其他处理”“非本机关负责公开”“法律、行政法规另有规定”",
    );
  });

  it("extends a table with a mapping's labels without changing the built-in one", () => {
    const t = APPLICANT_TYPE_TABLE.extend({ 群众来信: "natural-person" });
    expect(t.lookup("群众来信")).toBe("natural-person");
    expect(APPLICANT_TYPE_TABLE.lookup("群众来信")).toBe(undefined);
  });

  it("compares labels without spaces, quotes or width differences", () => {
    expect(labelKey(" 危及“三安全一稳定” ")).toBe(labelKey("危及三安全一稳定"));
    expect(labelKey("ＥＭＡＩＬ")).toBe("email");
  });

  it("reads yes/no and amounts", () => {
    expect(["是", "√", "Y", "有", true, 1].map((v) => value(parseBoolean(v)))).toEqual(Array(6).fill(true));
    expect(["否", "×", "N", "无", false, 0].map((v) => value(parseBoolean(v)))).toEqual(Array(6).fill(false));
    expect(value(parseBoolean("也许"))).toBe("ERROR 无法识别的是/否“也许”，可用：“是”“否”");
    expect(["12", "12.5", "￥12.50", "12元", 30].map((v) => value(parseAmount(v)))).toEqual([
      12, 12.5, 12.5, 12, 30,
    ]);
    expect(["", "无", "免费", "0"].map((v) => value(parseAmount(v)))).toEqual([0, 0, 0, 0]);
    expect(value(parseAmount("十元"))).toBe("ERROR 无法识别的金额“十元”");
  });
});
