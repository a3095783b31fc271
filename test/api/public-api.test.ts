/**
 * The public API (package.json `exports`, src/index.ts): what the workbench and job workers may
 * import. Dataset in → facts, audit, documents, letters out, through the entry only; and every
 * subpath of the built package resolves by name with its declarations.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  buildAnnualReport,
  buildSelfAudit,
  buildSummary,
  composeLetters,
  computeDeadline,
  deriveFacts,
  formatTrace,
  feePerRequest,
  parseDataset,
  renderDocx,
  runAudit,
  validateDataset,
  docxParagraphTexts,
} from "../../src/index.js";
import { docxText } from "../helpers/docx.js";

const SAMPLE = "samples/2023-district-bureau.json";
const text = readFileSync(SAMPLE, "utf8");

describe("public API", () => {
  const dataset = parseDataset(text, SAMPLE);
  const facts = deriveFacts(dataset);

  it("validates a dataset given as a value, with pointers and codes", () => {
    expect(validateDataset(JSON.parse(text)).ok).toBe(true);
    const bad = JSON.parse(text);
    bad.disclosure.applications[0].reply.date = "2023-02-30";
    const r = validateDataset(bad, "en");
    expect(r.ok).toBe(false);
    expect(r.issues).toContainEqual(
      expect.objectContaining({ pointer: "/disclosure/applications/0/reply/date" }),
    );
  });

  it("derives facts and audits them without recomputing", () => {
    const audit = runAudit(dataset, { facts });
    expect(facts.applications).toHaveLength(dataset.disclosure.applications!.length);
    expect(audit.findings.length).toBeGreaterThanOrEqual(0);
    expect(audit.score).toBeLessThanOrEqual(audit.total);
    expect(audit.total).toBeGreaterThan(0);
  });

  it("composes the documents into trees the writers render", async () => {
    const summary = buildSummary({ dataset, facts, lang: "zh" });
    const docx = await renderDocx(summary);
    expect(docxText(docx)).toContain(docxParagraphTexts(summary)[0]!);
    expect(docxText(docx)).toContain("青禾区市场监督管理局");
    expect(buildAnnualReport({ dataset, facts, lang: "zh" }).tree.blocks.length).toBeGreaterThan(10);
    expect(buildSelfAudit({ dataset, lang: "zh" }).tree.blocks.length).toBeGreaterThan(5);
  });

  it("composes letters in memory, numbered as the CLI numbers them", () => {
    const { letters, errors } = composeLetters(dataset, { requests: ["YSQ2022-041"] });
    expect(errors).toEqual([]);
    expect(letters.map((l) => l.kind)).toEqual(["receipt", "reply"]);
    expect(letters[1]!.tree.blocks.length).toBeGreaterThan(3);
  });

  it("computes a deadline with its trace and a fee", () => {
    const due = computeDeadline({ received: "2024-09-27", regime: "ogi-2019" });
    expect(due.due).toBe("2024-10-30"); // 9-29 and 10-12 are make-up workdays, 10-01..07 off
    expect(formatTrace(due)).toContain("| 2024年10月1日 | 周二 | 节假日 |");
    expect(feePerRequest(11).amount).toBe(100);
  });
});

describe("built package", () => {
  it("resolves every export by the package name, each with declarations", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
      exports: Record<string, string | { types: string; default: string }>;
    };
    const subpaths = Object.entries(pkg.exports).filter(
      (e): e is [string, { types: string; default: string }] => typeof e[1] !== "string",
    );
    for (const [, target] of subpaths) expect(existsSync(target.types), target.types).toBe(true);
    const names = subpaths.map(([p]) => (p === "." ? "gongwen" : `gongwen/${p.slice(2)}`));
    const script = `for (const n of ${JSON.stringify(names)}) { const m = await import(n); if (Object.keys(m).length === 0) throw new Error(n); }`;
    execFileSync("node", ["--input-type=module", "-e", script], { encoding: "utf8" });
  });
});
