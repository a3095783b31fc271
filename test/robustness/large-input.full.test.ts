/**
 * Inputs of 100 MB do not crash the process: a dataset, a CSV ledger and a zipped ledger that
 * unpacks to 256 MB are refused at once with a clear message (exit 2, nothing written, the
 * dataset untouched); with the limit raised, 100 MB of nesting is reported, not a stack
 * overflow; a large but reasonable dataset (100,000 approval cases) is checked. Through the
 * real binary (npm test builds first).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { manyCasesDataset, problems, ROOT, runBinaryAsync, SAMPLE_2023, tempDir } from "./harness.js";

const dir = tempDir("gongwen-large-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const MB = 1024 * 1024;

/** The 2023 sample with one 100 MB narrative paragraph: valid JSON, 100 MB. */
function hundredMegabyteDataset(): string {
  const file = path.join(dir, "big.json");
  const text = fs.readFileSync(SAMPLE_2023, "utf8");
  const at = text.lastIndexOf("}");
  const filler = "长".repeat(Math.ceil((100 * MB) / 3));
  fs.writeFileSync(file, text.slice(0, at) + `,"huge":"${filler}"}`);
  return file;
}

describe("inputs of 100 MB", () => {
  it("a 100 MB dataset is refused by every command with the size and the limit", async () => {
    const file = hundredMegabyteDataset();
    expect(fs.statSync(file).size).toBeGreaterThan(100 * MB);
    const out = path.join(dir, "out");
    const msg = `${file}：文件过大（100.0 MB），输入文件最大 64.0 MB；确需处理更大的文件，可设置环境变量 GONGWEN_MAX_INPUT_MB\n`;
    for (const argv of [
      ["validate", file],
      ["audit", file],
      ["render", "summary", file, "--out", out, "--format", "docx,pdf"],
      ["letters", file, "--out", out],
    ]) {
      const r = await runBinaryAsync(argv);
      expect(problems(r, out)).toEqual([]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(msg);
      expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
    }
  }, 120_000);

  it("with the limit raised, 100 MB of brackets is reported as too deep, not a crash", async () => {
    const file = path.join(dir, "deep.json");
    fs.writeFileSync(file, "[".repeat(100 * MB));
    const r = await runBinaryAsync(["validate", file], { ...process.env, GONGWEN_MAX_INPUT_MB: "200" });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${file}：数据有 1 处错误\n${file} 第1行第201列：JSON 嵌套层数过多（超过 200 层），不是有效的数据文件\n`,
    );
  }, 120_000);

  it("a 100 MB CSV ledger and a zipped ledger of 256 MB unpacked are refused; the dataset is untouched", async () => {
    const data = path.join(dir, "data.json");
    fs.copyFileSync(path.join(ROOT, "test/fixtures/ledgers/dataset-2014.json"), data);
    const before = createHash("sha256").update(fs.readFileSync(data)).digest("hex");
    const csv = path.join(dir, "big.csv");
    const head = fs.readFileSync(path.join(ROOT, "test/fixtures/ledgers/applications.csv"));
    fs.writeFileSync(csv, Buffer.concat([head, Buffer.alloc(100 * MB, "x,".repeat(50) + "\n")]));
    const r = await runBinaryAsync(["import", csv, "--into", data]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${csv}：文件过大（${(fs.statSync(csv).size / MB).toFixed(1)} MB），输入文件最大 64.0 MB；确需处理更大的文件，可设置环境变量 GONGWEN_MAX_INPUT_MB\n`,
    );
    const xlsx = path.join(dir, "bomb.xlsx");
    fs.writeFileSync(xlsx, zipSync({ "xl/worksheets/sheet1.xml": [new Uint8Array(256 * MB), { level: 1 }] }));
    expect(fs.statSync(xlsx).size).toBeLessThan(5 * MB);
    const z = await runBinaryAsync(["import", xlsx, "--into", data]);
    expect(z.code).toBe(2);
    expect(z.stderr).toBe(
      `${xlsx}：文件过大（解压后 256.0 MB），输入文件最大 64.0 MB；确需处理更大的文件，可设置环境变量 GONGWEN_MAX_INPUT_MB\n`,
    );
    expect(createHash("sha256").update(fs.readFileSync(data)).digest("hex")).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 120_000);

  it("a large reasonable dataset (100,000 approval cases, about 13 MB) is checked", async () => {
    const file = manyCasesDataset(dir, 100_000);
    const r = await runBinaryAsync(["validate", file]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("审批办结 100000 件");
  }, 120_000);
});
