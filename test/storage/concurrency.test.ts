/**
 * Several writers at once on one database (on PostgreSQL: two stores, as two server processes
 * would hold): no application lost or given the same position, no 文号 issued twice, a stale
 * change refused, and history complete.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StorageConflict, Store } from "../../src/storage/index.js";
import type { Application, Dataset } from "../../src/index.js";
import { TEST_ENGINE, testDatabase, type TestDatabase } from "../helpers/db.js";

let database: TestDatabase;
let a: Store;
let b: Store;
beforeEach(async () => {
  database = await testDatabase();
  a = await Store.open(database.target);
  // On SQLite one in-memory store serves both "processes" (its writes are serialized anyway).
  b = TEST_ENGINE === "postgres" ? await Store.open(database.target) : a;
});
afterEach(async () => {
  if (b !== a) await b.close();
  await a.close();
  await database.drop();
});

function sample(): Dataset {
  return JSON.parse(readFileSync(join("samples", "2023-district-bureau.json"), "utf8")) as Dataset;
}

function application(n: number): Application {
  return {
    id: `YSQ2023-9${String(n).padStart(2, "0")}`,
    applicant: { type: "natural-person", name: "某某" },
    channel: "in-person",
    submitted: "2023-06-01",
    content: `并发登记 ${n}`,
  } as Application;
}

describe(`concurrent writers (${TEST_ENGINE})`, () => {
  it("registrations from two stores at once: every one stored once, positions distinct", async () => {
    const office = await a.createOffice(sample(), "测试");
    const before = (await a.applications(office, { year: 2023 })).length;
    await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        (n % 2 ? a : b).insertApplication(office, 2023, application(n), `clerk${n}`),
      ),
    );
    const rows = await a.applications(office, { year: 2023 });
    expect(rows.length).toBe(before + 30);
    expect(new Set(rows.map((r) => r.seq)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.record.id)).size).toBe(rows.length);
    // Each registration wrote its own history rows, naming its clerk.
    const h = await a.historyOf(office, 2023, "YSQ2023-907");
    expect(h.length).toBeGreaterThan(0);
    expect(h.every((e) => e.who === "clerk7" && e.action === "register")).toBe(true);
  });

  it("letters issued from two stores at once: numbers 1…N, none twice; versions distinct", async () => {
    const office = await a.createOffice(sample(), "测试");
    const snapshot = sample().disclosure.applications![1]!;
    const issued = await Promise.all(
      Array.from({ length: 24 }, (_, n) =>
        (n % 2 ? a : b).issueLetter(
          office,
          2023,
          {
            appId: snapshot.id,
            suffix: n % 3 ? "reply" : "other",
            kind: "reply",
            date: "2023-05-06",
            snapshot,
          },
          { pattern: "青禾市监公开〔{year}〕{seq}号", format: (seq) => `青禾市监公开〔2023〕${seq}号` },
          "clerk",
        ),
      ),
    );
    const numbers = issued.map((l) => l.docNumber).sort();
    expect(new Set(numbers).size).toBe(24);
    expect(numbers).toEqual(Array.from({ length: 24 }, (_, n) => `青禾市监公开〔2023〕${n + 1}号`).sort());
    const replyVersions = issued.filter((l) => l.suffix === "reply").map((l) => l.version);
    expect(replyVersions.sort((x, y) => x - y)).toEqual(
      Array.from({ length: replyVersions.length }, (_, n) => n + 1),
    );
  });

  it("two changes of the same version: one saved, the other refused as stale", async () => {
    const office = await a.createOffice(sample(), "测试");
    const id = sample().disclosure.applications![0]!.id;
    const stored = (await a.application(office, 2023, id))!;
    const results = await Promise.allSettled(
      [a, b, a, b].map((s, n) =>
        s.updateApplication(
          office,
          2023,
          { ...stored.record, content: `改 ${n}` },
          stored.version,
          `clerk${n}`,
          "edit",
        ),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled").length).toBe(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(StorageConflict);
    const after = (await a.application(office, 2023, id))!;
    expect(after.version).toBe(stored.version + 1);
    const edits = (await a.historyOf(office, 2023, id)).filter((e) => e.action === "edit");
    expect(edits.length).toBe(1);
    expect(edits[0]!.newValue).toBe(JSON.stringify(after.record.content));
  });
});
