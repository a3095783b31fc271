/**
 * `gongwen db copy`: an office's SQLite database moved whole to the engine under test
 * (PostgreSQL in the postgres run), row counts and digests checked, the copy usable after.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { copyDatabase, digestRows, openDatabase, Store } from "../../src/storage/index.js";
import type { Application, Dataset } from "../../src/index.js";
import { TEST_ENGINE, testDatabase, type TestDatabase } from "../helpers/db.js";

function sample(name: string): Dataset {
  return JSON.parse(readFileSync(join("samples", name), "utf8")) as Dataset;
}

let database: TestDatabase;
let file: string;
let office: number;
beforeEach(async () => {
  database = await testDatabase({ file: true });
  file = join(mkdtempSync(join(tmpdir(), "gongwen-copy-")), "office.sqlite");
  const s = await Store.open(file);
  office = await s.createOffice(sample("2023-district-bureau.json"), "测试");
  await s.importYear(office, sample("2014-commerce-bureau.json"), "测试");
  const app = sample("2023-district-bureau.json").disclosure.applications![3]!;
  await s.issueLetter(
    office,
    2023,
    { appId: app.id, suffix: "reply", kind: "reply", date: "2023-04-03", snapshot: app },
    { pattern: "P", format: (n) => `青禾市监公开〔2023〕${n}号` },
    "李某",
  );
  await s.updateApplication(office, 2023, { ...app, content: app.content + "（补）" }, 1, "李某", "edit");
  await s.close();
});
afterEach(async () => {
  await database.drop();
});

async function tableCounts(target: string): Promise<Record<string, number>> {
  const o = await openDatabase(target);
  try {
    const out: Record<string, number> = {};
    for (const t of ["office", "year_data", "application", "approval_case", "history", "letter", "counter"]) {
      const r = await o.db
        .selectFrom(t as "office")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      out[t] = Number(r.n);
    }
    return out;
  } finally {
    await o.close();
  }
}

describe(`db copy sqlite → ${TEST_ENGINE}`, () => {
  it("copies every table with equal counts and digests; the copy exports the same years and keeps numbering", async () => {
    const from = await openDatabase(file);
    const to = await openDatabase(database.target);
    let report;
    try {
      report = await copyDatabase(from, to);
    } finally {
      await from.close();
      await to.close();
    }
    const byTable = Object.fromEntries(report.map((r) => [r.table, r.rows]));
    // The counter of the 文号 issued, and the data revision of each year.
    expect(byTable).toMatchObject({ office: 1, year_data: 2, application: 42, letter: 1, counter: 3 });
    expect(byTable.history).toBeGreaterThan(2);
    expect(await tableCounts(database.target)).toEqual(await tableCounts(file));

    const src = await Store.open(file);
    const dst = await Store.open(database.target);
    try {
      for (const y of [2014, 2023])
        expect(JSON.stringify(await dst.exportYear(office, y))).toBe(
          JSON.stringify(await src.exportYear(office, y)),
        );
      const app =
        (await dst.application(office, 2023, "YSQ2023-001")) ?? (await dst.applications(office))[0]!;
      // The serial keys and the 文号 counter continue after the copied rows.
      const l = await dst.issueLetter(
        office,
        2023,
        { appId: app.record.id, suffix: "reply", kind: "reply", date: "2023-05-06", snapshot: app.record },
        { pattern: "P", format: (n) => `青禾市监公开〔2023〕${n}号` },
        "王某",
      );
      expect(l.docNumber).toBe("青禾市监公开〔2023〕2号");
      expect(l.id).toBe(2);
      const fresh: Application = { ...app.record, id: "YSQ2023-999" };
      await dst.insertApplication(office, 2023, fresh, "王某");
      const h = await dst.historyOf(office, 2023, "YSQ2023-999");
      expect(h[0]!.who).toBe("王某");
      expect((await src.applications(office)).length).toBe(42);
    } finally {
      await src.close();
      await dst.close();
    }
  });

  it("refuses a target that is not empty, writing nothing", async () => {
    const t = await Store.open(database.target);
    await t.createOffice(sample("2014-commerce-bureau.json"), "别人");
    await t.close();
    const before = await tableCounts(database.target);
    const from = await openDatabase(file);
    const to = await openDatabase(database.target);
    try {
      await expect(copyDatabase(from, to)).rejects.toThrow("目标数据库不是空的（数据表 office 已有 1 行）");
    } finally {
      await from.close();
      await to.close();
    }
    expect(await tableCounts(database.target)).toEqual(before);
  });

  it("the digest changes with any one value, and not with row order or number type", () => {
    const rows = [
      { id: 1, name: "甲", v: null },
      { id: 2, name: "乙", v: "x" },
    ];
    const d = digestRows(rows);
    expect(digestRows([rows[1]!, rows[0]!])).toBe(d);
    expect(digestRows([{ ...rows[0]!, id: 1n as unknown as number }, rows[1]!])).toBe(d);
    expect(digestRows([rows[0]!, { ...rows[1]!, v: "y" }])).not.toBe(d);
    expect(digestRows([rows[0]!, { ...rows[1]!, v: null }])).not.toBe(d);
  });

  it("gongwen db copy --from sqlite:FILE --to …: prints each table's rows and digest; exit 2 on a bad source", () => {
    const target =
      TEST_ENGINE === "postgres"
        ? database.target
        : join(mkdtempSync(join(tmpdir(), "gongwen-copy-")), "to.sqlite");
    const r = spawnSync(
      process.execPath,
      ["dist/cli/main.js", "db", "copy", "--from", `sqlite:${file}`, "--to", target],
      {
        encoding: "utf8",
      },
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("逐表核对行数和摘要一致");
    expect(r.stdout).toMatch(/application\s+42 {2}sha256 [0-9a-f]{16}/);
    expect(r.stdout).not.toContain(":gongwen@");
    const again = spawnSync(
      process.execPath,
      ["dist/cli/main.js", "db", "copy", "--from", `sqlite:${file}`, "--to", target],
      { encoding: "utf8" },
    );
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("目标数据库不是空的");
    const none = spawnSync(
      process.execPath,
      ["dist/cli/main.js", "db", "copy", "--from", "sqlite:/nonexistent/x.sqlite", "--to", target],
      { encoding: "utf8" },
    );
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("数据库文件不存在：sqlite:/nonexistent/x.sqlite");
  });
});
