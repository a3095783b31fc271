#!/usr/bin/env node
/**
 * `npm run build`: tsc → dist/, then the generators (the precompiled validator, templates and
 * docx skeletons) and the start-up snapshot (scripts/build-snapshot.mjs). Skipped when dist/ is up
 * to date: dist/.build-stamp (scripts/build-stamp.mjs) matches every input of the build and
 * every file it left in dist/. `npm test` builds first, and in CI `npm ci` has just built
 * through "prepare". `--force` (or GONGWEN_BUILD_FORCE=1) builds regardless.
 */
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { inputsDigest, STAMP, stampText, upToDate } from "./build-stamp.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const force = process.argv.includes("--force") || process.env.GONGWEN_BUILD_FORCE === "1";

if (!force && upToDate(ROOT)) {
  process.stderr.write("build: dist/ is up to date with its inputs (dist/.build-stamp); skipped\n");
  process.exit(0);
}

const stamp = join(ROOT, STAMP);
const digest = inputsDigest(ROOT);
rmSync(stamp, { force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const steps = [
  [tsc, "-p", "tsconfig.build.json"],
  ["scripts/gen-validator.mjs"],
  ["scripts/gen-templates.mjs"],
  ["scripts/gen-skeletons.mjs"],
  ["scripts/build-snapshot.mjs"],
];
for (const args of steps) {
  try {
    execFileSync(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
  } catch (e) {
    process.exit(typeof e.status === "number" && e.status !== 0 ? e.status : 1);
  }
}
writeFileSync(stamp, stampText(ROOT, digest));
