/** `letters --names zh`: Chinese file names (YSQ2023-006-答复书.docx); the ASCII names stay the default. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileSuffix } from "../../src/letters/kinds.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "gongwen-names-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("letters --names zh", () => {
  it("fileSuffix: the kind's Chinese name, with -N when an application has several consultations", () => {
    expect(fileSuffix({ kind: "reply", suffix: "reply", date: undefined })).toBe("reply");
    expect(fileSuffix({ kind: "reply", suffix: "reply", date: undefined }, "zh")).toBe("答复书");
    expect(
      fileSuffix(
        { kind: "consultation-notice", consultation: 1, suffix: "consultation-notice-2", date: undefined },
        "zh",
      ),
    ).toBe("征求意见告知书-2");
  });

  it("writes the letters under Chinese names and --missing finds them again", () => {
    const out = join(dir, "zh");
    const args = [
      "letters",
      "samples/2023-district-bureau.json",
      "--out",
      out,
      "--format",
      "docx",
      "--request",
      "YSQ2023-006",
      "--names",
      "zh",
    ];
    const r = spawnSync("node", ["dist/cli/main.js", ...args], { cwd: ROOT, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(
      readdirSync(out)
        .filter((f) => f.endsWith(".docx"))
        .sort(),
    ).toEqual(
      [
        "YSQ2023-006-接收回执.docx",
        "YSQ2023-006-答复书.docx",
        "YSQ2023-006-征求意见书.docx",
        "YSQ2023-006-征求意见告知书.docx",
      ].sort(),
    );
    const again = spawnSync("node", ["dist/cli/main.js", ...args, "--missing"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain("已跳过清单中已有的 4 个文件（--missing）");
  });
});
