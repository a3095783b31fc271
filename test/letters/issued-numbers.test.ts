/**
 * Issued document numbers never move: an application's `issued` and the ledger `letters` keeps
 * beside its outputs (DIR/doc-numbers.json) fix a number once written; moving or adding records
 * renumbers nothing, new letters take the next number after the highest issued.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Application, Dataset } from "../../src/data/types.js";
import { writeLetters } from "../../src/letters/batch.js";
import { assignDocNumbers, seqOf } from "../../src/letters/doc-number.js";
import {
  ISSUED_LEDGER_FILE,
  ledgerChunks,
  readIssuedLedger,
  recordIssued,
} from "../../src/letters/issued-ledger.js";
import { parseLettersDataset } from "../../src/letters/load.js";
import { docxText } from "../helpers/docx.js";
import { sample2023 } from "./fixtures.js";

const tmp = mkdtempSync(join(tmpdir(), "gongwen-issued-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const newDir = () => join(tmp, `out${++n}`);

const P = "R〔{year}〕{seq}号";

describe("assignDocNumbers with issued numbers", () => {
  it("keeps issued numbers and numbers the rest after the highest issued", () => {
    const letters = ["a", "b", "c", "d"].map((id) => ({
      key: `${id}/reply`,
      pattern: P,
      date: "2025-03-01",
      id,
    }));
    const m = assignDocNumbers(
      letters,
      "X",
      new Map([
        ["c/reply", { docNumber: "R〔2025〕4号", date: "2025-02-20" }],
        ["a/reply", { docNumber: "R〔2025〕2号", date: "2025-02-10" }],
      ]),
    );
    expect([...m.entries()]).toEqual([
      ["a/reply", "R〔2025〕2号"],
      ["b/reply", "R〔2025〕5号"],
      ["c/reply", "R〔2025〕4号"],
      ["d/reply", "R〔2025〕6号"],
    ]);
  });

  it("a number of another year, or written by hand, holds no place in this year's sequence", () => {
    const m = assignDocNumbers(
      [
        { key: "a/reply", pattern: P, date: "2025-01-05", id: "a" },
        { key: "b/reply", pattern: P, date: "2025-01-06", id: "b" },
        { key: "c/reply", pattern: P, date: "2025-01-07", id: "c" },
      ],
      "X",
      new Map([
        ["a/reply", { docNumber: "R〔2024〕9号", date: "2024-12-30" }],
        ["b/reply", { docNumber: "手写第7号", date: "2025-01-06" }],
      ]),
    );
    expect(m.get("c/reply")).toBe("R〔2025〕1号");
    expect(m.get("b/reply")).toBe("手写第7号");
  });

  it("reads the sequence number back from a number of the pattern", () => {
    expect(seqOf("青禾市监公开复〔2023〕12号", "{short}公开复〔{year}〕{seq}号", "青禾市监", "2023")).toBe(
      12,
    );
    expect(seqOf("青禾市监公开复〔2022〕12号", "{short}公开复〔{year}〕{seq}号", "青禾市监", "2023")).toBe(
      undefined,
    );
    expect(seqOf("A-1 (x.y) 3", "{id} (x.y) {seq}", "", "2023")).toBe(3);
  });
});

/** The sample with only some of its applications (and no fee totals, which count them all). */
function few(from: number, to: number): Dataset {
  const d = sample2023();
  d.disclosure.applications = d.disclosure.applications!.slice(from, to);
  delete d.disclosure.fees;
  return d;
}

async function write(dataset: Dataset, outDir: string, force = false) {
  const { dataset: d, invalid } = parseLettersDataset(JSON.stringify(dataset), "test.json");
  return writeLetters(d, invalid, { formats: ["docx"], kinds: ["reply"], outDir, force, workers: 1 });
}

const replyNumbers = (r: Awaited<ReturnType<typeof write>>) =>
  Object.fromEntries(r.files.map((f) => [f.id, f.docNumber]));

