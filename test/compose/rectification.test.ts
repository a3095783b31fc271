/**
 * A finding's rectification is chosen by rule id in code (rectificationPartial): the rule's own
 * partial self-audit/rectify/<rule id>, the user's copy of it from --templates DIR, or the
 * general wording (self-audit/rectify/default) for a rule without one.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSelfAudit, rectificationPartial } from "../../src/compose/documents/self-audit.js";
import { renderMarkdown, renderPartial } from "../../src/compose/index.js";
import { cleanDataset } from "../audit/fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "gongwen-rectify-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function withFindings() {
  const d = cleanDataset();
  d.approval!.seal = { dedicatedKeeper: false, misused: false };
  return d;
}

describe("rectification by rule id", () => {
  it("a rule with its own partial gets it; any other the general wording", () => {
    expect(rectificationPartial("approval/seal")).toBe("self-audit/rectify/approval/seal");
    expect(rectificationPartial("disclosure/not-a-rule")).toBe("self-audit/rectify/default");
    expect(renderPartial("self-audit/rectify/default", { source: "《考核办法》第三条" })).toBe(
      "对照《考核办法》第三条逐项核实，查明原因，明确责任人和完成时限，限期整改，并留存整改材料。",
    );
  });

  it("the report prints the rule's rectification after the finding", () => {
    const { context } = buildSelfAudit({ dataset: withFindings(), lang: "zh" });
    const seal = context.findings.find((f) => f.rule === "approval/seal")!;
    expect(seal.rectification).toMatch(/^明确审批专用章由专人管理/);
    const { markdown } = renderMarkdown("self-audit", context);
    expect(markdown).toContain(`**整改措施：**${seal.rectification}`);
  });

  it("a user's partial for the rule replaces the built-in one", () => {
    const own = join(dir, "partials", "self-audit", "rectify", "approval");
    mkdirSync(own, { recursive: true });
    writeFileSync(join(own, "seal.md.hbs"), "按{{source}}整改用章管理（{{ruleTitle}}）。");
    const { context } = buildSelfAudit({ dataset: withFindings(), lang: "zh", templatesDir: dir });
    const seal = context.findings.find((f) => f.rule === "approval/seal")!;
    expect(seal.rectification).toBe(`按${seal.source}整改用章管理（${seal.ruleTitle}）。`);
    expect(rectificationPartial("approval/seal", { templatesDir: dir })).toBe(
      "self-audit/rectify/approval/seal",
    );
  });
});
