/**
 * The CLI's text output names records and fields as people do (the record by its id, else its
 * place in the list; the field by its Chinese name; dates in words; labels, not codes), through
 * the built binary (npm test builds first; or run `npx tsc -p tsconfig.build.json`). --json keeps
 * the pointers, codes and ISO dates as they were. What the user wrote, quoted, is left as written.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "gongwen-human-messages-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync("node", [join(ROOT, "dist/cli/main.js"), ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const fixture = (name: string) => readFileSync(join(ROOT, "test/fixtures/invalid", `${name}.json`), "utf8");

/** The error lines of `gongwen validate` on `text` (file name f.json), after the heading. */
function lines(text: string, lang: "zh" | "en"): string[] {
  writeFileSync(join(dir, "f.json"), text);
  const r = run(dir, "validate", "f.json", "--lang", lang);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  const out = r.stderr.split("\n");
  expect(out[0]).toMatch(/^f\.json(：数据有 \d+ 处错误|: \d+ errors? in the data)$/);
  expect(out.at(-1)).toBe("");
  return out.slice(1, -1);
}

/** A record without an id, and one with an id missing a required field. */
function missingFields(): string {
  const d = JSON.parse(fixture("impossible-date")) as {
    approval: { cases: Record<string, unknown>[] };
  };
  d.approval.cases[1]!.completed = "2023-03-10";
  delete d.approval.cases[0]!.id;
  delete d.approval.cases[1]!.received;
  return JSON.stringify(d, null, 2) + "\n";
}

describe("validate: text for people", () => {
  it("a date written another way: the field by name, the value as written", () => {
    expect(lines(fixture("date-format"), "zh")).toEqual([
      'f.json 第98行第22列 申请 A1 的提交日期：日期应写作 2023-03-05、2023/3/5 或 2023年3月5日，实际为 "4/3/2023"',
    ]);
    expect(lines(fixture("date-format"), "en")).toEqual([
      'f.json:98:22 application A1 submitted: a date is written 2023-03-05, 2023/3/5 or 2023年3月5日; found "4/3/2023"',
    ]);
  });

  it("a date that does not exist stays as written; a date in the order check is in words", () => {
    expect(lines(fixture("impossible-date"), "zh")).toEqual([
      "f.json 第63行第22列 办件 C2 的办结日期：日期 2023-02-30 不存在",
    ]);
    expect(lines(fixture("impossible-date"), "en")).toEqual([
      "f.json:63:22 approval case C2 completed: date 2023-02-30 does not exist",
    ]);
    expect(lines(fixture("reply-before-receipt"), "zh")).toEqual([
      "f.json 第116行第19列 申请 A2 的答复日期：答复日期2023年5月5日早于收到日期2023年5月8日",
    ]);
    expect(lines(fixture("reply-before-receipt"), "en")).toEqual([
      "f.json:116:19 application A2 reply.date: reply.date 5 May 2023 is before received 8 May 2023",
    ]);
  });

  it("a duplicate id: the other record by its place, not its pointer", () => {
    expect(lines(fixture("duplicate-case-id"), "zh")).toEqual([
      "f.json 第59行第15列 办件 C1 的编号：办件编号 C1 重复：与办件第1项相同",
    ]);
    expect(lines(fixture("duplicate-case-id"), "en")).toEqual([
      "f.json:59:15 approval case C1 id: case id C1 is used twice: also at approval case 1",
    ]);
  });

  it("a missing field: a record with an id by its id, one without by its place", () => {
    expect(lines(missingFields(), "zh")).toEqual([
      "f.json 第50行第7列 办件第1项的编号：缺少必填字段编号",
      "f.json 第57行第7列 办件 C2 的收到日期：缺少必填字段收到日期",
    ]);
    expect(lines(missingFields(), "en")).toEqual([
      "f.json:50:7 approval case 1 id: missing required field id",
      "f.json:57:7 approval case C2 received: missing required field received",
    ]);
  });

  it("codes by their labels in Chinese, as written in English; the value quoted as written", () => {
    expect(lines(fixture("wrong-enum-channel"), "zh")).toEqual([
      'f.json 第97行第20列 申请 A1 的申请方式："post" 不是申请方式的可选值；可选：当面提交、挂号信、平常信函、网络、传真、电子邮件',
    ]);
    expect(lines(fixture("wrong-enum-channel"), "en")).toEqual([
      'f.json:97:20 application A1 channel: "post" is not a valid channel; one of: in-person, registered-post, ordinary-post, online, fax, email',
    ]);
  });

  it("--json keeps the pointers, codes and ISO dates", () => {
    writeFileSync(join(dir, "f.json"), fixture("several-errors"));
    for (const lang of ["zh", "en"]) {
      const r = run(dir, "validate", "f.json", "--json", "--lang", lang);
      expect(r.code).toBe(2);
      const zh = lang === "zh";
      expect(JSON.parse(r.stdout)).toEqual({
        errors: [
          {
            file: "f.json",
            line: 4,
            column: 13,
            pointer: "/agency/shortName",
            code: "required",
            message: zh ? "缺少必填字段 shortName（机关简称）" : "missing required field shortName",
          },
          {
            file: "f.json",
            line: 52,
            column: 21,
            pointer: "/approval/cases/0/received",
            code: "date",
            message: zh ? "日期 2023-13-01 不存在" : "date 2023-13-01 does not exist",
          },
          {
            file: "f.json",
            line: 100,
            column: 19,
            pointer: "/disclosure/applications/0/reply/date",
            code: "order",
            message: zh
              ? "reply.date（答复日期）2023-04-01 早于 received（收到日期）2023-04-03"
              : "reply.date 2023-04-01 is before received 2023-04-03",
          },
        ],
        normalised: [],
      });
    }
  });
});

