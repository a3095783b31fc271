/**
 * The built-in templates precompiled at build time (dist/compose/precompiled-templates.cjs,
 * scripts/gen-templates.mjs): every built-in template is in it, made from its current source;
 * documents composed through the precompiled code (the built library) are the same as those
 * composed by the runtime compiler (the sources, where no precompiled module sits next to the
 * engine); a changed source is never served stale.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import * as src from "../../src/index.js";
import { sourceHash } from "../../src/compose/precompiled.js";
import { PACKAGE_ROOT, TEMPLATES_DIR } from "../../src/util/paths.js";

const DIST = path.join(PACKAGE_ROOT, "dist");
const require = createRequire(import.meta.url);

type DistApi = typeof src;
const dist = (await import(path.join(DIST, "index.js"))) as DistApi;
const distPrecompiled = (await import(path.join(DIST, "compose", "precompiled.js"))) as {
  precompiledUnit: (env: unknown, display: string, source: string) => unknown;
};
const distEnv = (await import(path.join(DIST, "compose", "handlebars-env.js"))) as {
  createEnvironment: () => unknown;
};

function builtinTemplates(dir = TEMPLATES_DIR, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const f = path.join(dir, e.name);
    if (e.isDirectory()) builtinTemplates(f, out);
    else if (e.name.endsWith(".md.hbs")) out.push(f);
  }
  return out;
}

const SAMPLE_2014 = path.join(PACKAGE_ROOT, "samples", "2014-commerce-bureau.json");
const SAMPLE_2023 = path.join(PACKAGE_ROOT, "samples", "2023-district-bureau.json");

describe("precompiled built-in templates", () => {
  it("holds every built-in template, made from its current source", () => {
    const mod = require(path.join(DIST, "compose", "precompiled-templates.cjs")) as {
      templates: Record<string, { sha256: string }>;
    };
    const files = builtinTemplates();
    expect(files.length).toBeGreaterThan(80);
    const displays = files.map((f) => path.relative(PACKAGE_ROOT, f).split(path.sep).join("/")).sort();
    expect(Object.keys(mod.templates).sort()).toEqual(displays);
    for (const f of files) {
      const display = path.relative(PACKAGE_ROOT, f).split(path.sep).join("/");
      const text = fs.readFileSync(f, "utf8").replace(/^\uFEFF/, "");
      expect(mod.templates[display]!.sha256, display).toBe(sourceHash(text));
    }
  });

  it("is used for an unchanged source and never for a changed one", () => {
    const display = "templates/summary.md.hbs";
    const text = fs.readFileSync(path.join(PACKAGE_ROOT, display), "utf8");
    const env = distEnv.createEnvironment();
    expect(distPrecompiled.precompiledUnit(env, display, text)).toBeDefined();
    expect(distPrecompiled.precompiledUnit(env, display, text + " ")).toBeUndefined();
    expect(distPrecompiled.precompiledUnit(env, "templates/nope.md.hbs", text)).toBeUndefined();
  });

  it("composes the same documents as the runtime compiler", () => {
    for (const file of [SAMPLE_2014, SAMPLE_2023]) {
      const a = src.loadDataset(file);
      const b = dist.loadDataset(file);
      for (const lang of ["zh", "en"] as const) {
        expect(dist.buildSummary({ dataset: b, lang })).toEqual(src.buildSummary({ dataset: a, lang }));
      }
    }
    const a = src.loadDataset(SAMPLE_2023);
    const b = dist.loadDataset(SAMPLE_2023);
    expect(dist.buildAnnualReport({ dataset: b, lang: "zh" }).tree).toEqual(
      src.buildAnnualReport({ dataset: a, lang: "zh" }).tree,
    );
    expect(dist.buildSelfAudit({ dataset: b, lang: "zh" }).tree).toEqual(
      src.buildSelfAudit({ dataset: a, lang: "zh" }).tree,
    );
    const la = src.composeLetters(a, { lang: "zh" });
    const lb = dist.composeLetters(b, { lang: "zh" });
    expect(lb.letters.length).toBeGreaterThan(40);
    expect(lb.letters.map((l) => l.tree)).toEqual(la.letters.map((l) => l.tree));
  });
});
