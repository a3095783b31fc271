/**
 * Bad input, continued (see fuzz.test.ts): mutated datasets through the real binary (a fresh
 * process: what a clerk runs), and 100 seeded mutations of a CSV ledger — invalid UTF-8, stray
 * quotes and bytes, huge cells, thousands of columns or rows, control characters, truncation —
 * through `gongwen import`. Same checks: exit 0, 1 or 2 with a message, no stack trace or
 * internal error, no temp or partial file, no personal data in messages.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  personalData,
  problems,
  prng,
  ROOT,
  runBinaryAsync,
  runInProcess,
  SAMPLE_2014,
  SAMPLE_2023,
  tempDir,
  type Run,
} from "./harness.js";
import { Mutator, mutateCsv } from "./mutations.js";

const SEED = 20240610;
const CSV_MUTATIONS = 100;
const BINARY_SAMPLE = 8;

const work = tempDir("gongwen-fuzz-bin-");
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const bases = [
  { name: "2014", data: JSON.parse(fs.readFileSync(SAMPLE_2014, "utf8")) as unknown },
  { name: "2023", data: JSON.parse(fs.readFileSync(SAMPLE_2023, "utf8")) as unknown },
];
const PERSONAL = [...new Set(bases.flatMap((b) => personalData(b.data)))];
const appIds = (data: unknown): string[] =>
  ((data as { disclosure: { applications?: { id: string }[] } }).disclosure.applications ?? []).map(
    (a) => a.id,
  );

const failures: string[] = [];
function check(label: string, run: Run, out?: string, personal: readonly string[] = PERSONAL): void {
  const p = problems(run, out, personal);
  if (p.length > 0)
    failures.push(
      `${label}\n  $ gongwen ${run.argv.join(" ")}\n  ${p.join("; ")}\n  stderr: ${run.stderr.slice(0, 400)}`,
    );
}

describe("fuzz: the real binary and gongwen import", () => {
  it(`${CSV_MUTATIONS} mutations of a CSV ledger through gongwen import`, async () => {
    const rand = prng(SEED + 1);
    const csv = fs.readFileSync(path.join(ROOT, "test/fixtures/ledgers/applications.csv"));
    const dataset = fs.readFileSync(path.join(ROOT, "test/fixtures/ledgers/dataset-2014.json"));
    const personal = [...PERSONAL, "钱某某", "赵某某", "孙某某", "周某某"];
    for (let i = 0; i < CSV_MUTATIONS; i++) {
      const m = mutateCsv(rand, csv);
      const dir = path.join(work, `csv${i}`);
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, "ledger.csv"), m.bytes);
      fs.writeFileSync(path.join(dir, "data.json"), dataset);
      const r = await runInProcess([
        "import",
        path.join(dir, "ledger.csv"),
        "--into",
        path.join(dir, "data.json"),
        ...(i % 2 ? ["--dry-run"] : []),
      ]);
      check(`csv #${i} ${m.label}`, r, dir, personal);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(failures, failures.slice(0, 15).join("\n\n")).toEqual([]);
  }, 120_000);

  it(`a sample of ${BINARY_SAMPLE} mutations through the real binary`, async () => {
    const rand = prng(SEED + 2);
    const mutator = new Mutator(rand);
    for (let i = 0; i < BINARY_SAMPLE; i++) {
      const base = bases[i % 2]!;
      const m = mutator.mutate(base.data as never);
      const dir = path.join(work, `bin${i}`);
      fs.mkdirSync(dir);
      const file = path.join(dir, `${base.name}.json`);
      fs.writeFileSync(file, m.bytes);
      const out = path.join(dir, "out");
      const args =
        i % 2
          ? ["letters", file, "--out", out, "--request", appIds(base.data)[i] ?? "x", "--format", "pdf"]
          : ["render", "summary", file, "--out", out, "--format", "docx,pdf"];
      check(`binary #${i} ${m.label.slice(0, 200)}`, await runBinaryAsync(["validate", file]));
      check(`binary #${i} ${m.label.slice(0, 200)}`, await runBinaryAsync(args), out);
    }
    expect(failures, failures.slice(0, 15).join("\n\n")).toEqual([]);
  }, 120_000);
});
