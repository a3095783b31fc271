/**
 * Hostile inputs, read through the one input reader: datasets in GBK or UTF-16 without a BOM,
 * a CSV whose BOM says UTF-8 over a GBK body, /dev/zero and a pipe that never end, a zip that
 * declares tiny sizes and inflates to 50 MB. Each is refused with a message naming the file and
 * what to do (exit 2); what is valid (UTF-16 with a BOM, UTF-8 with a BOM) is read.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { UserError } from "../../src/util/errors.js";
import {
  assertZipInflatedSize,
  decodeInput,
  readInputBytes,
  readInputText,
} from "../../src/util/read-input.js";
import { problems, runInProcess, SAMPLE_2023, tempDir } from "./harness.js";

const work = tempDir("gongwen-hostile-inputs-");
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const MB = 1024 * 1024;
const sample = fs.readFileSync(SAMPLE_2023, "utf8");

function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("no error");
}

function file(name: string, bytes: Uint8Array | string): string {
  const p = path.join(work, name);
  fs.writeFileSync(p, bytes);
  return p;
}

describe("encodings", () => {
  it("a GBK dataset is refused by validate and letters, saying it looks like GBK and how to convert", async () => {
    const p = file("gbk.json", iconv.encode(sample, "gbk"));
    const how =
      "请转换为 UTF-8 后再用，例如 iconv -f GB18030 -t UTF-8 原文件 > 新文件，或在记事本、WPS 中“另存为”并选择 UTF-8 编码";
    for (const argv of [
      ["validate", p],
      ["letters", p, "--out", path.join(work, "gbk-out")],
    ]) {
      const run = await runInProcess(argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`${p}：不是 UTF-8 编码的文本（看起来是 GBK/GB18030）；${how}\n`);
      expect(problems(run, undefined)).toEqual([]);
    }
    expect(fs.existsSync(path.join(work, "gbk-out"))).toBe(false);
  });

  it("UTF-8 with a BOM and UTF-16 with a BOM are read; UTF-16 without one is refused", async () => {
    const bom = file("bom.json", "\ufeff" + sample);
    const le = file("le.json", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, "utf16le")]));
    const be = file(
      "be.json",
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(sample, "utf16le").swap16()]),
    );
    for (const p of [bom, le, be]) {
      expect(readInputText(p)).toBe(sample);
      expect((await runInProcess(["validate", p])).code).toBe(0);
    }
    const bare = file("bare16.json", Buffer.from(sample, "utf16le"));
    const run = await runInProcess(["validate", bare, "--lang", "en"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(
        `^${bare.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: not UTF-8 text \\(it looks like UTF-16 without a byte-order mark\\); convert it to UTF-8 first, e.g. iconv -f UTF-16LE -t UTF-8`,
      ),
    );
  });

  it("UTF-32 is named as such", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), iconv.encode("{}", "utf32le")]);
    expect(errorOf(() => decodeInput(bytes, "x.json")).message).toMatch(
      /^x\.json：不是 UTF-8 编码的文本（看起来是 UTF-32）/,
    );
  });

  it("a CSV whose BOM says UTF-8 but whose body is GBK is refused; GBK without a BOM is a legacy CSV and read", async () => {
    const csv = "申请编号,申请人,收到申请日期\nYSQ-1,张某,2023/3/1\n";
    const lying = file(
      "lying.csv",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(csv, "gbk")]),
    );
    const into = file("into.json", sample);
    const run = await runInProcess(["import", lying, "--into", into]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${lying}：文件开头标明是 UTF-8（BOM），但内容不是 UTF-8（看起来是 GBK/GB18030）`,
    );
    expect(fs.readFileSync(into, "utf8")).toBe(sample);
    expect(decodeInput(iconv.encode(csv, "gbk"), "x.csv", { legacy: true })).toEqual({
      text: csv,
      encoding: "gb18030",
    });
    expect(() => decodeInput(iconv.encode(csv, "gbk"), "x.json")).toThrow(UserError);
  });
});

describe("inputs that never end", () => {
  it("/dev/zero as the dataset stops at the limit", async () => {
    if (!fs.existsSync("/dev/zero")) return;
    const e = errorOf(() => readInputBytes("/dev/zero", { limit: 2 * MB }));
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toBe(
      "/dev/zero：文件过大（超过 2.0 MB），输入文件最大 2.0 MB；确需处理更大的文件，可设置环境变量 GONGWEN_MAX_INPUT_MB",
    );
    process.env.GONGWEN_MAX_INPUT_MB = "1";
    try {
      const run = await runInProcess(["validate", "/dev/zero"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("/dev/zero：文件过大（超过 1.0 MB）");
    } finally {
      delete process.env.GONGWEN_MAX_INPUT_MB;
    }
  });

  it("a pipe is counted while it is read", async () => {
    const fifo = path.join(work, "pipe.json");
    const mk = await new Promise<number>((r) => spawn("mkfifo", [fifo]).on("exit", (c) => r(c ?? 1)));
    if (mk !== 0) return; // no mkfifo here
    // A writer that would send 8 MB; the reader must stop after 1 MB and some.
    const writer = spawn(process.execPath, [
      "-e",
      `const fs=require("fs");const fd=fs.openSync(${JSON.stringify(fifo)},"w");try{for(let i=0;i<8;i++)fs.writeSync(fd,Buffer.alloc(1<<20,32))}catch{}`,
    ]);
    const e = errorOf(() => readInputBytes(fifo, { limit: MB }));
    expect(e.message).toContain(`${fifo}：文件过大（超过 1.0 MB）`);
    writer.kill();
    // Where only a regular file may be (templates), a pipe is refused without waiting for a writer.
    expect(errorOf(() => readInputBytes(fifo, { regularOnly: true })).message).toBe(
      `无法读取 ${fifo}：这是一个管道（FIFO），不是普通文件`,
    );
  });
});

describe("zip bombs", () => {
  /** An .xlsx-like zip of 50 MB of zeros whose headers declare 1 byte per entry. */
  function bomb(): Buffer {
    const z = Buffer.from(
      zipSync(
        {
          "[Content_Types].xml": new TextEncoder().encode("<Types/>"),
          "xl/worksheets/sheet1.xml": new Uint8Array(50 * MB),
        },
        { level: 9 },
      ),
    );
    for (let i = 0; i + 4 <= z.length; i++) {
      const sig = z.readUInt32LE(i);
      if (sig === 0x04034b50 && i + 26 <= z.length) z.writeUInt32LE(1, i + 22);
      if (sig === 0x02014b50 && i + 28 <= z.length) z.writeUInt32LE(1, i + 24);
    }
    return z;
  }

  it("inflated bytes are counted as they stream, whatever the directory declares", () => {
    const z = bomb();
    expect(z.length).toBeLessThan(MB);
    const e = errorOf(() => assertZipInflatedSize(z, "bomb.xlsx", "zh", 10 * MB));
    expect(e.message).toBe(
      "bomb.xlsx：文件过大（解压后超过 10.0 MB），输入文件最大 10.0 MB；确需处理更大的文件，可设置环境变量 GONGWEN_MAX_INPUT_MB",
    );
    expect(() => assertZipInflatedSize(z, "bomb.xlsx", "zh", 60 * MB)).not.toThrow();
  });

  it("import refuses the bomb (exit 2), the dataset untouched", async () => {
    const z = file("bomb.xlsx", bomb());
    const into = file("bomb-into.json", sample);
    process.env.GONGWEN_MAX_INPUT_MB = "10";
    try {
      const run = await runInProcess(["import", z, "--into", into]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`${z}：文件过大（解压后超过 10.0 MB）`);
      expect(problems(run, undefined)).toEqual([]);
    } finally {
      delete process.env.GONGWEN_MAX_INPUT_MB;
    }
    expect(fs.readFileSync(into, "utf8")).toBe(sample);
  });
});
