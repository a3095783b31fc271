/**
 * When `npm run build` may skip (scripts/build.mjs): the stamp dist/.build-stamp holds a digest
 * of every input of the build and a listing of every file the build left in dist/. The build is
 * up to date only when both still match — any file of src/, templates/, schemas/, scripts/,
 * samples/ or data/ changed, added or removed, the tsconfig files, package.json or
 * package-lock.json changed, another Node binary, or any file of dist/ changed, added or
 * removed since (a `tsc` run alone, a deleted snapshot) makes it build again.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** The folders and files whose contents the build reads. */
export const INPUT_DIRS = ["src", "templates", "schemas", "scripts", "samples", "data"];
export const INPUT_FILES = ["tsconfig.json", "tsconfig.build.json", "package.json", "package-lock.json"];
export const STAMP = join("dist", ".build-stamp");

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return e.name === "node_modules" ? [] : files(p);
      return e.isFile() ? [p] : [];
    })
    .sort();
}

const rel = (root, p) => relative(root, p).split(sep).join("/");

/** sha256 over the Node binary and the path and contents of every input file. */
export function inputsDigest(root, node = process.execPath) {
  const h = createHash("sha256");
  const st = statSync(node);
  h.update(`node ${node} ${process.version} ${st.size} ${st.mtimeMs}\n`);
  const all = [
    ...INPUT_DIRS.flatMap((d) => files(join(root, d))),
    ...INPUT_FILES.map((f) => join(root, f)).filter((f) => existsSync(f)),
  ];
  for (const f of all) {
    h.update(`${rel(root, f)}\0`);
    h.update(createHash("sha256").update(readFileSync(f)).digest("hex"));
    h.update("\n");
  }
  return h.digest("hex");
}

/** Every file of dist/ (but the stamp) with its size and modification time, one a line. */
export function outputsListing(root) {
  const stamp = join(root, STAMP);
  return files(join(root, "dist"))
    .filter((f) => f !== stamp)
    .map((f) => {
      const st = statSync(f);
      return `${rel(root, f)} ${st.size} ${st.mtimeMs}`;
    })
    .join("\n");
}

/**
 * The stamp's text: the inputs' digest (taken before the build, so an input edited while it ran
 * makes the next build run again) and dist/ as it is now.
 */
export function stampText(root, digest = inputsDigest(root)) {
  return `${digest}\n${outputsListing(root)}\n`;
}

/** True when dist/ was built from exactly these inputs and is untouched since. */
export function upToDate(root, node = process.execPath) {
  const stamp = join(root, STAMP);
  if (!existsSync(stamp)) return false;
  return readFileSync(stamp, "utf8") === stampText(root, inputsDigest(root, node));
}
