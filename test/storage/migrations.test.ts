/** Migrations on the engine under test: from the first release to the latest. */
import { afterEach, beforeEach, expect, it } from "vitest";
import { openDatabase, migrateToLatest, type OpenedDatabase } from "../../src/storage/index.js";
import { migrateTo } from "../../src/storage/migrations.js";
import { TEST_ENGINE, testDatabase, type TestDatabase } from "../helpers/db.js";

let database: TestDatabase;
let opened: OpenedDatabase;
beforeEach(async () => {
  database = await testDatabase();
  opened = await openDatabase(database.target);
});
afterEach(async () => {
  await opened.close();
  await database.drop();
});

it(`0002 renames the first release's counters (pattern NUL year) to year/pattern (${TEST_ENGINE})`, async () => {
  await migrateTo(opened.db, opened.engine, "0001-initial");
  // PostgreSQL text never held a NUL, so only SQLite databases have such counters.
  const old = TEST_ENGINE === "sqlite" ? "青禾市监公开〔{year}〕{seq}号\u00002026" : "2026/已是新名";
  await opened.db.insertInto("office").values({ name: "机关", created_at: "2026-01-01T00:00:00Z" }).execute();
  await opened.db.insertInto("counter").values({ office_id: 1, name: old, value: 7 }).execute();
  expect(await migrateToLatest(opened.db, opened.engine)).toContain("0002-counter-names");
  const rows = await opened.db.selectFrom("counter").selectAll().execute();
  expect(rows.map((r) => [r.name, Number(r.value)])).toEqual([
    [TEST_ENGINE === "sqlite" ? "2026/青禾市监公开〔{year}〕{seq}号" : old, 7],
  ]);
  expect(await migrateToLatest(opened.db, opened.engine)).toEqual([]);
});

it(`0003 adds the table of ledger previews to a database of the earlier release (${TEST_ENGINE})`, async () => {
  await migrateTo(opened.db, opened.engine, "0002-counter-names");
  await opened.db.insertInto("office").values({ name: "机关", created_at: "2026-01-01T00:00:00Z" }).execute();
  expect(await migrateToLatest(opened.db, opened.engine)).toEqual(["0003-import-preview"]);
  const row = {
    token: "t1",
    office_id: 1,
    kind: "applications",
    year: 2026,
    payload: "{}",
    created_at: "2026-01-01T00:00:00Z",
    expires_at: "2026-01-01T12:00:00Z",
  };
  await opened.db.insertInto("import_preview").values(row).execute();
  const back = await opened.db.selectFrom("import_preview").selectAll().execute();
  expect(back.map((r) => ({ ...r, office_id: Number(r.office_id), year: Number(r.year) }))).toEqual([row]);
  // A preview belongs to an office that exists; a token is kept once.
  await expect(opened.db.insertInto("import_preview").values(row).execute()).rejects.toThrow();
  await expect(
    opened.db
      .insertInto("import_preview")
      .values({ ...row, token: "t2", office_id: 99 })
      .execute(),
  ).rejects.toThrow();
});