describe("a load error of another command", () => {
  it("render prints the line validate prints; letters the same sentence at the request", () => {
    writeFileSync(join(dir, "f.json"), fixture("reply-before-receipt"));
    const said = "答复日期2023年5月5日早于收到日期2023年5月8日";
    const render = run(dir, "render", "annual-report", "f.json", "--out", "ar");
    expect(render.code).toBe(2);
    expect(render.stderr.split("\n")).toContain(`f.json 第116行第19列 申请 A2 的答复日期：${said}`);
    const letters = run(dir, "letters", "f.json", "--out", "letters", "--format", "docx");
    expect(letters.code).toBe(2);
    expect(letters.stderr.split("\n")).toContain(`f.json 第116行第19列 A2：答复日期：${said}`);
    const en = run(dir, "letters", "f.json", "--out", "letters-en", "--format", "docx", "--lang", "en");
    expect(en.stderr.split("\n")).toContain(
      "f.json:116:19 A2: reply.date: reply.date 5 May 2023 is before received 8 May 2023",
    );
    // --json: the message as built.
    const json = run(dir, "letters", "f.json", "--out", "letters-json", "--format", "docx", "--json");
    expect((JSON.parse(json.stdout) as { errors: string[] }).errors).toEqual([
      "f.json 第116行第19列 A2：reply.date：reply.date（答复日期）2023-05-05 早于 received（收到日期）2023-05-08",
    ]);
  });
});

describe("a ledger import error", () => {
  const ledger =
    "申请编号,申请人,申请人类型,申请方式,收到申请日期,申请内容,答复日期,答复类型\nYSQ2014-301,钱某某,自然人,当面,2014/6/10,信息,2014/6/2,予以公开\n";
  it("names the row and record, the fields by name and the dates in words (zh and en)", () => {
    writeFileSync(
      join(dir, "data.json"),
      readFileSync(join(ROOT, "test/fixtures/ledgers/dataset-2014.json")),
    );
    writeFileSync(join(dir, "late.csv"), ledger);
    const zh = run(dir, "import", "late.csv", "--into", "data.json");
    expect(zh.code).toBe(2);
    expect(zh.stderr.split("\n")).toEqual([
      "late.csv：导入后的数据有 1 处错误，未写入 data.json",
      "late.csv 第2行（记录 YSQ2014-301）：答复日期2014年6月2日早于收到日期2014年6月10日",
      "",
    ]);
    const en = run(dir, "import", "late.csv", "--into", "data.json", "--lang", "en");
    expect(en.code).toBe(2);
    expect(en.stderr.split("\n").slice(1)).toEqual([
      "late.csv row 2 (record YSQ2014-301): reply.date 2 June 2014 is before received 10 June 2014",
      "",
    ]);
  });
});
