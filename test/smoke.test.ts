import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";

describe("gongwen binary", () => {
  it("prints its version", () => {
    const out = execFileSync("node", ["dist/cli/main.js", "--version"], { encoding: "utf8" });
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
