#!/usr/bin/env node
/**
 * The `gongwen` command's start-up snapshot (run by `npm run build`, after tsc and the other
 * generators): dist/ and the modules it imports bundled into one CommonJS file
 * (dist/snapshot/gongwen.cjs, with esbuild), then evaluated once by Node's snapshot builder
 * (`node --snapshot-blob … --build-snapshot`) into dist/snapshot/gongwen.blob. bin/gongwen starts
 * from the snapshot, so a process finds its modules already loaded instead of reading, compiling
 * and evaluating some 250 files (a cold `render summary` takes about a third less CPU).
 *
 * A snapshot holds only what Node's builder can serialise and runs only on the Node binary that
 * built it. The bundle therefore
 * - leaves out the workbench, the job queue and storage (native modules, open handles) and the
 *   large packages only some commands load (docx, exceljs, cli-progress; fontkit, for CFF fonts
 *   only, with its brotli dictionary; iconv-lite, for GBK ledgers only); they are required from
 *   the installed files when used, and bin/gongwen runs serve, worker, db and digest without the
 *   snapshot;
 * - holds one copy of pdf-lib (its single-file build) and no white space (esbuild's
 *   minifyWhitespace; names are kept). The snapshot's size is paid at every start: measured
 *   (issue 18, paired runs), the blob went from 26.9 MB to 15.9 MB and a cold `gongwen --version`
 *   from 175 to 141 ms CPU (0.80×, 9 pairs);
 * - takes fflate's build without worker threads (the same code for the synchronous functions
 *   gongwen calls), and builds with stand-ins for top-level TextDecoder and Intl.Segmenter
 *   objects (scripts/snapshot/shim.cjs);
 * - replaces import.meta.url by each file's own URL, `createRequire(import.meta.url)` by the
 *   bundle's require, and top-level `await import()` by require (CommonJS has no top-level await).
 * The same bundle is evaluated twice: gongwen.blob under V8's defaults (letters, demo) and
 * gongwen-one.blob under ONE_DOCUMENT_FLAGS (every other command; see below).
 * The stamp file (gongwen.stamp) names the Node binary, its size and time, the time of the
 * dist/cli/main.js it was built from, and this folder; bin/gongwen uses the snapshot only when
 * all match, else it runs dist/cli/main.js. If the
 * snapshot cannot be built, the build goes on without it (with a warning) and the command works
 * as before.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "dist", "snapshot");
const BUNDLE = join(OUT, "gongwen.cjs");
const BLOB = join(OUT, "gongwen.blob");
const ONE_BLOB = join(OUT, "gongwen-one.blob");
/**
 * V8's flags for the commands that make one document (every command but letters and demo; see
 * bin/gongwen, which passes the same text: a snapshot runs only under the flags it was built
 * with). A function is optimised by TurboFan after 10× the bytecode V8 runs before it by
 * default. In a process of a few hundred milliseconds the optimising compiles were work that
 * never paid off: a cold `render summary … --format docx,pdf` took 0.80× the CPU (0.72–0.83,
 * 11 pairs, load ≈ 8; 338 ms against 439 ms) and `--version` and `validate` less too (figures in
 * README's benchmark notes). A batch of letters needs the optimised code early: 1,500 letters
 * took 1.15× the CPU (0.98–1.29, 3 pairs) under these flags, so letters and demo start from the
 * snapshot built with V8's defaults (gongwen.blob).
 */
export const ONE_DOCUMENT_FLAGS = ["--interrupt-budget=675840"];
const STAMP = join(OUT, "gongwen.stamp");

/** Loaded from the installed files at run time, never bundled. */
const RUNTIME = /[\\/]dist[\\/](server|jobs|storage)[\\/]/;
const RUNTIME_PACKAGES = new Set([
  "better-sqlite3",
  "pg",
  "bullmq",
  "fastify",
  "docx",
  "exceljs",
  "cli-progress",
  "fontkit",
  "iconv-lite",
]);

const PDF_LIB = join(ROOT, "node_modules", "@cantoo", "pdf-lib", "dist", "pdf-lib.esm.min.js");

/** The precompiled CommonJS files that dist modules require by a constant's name. */
const NAMED_CJS = {
  PRECOMPILED_VALIDATOR: "dataset-validator.cjs",
  PRECOMPILED_TEMPLATES: "precompiled-templates.cjs",
  PREBUILT_SKELETONS: "docx-skeletons.cjs",
};

