/** Assessment schemes: the samples, the default, and every problem reported with file, line:column and pointer. */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import {
  DEFAULT_SCHEME_FILE,
  loadScheme,
  parseScheme,
  ruleSeverity,
  RULES,
  SchemeError,
} from "../../src/audit/index.js";
import { BAD_SCHEME_TEXT, removeTempFiles, tempFile } from "./fixtures.js";

afterAll(removeTempFiles);
const BAD = tempFile("bad-scheme.json", BAD_SCHEME_TEXT);

function errorOf(f: () => unknown): SchemeError {
  try {
    f();
  } catch (e) {
    if (e instanceof SchemeError) return e;
    throw e;
  }
  throw new Error("no SchemeError");
}

describe("sample schemes", () => {
  it("assessment-2014.json: 12 criteria adding up to 100, 不收费 as an error, the commitment judged on cases", () => {
    const s = loadScheme("samples/assessment-2014.json");
    expect([s.id, s.total, s.decimals, s.criteria.length]).toEqual(["hohhot-2014", 100, 1, 12]);
    expect(s.criteria.reduce((n, c) => n + c.points, 0)).toBe(100);
    expect(ruleSeverity(s, "disclosure/no-fee")).toBe("error");
    expect(s.rules.get("approval/promised-within-commitment")!.options).toEqual({ basis: "cases" });
    // Rules the scheme does not mention keep their defaults and still run.
    expect(ruleSeverity(s, "disclosure/proactive-on-time")).toBe("error");
    expect(s.rules.size).toBe(RULES.length);
  });

  it("assessment-per-case.json: per-case deductions, per-rule points and a capped bonus", () => {
    const s = loadScheme("samples/assessment-per-case.json");
    const p3 = s.criteria.find((c) => c.id === "P3")!;
    expect([p3.points, p3.method]).toEqual([6, { type: "per-finding", points: 6 }]);
    expect(p3.rules.find((r) => r.id === "disclosure/review-corrected")).toEqual({
      id: "disclosure/review-corrected",
      points: 3,
    });
    expect(s.criteria.find((c) => c.id === "X1")!.method).toEqual({ type: "bonus", points: 1 });
    expect(ruleSeverity(s, "disclosure/no-fee")).toBe("info");
    expect(s.rules.get("approval/bad-ratings-rectified")!.options).toEqual({ workingDays: 5 });
  });

  it("without --scheme, gongwen uses samples/assessment-2014.json, named relative to the working directory", () => {
    expect(DEFAULT_SCHEME_FILE.endsWith("samples/assessment-2014.json")).toBe(true);
    const s = loadScheme(undefined);
    expect([s.id, s.file]).toEqual(["hohhot-2014", "samples/assessment-2014.json"]);
  });

  it("a rule set to off does not run", () => {
    const s = parseScheme(
      JSON.stringify({
        id: "x",
        title: "x",
        rules: { "approval/seal": "off" },
        criteria: [
          { id: "A", title: "a", points: 100, method: { type: "pass-fail" }, rules: ["approval/seal"] },
        ],
      }),
      "x.json",
    );
    expect(ruleSeverity(s, "approval/seal")).toBeNull();
  });
});

describe("scheme errors", () => {
  it("lists every problem at once, with line:column and pointer (schema and beyond)", () => {
    const e = errorOf(() => parseScheme(readFileSync(BAD, "utf8"), BAD));
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe(`${BAD}：考核方案有 11 处错误`);
    expect(e.details).toEqual([
      `${BAD} 第5行第5列 /rules/disclosure~1reply-on-tme：未知的审核规则 disclosure/reply-on-tme，是否应为 disclosure/reply-on-time？`,
      `${BAD} 第6行第68列 /rules/approval~1promised-within-commitment/options/basis："all" 不是 basis 的可选值；可选：promised、cases、both`,
      `${BAD} 第7行第35列 /rules/approval~1seal/options：规则 approval/seal 没有可设置的选项`,
      `${BAD} 第8行第26列 /rules/disclosure~1no-fee："fatal" 不是 disclosure/no-fee 的可选值；可选：error、warning、info、off`,
      `${BAD} 第10行第15列 /criteria：各考核项（加分项除外）分值合计 95，与总分 100 不符`,
      `${BAD} 第11行第79列 /criteria/0/method/points：此处不允许出现字段 points`,
      `${BAD} 第12行第13列 /criteria/1/id：考核项编号 A 重复（已用于第 1 项）`,
      `${BAD} 第12行第85列 /criteria/1/rules：按比例计分（rate）的考核项须恰好列出一条可计算比例的规则（可用：approval/items-in-platform、approval/guides-published）`,
      `${BAD} 第13行第100列 /criteria/2/method/cap：扣分上限 8 不能超过该项分值 5（扣分不会使一项得分低于0）`,
      `${BAD} 第13行第115列 /criteria/2/rules/0：approval/awards 是加分规则，只能用于计分方式为 bonus 的考核项`,
      `${BAD} 第14行第99列 /criteria/3/rules/0：加分项只能由加分规则计分，approval/seal 是查找问题的规则`,
    ]);
    const en = errorOf(() => parseScheme(readFileSync(BAD, "utf8"), BAD, "en"));
    expect(en.message).toBe(`${BAD}: 11 errors in the assessment scheme`);
    expect(en.details[0]).toBe(
      `${BAD}:5:5 /rules/disclosure~1reply-on-tme: unknown audit rule disclosure/reply-on-tme; did you mean disclosure/reply-on-time?`,
    );
  });

  it("reports a JSON syntax error where it is", () => {
    const f = tempFile(
      "syntax-error.json",
      '{\n  "id": "broken",\n  "title": "少了逗号的方案"\n  "criteria": []\n}\n',
    );
    const e = errorOf(() => loadScheme(f));
    expect(e.details).toEqual([`${f} 第4行第3列：JSON 语法错误：此处前面缺少逗号`]);
  });

  it("reports a missing file as bad input", () => {
    expect(() => loadScheme("no/such/scheme.json")).toThrow("无法读取 no/such/scheme.json：文件不存在");
  });
});
