/**
 * --help speaks one language: every command's, option's and positional's description in Chinese
 * by default and in English with --lang en (descriptions are written "中文 / English" once;
 * cli/help.ts describeIn picks one).
 */
import { describe, expect, it, vi } from "vitest";
import { describeIn } from "../../src/cli/help.js";
import { main } from "../../src/cli/app.js";

/** The help text of `gongwen <argv>`, run in this process (yargs prints help with console.log). */
async function help(argv: string[]): Promise<string> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => {
    lines.push(a.join(" "));
  });
  try {
    await main(argv);
  } finally {
    spy.mockRestore();
  }
  return lines.join("\n");
}

const COMMANDS = [
  [],
  ["init"],
  ["validate"],
  ["audit"],
  ["letters"],
  ["render"],
  ["render", "summary"],
  ["render", "annual-report"],
  ["render", "self-audit"],
  ["import"],
  ["deadline"],
  ["fee"],
  ["demo"],
  ["serve"],
  ["db"],
  ["fonts"],
  ["digest"],
];

/** The description column of option, positional and command lines (not the examples). */
function descriptions(help: string): string[] {
  const out: string[] = [];
  let section = "";
  for (const line of help.split("\n")) {
    if (/^\S.*[:：]$/.test(line)) section = line;
    if (/^(示例|Examples)/.test(section)) continue;
    const m = /^ {2}(?:-\w, | {4})?(?:--[\w-]+|[\w-]+|gongwen [^ ]+(?: [^ ]+)*?)\s{2,}(.+)$/.exec(line);
    if (m) out.push(m[1]!.replace(/\s*(\[[^\]]*\]\s*)+$/, ""));
  }
  return out;
}

describe("--help in one language", () => {
  it("describeIn picks the Chinese or the English half, in either order", () => {
    expect(describeIn("覆盖已有文件 / overwrite existing files", "zh")).toBe("覆盖已有文件");
    expect(describeIn("覆盖已有文件 / overwrite existing files", "en")).toBe("overwrite existing files");
    expect(describeIn("PDF 字体配置文件 / font configuration file for PDF output", "zh")).toBe(
      "PDF 字体配置文件",
    );
    expect(
      describeIn("演示：把全部公文写入 out/ / render every document from samples/ into out/", "en"),
    ).toBe("render every document from samples/ into out/");
    expect(
      describeIn("考核方案文件（默认 samples/assessment-2014.json）/ assessment scheme file", "zh"),
    ).toBe("考核方案文件（默认 samples/assessment-2014.json）");
    expect(describeIn("migrate | copy | backup", "zh")).toBe("migrate | copy | backup");
  });

  it("every command's help: Chinese descriptions by default, English ones with --lang en", async () => {
    for (const c of COMMANDS) {
      const zh = await help([...c, "--help"]);
      const en = await help([...c, "--help", "--lang", "en"]);
      const dz = descriptions(zh);
      const de = descriptions(en);
      expect(dz.length, c.join(" ")).toBeGreaterThan(1);
      expect(de.length, c.join(" ")).toBe(dz.length);
      for (const d of dz) {
        // Chinese, without an English half (a few English words such as DOCX/PDF or a path may stay).
        expect(d, c.join(" ")).toMatch(/[\u4e00-\u9fff]/);
        expect(d, c.join(" ")).not.toMatch(/ \/ [a-z]|[a-z]{3,} [a-z]{3,} [a-z]{3,}/i);
      }
      for (const d of de) expect(d.replace(/申请人A…/g, ""), c.join(" ")).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
