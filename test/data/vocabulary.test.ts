/**
 * One vocabulary: the dataset JSON takes the Chinese labels `import` takes wherever a code is
 * asked, and dates as 2025/3/5 or 2025年3月5日; they are normalised on read, listed with their
 * positions, and errors elsewhere keep their exact line:column.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateDataset, validateDatasetText } from "../../src/data/validate.js";
import { normaliseDateText } from "../../src/data/vocabulary.js";
import { parseLettersDataset } from "../../src/letters/load.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const SAMPLE = readFileSync(resolve(ROOT, "samples/2023-district-bureau.json"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "gongwen-vocabulary-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The sample with the record of `id` rewritten by `edit` (text replacements inside it). */
function withRecord(id: string, edits: [string, string][]): string {
  const start = SAMPLE.indexOf(`"id": "${id}"`);
  const end = SAMPLE.indexOf(`"id": "`, start + 5);
  let rec = SAMPLE.slice(start, end);
  for (const [from, to] of edits) {
    expect(rec).toContain(from);
    rec = rec.replace(from, to);
  }
  return SAMPLE.slice(0, start) + rec + SAMPLE.slice(end);
}

/** 1-based line:column of the first `needle` at or after `after` in `text`. */
function positionOf(text: string, needle: string, after = 0): { line: number; column: number } {
  const at = text.indexOf(needle, after);
  expect(at).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at);
  return { line: before.split("\n").length, column: at - before.lastIndexOf("\n") };
}

