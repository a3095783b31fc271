/**
 * Bad input, seeded: 1,000 mutations of the two samples (dropped fields, wrong types, swapped and
 * impossible dates, huge numbers, deep nesting, long strings, control characters, hostile ids,
 * duplicated records, damaged bytes and invalid UTF-8), each through `validate` and then a
 * consumer in turn — `audit`, `render summary|annual-report|self-audit`, `letters` — through
 * `main(argv)` in this process (fuzz-binary.test.ts runs a sample through the real binary and
 * mutated CSV ledgers through `gongwen import`). Every run must end with exit 0, 1 or 2 and a
 * message, never an internal error (exit 3) or a stack trace, never leave a temp file or a
 * partial output file, never print an applicant's personal data; a manifest, when written,
 * matches the files.
 */
import fs from "node:fs";
import path from "node:path";
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

const SEED = 20240610;
const MUTATIONS = Number(process.env.FUZZ_N ?? 1000);

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
  it(`${MUTATIONS} seeded mutations end with exit 0, 1 or 2, a message, and no partial output`, async () => {
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
    }
    expect(failures, failures.slice(0, 15).join("\n\n")).toEqual([]);
    // The mutations reach both sides: some data stays valid, most does not; the consumers run on
    // valid data and finish (audit findings and refused letters included).
    expect(exits.get(0) ?? 0).toBeGreaterThan(MUTATIONS * 0.05);
    expect(exits.get(2) ?? 0).toBeGreaterThan(MUTATIONS * 0.4);
    for (const c of ["audit 0", "audit 1", "letters 0", "letters 2", "render 0", "render 2"])
      expect(consumers.get(c) ?? 0, `${c}: ${JSON.stringify([...consumers])}`).toBeGreaterThan(0);
  }, 240_000);
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
