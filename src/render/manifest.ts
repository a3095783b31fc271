/**
 * DIR/manifest.json: what made each file in an output folder, so a file can be checked and a run
 * reproduced. For every output: its sha256 and size, the command, the input file's sha256, the
 * gongwen version, the calendar data version (sha256 of data/holidays), the template versions
 * (sha256 of the built-in templates folder and of a --templates folder) and any further input
 * (an assessment scheme, a font configuration, last year's dataset) by sha256, and the dataset's
 * interpretations (法律适用口径) the outputs were derived with, defaults included.
 *
 * - Deterministic: no timestamps, no absolute paths (outputs by their path relative to DIR,
 *   inputs by file name), keys in sorted order. The same input gives the same manifest.
 * - Several commands writing into one DIR merge: entries of other outputs are kept, entries of
 *   the outputs just written are replaced.
 * - Written atomically. A manifest.json that gongwen did not write is not overwritten without
 *   --force.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  realpathSync,
  statSync,
} from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { UserError } from "../util/errors.js";
import {
  appendLine,
  createExclusive,
  ensureDir,
  processAlive,
  removeFile,
  writeFileAtomic,
} from "../util/fs-atomic.js";
import { t, type Lang } from "../util/i18n.js";
import { jsonChunks } from "../util/json-chunks.js";
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
  /** The interpretations in force (src/facts/interpretations.ts), every key with its value. */
  interpretations?: Readonly<Record<string, number | boolean>>;
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
  interpretations?: Record<string, number | boolean>;
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
  const rootReal = realpathSync(dir);
  const isInside = (p: string): boolean => p === rootReal || p.startsWith(rootReal + sep);
  // What the template reader reads: regular files, and links that resolve to one inside the
  // folder (hashed by content); a link out of it is hashed by its target's name (it is refused
  // when read); FIFOs and devices are skipped (reading them could block).
  const entries: { rel: string; content: () => Uint8Array }[] = [];
  const walk = (d: string, depth: number): void => {
    if (depth > 32) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const rel = relative(dir, p).split(sep).join("/");
      if (e.isDirectory()) walk(p, depth + 1);
      else if (e.isFile()) entries.push({ rel, content: () => readFileSync(p) });
      else if (e.isSymbolicLink()) {
        let real: string | null = null;
        try {
          real = realpathSync(p);
        } catch {
          real = null;
        }
        const st = real !== null && isInside(real) ? statSync(real) : null;
        if (st?.isDirectory()) walk(p, depth + 1);
        else if (st?.isFile()) entries.push({ rel, content: () => readFileSync(real!) });
        else entries.push({ rel, content: () => Buffer.from("link:" + readlinkSync(p)) });
      }
    }
  };
  walk(dir, 0);
  entries.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  for (const f of entries) {
    h.update(f.rel + "\0");
    h.update(f.content());
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

/**
 * stableStringify's text in pieces (util/json-chunks.ts): a manifest of 100,000 outputs (≈70 MB
 * of JSON) is written, or hashed, entry by entry, without its whole text or a sorted copy of it
 * in memory. The pieces join to exactly stableStringify(value).
 */
export function* stableChunks(value: unknown): Generator<string> {
  yield* jsonChunks(value, { sortKeys: true });
  yield "\n";
}

/** sha256 of stableChunks(value) (of its text, without holding it). */
function stableHash(value: unknown): string {
  const h = createHash("sha256");
  for (const c of stableChunks(value)) h.update(c);
  return h.digest("hex");
}

/**
 * The entries of one run share everything but their hash and size: parsed entries take their
 * run's parts from `pool` (one object per distinct part), so 100,000 entries read back from a
 * journal or a manifest hold one copy of them, not 100,000.
 */
function internEntry(entry: ManifestEntry, pool: Map<string, unknown>): ManifestEntry {
  const out = { ...entry } as Record<string, unknown>;
  for (const k of Object.keys(out)) {
    const v = out[k];
    if (!v || typeof v !== "object") continue;
    const key = `${k}\0${JSON.stringify(v)}`;
    const known = pool.get(key);
    if (known) out[k] = known;
    else pool.set(key, v);
  }
  return out as unknown as ManifestEntry;
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
  if (ours) {
    const m = parsed as Manifest;
    const pool = new Map<string, unknown>();
    for (const k of Object.keys(m.outputs)) {
      const e = m.outputs[k];
      if (e && typeof e === "object") m.outputs[k] = internEntry(e, pool);
    }
    return m;
  }
  if (force) return empty;
  throw new UserError(
    t(
      lang,
      `${path} 不是 gongwen 写的清单文件，如需覆盖请加 --force`,
      `${path} is not a gongwen manifest; use --force to overwrite it`,
    ),
  );
}

/** Base of an entry: everything but the output's own hash and size (one per run). */
export type EntryBase = Omit<ManifestEntry, "sha256" | "bytes">;

/**
 * A run recording into DIR/manifest.json. Plain data, so it can be sent to a worker thread:
 * each output is appended to this run's journal (DIR/.manifest.PID-RANDOM.journal) before it is
 * renamed into place (recordIntent, with its sha256) and once it is (recordOutput), and folded into the manifest under its lock when the run
 * ends (finishManifestRun) — or, if the run is killed, by the next run into DIR.
 */
export interface ManifestRecorder {
  dir: string;
  journal: string;
  base: EntryBase;
  force: boolean;
  lang: Lang;
}

const LOCK_FILE = ".manifest.json.lock";
const JOURNAL_RE = /^\.manifest\.(\d+)-[0-9a-f]{16}\.journal$/;
/** How long a run waits for another run's manifest lock before giving up. */
const LOCK_WAIT_MS = 60_000;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Run `fn` holding DIR/.manifest.json.lock (created exclusively; retried with a short wait
 * while another process holds it; removed when its holder no longer runs), so concurrent runs
 * read-merge-write the manifest one after the other and lose nothing.
 */
export function withManifestLock<T>(outDir: string, lang: Lang, fn: () => T): T {
  ensureDir(outDir, lang);
  const lock = join(outDir, LOCK_FILE);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    if (createExclusive(lock, `${process.pid}\n`, lang)) break;
    let holder = NaN;
    try {
      holder = Number(readFileSync(lock, "utf8").trim());
    } catch {
      // Removed meanwhile, or being written: try again.
    }
    if (Number.isInteger(holder) && holder > 0 && !processAlive(holder)) {
      removeFile(lock);
      continue;
    }
    if (Date.now() > deadline)
      throw new UserError(
        t(
          lang,
          `${lock}：清单文件被另一个 gongwen 进程锁定超过 ${LOCK_WAIT_MS / 1000} 秒；如确认没有其他进程在运行，请删除这个锁文件`,
          `${lock}: the manifest has been locked by another gongwen process for over ${LOCK_WAIT_MS / 1000} s; if none is running, remove this lock file`,
        ),
      );
    sleepSync(Math.min(50, 2 + attempt * 2));
  }
  try {
    return fn();
  } finally {
    removeFile(lock);
  }
}

