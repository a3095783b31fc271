/**
 * Bad input, seeded: 250 mutations (1,000 in npm run test:full) of the two samples (dropped fields, wrong types, swapped and
 * impossible dates, huge numbers, deep nesting, long strings, control characters, hostile ids,
 * duplicated records, damaged bytes and invalid UTF-8), each through `validate` and then a
 * consumer in turn — `audit`, `render summary|annual-report|self-audit`, `letters` — through
 * `main(argv)` in this process (fuzz-binary.test.ts runs a sample through the real binary and
 * mutated CSV ledgers through `gongwen import`). Every run must end with exit 0, 1 or 2 and a
 * message, never an internal error (exit 3) or a stack trace, never leave a temp file or a
 * partial output file, never print an applicant's personal data; a manifest, when written,
 * matches the files.
 *
 * A second seeded round attacks the environment rather than the data (30 cases; 240 in the full
 * run): symlinked outputs and inputs (to a file, dangling, a loop; with and without --force),
 * encodings (GBK, GB18030, UTF-16 LE/BE with and without BOM, UTF-8 with BOM), input from a
 * FIFO fed by another process (a dataset, or /dev/zero without end — once through the real
 * binary), zip bombs (an XLSX ledger whose directory lies about its sizes) and template bombs
 * (--templates: self-recursive partials, huge loops, deep nesting).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import {
  personalData,
  problems,
  prng,
  runInProcess,
  SAMPLE_2014,
  SAMPLE_2023,
  tempDir,
  type Run,
} from "./harness.js";
import { Mutator, type Mutation } from "./mutations.js";
import { BIN as BIN_PATH } from "./harness.js";

const SEED = 20240610;
// npm test runs the first 250 of the seeded sequence; npm run test:full (fuzz.full.test.ts) all 1,000.
const MUTATIONS = Number(process.env.FUZZ_N ?? (process.env.GONGWEN_TEST_FULL === "1" ? 1000 : 250));

const work = tempDir("gongwen-fuzz-");
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const bases = [
  { name: "2014", file: SAMPLE_2014, data: JSON.parse(fs.readFileSync(SAMPLE_2014, "utf8")) as unknown },
  { name: "2023", file: SAMPLE_2023, data: JSON.parse(fs.readFileSync(SAMPLE_2023, "utf8")) as unknown },
];
const PERSONAL = [...new Set(bases.flatMap((b) => personalData(b.data)))];
const appIds = (data: unknown): string[] =>
  ((data as { disclosure: { applications?: { id: string }[] } }).disclosure.applications ?? []).map(
    (a) => a.id,
  );

/** The consumer for the i-th mutation: cheap ones often, the expensive renders now and then. */
function consumer(i: number, base: string, file: string, out: string, m: Mutation, ids: string[]): string[] {
  const slot = i % 20;
  if (slot < 7)
    return [
      "audit",
      file,
      ...(i % 2 ? ["--format", "json"] : []),
      ...(i % 3 ? [] : ["--fail-on", "warning"]),
    ];
  if (slot < 14 && base === "2023") {
    const mutated = m.application !== undefined ? ids[m.application] : undefined;
    const request = mutated ?? ids[i % ids.length] ?? "YSQ2023-001";
    return ["letters", file, "--out", out, "--request", request, "--format", i % 3 ? "pdf" : "docx"];
  }
  if (slot < 18) return ["render", "summary", file, "--out", out, "--format", i % 5 ? "docx" : "pdf"];
  if (slot === 18) return ["render", "self-audit", file, "--out", out, "--format", "docx"];
  return ["render", "annual-report", file, "--out", out, "--format", "docx"];
}

const failures: string[] = [];

function check(label: string, run: Run, out?: string): void {
  const p = problems(run, out, PERSONAL);
  if (p.length > 0)
    failures.push(
      `${label}\n  $ gongwen ${run.argv.join(" ")}\n  ${p.join("; ")}\n  stderr: ${run.stderr.slice(0, 400)}`,
    );
}

