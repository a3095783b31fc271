/**
 * The self-audit report (gongwen render self-audit): the score, the criteria table, every
 * finding with its evidence in words — the late reply's deadline trace day by day — and the
 * rectification each needs, read back from the DOCX written.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadScheme } from "../../src/audit/index.js";
import { buildSelfAudit, selfAuditDate } from "../../src/compose/documents/self-audit.js";
import { renderMarkdown } from "../../src/compose/index.js";
import { loadDataset } from "../../src/data/load.js";
import { renderDocx } from "../../src/render/docx/index.js";
import { docxText } from "../helpers/docx.js";
import { cleanDataset } from "./fixtures.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "gongwen-self-audit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const S2014 = loadDataset(join(ROOT, "samples/2014-commerce-bureau.json"));
const S2023 = loadDataset(join(ROOT, "samples/2023-district-bureau.json"));
const PER_CASE = loadScheme(join(ROOT, "samples/assessment-per-case.json"));

describe("gongwen render self-audit", () => {
  it("writes a DOCX whose text has the score, the late reply's trace and its rectification", () => {
    const out = join(dir, "2023");
    const r = spawnSync(
      "node",
      [
        "dist/cli/main.js",
        "render",
        "self-audit",
        "samples/2023-district-bureau.json",
        "--scheme",
        "samples/assessment-2014.json",
        "--out",
        out,
        "--format",
        "docx",
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(r.status).toBe(0);
    // Off a terminal one line says what was written (each file with --verbose).
    expect(r.stdout).toBe(
      `已写入 1 个文件：${join(out, "self-audit.docx")}（清单 ${resolve(out, "manifest.json")}）\n`,
    );
    const text = docxText(join(out, "self-audit.docx"));
    // The title is written in two lines (a line break between the agency and the rest).
    expect(text).toContain("示例市青禾区市场监督管理局\n2023年度考核自查报告");
    expect(text).toContain(
      "按照考核方案，满分为100分。其中1个考核项（B2）没有可供考核的数据，不计分，本次自查按90分计。经自查，我局2023年度得分75分，扣15分。",
    );
    // The criterion with no data: 无数据 in the table, never full marks.
    expect(text).toContain("B2\n每月25日按时以纸质和电子形式报送现行有效文件\n10\n—\n无数据\n无数据，不计分");
    expect(text).toContain("合计\n90\n15\n75\n满分100分，无数据的1项不计分");
    expect(text).toContain(
      "自查共发现问题4项，其中错误3项、警告1项、提示0项；其中2项在本考核方案中没有对应的考核项，不计分，但同样需要整改。",
    );
    // The finding and its evidence.
    expect(text).toContain(
      "问题1（错误）：申请 YSQ2023-030 于2023年9月13日收到，应于2023年10月17日前答复，实际于2023年10月19日答复，逾期2个工作日。",
    );
    expect(text).toContain(
      "申请 YSQ2023-030 的签收日期：2023年9月13日\n申请 YSQ2023-030 的答复日期：2023年10月19日",
    );
    expect(text).not.toMatch(/ogi-20\d\d|\b(approval|disclosure|annual-report)\/[a-z-]+|\/disclosure\//);
    // The trace, day by day: the holiday, the make-up workdays counted, the due date.
    expect(text).toContain(
      "期限计算：截止日期：2023年10月17日（《中华人民共和国政府信息公开条例》（2019年修订），20个工作日）。逐日计算如下：",
    );
    for (const row of [
      "2023年9月13日\n周三\n起算日（第0日）\n\n收到申请（适用《中华人民共和国政府信息公开条例》（2019年修订），答复期限20个工作日）",
      "2023年10月2日\n周一\n节假日\n\n中秋节、国庆节",
      "2023年10月7日\n周六\n调休上班日\n12\n中秋节、国庆节",
      "2023年10月8日\n周日\n调休上班日\n13\n中秋节、国庆节",
      "2023年10月17日\n周二\n工作日\n20\n截止日期（第20个工作日）",
    ])
      expect(text).toContain(row);
    expect(text).toContain(
      "整改措施：核查申请YSQ2023-030逾期答复的原因，明确承办人责任；建立依申请公开办理台账",
    );
    // The fee, under the 2014 scheme's 不收费, and its own rectification.
    expect(text).toContain(
      "问题2（错误）：申请 YSQ2023-022 收取信息处理费1700元（按页计收，150页：30×0 + 70×10 + 50×20 = 1700元）。",
    );
    expect(text).toContain("计分：计入B5“依申请公开不收费”。");
    expect(text).toContain("计分：本考核方案未设对应考核项，不计分。");
    expect(text).toContain("2024年1月10日");
  });

  it("a year without a leading group or rules: the findings name them in words, no field keys", async () => {
    const data = structuredClone(S2023);
    delete data.disclosure.leadingGroup;
    delete data.disclosure.rules;
    const { tree } = buildSelfAudit({ dataset: data, lang: "zh" });
    const text = docxText(await renderDocx(tree));
    expect(text).toContain("数据未记载政务公开工作领导小组。");
    expect(text).toContain("数据未记载任何政务公开工作制度。");
    expect(text).toContain("制度中没有依申请公开工作程序。");
    // A JSON key in full-width brackets, as the findings once carried: （disclosure.leadingGroup）.
    expect(text).not.toMatch(/（[a-z][A-Za-z]*(?:\.[A-Za-z]+)*）/);
  });

  it("under the per-case scheme: 91 points with the bonus, the capped deduction worded in the table", () => {
    const { tree, result } = buildSelfAudit({ dataset: S2023, scheme: PER_CASE, lang: "zh" });
    expect(result.score).toBe(91);
    return renderDocx(tree).then((bytes) => {
      const text = docxText(bytes);
      expect(text).toContain("经自查，我局2023年度得分91分，扣11分，另加分2分。");
      expect(text).toContain(
        "依申请公开在法定期限内答复1件，每件扣6分；行政复议、行政诉讼无被纠错1件，每件扣3分；扣分以6分为限（见问题1、4）。每件逾期答复扣6分；每件行政复议、诉讼被纠错扣3分",
      );
      expect(text).toContain("问题2（提示）：");
      expect(text).toContain(
        "计分：计入P4“政务公开基础工作（机构、制度、专人、现行有效文件、收费）”（提示事项，不扣分）。",
      );
      expect(text).toContain("获得青禾区政务服务中心“红旗窗口”2次（计入X1“获得表彰奖励”）。");
    });
  });

  it("without a scheme, each year's data is scored by the shipped scheme for its year, which the report names", async () => {
    const { tree, result } = buildSelfAudit({ dataset: S2023, lang: "zh" });
    expect(result.scheme.id).toBe("ogi-2019-default");
    expect(result.score).toBe(85);
    const text = docxText(await renderDocx(tree));
    expect(text).toContain(
      "根据《政务服务和政务公开工作年度考核方案（依据2019年修订的政府信息公开条例）》，我局对照考核方案的各项指标",
    );
    expect(text).toContain(
      "其中1个考核项（B2）没有可供考核的数据，不计分，本次自查按95分计。经自查，我局2023年度得分85分，扣10分。",
    );
    // A fee the schedule allows (ogi-2019 Art. 42, 国办函〔2020〕109号) is shown, not deducted.
    expect(text).toContain("问题2（提示）：申请 YSQ2023-022 收取信息处理费1700元");
    expect(text).toContain("计分：计入B8“主动公开信息在形成或变更之日起20个工作日内公开”。");
    const old = buildSelfAudit({ dataset: S2014, lang: "zh" }).result;
    expect(old.scheme.id).toBe("hohhot-2014");
  });

  it("2014: no findings, no requests (B4 无数据); dated 31 December when the dataset gives no self-audit date", async () => {
    expect(selfAuditDate(S2014)).toBe("2014-12-31");
    const { tree } = buildSelfAudit({ dataset: S2014, lang: "zh" });
    const text = docxText(await renderDocx(tree));
    expect(text).toContain(
      "其中1个考核项（B4）没有可供考核的数据，不计分，本次自查按80分计。经自查，我局2014年度得分80分。",
    );
    expect(text).toContain("自查未发现问题。");
    expect(text).toContain("对照考核方案各项指标逐项核查，未发现扣分问题。");
    expect(text).toContain("2014年12月31日");
    expect(tree.meta.title).toBe("呼和浩特市商务局2014年度考核自查报告");
  });

  it("every rule's rectification partial renders for its findings (general wording only as a fallback)", () => {
    const d = cleanDataset();
    d.approval!.items[1]!.inPlatform = false;
    d.approval!.seal = { dedicatedKeeper: false, misused: false };
    d.disclosure.validDocumentFilings!.dates.splice(0, 1);
    const { markdown } = renderMarkdown("self-audit", buildSelfAudit({ dataset: d, lang: "zh" }).context);
    expect(markdown).toContain("**整改措施：**将“乙登记”事项录入政务服务中心审批平台");
    expect(markdown).toContain("**整改措施：**明确审批专用章由专人管理");
    expect(markdown).toContain("**整改措施：**补报2023年1月的现行有效文件；明确专人每月按规定日期前");
    expect(markdown).not.toContain("逐项核实，查明原因，明确责任人和完成时限");
  });
});