describe("the ledger's text", () => {
  it("is JSON.stringify(…, null, 2) of the ledger in key order, written in pieces", () => {
    const ledger = new Map([
      ["B2/reply", { docNumber: "青禾市监公开复〔2023〕2号", date: "2023-03-02" }],
      ["A1/receipt", { docNumber: 'R "1"', date: "2023-01-05" }],
    ]);
    const keys = ["A1/receipt", "B2/reply"];
    const text = [...ledgerChunks(keys, ledger)].join("");
    const issued = Object.fromEntries(keys.map((k) => [k, ledger.get(k)]));
    expect(text).toBe(JSON.stringify({ generator: "gongwen", issued }, null, 2) + "\n");
    expect([...ledgerChunks([], ledger)].join("")).toBe(
      JSON.stringify({ generator: "gongwen", issued: {} }, null, 2) + "\n",
    );
    const dir = newDir();
    recordIssued(dir, ledger);
    expect(readFileSync(join(dir, ISSUED_LEDGER_FILE), "utf8")).toBe(text);
    expect(readIssuedLedger(dir)).toEqual(new Map(keys.map((k) => [k, ledger.get(k)!])));
  });
});

describe("letters keep the numbers they issued", () => {
  it("moving and adding records renumbers nothing; the new letter takes the next number", async () => {
    const d = few(3, 8);
    const out = newDir();
    const first = replyNumbers(await write(d, out));
    expect(first).toEqual({
      "YSQ2023-001": "青禾市监公开复〔2023〕1号",
      "YSQ2023-002": "青禾市监公开复〔2023〕2号",
      "YSQ2023-003": "青禾市监公开复〔2023〕3号",
      "YSQ2023-004": "青禾市监公开复〔2023〕4号",
      "YSQ2023-005": "青禾市监公开复〔2023〕5号",
    });
    expect(JSON.parse(readFileSync(join(out, ISSUED_LEDGER_FILE), "utf8"))).toMatchObject({
      generator: "gongwen",
      issued: {
        "YSQ2023-001/reply": { docNumber: "青禾市监公开复〔2023〕1号", date: "2023-01-16" },
      },
    });

    // The record of 004 moved to the front, a new application 000 inserted before the others.
    const apps = d.disclosure.applications!;
    const added: Application = { ...structuredClone(apps[0]!), id: "YSQ2023-000" };
    d.disclosure.applications = [apps[3]!, added, apps[0]!, apps[1]!, apps[2]!, apps[4]!];
    const second = await write(d, out, true);
    expect(replyNumbers(second)).toEqual({ ...first, "YSQ2023-000": "青禾市监公开复〔2023〕6号" });
    expect(docxText(join(out, "YSQ2023-004-reply.docx")).split("\n")).toContain("青禾市监公开复〔2023〕4号");
    expect(docxText(join(out, "YSQ2023-000-reply.docx")).split("\n")).toContain("青禾市监公开复〔2023〕6号");
  });

  it("an application's issued number is data: kept, and a changed letter date is a warning", async () => {
    const d = few(3, 6);
    const [a, b, c] = d.disclosure.applications!;
    b!.issued = { reply: { docNumber: "青禾市监公开复〔2023〕17号", date: "2023-01-20" } };
    const r = await write(d, newDir());
    expect(replyNumbers(r)).toEqual({
      [a!.id]: "青禾市监公开复〔2023〕18号",
      [b!.id]: "青禾市监公开复〔2023〕17号",
      [c!.id]: "青禾市监公开复〔2023〕19号",
    });
    expect(r.warnings).toContain(
      `${b!.id}：答复书：已于2023年1月20日以青禾市监公开复〔2023〕17号签发，记录中的文书日期现为${cn(b!.reply!.date)}；文号不变`,
    );
  });

  it("refuses a ledger it cannot read rather than renumber", async () => {
    const d = few(3, 4);
    const out = newDir();
    await write(d, out);
    writeFileSync(join(out, ISSUED_LEDGER_FILE), "{ not json");
    await expect(write(d, out, true)).rejects.toThrow(
      `${join(out, ISSUED_LEDGER_FILE)}：已签发文号登记不能读取（不是有效的 JSON）；请恢复该文件，不要删除它：其中的文号已经发出`,
    );
  });

  it("the dataset's issued keys are letter names", () => {
    const d = sample2023();
    (d.disclosure.applications![0] as unknown as Record<string, unknown>).issued = {
      answer: { docNumber: "x", date: "2023-01-05" },
    };
    const r = parseLettersDataset(JSON.stringify(d), "t.json");
    expect(r.invalid.get(0)?.[0]).toContain(
      "YSQ2022-041：issued.answer：已签发文书 answer 不是文书名称：应为 reply、receipt、correction、extension、fee、consultation、consultation-notice（多次征求意见时加 -2、-3…）",
    );
  });
});

function cn(iso: string): string {
  const [y, m, day] = iso.split("-");
  return `${y}年${Number(m)}月${Number(day)}日`;
}