const snapshotPlugin = {
  name: "gongwen-snapshot",
  setup(build) {
    build.onResolve({ filter: /^fflate$/ }, () => ({
      path: join(ROOT, "node_modules", "fflate", "esm", "browser.js"),
    }));
    // One copy of pdf-lib: its single-file build, which render/pdf/pdflib.js loads (below), also
    // for the other importers (letters/batch.js counts pages), instead of its CommonJS files.
    build.onResolve({ filter: /^@cantoo\/pdf-lib$/ }, () => ({ path: PDF_LIB }));
    build.onResolve({ filter: /.*/ }, (a) => {
      if (a.kind === "entry-point") return undefined;
      const path = a.path.startsWith(".") ? join(dirname(a.importer), a.path) : a.path;
      if (RUNTIME_PACKAGES.has(a.path) || RUNTIME.test(path)) return { path, namespace: "runtime" };
      return undefined;
    });
    build.onLoad({ filter: /.*/, namespace: "runtime" }, (a) => ({
      contents:
        `const m = globalThis.__gongwenRuntimeRequire(${JSON.stringify(a.path)});\n` +
        "module.exports = { ...m, default: m && m.__esModule ? m.default : m };\n",
      loader: "js",
    }));
    build.onLoad({ filter: /[\\/]node_modules[\\/].*\.m?js$/ }, (a) => {
      const text = readFileSync(a.path, "utf8");
      if (!text.includes("import.meta")) return undefined;
      return {
        contents: text.replace(/import\.meta\.url/g, JSON.stringify(pathToFileURL(a.path).href)),
        loader: "js",
      };
    });
    build.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, (a) => {
      let text = readFileSync(a.path, "utf8");
      if (a.path.endsWith(join("render", "pdf", "pdflib.js"))) {
        // Top-level await on a computed path; the same single-file build, imported statically.
        const lib = PDF_LIB;
        const names = /export const \{([^}]+)\} = lib;/.exec(text)?.[1];
        if (!names) throw new Error("render/pdf/pdflib.js: its exports are not where expected");
        text = `import * as lib from ${JSON.stringify(lib)};\nexport const {${names}} = lib;\n`;
      }
      text = text
        .replace(/const require = createRequire\(import\.meta\.url\);/g, "")
        .replace(/createRequire\(import\.meta\.url\)\(`\.\/\$\{(\w+)\}`\)/g, (_, name) => {
          if (!NAMED_CJS[name]) throw new Error(`${a.path}: unknown file constant ${name}`);
          return `require("./${NAMED_CJS[name]}")`;
        })
        .replace(/createRequire\(import\.meta\.url\)\(/g, "require(")
        .replace(/require\.resolve\(/g, "globalThis.__gongwenRuntimeResolve(")
        .replace(/await import\(/g, "require(")
        .replace(/import\.meta\.url/g, JSON.stringify(pathToFileURL(a.path).href));
      return { contents: text, loader: "js" };
    });
  },
};

function warn(message) {
  process.stderr.write(`start-up snapshot not built (gongwen runs without it): ${message}\n`);
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  warn("esbuild is not installed");
  process.exit(0);
}
try {
  await esbuild.build({
    entryPoints: [join(ROOT, "scripts", "snapshot", "entry.mjs")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    outfile: BUNDLE,
    plugins: [snapshotPlugin],
    logLevel: "error",
    legalComments: "none",
    minifyWhitespace: true,
  });
  execFileSync(process.execPath, ["--snapshot-blob", BLOB, "--build-snapshot", BUNDLE], {
    cwd: OUT,
    stdio: ["ignore", "ignore", "pipe"],
  });
  execFileSync(
    process.execPath,
    [...ONE_DOCUMENT_FLAGS, "--snapshot-blob", ONE_BLOB, "--build-snapshot", BUNDLE],
    {
      cwd: OUT,
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  const node = realpathSync(process.execPath);
  const st = statSync(node);
  // dist/cli/main.js's time: tsc rewrites every file of dist/, so a later build without this
  // step (a stale snapshot of older code) no longer matches.
  const main = Math.floor(statSync(join(ROOT, "dist", "cli", "main.js")).mtimeMs / 1000);
  writeFileSync(STAMP, `${node} ${st.size}:${Math.floor(st.mtimeMs / 1000)} ${main} ${realpathSync(ROOT)}\n`);
  const mb = (statSync(BLOB).size / 2 ** 20).toFixed(0);
  process.stdout.write(
    `start-up snapshot: ${BLOB.slice(ROOT.length + 1)} and gongwen-one.blob (${mb} MB each, for ${node})\n`,
  );
} catch (e) {
  rmSync(OUT, { recursive: true, force: true });
  const stderr = e?.stderr?.toString().trim().split("\n").slice(-3).join(" ");
  warn(stderr || (e instanceof Error ? e.message : String(e)));
}
