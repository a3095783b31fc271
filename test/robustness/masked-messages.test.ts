/**
 * Values shaped like a phone number, an ID number or an e-mail address are never quoted in an
 * error or warning (messages go to logs), even where no applicant field holds them: typed into
 * a date, a code, a count, an agency's field, a ledger's code column, a command-line argument.
 * Every command that reads such input runs (validate plain and --json, letters plain and
 * --json, render, audit text and JSON, import, deadline), in Chinese and English; stdout and
 * stderr are searched for each value — and must still say where the problem is.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeValue } from "../../src/data/messages.js";
import { UserError } from "../../src/util/errors.js";
import { maskPersonalPatterns } from "../../src/util/personal-patterns.js";
import { runInProcess, SAMPLE_2023, tempDir, type Run } from "./harness.js";

const work = tempDir("gongwen-masked-");
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const MOBILE = "13912345678";
const MOBILE_SPACED = "150 1111 3333";
const ID = "33010619800101123X";
const OLD_ID = "330106800101123";
const EMAIL = "mi.ming@secret-mail.cn";
const LANDLINE = "0571-86001234";
const SHAPED = [MOBILE, MOBILE_SPACED, ID, OLD_ID, EMAIL, LANDLINE];
/** The digits alone, so a value quoted in pieces or reformatted is found too. */
const DIGITS = [MOBILE, "15011113333", "33010619800101123", OLD_ID, "057186001234"];

type Json = Record<string, unknown>;

function broken(): string {
  const d = JSON.parse(fs.readFileSync(SAMPLE_2023, "utf8")) as Json & {
    agency: Json;
    approval: Json & { totals: Json };
    disclosure: Json & { applications: (Json & { reply?: Json; applicant: Json })[] };
  };
  const apps = d.disclosure.applications;
  apps[0]!.reply!.date = MOBILE; // a date
  apps[1]!.reply!.type = EMAIL; // a code
  apps[2]!.channel = ID; // a code
  apps[3]!.received = OLD_ID;
  apps[4]!.reply!.duplicateOf = LANDLINE; // a reference
  apps[5]!.submitted = `${MOBILE_SPACED}`;
  apps[6]!.applicant.type = `${EMAIL} ${MOBILE}`; // the only applicant field here: its type
  d.agency.website = EMAIL; // not a URL
  d.approval.totals.overdue = `${ID}`; // a count
  d.approval.complaints = [{ id: "TS-1", received: LANDLINE, summary: "窗口服务" }];
  const file = path.join(work, "broken.json");
  fs.writeFileSync(file, JSON.stringify(d, null, 2));
  return file;
}

function leaks(r: Run): string[] {
  const text = r.stdout + r.stderr;
  const bare = text.replace(/[\s-]/g, "");
  return [...SHAPED.filter((v) => text.includes(v)), ...DIGITS.filter((v) => bare.includes(v))];
}

describe("phone, ID and e-mail shaped values are masked in messages", () => {
  it("maskPersonalPatterns masks each shape, keeps what only looks close", () => {
    expect(
      maskPersonalPatterns(
        `电话${MOBILE}，${MOBILE_SPACED}，+86 139-1234-5678；座机${LANDLINE}、(010)12345678`,
      ),
    ).toBe("电话***，***，***；座机***、***");
    expect(maskPersonalPatterns(`${ID} ${OLD_ID} ${EMAIL}`)).toBe("*** *** ***");
    // dates, ids, amounts, hashes and years stay
    const kept = "2023-01-05 YSQ2023-001 3234项 1700元 20231231 a3f9c01234567890123456789b 〔2023〕12号";
    expect(maskPersonalPatterns(kept)).toBe(kept);
    expect(maskPersonalPatterns(`agency ${LANDLINE}`, new Set([LANDLINE]))).toBe(`agency ${LANDLINE}`);
  });

  it("scans a 300,000-letter value in one pass (the unbounded e-mail pattern took 130 s)", () => {
    // Found by the full fuzz round: a date field filled with 300,000 × "a" made every start
    // position of the e-mail pattern run to the end of the text. Bounded, it is linear: this
    // would otherwise exceed the test's timeout many times over.
    const long = "a".repeat(300_000);
    expect(maskPersonalPatterns(long)).toBe(long);
    expect(maskPersonalPatterns(`${long} ${EMAIL} ${long}`)).toBe(`${long} *** ${long}`);
    // a local part longer than 64 letters: the 64 before @ are masked with the address
    expect(maskPersonalPatterns(`${"b".repeat(100)}@example.cn`)).toBe(`${"b".repeat(36)}***`);
  });

  it("a quoted value is cut short in the message", async () => {
    const { quoteValue } = await import("../../src/data/messages.js");
    expect(quoteValue("a".repeat(300_000))).toBe(`"${"a".repeat(30)}…"`);
    expect(quoteValue(Array.from({ length: 100 }, (_, i) => i))).toMatch(/^\[0,1,2,.{40,}…$/);
  });

  it("describeValue and UserError never carry the value", () => {
    expect(describeValue(`联系${MOBILE}`, "zh")).toBe('文本 "联系***"');
    expect(describeValue(EMAIL, "en")).toBe('a string "***"');
    const e = new UserError(`bad ${ID}`, [`x ${EMAIL}`]);
    expect([e.message, ...e.details]).toEqual(["bad ***", "x ***"]);
  });

  it("every command on data and arguments holding them", async () => {
    const bad = broken();
    const ledger = path.join(work, "ledger.csv");
    fs.writeFileSync(
      ledger,
      [
        "申请编号,申请人,收到申请日期,答复日期,答复类型,申请人类型,申请方式,申请内容",
        `YSQ2023-900,甲,${ID},2023-02-03,${MOBILE},自然人,网络,x`,
        `YSQ2023-901,乙,2023-02-01,${LANDLINE},不予公开,${EMAIL},${MOBILE_SPACED},x`,
      ].join("\n"),
    );
    const runs: Run[] = [];
    for (const lang of ["zh", "en"]) {
      const l = ["--lang", lang];
      const out = path.join(work, `out-${lang}`);
      const argvs = [
        ["validate", bad],
        ["validate", bad, "--json"],
        ["audit", SAMPLE_2023, "--as-of", MOBILE],
        ["audit", bad, "--format", "json"],
        ["render", "annual-report", bad, "--out", out, "--format", "docx"],
        ["letters", bad, "--out", out, "--format", "docx"],
        ["letters", bad, "--out", out, "--format", "docx", "--json", "--force"],
        ["letters", SAMPLE_2023, "--out", out, "--request", EMAIL, "--format", "docx", "--force"],
        ["import", ledger, "--into", path.join(work, `into-${lang}.json`), "--dry-run"],
        ["deadline", "--received", ID],
        ["deadline", "--received", "2023-03-01", "--pause", `${MOBILE}..${LANDLINE}`],
      ];
      fs.copyFileSync(SAMPLE_2023, path.join(work, `into-${lang}.json`));
      for (const argv of argvs) {
        const r = await runInProcess([...argv, ...l]);
        runs.push(r);
        expect(leaks(r), `gongwen ${argv.join(" ")}\n${(r.stderr + r.stdout).slice(0, 1500)}`).toEqual([]);
      }
    }
    // The runs met the errors and still say where: file, line:column, record and field, masked value.
    const all = runs.map((r) => r.stdout + r.stderr).join("\n");
    expect(runs.filter((r) => r.code === 2).length).toBeGreaterThanOrEqual(12);
    expect(all).toMatch(/broken\.json 第\d+行第\d+列 申请 YSQ2022-041 的答复日期：/);
    expect(all).toContain("***");
  }, 120_000);
});
