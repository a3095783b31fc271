/**
 * Inputs over the size limit, the quick version of large-input.full.test.ts (which writes 100 MB
 * files and a zip of 256 MB unpacked, for `npm run test:full`): the same attacks at a few
 * megabytes against a limit lowered with GONGWEN_MAX_INPUT_MB — a dataset, a CSV ledger and a
 * zipped ledger over the limit are refused at once with a clear message (exit 2, nothing written,
 * the dataset untouched); a megabyte of nesting is reported, not a stack overflow; a large but
 * reasonable dataset (20,000 approval cases) is checked. Through the real binary (npm test builds
 * first).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { manyCasesDataset, problems, ROOT, runBinaryAsync, SAMPLE_2023, tempDir } from "./harness.js";

const dir = tempDir("gongwen-large-quick-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const MB = 1024 * 1024;
/** The limit the refusals run against: 2 MB instead of the default 64 MB. */
const LIMITED = { ...process.env, GONGWEN_MAX_INPUT_MB: "2" };
const tooLarge = (file: string, size: string) =>
  `${file}：文件过大（${size}），输入文件最大 2.0 MB；确需处理更大的文件，可设置环境变量 GONGWEN_MAX_INPUT_MB\n`;

describe("inputs over the limit", () => {
  it("a dataset over the limit is refused by every command with the size and the limit", async () => {
    const file = path.join(dir, "big.json");
    const text = fs.readFileSync(SAMPLE_2023, "utf8");
    const at = text.lastIndexOf("}");
    fs.writeFileSync(file, text.slice(0, at) + `,"huge":"${"长".repeat(MB)}"}`);
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(3 * MB);
    const out = path.join(dir, "out");
    for (const argv of [
      ["validate", file],
      ["audit", file],
      ["render", "summary", file, "--out", out, "--format", "docx,pdf"],
      ["letters", file, "--out", out],
    ]) {
      const r = await runBinaryAsync(argv, LIMITED);
      expect(problems(r, out)).toEqual([]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(tooLarge(file, `${(size / MB).toFixed(1)} MB`));
      expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
    }
  });

  it("a megabyte of brackets is reported as too deep, not a crash", async () => {
    const file = path.join(dir, "deep.json");
    fs.writeFileSync(file, "[".repeat(MB));
    const r = await runBinaryAsync(["validate", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${file}：数据有 1 处错误\n${file} 第1行第201列：JSON 嵌套层数过多（超过 200 层），不是有效的数据文件\n`,
    );
  });

  it("a CSV ledger and a zipped ledger over the limit are refused; the dataset is untouched", async () => {
    const data = path.join(dir, "data.json");
    fs.copyFileSync(path.join(ROOT, "test/fixtures/ledgers/dataset-2014.json"), data);
    const before = createHash("sha256").update(fs.readFileSync(data)).digest("hex");
    const csv = path.join(dir, "big.csv");
    const head = fs.readFileSync(path.join(ROOT, "test/fixtures/ledgers/applications.csv"));
    fs.writeFileSync(csv, Buffer.concat([head, Buffer.alloc(3 * MB, "x,".repeat(50) + "\n")]));
    const r = await runBinaryAsync(["import", csv, "--into", data], LIMITED);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(tooLarge(csv, `${(fs.statSync(csv).size / MB).toFixed(1)} MB`));
    const xlsx = path.join(dir, "bomb.xlsx");
    fs.writeFileSync(xlsx, zipSync({ "xl/worksheets/sheet1.xml": [new Uint8Array(8 * MB), { level: 1 }] }));
    expect(fs.statSync(xlsx).size).toBeLessThan(MB);
    const z = await runBinaryAsync(["import", xlsx, "--into", data], LIMITED);
    expect(z.code).toBe(2);
    expect(z.stderr).toBe(tooLarge(xlsx, "解压后 8.0 MB"));
    expect(createHash("sha256").update(fs.readFileSync(data)).digest("hex")).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a large reasonable dataset (20,000 approval cases) is checked", async () => {
    const file = manyCasesDataset(dir, 20_000);
    const r = await runBinaryAsync(["validate", file]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("审批办结 20000 件");
  });
});
