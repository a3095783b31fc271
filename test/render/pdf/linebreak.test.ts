import { describe, expect, it } from "vitest";
import { breakOpportunities } from "../../../src/render/pdf/linebreak.js";

/** The text split at every break opportunity, e.g. "中|文，|字". */
function split(text: string): string {
  const cps = [...text].map((c) => c.codePointAt(0)!);
  const ok = breakOpportunities(cps);
  return [...text].map((c, i) => (i > 0 && ok[i] ? "|" : "") + c).join("");
}

describe("breakOpportunities (UAX #14 + Chinese 禁则)", () => {
  it("lets any two CJK characters break apart", () => {
    expect(split("政府信息")).toBe("政|府|信|息");
  });

  it("never starts a line with closing punctuation", () => {
    expect(split("公开，依法。")).toBe("公|开，|依|法。");
    expect(split("甲、乙；丙：丁？戊！")).toBe("甲、|乙；|丙：|丁？|戊！");
    expect(split("《条例》）」』〕】")).toBe("《条|例》）」』〕】");
  });

  it("never ends a line with opening punctuation", () => {
    expect(split("见（附件）")).toBe("见|（附|件）");
    expect(split("依《条例》「规定」")).toBe("依|《条|例》|「规|定」");
  });

  it("treats Chinese quotation marks as opening and closing", () => {
    expect(split("说“你好”吗")).toBe("说|“你|好”|吗");
  });

  it("keeps runs of Latin letters, digits and their signs whole", () => {
    expect(split("2014年")).toBe("2014|年");
    expect(split("办结率100%。")).toBe("办|结|率|100%。");
    expect(split("第3.5条")).toBe("第|3.5|条");
    expect(split("2023-12-31止")).toBe("2023-12-31|止");
  });

  it("breaks URLs and long Latin runs only at the usual points", () => {
    expect(split("见http://www.example.gov.cn/xxgk/下载")).toBe("见|http://|www.example.gov.cn/|xxgk/|下|载");
    expect(split("https://a.gov.cn/q?id=7&p=2")).toBe("https://|a.gov.cn/|q?id|=7|&p|=2");
    expect(split("邮箱gk@qinghe.gov.cn。")).toBe("邮|箱|gk|@qinghe.gov.cn。");
    // Longer than 16 characters: breaks after "-" and "/" like a URL; a short run stays whole.
    expect(split("XK-2023-000123-ABCDEF")).toBe("XK-|2023-|000123-|ABCDEF");
    expect(split("XK-2023-0001")).toBe("XK-2023-0001");
  });

  it("breaks Latin text at spaces (after the space)", () => {
    expect(split("annual report 2014")).toBe("annual |report |2014");
  });

  it("never splits a 破折号 —— or an 省略号 ……", () => {
    expect(split("甲——乙")).toBe("甲|——|乙");
    expect(split("甲……。")).toBe("甲|……。");
  });
});
