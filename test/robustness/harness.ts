/**
 * Shared by the robustness tests: a seeded PRNG, running the CLI in this process (`main(argv)`
 * with stdout/stderr captured) or through the built binary, and the checks every run must pass —
 * exit 0, 1 or 2 with a message, no stack trace, no internal error, no temp file left behind,
 * no partial output file, a manifest that matches the files.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { main } from "../../src/cli/app.js";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const BIN = path.join(ROOT, "dist/cli/main.js");
export const SAMPLE_2014 = path.join(ROOT, "samples/2014-commerce-bureau.json");
export const SAMPLE_2023 = path.join(ROOT, "samples/2023-district-bureau.json");

/** mulberry32: small, fast, seeded — the same mutations on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Run {
  argv: string[];
  code: number;
  stdout: string;
  stderr: string;
}

/** `gongwen <argv>` in this process; stdout and stderr captured. */
export async function runInProcess(argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  const capture =
    (into: string[]) =>
    (chunk: unknown, ...rest: unknown[]): boolean => {
      into.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
      const cb = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      cb?.();
      return true;
    };
  process.stdout.write = capture(out) as typeof process.stdout.write;
  process.stderr.write = capture(err) as typeof process.stderr.write;
  let code: number;
  try {
    code = await main(argv);
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
  return { argv, code, stdout: out.join(""), stderr: err.join("") };
}

/** `gongwen <argv>` through the built binary (npm test builds first). */
export function runBinary(argv: string[], cwd = ROOT): Run {
  const r = spawnSync(process.execPath, [BIN, ...argv], {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { argv, code: r.status ?? 128, stdout: r.stdout, stderr: r.stderr };
}

/**
 * runBinary without blocking the test worker: a child that runs for tens of seconds under load
 * would otherwise keep vitest's worker from answering its RPC within 60 s ("Timeout calling
 * onTaskUpdate", vitest-dev/vitest#6479) and fail the run with every test green.
 */
export function runBinaryAsync(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  cwd = ROOT,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd, env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        argv,
        code: code ?? 128,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      }),
    );
  });
}

export function tempDir(prefix = "gongwen-robust-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** Why a written file is not a complete document, or null when it is. */
export function incompleteFile(file: string): string | null {
  const b = fs.readFileSync(file);
  if (file.endsWith(".pdf")) {
    if (b.subarray(0, 5).toString("latin1") !== "%PDF-") return "no %PDF- header";
    if (
      !b
        .subarray(Math.max(0, b.length - 1024))
        .toString("latin1")
        .includes("%%EOF")
    )
      return "no %%EOF";
    return null;
  }
  if (file.endsWith(".docx") || file.endsWith(".xlsx")) {
    try {
      const parts = unzipSync(b);
      if (!parts["[Content_Types].xml"]) return "no [Content_Types].xml";
    } catch (e) {
      return `not a zip: ${(e as Error).message}`;
    }
    return null;
  }
  if (file.endsWith(".json")) {
    try {
      JSON.parse(b.toString("utf8"));
    } catch {
      return "not JSON";
    }
  }
  return null;
}

/**
 * Everything that must hold after any run: the problems found (empty when all is well).
 * `personal` lists applicant data that must not appear in stdout or stderr.
 */
export function problems(run: Run, outDir: string | undefined, personal: readonly string[] = []): string[] {
  const p: string[] = [];
  if (![0, 1, 2].includes(run.code)) p.push(`exit ${run.code}`);
  if (/^\s+at\s.+(:\d+:\d+\)?|\(native\))$/m.test(run.stderr)) p.push("stack trace on stderr");
  if (/内部错误|internal error/i.test(run.stderr)) p.push("internal error");
  // A failure says why: on stderr, or on stdout for --json (validate --json prints its errors there).
  if (run.code !== 0 && run.stderr.trim() === "" && run.stdout.trim() === "")
    p.push(`exit ${run.code} without a message`);
  for (const s of personal) {
    if (s.length >= 2 && (run.stderr.includes(s) || run.stdout.includes(s)))
      p.push(`personal data in output: ${s}`);
  }
  if (outDir) {
    const files = walk(outDir);
    for (const f of files) {
      const name = path.basename(f);
      if (/\.tmp$/.test(name)) p.push(`temp file left: ${name}`);
      else {
        const why = incompleteFile(f);
        if (why) p.push(`partial output ${name}: ${why}`);
      }
    }
    const manifest = path.join(outDir, "manifest.json");
    if (fs.existsSync(manifest)) {
      const m = JSON.parse(fs.readFileSync(manifest, "utf8")) as {
        outputs: Record<string, { sha256: string }>;
      };
      for (const [rel, e] of Object.entries(m.outputs)) {
        const f = path.join(outDir, rel);
        if (!fs.existsSync(f)) p.push(`manifest lists a missing file: ${rel}`);
        else if (sha256(fs.readFileSync(f)) !== e.sha256) p.push(`manifest hash differs: ${rel}`);
      }
    }
  }
  return p;
}

/** The personal data of the applicants (and consulted third parties) of a dataset. */
export function personalData(dataset: unknown): string[] {
  const out = new Set<string>();
  const apps = (dataset as { disclosure?: { applications?: unknown[] } }).disclosure?.applications ?? [];
  for (const a of apps) {
    const applicant = (a as { applicant?: Record<string, unknown> } | null)?.applicant ?? {};
    for (const [k, v] of Object.entries(applicant)) if (k !== "type" && typeof v === "string") out.add(v);
    for (const c of ((a as { consultations?: unknown[] } | null)?.consultations ?? []) as {
      party?: string;
      name?: unknown;
    }[])
      if (c?.party === "third-party" && typeof c.name === "string") out.add(c.name);
  }
  return [...out];
}

/**
 * The 2014 sample with `n` approval cases (its own repeated under new ids, no totals), written to
 * DIR/cases.json: a large but reasonable dataset. Returns the file.
 */
export function manyCasesDataset(dir: string, n: number): string {
  const d = JSON.parse(fs.readFileSync(SAMPLE_2014, "utf8")) as {
    approval: { cases: { id: string }[]; totals?: unknown };
  };
  const cases = d.approval.cases;
  d.approval.cases = Array.from({ length: n }, (_, i) => ({ ...cases[i % cases.length]!, id: `C${i}` }));
  delete d.approval.totals;
  const file = path.join(dir, "cases.json");
  fs.writeFileSync(file, JSON.stringify(d));
  return file;
}