/** Journals in DIR that can be folded: this process's (when `own`) and those of processes no longer running. */
function foldableJournals(outDir: string, own: string | undefined): string[] {
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return [];
  }
  return names
    .filter((n) => {
      const m = JOURNAL_RE.exec(n);
      if (!m) return false;
      const file = join(outDir, n);
      return file === own || !processAlive(Number(m[1]));
    })
    .sort()
    .map((n) => join(outDir, n));
}

/**
 * Apply a journal's entries: a file recorded as renamed into place ("done") counts when it is
 * still there with the recorded size; a file whose intent was journaled but not its rename (a
 * kill -9 between the two) counts only when the file there has exactly the recorded content
 * (sha256), i.e. the rename did happen.
 *
 * A journal's lines (see journalLine): `{"base": …}`, what every output of the run shares,
 * written by each thread before its first output; then per output `{"key", "sha256", "bytes"}`
 * (`"intent": true` before the rename). A line of an older journal carries its whole `entry`.
 */
function applyJournal(manifest: Manifest, outDir: string, journal: string): void {
  const done = new Map<string, ManifestEntry>();
  const intended = new Map<string, ManifestEntry>();
  const pool = new Map<string, unknown>();
  let base: EntryBase | undefined;
  // Line by line: a batch's journal holds two lines per file (≈25 MB for 100,000 files).
  const read = forEachLine(journal, (line) => {
    if (line.trim() === "") return;
    let rec: JournalLine;
    try {
      rec = JSON.parse(line) as JournalLine;
    } catch {
      return; // a line cut short by a kill
    }
    if (rec === null || typeof rec !== "object") return;
    if (rec.base !== null && typeof rec.base === "object") {
      base = internEntry(rec.base as ManifestEntry, pool);
      return;
    }
    if (typeof rec.key !== "string") return;
    let entry: ManifestEntry;
    if (rec.entry !== null && typeof rec.entry === "object")
      entry = internEntry(rec.entry as ManifestEntry, pool);
    else if (base && typeof rec.sha256 === "string" && typeof rec.bytes === "number")
      entry = { sha256: rec.sha256, bytes: rec.bytes, ...base };
    else return;
    if (rec.intent === true) intended.set(rec.key, entry);
    else {
      done.set(rec.key, entry);
      intended.delete(rec.key);
    }
  });
  if (!read) return;
  for (const [key, entry] of done) {
    try {
      if (statSync(join(outDir, key)).size !== entry.bytes) continue;
    } catch {
      continue;
    }
    manifest.outputs[key] = entry;
  }
  for (const [key, entry] of intended) {
    try {
      const file = join(outDir, key);
      if (statSync(file).size !== entry.bytes || fileSha256(file) !== entry.sha256) continue;
    } catch {
      continue;
    }
    manifest.outputs[key] = entry;
  }
}

