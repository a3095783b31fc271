/** The registry: one module per rule, each registered, tested, worded in both languages, with its rectification. */
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { RULES, SEVERITIES } from "../../src/audit/index.js";
import { rectificationPartial } from "../../src/compose/documents/self-audit.js";

const ROOT = join(import.meta.dirname, "..", "..");
const RULES_DIR = join(ROOT, "src/audit/rules");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const placeholders = (s: string) => [...s.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((m) => m[1]).sort();

describe("rule registry", () => {
  it("registers every file under src/audit/rules, each under the id of its path", () => {
    const onDisk = files(RULES_DIR)
      .map((f) => relative(RULES_DIR, f).replace(/\.ts$/, "").split("\\").join("/"))
      .sort();
    expect(RULES.map((r) => r.id).sort()).toEqual(onDisk);
  });

  it("lists at least the rules the issue names", () => {
    expect(RULES.length).toBe(30);
    expect(RULES.filter((r) => r.kind === "bonus").map((r) => r.id)).toEqual(["approval/awards"]);
  });

  for (const rule of RULES) {
    it(`${rule.id}: titles, source, severity, messages, options, test and rectification`, () => {
      expect(rule.title.zh && rule.title.en && rule.source.zh && rule.source.en).toBeTruthy();
      expect(SEVERITIES).toContain(rule.defaultSeverity);
      const ids = Object.keys(rule.messages);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids)
        expect(placeholders(rule.messages[id]!.zh)).toEqual(placeholders(rule.messages[id]!.en));
      if (rule.options) {
        const validate = new Ajv2020({ strict: true }).compile({
          type: "object",
          additionalProperties: false,
          ...rule.options.schema,
        });
        expect(validate(rule.options.defaults)).toBe(true);
      }
      expect(existsSync(join(ROOT, "test/audit/rules", `${rule.id}.test.ts`))).toBe(true);
      if (rule.kind !== "bonus") {
        expect(existsSync(join(ROOT, "templates/partials/self-audit/rectify", `${rule.id}.md.hbs`))).toBe(
          true,
        );
        expect(rectificationPartial(rule.id)).toBe(`self-audit/rectify/${rule.id}`);
      }
    });
  }
});
