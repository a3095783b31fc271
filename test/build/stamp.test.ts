/**
 * `npm run build` skips only when dist/ is up to date (scripts/build.mjs, scripts/build-stamp.mjs):
 * on a small stand-in for the project, the stamp matches until any input — a file of src/,
 * templates/, schemas/, scripts/, samples/ or data/ changed, added or removed, a tsconfig,
 * package.json or package-lock.json changed, another Node binary — or any file of dist/ changes.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { INPUT_DIRS, INPUT_FILES, STAMP, stampText, upToDate } from "../../scripts/build-stamp.mjs";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "gongwen-build-stamp-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const INPUTS = [
  "src/cli/main.ts",
  "src/render/pdf/layout.ts",
  "templates/summary/zh.md.hbs",
  "schemas/dataset.schema.json",
  "scripts/gen-templates.mjs",
  "scripts/snapshot/entry.mjs",
  "samples/2014-commerce-bureau.json",
  "data/holidays/2024.json",
  ...INPUT_FILES,
];
const OUTPUTS = ["dist/cli/main.js", "dist/snapshot/gongwen.blob"];

function write(rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

/** A fresh stand-in project, built: every input and output written, then the stamp. */
beforeEach(() => {
  for (const e of fs.readdirSync(root)) fs.rmSync(path.join(root, e), { recursive: true, force: true });
  for (const f of [...INPUTS, ...OUTPUTS]) write(f, `contents of ${f}\n`);
  write(STAMP, stampText(root));
});

describe("the build stamp", () => {
  it("covers src/, templates/, schemas/ and scripts/", () => {
    expect(INPUT_DIRS).toEqual(expect.arrayContaining(["src", "templates", "schemas", "scripts"]));
  });

  it("is up to date right after the build, and not without a stamp", () => {
    expect(upToDate(root)).toBe(true);
    fs.rmSync(path.join(root, STAMP));
    expect(upToDate(root)).toBe(false);
  });

  it.each(INPUTS)("not up to date once %s changed, even with its size and time kept", (f) => {
    const file = path.join(root, f);
    const st = fs.statSync(file);
    const text = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, text.replace("contents", "CONTENTS"));
    fs.utimesSync(file, st.atime, st.mtime);
    expect(fs.statSync(file).size).toBe(st.size);
    expect(upToDate(root)).toBe(false);
    fs.writeFileSync(file, text);
    expect(upToDate(root)).toBe(true);
  });

  it("not up to date once an input file is added or removed", () => {
    write("src/new.ts", "export {};\n");
    expect(upToDate(root)).toBe(false);
    fs.rmSync(path.join(root, "src/new.ts"));
    expect(upToDate(root)).toBe(true);
    fs.rmSync(path.join(root, "templates/summary/zh.md.hbs"));
    expect(upToDate(root)).toBe(false);
  });

  it("not up to date once a file of dist/ is rewritten, removed or added", () => {
    const main = path.join(root, "dist/cli/main.js");
    const later = new Date(fs.statSync(main).mtimeMs + 5000);
    fs.utimesSync(main, later, later);
    expect(upToDate(root)).toBe(false);
    write(STAMP, stampText(root));
    expect(upToDate(root)).toBe(true);
    fs.rmSync(path.join(root, "dist/snapshot/gongwen.blob"));
    expect(upToDate(root)).toBe(false);
    write(STAMP, stampText(root));
    write("dist/extra.js", "\n");
    expect(upToDate(root)).toBe(false);
  });

  it("not up to date for another Node binary", () => {
    const other = path.join(root, "other-node");
    fs.writeFileSync(other, "not node\n");
    expect(upToDate(root, other)).toBe(false);
  });

  it("ignores node_modules inside an input folder", () => {
    write("scripts/node_modules/x/index.js", "\n");
    expect(upToDate(root)).toBe(true);
  });
});
