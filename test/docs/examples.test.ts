/**
 * The worked examples of schemas/README.md validate, so the field reference cannot rot: every
 * ```json block after `<!-- example: dataset -->` is a full dataset, and every block after
 * `<!-- example: application -->` is one application, validated inside the README's first full
 * dataset (alone, and all of them together). The examples cover every channel and the records a
 * clerk writes letters from (补正, 延期, 征求意见, 收费, 不予公开 with its ground, 撤回).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CHANNELS } from "../../src/data/codes.js";
import type { Application, Dataset } from "../../src/data/types.js";
import { validateDatasetText } from "../../src/data/validate.js";

const README = resolve(import.meta.dirname, "..", "..", "schemas", "README.md");

function examples(text: string, kind: "dataset" | "application"): { line: number; json: string }[] {
  const out: { line: number; json: string }[] = [];
  const re = new RegExp(`<!-- example: ${kind} -->\\s*\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``, "g");
  for (const m of text.matchAll(re)) {
    const line = text.slice(0, m.index).split("\n").length;
    out.push({ line, json: m[1]! });
  }
  return out;
}

function validate(json: string, name: string): Dataset {
  const result = validateDatasetText(json, name);
  expect(result.errors.map((e) => `${e.pointer}: ${e.message}`)).toEqual([]);
  expect(result.ok).toBe(true);
  return result.data as Dataset;
}

describe("schemas/README.md worked examples", () => {
  const text = readFileSync(README, "utf8");
  const datasets = examples(text, "dataset");
  const applications = examples(text, "application");

  it("has a full dataset and one application per kind", () => {
    expect(datasets.length).toBeGreaterThanOrEqual(1);
    expect(applications.length).toBeGreaterThanOrEqual(6);
  });

  for (const d of datasets) {
    it(`full dataset at line ${d.line} validates`, () => {
      validate(d.json, `README.md:${d.line}`);
    });
  }

  const base = (): Dataset => JSON.parse(datasets[0]!.json) as Dataset;

  for (const a of applications) {
    it(`application at line ${a.line} validates inside the full dataset`, () => {
      const data = base();
      data.disclosure.applications = [JSON.parse(a.json) as Application];
      const read = validate(JSON.stringify(data, null, 2), `README.md:${a.line}`);
      expect(read.disclosure.applications).toHaveLength(1);
    });
  }

  it("all applications together validate and cover every channel and letter", () => {
    const data = base();
    data.disclosure.applications = applications.map((a) => JSON.parse(a.json) as Application);
    const read = validate(JSON.stringify(data, null, 2), "README.md");
    const apps = read.disclosure.applications ?? [];
    expect(new Set(apps.map((a) => a.channel))).toEqual(new Set(CHANNELS));
    expect(apps.some((a) => a.correction?.correctedReceived)).toBe(true);
    expect(apps.some((a) => a.extension)).toBe(true);
    expect(apps.some((a) => a.consultations?.some((c) => c.party === "third-party"))).toBe(true);
    expect(apps.some((a) => a.fee?.paid === true)).toBe(true);
    expect(apps.some((a) => a.reply?.type === "refused" && a.reply.ground !== undefined)).toBe(true);
    expect(apps.some((a) => a.reply?.type === "other" && a.reply.withdrawn !== undefined)).toBe(true);
  });
});
