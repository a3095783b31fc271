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
  // The migrations after it (later releases) follow.
  expect((await migrateToLatest(opened.db, opened.engine)).slice(0, 2)).toEqual([
    "0003-import-preview",
    "0004-agencies-users",
  ]);
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

it(`0004 makes an existing office the root agency, its records and history its own (${TEST_ENGINE})`, async () => {
  await migrateTo(opened.db, opened.engine, "0003-import-preview");
  const db = opened.db;
  await db.insertInto("office").values({ name: "老机关", created_at: "2026-01-01T00:00:00Z" }).execute();
  await db
    .insertInto("history")
    .values({
      office_id: 1,
      year: 2026,
      record_id: "YSQ2026-001",
      at: "2026-01-02T00:00:00Z",
      who: "经办人",
      action: "register",
      field: "id",
      old_value: null,
      new_value: '"YSQ2026-001"',
    })
    .execute();
  expect((await migrateToLatest(db, opened.engine))[0]).toBe("0004-agencies-users");
  const office = await db.selectFrom("office").selectAll().executeTakeFirstOrThrow();
  expect([office.name, office.parent_id]).toEqual(["老机关", null]);
  const h = await db.selectFrom("history").selectAll().executeTakeFirstOrThrow();
  expect([h.who, h.user_id]).toEqual(["经办人", null]);
  // A department under it; a user of it; a user name is taken once; a session needs its user.
  await db
    .insertInto("office")
    .values({ name: "下属部门", created_at: "2026-01-03T00:00:00Z", parent_id: 1 })
    .execute();
  const user = {
    office_id: 2,
    username: "li",
    display_name: "李某",
    roles: "clerk",
    password_hash: "scrypt$x",
    created_at: "2026-01-03T00:00:00Z",
  };
  await db.insertInto("app_user").values(user).execute();
  await expect(db.insertInto("app_user").values(user).execute()).rejects.toThrow();
  await expect(
    db
      .insertInto("session")
      .values({ id: "s", user_id: 99, agency_id: 2, csrf: "c", created_at: "x", expires_at: "y" })
      .execute(),
  ).rejects.toThrow();
  await expect(
    db.insertInto("office").values({ name: "无上级", created_at: "x", parent_id: 42 }).execute(),
  ).rejects.toThrow();
});

it(`0005 adds the year-end batch files, each written once (${TEST_ENGINE})`, async () => {
  await migrateTo(opened.db, opened.engine, "0004-agencies-users");
  await opened.db.insertInto("office").values({ name: "机关", created_at: "2026-01-01T00:00:00Z" }).execute();
  expect((await migrateToLatest(opened.db, opened.engine))[0]).toBe("0005-batch-output");
  const { BatchOutputs } = await import("../../src/storage/index.js");
  const outputs = new BatchOutputs(opened.db);
  const key = { officeId: 1, year: 2023, revision: "3.0" };
  const bytes = new Uint8Array([0, 1, 2, 255, 0, 37]);
  const file = { name: "self-audit.pdf", mediaType: "application/pdf", bytes };
  expect(await outputs.put(key, "job-1", [file])).toBe(1);
  // A retried job writes nothing: the first file stays, with its job and time.
  expect(await outputs.put(key, "job-2", [{ ...file, bytes: new Uint8Array([9]) }])).toBe(0);
  const back = await outputs.file(1, 2023, "3.0", "self-audit.pdf");
  expect(back && [...back.bytes]).toEqual([...bytes]);
  expect(back?.jobId).toBe("job-1");
  expect(await outputs.count(1, 2023, "3.0")).toBe(1);
  expect(await outputs.file(1, 2023, "4.0", "self-audit.pdf")).toBeNull();
  expect((await outputs.ofAgencies([1])).map((f) => [f.name, f.size])).toEqual([["self-audit.pdf", 6]]);
  expect(await outputs.ofAgencies([2])).toEqual([]);
});

it(`0006 gives existing users no e-mail, keeps them enabled, and records one digest a user and day (${TEST_ENGINE})`, async () => {
  await migrateTo(opened.db, opened.engine, "0005-batch-output");
  const db = opened.db;
  await db.insertInto("office").values({ name: "机关", created_at: "2026-01-01T00:00:00Z" }).execute();
  await db
    .insertInto("app_user")
    .values({
      office_id: 1,
      username: "li",
      display_name: "李某",
      roles: "clerk",
      password_hash: "scrypt$x",
      created_at: "2026-01-03T00:00:00Z",
    })
    .execute();
  expect((await migrateToLatest(db, opened.engine))[0]).toBe("0006-user-email-digest");
  const u = await db.selectFrom("app_user").selectAll().executeTakeFirstOrThrow();
  expect([u.username, u.email, u.disabled_at]).toEqual(["li", null, null]);
  const sent = { user_id: Number(u.id), day: "2026-11-25", sent_at: "2026-11-25T01:00:00Z" };
  await db.insertInto("digest_sent").values(sent).execute();
  await expect(db.insertInto("digest_sent").values(sent).execute()).rejects.toThrow();
  await expect(
    db
      .insertInto("digest_sent")
      .values({ ...sent, user_id: 99 })
      .execute(),
  ).rejects.toThrow();
});

it(`0007 refuses a second letter with a 文号 already issued in the agency (${TEST_ENGINE})`, async () => {
  await migrateToLatest(opened.db, opened.engine);
  const db = opened.db;
  const letter = (office: number, app: string, docNumber: string | null) => ({
    office_id: office,
    year: 2026,
    app_id: app,
    suffix: "reply",
    kind: "reply",
    version: 1,
    doc_number: docNumber,
    letter_date: "2026-11-20",
    snapshot: "{}",
    issued_at: "2026-11-20T00:00:00Z",
    who: "x",
  });
  await db
    .insertInto("letter")
    .values(letter(1, "A", "甲复〔2026〕1号"))
    .execute();
  await expect(
    db
      .insertInto("letter")
      .values(letter(1, "B", "甲复〔2026〕1号"))
      .execute(),
  ).rejects.toThrow();
  // Another agency's letter may carry the same text; letters without a number are many.
  await db
    .insertInto("letter")
    .values(letter(2, "A", "甲复〔2026〕1号"))
    .execute();
  await db
    .insertInto("letter")
    .values(letter(1, "C", null))
    .execute();
  await db
    .insertInto("letter")
    .values(letter(1, "D", null))
    .execute();
  expect((await db.selectFrom("letter").select("id").execute()).length).toBe(4);
});