describe("labels and dates in the dataset", () => {
  const text = withRecord("YSQ2023-003", [
    ['"type": "natural-person"', '"type": "自然人"'],
    ['"channel": "registered-post"', '"channel": "挂号信"'],
    ['"type": "refused", "reason": "state-secret"', '"type": "不予公开（属于国家秘密）"'],
  ]);

  it("reads Chinese labels as their codes, the reason from 不予公开（属于国家秘密）", () => {
    const r = validateDatasetText(text, "x.json", "zh");
    expect(r.errors).toEqual([]);
    const app = r.data!.disclosure.applications!.find((a) => a.id === "YSQ2023-003")!;
    expect(app.applicant.type).toBe("natural-person");
    expect(app.channel).toBe("registered-post");
    expect(app.reply).toMatchObject({ type: "refused", reason: "state-secret" });
    // The same dataset as the sample itself: nothing else changed.
    expect(r.data).toEqual(validateDatasetText(SAMPLE, "s.json").data);
    const rec = text.indexOf('"id": "YSQ2023-003"');
    const i = 5; // YSQ2023-003 is the sixth application
    expect(r.normalised).toEqual([
      {
        pointer: `/disclosure/applications/${i}/applicant/type`,
        kind: "label",
        list: "ApplicantType",
        from: "自然人",
        to: "natural-person",
        ...positionOf(text, '"自然人"', rec),
      },
      {
        pointer: `/disclosure/applications/${i}/channel`,
        kind: "label",
        list: "Channel",
        from: "挂号信",
        to: "registered-post",
        ...positionOf(text, '"挂号信"', rec),
      },
      {
        pointer: `/disclosure/applications/${i}/reply/type`,
        kind: "label",
        list: "ReplyType",
        from: "不予公开（属于国家秘密）",
        to: "refused",
        ...positionOf(text, '"不予公开（属于国家秘密）"', rec),
      },
      {
        // No reason in the text: placed where it was read from.
        pointer: `/disclosure/applications/${i}/reply/reason`,
        kind: "label",
        list: "Reason",
        from: "不予公开（属于国家秘密）",
        to: "state-secret",
        source: `/disclosure/applications/${i}/reply/type`,
        ...positionOf(text, '"不予公开（属于国家秘密）"', rec),
      },
    ]);
  });

  it("reads 2022/12/8, 2022.12.8 and 2022年12月8日 as dates", () => {
    expect(normaliseDateText("2025/3/5")).toBe("2025-03-05");
    expect(normaliseDateText("2025年3月5日")).toBe("2025-03-05");
    expect(normaliseDateText("２０２５．３．５")).toBe("2025-03-05");
    expect(normaliseDateText("2025-3-5")).toBe("2025-03-05");
    expect(normaliseDateText("3/5/2025")).toBeUndefined();
    expect(normaliseDateText("2025/3-5")).toBeUndefined();
    const t = withRecord("YSQ2022-041", [
      ['"submitted": "2022-12-08"', '"submitted": "2022年12月8日"'],
      ['"confirmed": "2022-12-08"', '"confirmed": "2022/12/8"'],
      ['"date": "2023-01-05"', '"date": "2023.1.5"'],
    ]);
    const r = validateDatasetText(t, "x.json", "en");
    expect(r.errors).toEqual([]);
    expect(r.data).toEqual(validateDatasetText(SAMPLE, "s.json").data);
    expect(r.normalised.map((n) => [n.pointer, n.from, n.to])).toEqual([
      ["/disclosure/applications/0/submitted", "2022年12月8日", "2022-12-08"],
      ["/disclosure/applications/0/confirmed", "2022/12/8", "2022-12-08"],
      ["/disclosure/applications/0/reply/date", "2023.1.5", "2023-01-05"],
    ]);
  });

  it("keeps the line:column of errors: a date that does not exist, an unknown label", () => {
    const t = withRecord("YSQ2023-003", [
      ['"type": "natural-person"', '"type": "自然人"'],
      ['"channel": "registered-post"', '"channel": "飞鸽传书"'],
      ['"submitted": "2023-02-06"', '"submitted": "2023年2月30日"'],
    ]);
    const rec = t.indexOf('"id": "YSQ2023-003"');
    const r = validateDatasetText(t, "x.json", "zh");
    expect(r.ok).toBe(false);
    const errs = r.errors.map((e) => [e.line, e.column, e.pointer, e.code]);
    expect(errs).toContainEqual([
      ...Object.values(positionOf(t, '"飞鸽传书"', rec)),
      "/disclosure/applications/5/channel",
      "enum",
    ]);
    expect(r.errors.find((e) => e.pointer.endsWith("/submitted"))).toMatchObject({
      ...positionOf(t, '"2023年2月30日"', rec),
      code: "date",
      message: "日期 2023-02-30 不存在",
    });
  });

  it("normalises a dataset given as a value (the workbench's path)", () => {
    const d = JSON.parse(SAMPLE) as { disclosure: { applications: Record<string, unknown>[] } };
    d.disclosure.applications[0]!.channel = "网上申请";
    const r = validateDataset(d, "zh");
    expect(r.ok).toBe(true);
    expect(d.disclosure.applications[0]!.channel).toBe("online");
    expect(r.normalised).toEqual([
      {
        pointer: "/disclosure/applications/0/channel",
        kind: "label",
        list: "Channel",
        from: "网上申请",
        to: "online",
      },
    ]);
  });

  it("letters read the normalised records even when another record is set aside", () => {
    const t = withRecord("YSQ2023-003", [
      ['"channel": "registered-post"', '"channel": "挂号信"'],
      ['"type": "natural-person"', '"type": "外星人"'],
    ]);
    const r = parseLettersDataset(t.replace('"channel": "online"', '"channel": "网上申请"'), "x.json", "zh");
    expect(r.invalid.has(5)).toBe(true);
    expect(r.dataset.disclosure.applications![0]!.channel).toBe("online");
    expect(r.dataset.disclosure.applications![5]!.channel).toBe("registered-post");
  });

  it("gongwen validate says what it read; --json lists it", () => {
    const t = withRecord("YSQ2023-003", [
      ['"type": "natural-person"', '"type": "自然人"'],
      ['"signedFor": "2023-02-08"', '"signedFor": "2023/2/8"'],
    ]);
    const f = join(dir, "labels.json");
    writeFileSync(f, t);
    const run = (...a: string[]) =>
      spawnSync("node", ["dist/cli/main.js", ...a], { cwd: ROOT, encoding: "utf8" });
    const p1 = positionOf(t, '"自然人"', t.indexOf('"id": "YSQ2023-003"'));
    const p2 = positionOf(t, '"2023/2/8"');
    const zh = run("validate", f);
    expect(zh.stderr).toBe("");
    expect(zh.status).toBe(0);
    expect(zh.stdout).toBe(
      `${f}：数据有效（2023 年度，审批办结 3234 件，依申请公开申请 42 件）\n` +
        "按中文名称或日期的其他写法读取了 2 处：\n" +
        `  ${f} 第${p1.line}行第${p1.column}列：申请人类型“自然人”读作“自然人”\n` +
        `  ${f} 第${p2.line}行第${p2.column}列：日期“2023/2/8”读作2023年2月8日\n`,
    );
    const en = run("validate", f, "--lang", "en");
    expect(en.stdout.split("\n").slice(1, 4)).toEqual([
      "2 values read from a Chinese label or another way of writing a date:",
      `  ${f}:${p1.line}:${p1.column} applicant type "自然人" read as natural-person`,
      `  ${f}:${p2.line}:${p2.column} date "2023/2/8" read as 2023-02-08`,
    ]);
    const json = run("validate", f, "--json");
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      errors: [],
      normalised: [
        {
          ...p1,
          pointer: "/disclosure/applications/5/applicant/type",
          kind: "label",
          list: "ApplicantType",
          from: "自然人",
          to: "natural-person",
        },
        {
          ...p2,
          pointer: "/disclosure/applications/5/signedFor",
          kind: "date",
          list: "date",
          from: "2023/2/8",
          to: "2023-02-08",
        },
      ],
    });
  });
});