/** One line of a journal, as parsed (checked field by field before use). */
interface JournalLine {
  base?: unknown;
  key?: unknown;
  sha256?: unknown;
  bytes?: unknown;
  intent?: unknown;
  entry?: unknown;
}

/** Call `fn` with each line of a UTF-8 file, read in pieces; false when it cannot be read. */
function forEachLine(path: string, fn: (line: string) => void): boolean {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return false;
  }
  try {
    const buf = Buffer.alloc(1 << 20);
    const decoder = new StringDecoder("utf8");
    let rest = "";
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch {
        return false;
      }
      if (n === 0) break;
      const lines = (rest + decoder.write(buf.subarray(0, n))).split("\n");
      rest = lines.pop()!;
      for (const line of lines) fn(line);
    }
    fn(rest + decoder.end());
    return true;
  } finally {
    closeSync(fd);
  }
}

/**
 * Under the lock: read the manifest, fold in foldable journals, apply `change`, write it, remove
 * the folded journals. Returns the manifest's path.
 */
function mergeManifest(
  outDir: string,
  opts: { force: boolean; lang: Lang; own?: string },
  change: (m: Manifest) => void,
): { path: string; manifest: Manifest } {
  const path = join(outDir, MANIFEST_FILE);
  return withManifestLock(outDir, opts.lang, () => {
    const manifest = readManifest(path, opts.force, opts.lang);
    const journals = foldableJournals(outDir, opts.own);
    for (const j of journals) applyJournal(manifest, outDir, j);
    const before = journals.length === 0 ? stableHash(manifest) : "";
    change(manifest);
    if (journals.length > 0 || stableHash(manifest) !== before || !existsSync(path))
      writeFileAtomic(path, stableChunks(manifest), { force: true, lang: opts.lang });
    for (const j of journals) removeFile(j);
    return { path, manifest };
  });
}

/**
 * Refuse early (before any output is written) when DIR holds a manifest.json gongwen did not
 * write; record what an interrupted run into DIR left in its journal. Returns the paths
 * (relative to DIR, forward slashes) the manifest lists.
 */
export function checkManifest(outDir: string, opts: { force?: boolean; lang?: Lang } = {}): Set<string> {
  const lang = opts.lang ?? "zh";
  const path = join(outDir, MANIFEST_FILE);
  readManifest(path, opts.force === true, lang);
  if (foldableJournals(outDir, undefined).length === 0) {
    if (!existsSync(path)) return new Set();
    return new Set(Object.keys(readManifest(path, true, lang).outputs));
  }
  const { manifest } = mergeManifest(outDir, { force: opts.force === true, lang }, () => undefined);
  return new Set(Object.keys(manifest.outputs));
}

/** The entry base of a run: input hashes, versions, templates. */
function entryBase(run: ManifestRun): EntryBase {
  const inst = installation();
  const hashOf = (file: string): FileHash => ({ file: basename(file), sha256: fileSha256(file) });
  const input = hashOf(run.input);
  const inputs: Record<string, FileHash> = {};
  for (const [role, file] of Object.entries(run.inputs ?? {})) if (file) inputs[role] = hashOf(file);
  const templates: ManifestEntry["templates"] = { builtIn: inst.builtIn };
  if (run.templatesDir && existsSync(run.templatesDir) && statSync(run.templatesDir).isDirectory())
    templates.user = folderSha256(run.templatesDir);
  return {
    command: run.command,
    input,
    gongwen: inst.gongwen,
    calendarData: inst.calendarData,
    templates,
    ...(Object.keys(inputs).length > 0 ? { inputs } : {}),
    ...(run.redacted ? { redacted: true as const } : {}),
    ...(run.interpretations ? { interpretations: { ...run.interpretations } } : {}),
  };
}

function keyOf(outDir: string, file: string): string {
  return relative(resolve(outDir), resolve(file)).split(sep).join("/");
}

/** Runs of this process not finished yet (folded on SIGINT/SIGTERM by recordInterruptedRuns). */
const activeRuns = new Set<ManifestRecorder>();

/**
 * Fold the journals of this process's unfinished runs into their manifests (the CLI calls this
 * when interrupted, before it exits). Best effort: what fails is folded by the next run.
 */
