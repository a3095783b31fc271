/**
 * The start-up snapshot's script (scripts/build-snapshot.mjs bundles it with the CLI into one
 * CommonJS file). Building the snapshot evaluates the modules a document command needs — the
 * composers, both writers, pdf-lib, the precompiled templates, validator and DOCX skeletons — so
 * a process started from the snapshot finds them loaded. Nothing here reads the environment,
 * the arguments or the standard streams: that happens in the main function, when the snapshot
 * runs (the CLI itself — yargs reads the terminal's width as it loads — is loaded there).
 */
import { restore } from "./shim.mjs";
import v8 from "node:v8";
import { createRequire } from "node:module";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../../dist/util/paths.js";
// Imported here so that their code runs at build time; the modules that require them find them
// already evaluated.
import "../../dist/compose/precompiled-templates.cjs";
import "../../dist/data/dataset-validator.cjs";
import "../../dist/render/docx/docx-skeletons.cjs";
import "handlebars/runtime.js";
// The pure parts of the CLI's yargs (its layout and message packages; yargs itself reads the
// terminal and the environment as it loads, so it loads when the snapshot runs). cliui's
// string-width makes an Intl.Segmenter as it loads: about 10 ms at every start when made then;
// in the snapshot it is a stand-in, made real only if help text is laid out (shim.mjs).
import "cliui";
import "y18n";

const preload = [
  import("../../dist/compose/documents/summary.js"),
  import("../../dist/compose/documents/index.js"),
  import("../../dist/cli/documents.js"),
  import("../../dist/render/pdf/index.js"),
  import("../../dist/render/docx/index.js"),
  import("../../dist/data/load.js"),
  import("../../dist/data/validate.js"),
  import("../../dist/render/seal.js"),
  import("../../dist/render/manifest.js"),
  import("../../dist/letters/load.js"),
  import("../../dist/calendar/calendar.js"),
  import("../../dist/compose/precompiled.js"),
];
Promise.all(preload)
  .then(() => {
    // Worker threads started from a snapshot that loaded node:worker_threads at build time
    // find no shared cwd counter (process.cwd() throws in the worker): the letters batch
    // (letters/batch.js) must load it at run time.
    if (process.moduleLoadList.some((m) => m.endsWith(" worker_threads")))
      throw new Error("node:worker_threads was loaded while building the snapshot");
  })
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });

v8.startupSnapshot.setDeserializeMainFunction(() => {
  restore();
  // Modules left out of the snapshot (see build-snapshot.mjs) load from the installed files.
  const runtimeRequire = createRequire(join(PACKAGE_ROOT, "package.json"));
  globalThis.__gongwenRuntimeRequire = runtimeRequire;
  globalThis.__gongwenRuntimeResolve = (id) => runtimeRequire.resolve(id);
  // A snapshot's process.argv has no script: [node, ...arguments]; dist/cli/main.js reads the
  // arguments after the script.
  process.argv.splice(1, 0, join(PACKAGE_ROOT, "dist", "cli", "main.js"));
  void import("../../dist/cli/main.js");
});
