import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";

describe("gongwen binary", () => {
  it("prints its version", () => {
    const out = execFileSync("node", ["dist/cli/main.js", "--version"], { encoding: "utf8" });
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  // The binary skips yargs' help cache unless help is asked for (cli/app.ts skipHelpCache):
  // help, and a usage error after a command started, read the same as before.
  it("prints a command's help with --help and -h", () => {
    for (const flag of ["--help", "-h"]) {
      const out = execFileSync("node", ["dist/cli/main.js", "render", "summary", flag], { encoding: "utf8" });
      expect(out).toContain("gongwen render summary <data>");
      expect(out).toContain("年度集中审批服务和政务公开工作总结");
      expect(out).toContain("--format");
    }
  });

  it("names a usage error and points to --help, exit 2", () => {
    const r = spawnSync("node", ["dist/cli/main.js", "render", "summary"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("缺少参数：给出了 0 个，至少需要 1 个\n用法见 gongwen --help\n");
    const en = spawnSync("node", ["dist/cli/main.js", "render", "summary", "--lang", "en"], {
      encoding: "utf8",
    });
    expect(en.stderr).toBe("Not enough non-option arguments: got 0, need at least 1\nSee gongwen --help\n");
  });

  it("yargs speaks Chinese: headings, types, a missing option; --lang en stays English", () => {
    const r = spawnSync("node", ["dist/cli/main.js", "letters", "x.json"], { encoding: "utf8" });
    expect([r.status, r.stderr]).toEqual([2, "缺少必填选项：out\n用法见 gongwen --help\n"]);
    const help = spawnSync("node", ["dist/cli/main.js", "audit", "--help"], { encoding: "utf8" }).stdout;
    for (const s of [
      "参数：",
      "选项：",
      "示例：",
      "显示帮助",
      "[是/否]",
      "gongwen audit operations.json --as-of 2026-12-02",
    ])
      expect(help).toContain(s);
    for (const s of ["Commands:", "Options:", "Show help", "[boolean]", "[required]", "[string]"])
      expect(help).not.toContain(s);
    const en = spawnSync("node", ["dist/cli/main.js", "audit", "--help", "--lang", "en"], {
      encoding: "utf8",
    }).stdout;
    for (const s of [
      "Options:",
      "Examples:",
      "Show help",
      "[boolean]",
      "requests open and overdue on that day",
    ])
      expect(en).toContain(s);
  });

  it("every command's --help has an example", () => {
    for (const c of [
      "init",
      "validate",
      "audit",
      "letters",
      "render",
      "import",
      "deadline",
      "fee",
      "demo",
      "serve",
      "db",
      "fonts",
    ]) {
      const out = spawnSync("node", ["dist/cli/main.js", c, "--help"], { encoding: "utf8" }).stdout;
      expect(out, c).toContain("示例：");
      expect(out, c).toContain(`gongwen ${c}`);
    }
  });
});
