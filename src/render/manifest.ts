/**
 * DIR/manifest.json: what made each file in an output folder, so a file can be checked and a run
 * reproduced. For every output: its sha256 and size, the command, the input file's sha256, the
 * gongwen version, the calendar data version (sha256 of data/holidays), the template versions
 * (sha256 of the built-in templates folder and of a --templates folder) and any further input
 * (an assessment scheme, a font configuration, last year's dataset) by sha256.
 *
 * - Deterministic: no timestamps, no absolute paths (outputs by their path relative to DIR,
 *   inputs by file name), keys in sorted order. The same input gives the same manifest.
 * - Several commands writing into one DIR merge: entries of other outputs are kept, entries of
 *   the outputs just written are replaced.
 * - Written atomically. A manifest.json that gongwen did not write is not overwritten without
 *   --force.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import { UserError } from "../util/errors.js";
import { writeFileAtomic } from "../util/fs-atomic.js";
import { t, type Lang } from "../util/i18n.js";
import { HOLIDAYS_DIR, PACKAGE_ROOT, TEMPLATES_DIR } from "../util/paths.js";

export const MANIFEST_FILE = "manifest.json";
const GENERATOR = "gongwen";

export interface ManifestRun {
  /** The command, e.g. "render summary", "letters". */
  command: string;
  /** The dataset file the outputs were made from. */
  input: string;
  /** The user's --templates folder, if any. */
  templatesDir?: string;
  /** Further input files by role (scheme, fontConfig, previous …); undefined entries are skipped. */
  inputs?: Record<string, string | undefined>;
  /** Personal data was replaced (--redact). */
  redacted?: boolean;
}

export interface ManifestOutput {
  /** Path of the written file (absolute or relative to the working directory). */
  path: string;
  /** sha256 in hex when the caller has it; otherwise the file is read back and hashed. */
  sha256?: string;
}

export interface FileHash {
  file: string;
  sha256: string;
}

export interface ManifestEntry {
  sha256: string;
  bytes: number;
  command: string;
  input: FileHash;
  gongwen: string;
  calendarData: string;
  templates: { builtIn: string; user?: string };
  inputs?: Record<string, FileHash>;
  redacted?: true;
}

export interface Manifest {
  generator: typeof GENERATOR;
  /** Outputs by path relative to the folder (forward slashes), sorted. */
  outputs: Record<string, ManifestEntry>;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function fileSha256(path: string): string {
  return sha256Hex(readFileSync(path));
}

/** sha256 over every file of a folder: relative path and content, in sorted path order. */
export function folderSha256(dir: string): string {
  const h = createHash("sha256");
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => {
      const p = join(d, e.name);
      return e.isDirectory() ? walk(p) : e.isFile() ? [p] : [];
    });
  const files = walk(dir)
    .map((p) => relative(dir, p).split(sep).join("/"))
    .sort();
  for (const f of files) {
    h.update(f + "\0");
    h.update(readFileSync(join(dir, f)));
    h.update("\0");
  }
  return h.digest("hex");
}

let cached: { gongwen: string; calendarData: string; builtIn: string } | undefined;

/** Version facts of this installation (computed once per process). */
function installation(): { gongwen: string; calendarData: string; builtIn: string } {
  cached ??= {
    gongwen: (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string })
      .version,
    calendarData: folderSha256(HOLIDAYS_DIR),
    builtIn: folderSha256(TEMPLATES_DIR),
  };
  return cached;
}

/** JSON with object keys sorted at every level (arrays keep their order). */
export function stableStringify(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) out[k] = sort((v as Record<string, unknown>)[k]);
      return out;
    }
    return v;
  };
  return JSON.stringify(sort(value), null, 2) + "\n";
}

function readManifest(path: string, force: boolean, lang: Lang): Manifest {
  const empty: Manifest = { generator: GENERATOR, outputs: {} };
  if (!existsSync(path)) return empty;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    parsed = undefined;
  }
  const ours =
    parsed !== null &&
    typeof parsed === "object" &&
    (parsed as { generator?: unknown }).generator === GENERATOR &&
    typeof (parsed as { outputs?: unknown }).outputs === "object" &&
    (parsed as { outputs?: unknown }).outputs !== null;
  if (ours) return parsed as Manifest;
  if (force) return empty;
  throw new UserError(
    t(
      lang,
      `${path} 不是 gongwen 写的清单文件，如需覆盖请加 --force`,
      `${path} is not a gongwen manifest; use --force to overwrite it`,
    ),
  );
}

/** Refuse early (before any output is written) when DIR holds a manifest.json gongwen did not write. */
export function checkManifest(outDir: string, opts: { force?: boolean; lang?: Lang } = {}): void {
  readManifest(join(outDir, MANIFEST_FILE), opts.force === true, opts.lang ?? "zh");
}

/**
 * Record `outputs` (all inside `outDir`) in outDir/manifest.json, merging with what is there.
 * Returns the manifest's path.
 */
export function updateManifest(
  outDir: string,
  run: ManifestRun,
  outputs: readonly ManifestOutput[],
  opts: { force?: boolean; lang?: Lang } = {},
): string {
  const lang = opts.lang ?? "zh";
  const path = join(outDir, MANIFEST_FILE);
  const manifest = readManifest(path, opts.force === true, lang);
  const inst = installation();
  const hashOf = (file: string): FileHash => ({ file: basename(file), sha256: fileSha256(file) });
  const input = hashOf(run.input);
  const inputs: Record<string, FileHash> = {};
  for (const [role, file] of Object.entries(run.inputs ?? {})) if (file) inputs[role] = hashOf(file);
  const templates: ManifestEntry["templates"] = { builtIn: inst.builtIn };
  if (run.templatesDir && existsSync(run.templatesDir) && statSync(run.templatesDir).isDirectory())
    templates.user = folderSha256(run.templatesDir);
  const root = resolve(outDir);
  for (const o of outputs) {
    const abs = resolve(o.path);
    const key = relative(root, abs).split(sep).join("/");
    const bytes = statSync(abs).size;
    manifest.outputs[key] = {
      sha256: o.sha256 ?? fileSha256(abs),
      bytes,
      command: run.command,
      input,
      gongwen: inst.gongwen,
      calendarData: inst.calendarData,
      templates,
      ...(Object.keys(inputs).length > 0 ? { inputs } : {}),
      ...(run.redacted ? { redacted: true as const } : {}),
    };
  }
  writeFileAtomic(path, stableStringify(manifest), { force: true, lang });
  return path;
}
