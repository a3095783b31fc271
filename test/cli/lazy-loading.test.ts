/**
 * A command loads only what it needs: a cold `render summary` with the built-in templates and no
 * configuration file runs its templates in Handlebars' runtime (precompiled at build time) and
 * validates its dataset with the precompiled validator, so neither the Handlebars compiler nor
 * ajv's compiler is loaded; a user's --templates folder and a font configuration do load them.
 * Which CommonJS modules a process loaded is read from the module cache as the process exits.
 * This is dist/cli/main.js, the path of worker threads and of bin/gongwen without its start-up
 * snapshot; with the snapshot every module is already in the heap (test/cli/snapshot.test.ts).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..", "..");
const SAMPLE = join(ROOT, "samples", "2014-commerce-bureau.json");
const dir = mkdtempSync(join(tmpdir(), "gongwen-lazy-"));
const PRELOAD = join(dir, "loaded.cjs");
writeFileSync(
  PRELOAD,
  `process.on("exit", () => {
    const keys = Object.keys(require("module")._cache).map((k) => k.split("/node_modules/").pop());
    require("fs").writeFileSync(process.env.LOADED_FILE, JSON.stringify(keys));
  });\n`,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** The node_modules paths (package/…) of the CommonJS modules a CLI run loaded. */
function loaded(...args: string[]): string[] {
  const file = join(dir, `loaded-${n++}.json`);
  const r = spawnSync("node", ["-r", PRELOAD, "dist/cli/main.js", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, LOADED_FILE: file },
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(readFileSync(file, "utf8")) as string[];
}

const COMPILER = "handlebars/dist/cjs/handlebars/compiler/compiler.js";
const AJV = "ajv/dist/2020.js";

describe("lazy loading", () => {
  it("render summary with the built-in templates loads neither the Handlebars compiler nor ajv", () => {
    const out = join(dir, "out-a");
    const mods = loaded("render", "summary", SAMPLE, "--out", out, "--format", "docx,pdf");
    expect(mods).toContain("handlebars/dist/cjs/handlebars/runtime.js");
    expect(mods).not.toContain(COMPILER);
    expect(mods).not.toContain(AJV);
  });

  it("a --templates folder loads the compiler; a font configuration loads ajv", () => {
    const templates = join(dir, "templates");
    mkdirSync(join(templates, "partials"), { recursive: true });
    writeFileSync(join(templates, "partials", "extra.md.hbs"), "{{agency.name}}\n");
    const fonts = join(dir, "fonts.json");
    writeFileSync(fonts, "{}\n");
    const out = join(dir, "out-b");
    const mods = loaded(
      "render",
      "summary",
      SAMPLE,
      "--out",
      out,
      "--format",
      "docx",
      "--templates",
      templates,
    );
    expect(mods).toContain(COMPILER);
    const out2 = join(dir, "out-c");
    expect(
      loaded("render", "summary", SAMPLE, "--out", out2, "--format", "pdf", "--font-config", fonts),
    ).toContain(AJV);
  });

  it("--version loads neither", () => {
    const mods = loaded("--version");
    expect(mods).not.toContain(COMPILER);
    expect(mods).not.toContain(AJV);
    expect(mods.some((m) => m.startsWith("handlebars/"))).toBe(false);
  });
});