export function recordInterruptedRuns(): void {
  for (const rec of activeRuns) {
    try {
      mergeManifest(rec.dir, { force: rec.force, lang: rec.lang, own: rec.journal }, () => undefined);
    } catch {
      // Left in the journal for the next run.
    }
  }
  activeRuns.clear();
}

/** Start recording a run into DIR/manifest.json (see ManifestRecorder). */
export function startManifestRun(
  outDir: string,
  run: ManifestRun,
  opts: { force?: boolean; lang?: Lang } = {},
): ManifestRecorder {
  const rec: ManifestRecorder = {
    dir: resolve(outDir),
    journal: join(resolve(outDir), `.manifest.${process.pid}-${randomBytes(8).toString("hex")}.journal`),
    base: entryBase(run),
    force: opts.force === true,
    lang: opts.lang ?? "zh",
  };
  activeRuns.add(rec);
  return rec;
}

/** Journals this thread has written its run's base into (each thread writes its own once). */
const basesWritten = new Set<string>();

/**
 * Append an output's line to the run's journal, after the run's base when this thread has not
 * written it yet: the base (≈600 bytes of JSON: input, versions, interpretations) once, not
 * with each of a batch's 100,000 files (the journal was ≈140 MB, and its fold parsed as much).
 * Appends are whole lines (O_APPEND), so each thread's base precedes its outputs in the file.
 */
function journalLine(
  rec: ManifestRecorder,
  file: string,
  sha256: string,
  bytes: number,
  intent: boolean,
): void {
  if (!basesWritten.has(rec.journal)) {
    appendLine(rec.journal, JSON.stringify({ base: rec.base }), rec.lang);
    basesWritten.add(rec.journal);
  }
  const line = { key: keyOf(rec.dir, file), sha256, bytes, ...(intent ? { intent: true } : {}) };
  appendLine(rec.journal, JSON.stringify(line), rec.lang);
}

/**
 * Journal an output about to be renamed into place (any thread), before the rename: a kill -9
 * right after the rename leaves the intent, and the next run records the file if its content is
 * the one journaled (see applyJournal).
 */
export function recordIntent(rec: ManifestRecorder, file: string, sha256: string, bytes: number): void {
  journalLine(rec, file, sha256, bytes, true);
}

/** Record one output just renamed into place (any thread). */
export function recordOutput(rec: ManifestRecorder, file: string, sha256: string, bytes: number): void {
  journalLine(rec, file, sha256, bytes, false);
}

/**
 * End a run that failed: fold what its journal recorded into the manifest, or — when it placed
 * nothing (no journal) — only forget the run, writing nothing.
 */
export function abandonManifestRun(rec: ManifestRecorder): void {
  if (existsSync(rec.journal)) finishManifestRun(rec);
  else for (const r of activeRuns) if (r.journal === rec.journal) activeRuns.delete(r);
}

/**
 * Run `write` under the recorder: on success the journal is folded into the manifest (its path
 * is returned with the result); on failure the run is abandoned — what was placed stays recorded —
 * and `write`'s own error is thrown.
 */
export async function recordedRun<T>(
  rec: ManifestRecorder,
  write: () => Promise<T>,
): Promise<{ result: T; manifest: string }> {
  let result: T;
  try {
    result = await write();
  } catch (e) {
    try {
      abandonManifestRun(rec);
    } catch {
      // The journal stays for the next run to fold; the write's own error is the one to tell.
    }
    throw e;
  }
  return { result, manifest: finishManifestRun(rec) };
}

/** Fold the run's journal (and `outputs` not recorded yet) into the manifest. Returns its path. */
export function finishManifestRun(rec: ManifestRecorder, outputs: readonly ManifestOutput[] = []): string {
  for (const r of activeRuns) if (r.journal === rec.journal) activeRuns.delete(r);
  basesWritten.delete(rec.journal);
  return mergeManifest(rec.dir, { force: rec.force, lang: rec.lang, own: rec.journal }, (m) => {
    for (const o of outputs) {
      const abs = resolve(o.path);
      m.outputs[keyOf(rec.dir, abs)] = {
        sha256: o.sha256 ?? fileSha256(abs),
        bytes: statSync(abs).size,
        ...rec.base,
      };
    }
  }).path;
}

/**
 * Record `outputs` (all inside `outDir`) in outDir/manifest.json, merging with what is there
 * (under the manifest lock). Returns the manifest's path.
 */
export function updateManifest(
  outDir: string,
  run: ManifestRun,
  outputs: readonly ManifestOutput[],
  opts: { force?: boolean; lang?: Lang } = {},
): string {
  return finishManifestRun(startManifestRun(outDir, run, opts), outputs);
}