describe("fuzz: mutated datasets through validate, audit, render and letters", () => {
  it(
    `${MUTATIONS} seeded mutations end with exit 0, 1 or 2, a message, and no partial output`,
    async () => {
      const rand = prng(SEED);
      const mutator = new Mutator(rand);
      const exits = new Map<number, number>();
      const consumers = new Map<string, number>();
      for (let i = 0; i < MUTATIONS; i++) {
        const base = bases[i % 5 < 2 ? 0 : 1]!;
        const m = mutator.mutate(base.data as never);
        const dir = path.join(work, `m${i}`);
        fs.mkdirSync(dir);
        const file = path.join(dir, `${base.name}.json`);
        fs.writeFileSync(file, m.bytes);
        const label = `#${i} (${base.name}) ${m.label.slice(0, 200)}`;
        const v = await runInProcess(["validate", file]);
        check(label, v);
        exits.set(v.code, (exits.get(v.code) ?? 0) + 1);
        const out = path.join(dir, "out");
        const argv = consumer(i, base.name, file, out, m, appIds(base.data));
        const r = await runInProcess(argv);
        consumers.set(`${argv[0]} ${r.code}`, (consumers.get(`${argv[0]} ${r.code}`) ?? 0) + 1);
        check(label, r, out);
        fs.rmSync(dir, { recursive: true, force: true });
        // Let the worker's event loop answer vitest's RPC (a minute without a macrotask turn fails
        // the run with "Timeout calling onTaskUpdate" under load, every test green).
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(failures, failures.slice(0, 15).join("\n\n")).toEqual([]);
      // The mutations reach both sides: some data stays valid, most does not; the consumers run on
      // valid data and finish (audit findings and refused letters included).
      expect(exits.get(0) ?? 0).toBeGreaterThan(MUTATIONS * 0.05);
      expect(exits.get(2) ?? 0).toBeGreaterThan(MUTATIONS * 0.4);
      for (const c of ["audit 0", "audit 1", "letters 0", "letters 2", "render 0", "render 2"])
        expect(consumers.get(c) ?? 0, `${c}: ${JSON.stringify([...consumers])}`).toBeGreaterThan(0);
    },
    Math.max(240_000, MUTATIONS * 600),
  );
});

describe("the fuzz checks themselves", () => {
  it("catch an internal error, a stack trace, a silent failure, leftovers and personal data", () => {
    const dir = tempDir("gongwen-fuzz-check-");
    try {
      fs.writeFileSync(path.join(dir, "a.pdf"), "%PDF-1.7\n1 0 obj"); // no %%EOF: cut short
      fs.writeFileSync(path.join(dir, "b.docx"), "PK\u0003\u0004 not really");
      fs.writeFileSync(path.join(dir, ".c.docx.1.0.tmp"), "");
      const run = {
        argv: ["x"],
        code: 3,
        stdout: "王某某",
        stderr: "gongwen 内部错误：boom\n    at f (file:///x.js:1:2)\n",
      };
      expect(problems(run, dir, ["王某某"]).sort()).toEqual(
        [
          "exit 3",
          "stack trace on stderr",
          "internal error",
          "personal data in output: 王某某",
          "partial output a.pdf: no %%EOF",
          "partial output b.docx: not a zip: invalid zip data",
          "temp file left: .c.docx.1.0.tmp",
        ].sort(),
      );
      expect(problems({ argv: ["x"], code: 2, stdout: "", stderr: "" }, undefined)).toEqual([
        "exit 2 without a message",
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---- the environment: links, encodings, pipes, zip bombs, template bombs ---------------------

const ENV_CASES = Number(process.env.FUZZ_ENV_N ?? (process.env.GONGWEN_TEST_FULL === "1" ? 240 : 30));
const ENV_CLASSES = ["symlink", "encoding", "fifo", "zip-bomb", "template-bomb"] as const;
const SAMPLE_TEXT = fs.readFileSync(SAMPLE_2023, "utf8");
const ENCODINGS = ["gbk", "gb18030", "utf16le", "utf16be", "utf16le-bom", "utf16be-bom", "utf8-bom"] as const;

function encode(text: string, enc: (typeof ENCODINGS)[number]): Buffer {
  if (enc === "gbk" || enc === "gb18030") return iconv.encode(text, enc);
  if (enc === "utf8-bom") return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
  const le = Buffer.from(text, "utf16le");
  const body = enc.startsWith("utf16be") ? Buffer.from(le).swap16() : le;
  if (!enc.endsWith("-bom")) return body;
  return Buffer.concat([Buffer.from(enc.startsWith("utf16be") ? [0xfe, 0xff] : [0xff, 0xfe]), body]);
}

/** An XLSX-like zip of `mb` MB of zeros; with `lie`, its headers declare 1 byte per entry. */
function zipBomb(mb: number, lie: boolean): Buffer {
  const z = Buffer.from(
    zipSync(
      {
        "[Content_Types].xml": new TextEncoder().encode("<Types/>"),
        "xl/workbook.xml": new TextEncoder().encode("<workbook/>"),
        "xl/worksheets/sheet1.xml": new Uint8Array(mb * 1024 * 1024),
      },
      { level: 9 },
    ),
  );
  if (lie)
    for (let i = 0; i + 4 <= z.length; i++) {
      const sig = z.readUInt32LE(i);
      if (sig === 0x04034b50 && i + 26 <= z.length) z.writeUInt32LE(1, i + 22);
      if (sig === 0x02014b50 && i + 28 <= z.length) z.writeUInt32LE(1, i + 24);
    }
  return z;
}

const TEMPLATE_BOMBS: ((n: number) => Record<string, string>)[] = [
  () => ({ "summary.md.hbs": "{{> loop}}", "partials/loop.md.hbs": "x{{> loop}}" }),
  (n) => ({
    "summary.md.hbs": "{{> a}}",
    "partials/a.md.hbs": "{{> b}}{{> b}}",
    "partials/b.md.hbs": "{{> a}}".repeat((n % 4) + 1),
  }),
  (n) => ({ "summary.md.hbs": "{{#each (range 0 " + 10 ** (5 + (n % 3)) + ")}}xxxxxxxxxx{{/each}}" }),
  (n) => ({ "summary.md.hbs": "{{#if year}}".repeat(2000 + n * 10) + "x" + "{{/if}}".repeat(2000 + n * 10) }),
  (n) => ({ "summary.md.hbs": "{{else if a}}".repeat(50 + n) }),
  () => ({ "summary.md.hbs": "{{!-- never closed" }),
];

function writeTree(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

/** A FIFO fed by another process: the sample, or zeros without end. Returns the writer. */
async function fifo(file: string, endless: boolean): Promise<ReturnType<typeof spawn> | null> {
  const mk = await new Promise<number>((r) => spawn("mkfifo", [file]).on("exit", (c) => r(c ?? 1)));
  if (mk !== 0) return null;
  const src = endless ? "/dev/zero" : SAMPLE_2023;
  const writer = spawn("sh", ["-c", `exec cat ${JSON.stringify(src)} > ${JSON.stringify(file)}`], {
    stdio: "ignore",
  });
  writer.on("error", () => undefined);
  return writer;
}

describe("fuzz: a hostile environment (links, encodings, pipes, zip bombs, template bombs)", () => {
  it(
    `${ENV_CASES} seeded cases end with exit 0, 1 or 2, a message, no partial output, nothing written through a link`,
    async () => {
      const rand = prng(SEED + 1);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
      const envFailures: string[] = [];
      const seen = new Map<string, number>();
      const note = (k: string) => seen.set(k, (seen.get(k) ?? 0) + 1);
      const expectThat = (ok: boolean, label: string, r: Run) => {
        if (!ok)
          envFailures.push(
            `${label}\n  $ gongwen ${r.argv.join(" ")}\n  exit ${r.code}: ${r.stderr.slice(0, 300)}`,
          );
      };
      const checkEnv = (label: string, r: Run, out?: string) => {
        const p = problems(r, out, PERSONAL);
        if (p.length > 0)
          envFailures.push(
            `${label}\n  $ gongwen ${r.argv.join(" ")}\n  ${p.join("; ")}\n  ${r.stderr.slice(0, 300)}`,
          );
      };
      let binaryFifo = false;
      for (let i = 0; i < ENV_CASES; i++) {
        const cls = ENV_CLASSES[i % ENV_CLASSES.length]!;
        const dir = path.join(work, `env${i}`);
        fs.mkdirSync(dir);
        const label = `env#${i} ${cls}`;
        if (cls === "symlink") {
          const victim = path.join(dir, "victim.txt");
          fs.writeFileSync(victim, "victim");
          const kind = pick(["to-file", "dangling", "loop", "input"] as const);
          const force = rand() < 0.5;
          const out = path.join(dir, "out");
          fs.mkdirSync(out);
          const cmd = pick(["summary", "letters"] as const);
          const target =
            cmd === "summary" ? path.join(out, "summary.docx") : path.join(out, "YSQ2023-001-receipt.docx");
          if (kind === "to-file") fs.symlinkSync(victim, target);
          else if (kind === "dangling") fs.symlinkSync(path.join(dir, "made-elsewhere.docx"), target);
          else if (kind === "loop") {
            fs.symlinkSync(path.join(dir, "loop-b"), path.join(dir, "loop-a"));
            fs.symlinkSync(path.join(dir, "loop-a"), path.join(dir, "loop-b"));
            fs.symlinkSync(path.join(dir, "loop-a"), target);
          }
          const data =
            kind === "input" ? path.join(dir, "linked.json") : cmd === "summary" ? SAMPLE_2014 : SAMPLE_2023;
          if (kind === "input") fs.symlinkSync(cmd === "summary" ? SAMPLE_2014 : SAMPLE_2023, data);
          const argv =
            cmd === "summary"
              ? ["render", "summary", data, "--out", out, "--format", "docx"]
              : [
                  "letters",
                  data,
                  "--out",
                  out,
                  "--request",
                  "YSQ2023-001",
                  "--kind",
                  "receipt",
                  "--format",
                  "docx",
                ];
          const r = await runInProcess([...argv, ...(force ? ["--force"] : [])]);
          note(`symlink ${kind} ${force ? "force" : "plain"} ${r.code}`);
          expectThat(
            fs.readFileSync(victim, "utf8") === "victim",
            `${label}: the link's target was written`,
            r,
          );
          expectThat(
            !fs.existsSync(path.join(dir, "made-elsewhere.docx")),
            `${label}: a file made through a dangling link`,
            r,
          );
          if (kind === "input") expectThat(r.code === 0, `${label}: a linked input is read`, r);
          else if (!force)
            expectThat(r.code === 2 && r.stderr.includes(target), `${label}: refused, naming the link`, r);
          else
            expectThat(
              r.code === 0 && !fs.lstatSync(target).isSymbolicLink(),
              `${label}: --force replaces the link itself`,
              r,
            );
          // A link still there (refused) is the test's own: gone before the folder is checked.
          if (fs.lstatSync(target, { throwIfNoEntry: false })?.isSymbolicLink()) fs.unlinkSync(target);
          checkEnv(label, r, out);
        } else if (cls === "encoding") {
          const enc = pick(ENCODINGS);
          const file = path.join(dir, `${enc}.json`);
          fs.writeFileSync(file, encode(SAMPLE_TEXT, enc));
          const cmd = pick(["validate", "audit", "letters"] as const);
          const out = path.join(dir, "out");
          const argv =
            cmd === "letters"
              ? ["letters", file, "--out", out, "--request", "YSQ2023-001", "--format", "docx"]
              : cmd === "audit"
                ? ["audit", file]
                : ["validate", file];
          const r = await runInProcess(argv);
          note(`encoding ${enc} ${r.code}`);
          checkEnv(label, r, out);
          const readable = enc.endsWith("-bom");
          if (readable)
            expectThat(r.code === 0 || (cmd === "audit" && r.code === 1), `${label}: ${enc} is read`, r);
          else
            expectThat(
              r.code === 2 && /不是 UTF-8|UTF-16|GBK|GB18030/.test(r.stderr) && !r.stderr.includes("\ufffd"),
              `${label}: ${enc} refused with the encoding it looks like`,
              r,
            );
          expectThat(readable || !fs.existsSync(out), `${label}: nothing written from undecodable input`, r);
        } else if (cls === "fifo") {
          const endless = rand() < 0.6;
          const file = path.join(dir, "pipe.json");
          const writer = await fifo(file, endless);
          if (!writer) continue;
          const lim = String(1 + Math.floor(rand() * 3));
          let r: Run;
          process.env.GONGWEN_MAX_INPUT_MB = lim;
          try {
            // Once through the real binary: an actual attack on a process of its own.
            if (endless && !binaryFifo) {
              binaryFifo = true;
              r = await new Promise<Run>((resolve) => {
                const c = spawn(process.execPath, [BIN_PATH, "validate", file], {
                  env: { ...process.env, GONGWEN_MAX_INPUT_MB: lim },
                });
                let so = "";
                let se = "";
                c.stdout.on("data", (d: Buffer) => (so += d.toString()));
                c.stderr.on("data", (d: Buffer) => (se += d.toString()));
                c.on("exit", (code) =>
                  resolve({ argv: ["validate", file], code: code ?? 128, stdout: so, stderr: se }),
                );
              });
            } else r = await runInProcess(["validate", file]);
          } finally {
            delete process.env.GONGWEN_MAX_INPUT_MB;
            writer.kill("SIGKILL");
          }
          note(`fifo ${endless ? "endless" : "sample"} ${r.code}`);
          checkEnv(label, r);
          if (endless)
            expectThat(
              r.code === 2 && r.stderr.includes(`输入文件最大 ${lim}.0 MB`),
              `${label}: the limit stops the pipe`,
              r,
            );
          else expectThat(r.code === 0, `${label}: a dataset from a pipe is read`, r);
        } else if (cls === "zip-bomb") {
          const mb = 2 + Math.floor(rand() * 6);
          const lie = rand() < 0.7;
          const z = path.join(dir, "ledger.xlsx");
          fs.writeFileSync(z, zipBomb(mb, lie));
          const into = path.join(dir, "into.json");
          fs.writeFileSync(into, SAMPLE_TEXT);
          process.env.GONGWEN_MAX_INPUT_MB = "1";
          let r: Run;
          try {
            r = await runInProcess(["import", z, "--into", into, ...(rand() < 0.5 ? ["--dry-run"] : [])]);
          } finally {
            delete process.env.GONGWEN_MAX_INPUT_MB;
          }
          note(`zip-bomb ${lie ? "lying" : "honest"} ${r.code}`);
          checkEnv(label, r);
          expectThat(
            r.code === 2 && r.stderr.includes(`${z}：文件过大（解压后`),
            `${label}: refused at the limit`,
            r,
          );
          expectThat(fs.readFileSync(into, "utf8") === SAMPLE_TEXT, `${label}: the dataset is untouched`, r);
        } else {
          const t = path.join(dir, "templates");
          const n = Math.floor(rand() * 20);
          const which = Math.floor(rand() * TEMPLATE_BOMBS.length);
          writeTree(t, TEMPLATE_BOMBS[which]!(n));
          const out = path.join(dir, "out");
          const r = await runInProcess([
            "render",
            "summary",
            SAMPLE_2014,
            "--out",
            out,
            "--templates",
            t,
            "--format",
            "docx",
          ]);
          note(`template-bomb ${which} ${r.code}`);
          checkEnv(label, r, out);
          expectThat(r.code === 2 && r.stderr.includes(t), `${label}: refused naming the template`, r);
          expectThat(!fs.existsSync(path.join(out, "summary.docx")), `${label}: no document from a bomb`, r);
        }
        fs.rmSync(dir, { recursive: true, force: true });
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(envFailures, envFailures.slice(0, 12).join("\n\n")).toEqual([]);
      // Every class ran, and the pipes reached the real binary.
      for (const c of ENV_CLASSES)
        expect(
          [...seen.keys()].some((k) => k.startsWith(c)),
          c,
        ).toBe(true);
      expect(binaryFifo).toBe(true);
    },
    Math.max(120_000, ENV_CASES * 4000),
  );
});
